package lessons

// loops holds the lessons of the loops chapter, in reading order.
var loops = []Lesson{}
