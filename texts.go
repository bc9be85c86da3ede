package main

import "sockbook/content/i18n"

// texts are the words the commands print around the workbook's own text
// (chapters, lesson titles, hints and check texts come from content,
// lessons and solutions), as fmt formats. A translation may reorder a
// format's arguments with explicit indexes (%[2]d); a test holds that each
// takes the same arguments as the English. Usage text and error messages
// stay English.
type texts struct {
	// list
	listExercise, listPassed, listNotYet, listToDo string
	listProgress                                   string // passed, exercises
	listFooter                                     string

	// check: its paragraphs are wrapped to the terminal, so they hold no
	// line breaks; a verdict starts with its label, which is coloured.
	checkHeading       string // program, exercise, scenarios
	checkServerAt      string // address
	checkPassedLabel   string
	checkFailedLabel   string
	checkPassedSkipped string // label, passed, skipped
	checkPassedAll     string // label, passed, exercise
	checkFailedCount   string // label, passed, scenarios
	checkFirstFailure  string // scenario, description
	checkExpected      string // the label before what was expected
	checkGot           string // the label before what came back
	checkTranscript    string
	checkStuck         string // exercise, scenario
	checkLeftOut       string // events
	checkAllLine       string // mark, exercise, passed, scenarios
	checkAllWhy        string

	// hint
	hintHeader  string // number, hints, hint
	hintNext    string // exercise
	hintOutside string
	hintLast    string // exercise

	// watch, init, export, run --step
	watchStatus string // exercise
	initWrote   string // path
	initNothing string // folder
	initNext    string // folder, exercise, exercise
	exportWrote string // chapters, languages, folder, index
	stepHelp    string
}

// textsFor returns the texts in lang.
func textsFor(lang i18n.Lang) *texts {
	if lang == i18n.ZH {
		return &textsZH
	}
	return &textsEN
}

var textsEN = texts{
	listExercise: "exercise",
	listPassed:   "✔ passed",
	listNotYet:   "✘ not yet",
	listToDo:     "· to do",
	listProgress: "Passed %d of %d exercises. ",
	listFooter:   "Read a chapter: sockbook read basics · run a lesson: sockbook run basics/echo",

	checkHeading:       "Checking %s against %s (%d scenarios)",
	checkServerAt:      "the server at %s",
	checkPassedLabel:   "Passed:",
	checkFailedLabel:   "Failed:",
	checkPassedSkipped: "%s %d scenarios pass; %d skipped (they start the server themselves: check a file to run them).",
	checkPassedAll:     "%s all %d scenarios pass. `sockbook solution %s` shows the reference solution to compare.",
	checkFailedCount:   "%s %d of %d scenarios pass.",
	checkFirstFailure:  "First failure: %s — %s",
	checkExpected:      "expected: ",
	checkGot:           "got: ",
	checkTranscript:    "Transcript of that scenario (your program, and the checker's side):",
	checkStuck:         "Stuck? `sockbook hint %s` gives a hint. Re-run one scenario with --scenario %s.",
	checkLeftOut:       "… %d events left out …",
	checkAllLine:       "%s %-16s %d/%d scenarios\n",
	checkAllWhy:        "\nsockbook check EXERCISE shows why one fails.\n",

	hintHeader:  "Hint %d of %d:\n%s\n\n",
	hintNext:    "Run `sockbook hint %s` again for the next one.\n",
	hintOutside: "Outside a workspace each call shows the first hint; --all shows them all.\n",
	hintLast:    "That was the last hint. After a pass, `sockbook solution %s` shows the reference.\n",

	watchStatus: "\n[watching exercises/%s] n next · h hint · r re-run · q quit\n",
	initWrote:   "wrote %s\n",
	initNothing: "%s is already a workspace; nothing to write\n",
	initNext:    "\nNext: cd %s, edit exercises/%s/main.go, then run: sockbook check %s\n",
	exportWrote: "wrote %d pages in %d languages to %s (open %s)\n",
	stepHelp:    "Step through the transcript: Enter or space for the next event, c to continue to the end.\n",
}
