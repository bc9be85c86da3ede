package main

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The reports that grade and check --all write from verdicts, for
// machines: JUnit XML, which GitLab, Jenkins and most CI servers show as
// test results, and CSV for a spreadsheet. (JSON is the verdicts
// themselves.)

// junitSuites is a JUnit XML report: a suite per learner, a test case per
// learner and exercise.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
}

// junitProblem is a failure, an error or a skip: a one-line message, and
// for a failure the scenarios' verdicts as its text.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// junitSeconds formats a duration in seconds as JUnit wants it.
func junitSeconds(s float64) string { return strconv.FormatFloat(s, 'f', 3, 64) }

// junitReport turns verdicts into a JUnit report. A pass is a passing
// test case; a failed scenario, or a program that does not compile, a
// failure whose message is the first failing scenario's name, expected
// and got; a program not started is skipped; one that could not be read
// or checked is an error.
func junitReport(learners []learnerVerdicts) junitSuites {
	all := junitSuites{Name: "sockbook"}
	var total float64
	for _, l := range learners {
		suite := junitSuite{Name: l.Learner}
		var secs float64
		for _, v := range l.Verdicts {
			c := junitCase{ClassName: l.Learner, Name: v.Exercise, Time: junitSeconds(v.Seconds)}
			switch v.Status {
			case statusFail:
				c.Failure = &junitProblem{Message: failureMessage(v), Type: "check", Text: scenarioLines(v)}
				suite.Failures++
			case statusNotStarted:
				c.Skipped = &junitProblem{Message: "not started: " + v.Reason}
				suite.Skipped++
			case statusError:
				c.Error = &junitProblem{Message: v.Reason, Type: "unreadable"}
				suite.Errors++
			}
			suite.Tests++
			secs += v.Seconds
			suite.Cases = append(suite.Cases, c)
		}
		suite.Time = junitSeconds(secs)
		total += secs
		all.Tests += suite.Tests
		all.Failures += suite.Failures
		all.Errors += suite.Errors
		all.Skipped += suite.Skipped
		all.Suites = append(all.Suites, suite)
	}
	all.Time = junitSeconds(total)
	return all
}

// scenarioLines lists a checked program's scenarios, one line each, and
// explains the first failure under it.
func scenarioLines(v exerciseVerdict) string {
	if v.report == nil {
		return v.Reason
	}
	var b strings.Builder
	for _, sc := range v.report.Scenarios {
		mark := "pass"
		switch {
		case sc.Skipped:
			mark = "skip"
		case !sc.Pass:
			mark = "FAIL"
		}
		fmt.Fprintf(&b, "%s %s\n", mark, sc.Name)
	}
	if f := v.First; f != nil {
		fmt.Fprintf(&b, "\nFirst failure: %s (%s)\n%s\n", f.Name, f.Doc, f.What)
		if f.Expected != "" || f.Got != "" {
			fmt.Fprintf(&b, "expected: %s\ngot:      %s\n", f.Expected, f.Got)
		}
	}
	return b.String()
}

// writeJUnit writes the JUnit report of learners' verdicts to path.
func writeJUnit(path string, learners []learnerVerdicts) error {
	b, err := xml.MarshalIndent(junitReport(learners), "", "  ")
	if err != nil {
		return fmt.Errorf("junit report: %w", err)
	}
	return writeReport(path, append([]byte(xml.Header), append(b, '\n')...))
}

// csvHeader names the CSV report's columns: a row per learner and
// exercise.
var csvHeader = []string{"learner", "exercise", "status", "scenarios_passed", "scenarios", "first_failure", "message", "workspace"}

// writeCSV writes learners' verdicts as CSV: a header, then a row per
// learner and exercise.
func writeCSV(w io.Writer, learners []learnerVerdicts) error {
	cw := csv.NewWriter(w)
	cw.Write(csvHeader)
	for _, l := range learners {
		for _, v := range l.Verdicts {
			first := ""
			if v.First != nil {
				first = v.First.Name
			}
			msg := ""
			if v.Status != statusPass {
				msg = failureMessage(v)
			}
			cw.Write([]string{l.Learner, v.Exercise, string(v.Status), strconv.Itoa(v.Passed), strconv.Itoa(v.Total), first, msg, l.Workspace})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv report: %w", err)
	}
	return nil
}

// writeReport writes a report file, creating its folder if needed.
func writeReport(path string, data []byte) error {
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
