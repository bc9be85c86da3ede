package lessons

// udp holds the lessons of the udp chapter, in reading order.
var udp = []Lesson{}
