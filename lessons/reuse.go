package lessons

// reuse holds the lessons of the reuse chapter, in reading order.
var reuse = []Lesson{}
