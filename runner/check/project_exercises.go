package check

// projectExercises returns the exercises of the projects chapter:
// file-upload, upload-client and remote-cmd.
func projectExercises() []Exercise {
	return []Exercise{fileUpload(), uploadClient(), remoteCmd()}
}
