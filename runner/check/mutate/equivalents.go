package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// equivalentsFile is the list of mutants that no scenario can kill, in
// this folder: one per line, the mutant's id, then after spaces the reason
// it is equivalent (no behaviour the protocol fixes differs). Lines
// starting with # and blank lines are comments.
const equivalentsFile = "equivalent.txt"

// idForm is the form of a mutant's id.
var idForm = regexp.MustCompile(`^[a-z0-9-]+/[A-Za-z0-9_.]+/[a-z0-9+-]+/[0-9a-f]{8}(-[0-9]+)?$`)

// parseEquivalents reads the equivalents list: id -> reason. A malformed
// line, a repeated id or an empty reason is an error.
func parseEquivalents(b []byte) (map[string]string, error) {
	out := make(map[string]string)
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(reason)
		switch {
		case !idForm.MatchString(id):
			return nil, fmt.Errorf("%s:%d: %q is not a mutant id (exercise/function/operator/hash)", equivalentsFile, n, id)
		case reason == "":
			return nil, fmt.Errorf("%s:%d: %s has no reason", equivalentsFile, n, id)
		case out[id] != "":
			return nil, fmt.Errorf("%s:%d: %s is listed twice", equivalentsFile, n, id)
		}
		out[id] = reason
	}
	return out, sc.Err()
}

// readEquivalents reads the equivalents list from dir.
func readEquivalents(dir string) (map[string]string, error) {
	b, err := os.ReadFile(dir + "/" + equivalentsFile)
	if err != nil {
		return nil, fmt.Errorf("read the equivalent mutants: %w", err)
	}
	return parseEquivalents(b)
}
