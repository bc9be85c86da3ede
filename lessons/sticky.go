package lessons

// sticky holds the lessons of the sticky chapter, in reading order.
var sticky = []Lesson{}
