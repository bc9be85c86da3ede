package check

import "time"

// projectTimeout bounds a projects scenario that names no timeout of its
// own. These scenarios open several connections and move files through
// the learner's program, which the runner interprets: more than
// DefaultTimeout allows for on a busy machine. A correct program passes in
// a fraction of it; a broken one is caught by the scenarios' shorter waits.
const projectTimeout = 10 * time.Second

// projectExercises returns the exercises of the projects chapter:
// file-upload, upload-client and remote-cmd.
func projectExercises() []Exercise {
	return []Exercise{fileUpload(), uploadClient(), remoteCmd()}
}

// withProjectTimeout gives every scenario of ex without a timeout of its
// own projectTimeout.
func withProjectTimeout(ex Exercise) Exercise {
	for i := range ex.Scenarios {
		if ex.Scenarios[i].Timeout == 0 {
			ex.Scenarios[i].Timeout = projectTimeout
		}
	}
	return ex
}
