package child

import (
	"fmt"
	"io"
	"log"
	"reflect"
)

// fatalLogger is the log package's standard logger as a program under the
// child sees it: it writes to the program's standard error, and Fatal
// prints then exits with status 1, as in compiled Go (yaegi's own version
// panics instead).
type fatalLogger struct {
	l    *log.Logger
	exit func(int)
}

func newFatalLogger(stderr io.Writer, exit func(int)) *fatalLogger {
	return &fatalLogger{l: log.New(stderr, "", log.LstdFlags), exit: exit}
}

func (f *fatalLogger) Fatal(v ...any) {
	f.l.Output(2, fmt.Sprint(v...))
	f.exit(1)
}

func (f *fatalLogger) Fatalf(format string, v ...any) {
	f.l.Output(2, fmt.Sprintf(format, v...))
	f.exit(1)
}

func (f *fatalLogger) Fatalln(v ...any) {
	f.l.Output(2, fmt.Sprintln(v...))
	f.exit(1)
}

// symbols returns the log package's functions bound to this logger.
func (f *fatalLogger) symbols() map[string]reflect.Value {
	l := f.l
	return map[string]reflect.Value{
		"Fatal":     reflect.ValueOf(f.Fatal),
		"Fatalf":    reflect.ValueOf(f.Fatalf),
		"Fatalln":   reflect.ValueOf(f.Fatalln),
		"Print":     reflect.ValueOf(l.Print),
		"Printf":    reflect.ValueOf(l.Printf),
		"Println":   reflect.ValueOf(l.Println),
		"Panic":     reflect.ValueOf(l.Panic),
		"Panicf":    reflect.ValueOf(l.Panicf),
		"Panicln":   reflect.ValueOf(l.Panicln),
		"Flags":     reflect.ValueOf(l.Flags),
		"SetFlags":  reflect.ValueOf(l.SetFlags),
		"Prefix":    reflect.ValueOf(l.Prefix),
		"SetPrefix": reflect.ValueOf(l.SetPrefix),
		"SetOutput": reflect.ValueOf(l.SetOutput),
		"Writer":    reflect.ValueOf(l.Writer),
		"Output":    reflect.ValueOf(l.Output),
		"Default":   reflect.ValueOf(func() *log.Logger { return l }),
	}
}
