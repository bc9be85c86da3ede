package check

// coreExercises returns the exercises of the chapters basics to
// concurrency: hello-once, echo-upper, udp-time, line-frames, length-prefix
// and echo-concurrent.
func coreExercises() []Exercise {
	return []Exercise{
		helloOnce(),
		echoUpper(),
		udpTime(),
		lineFrames(),
		lengthPrefix(),
		echoConcurrent(),
	}
}
