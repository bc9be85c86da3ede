package lessons

// projects holds the lessons of the projects chapter, in reading order.
var projects = []Lesson{}
