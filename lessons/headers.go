package lessons

// headers holds the lessons of the headers chapter, in reading order.
var headers = []Lesson{}
