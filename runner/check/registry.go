package check

import "fmt"

// All returns every exercise, in the order the chapters teach them.
func All() []Exercise {
	return append(coreExercises(), projectExercises()...)
}

// Find returns the exercise with the given id.
func Find(id string) (Exercise, error) {
	for _, e := range All() {
		if e.ID == id {
			return e, nil
		}
	}
	return Exercise{}, fmt.Errorf("no exercise %q", id)
}
