package lessons

// concurrency holds the lessons of the concurrency chapter, in reading order.
var concurrency = []Lesson{}
