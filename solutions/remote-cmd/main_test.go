package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// FuzzParseRequest checks that what parseRequest accepts names a program,
// survives a round trip through JSON and a frame, and that allowed never
// lets a path through.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{
		`{"argv":["echo","hello"]}`,
		`{"argv":["echo","hi; touch PWNED","$(id)","a|b"]}`,
		`{"argv":[]}`,
		`{"argv":[""]}`,
		`{"argv":"echo"}`,
		`{"argv":["/bin/echo","x"]}`,
		`{"argv":["..\\echo"]}`,
		`{"argv":null}`,
		`{"argv":["echo"],"argv":["sh"]}`,
		`{"argv":["echo"]} trailing`,
		`{"argv":`,
		`[]`,
		``,
	} {
		f.Add([]byte(s))
	}
	allow := parseAllow("echo, date,uname,,")
	f.Fuzz(func(t *testing.T, frame []byte) {
		req, err := parseRequest(frame)
		if err != nil {
			return
		}
		if len(req.Argv) == 0 || req.Argv[0] == "" {
			t.Fatalf("parseRequest(%q) accepted %q, which names no program", frame, req.Argv)
		}
		if allowed(req.Argv[0], allow) && !slices.Contains([]string{"echo", "date", "uname"}, req.Argv[0]) {
			t.Fatalf("allowed(%q) with echo,date,uname", req.Argv[0])
		}
		if strings.ContainsAny(req.Argv[0], `/\`) && allowed(req.Argv[0], allow) {
			t.Fatalf("allowed the path %q", req.Argv[0])
		}
		// Encoded as a client would, the request reads back the same.
		body, err := json.Marshal(req)
		if err != nil {
			t.Fatal(err)
		}
		var wire bytes.Buffer
		binary.Write(&wire, binary.BigEndian, uint32(len(body)))
		wire.Write(body)
		got, err := readFrame(&wire, maxRequest)
		if err != nil {
			t.Fatalf("readFrame of %q: %v", body, err)
		}
		again, err := parseRequest(got)
		if err != nil || !slices.Equal(again.Argv, req.Argv) {
			t.Fatalf("round trip of %q gave %q, %v", req.Argv, again.Argv, err)
		}
	})
}

// TestReadFrameLimit checks that a length over the limit is refused from
// its 4 bytes alone, and that frames are read whole however they arrive.
func TestReadFrameLimit(t *testing.T) {
	tests := []struct {
		name    string
		wire    []byte
		want    string
		wantErr bool
	}{
		{"empty frame", []byte{0, 0, 0, 0}, "", false},
		{"one frame", append([]byte{0, 0, 0, 2}, "{}"...), "{}", false},
		{"at the limit", nil, strings.Repeat(" ", maxRequest), false},
		{"over the limit", []byte{0, 0x10, 0, 1}, "", true},
		{"huge", []byte{0xff, 0xff, 0xff, 0xff}, "", true},
		{"cut short", append([]byte{0, 0, 0, 9}, "{}"...), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wire := tt.wire
			if wire == nil {
				wire = binary.BigEndian.AppendUint32(nil, uint32(len(tt.want)))
				wire = append(wire, tt.want...)
			}
			got, err := readFrame(bytes.NewReader(wire), maxRequest)
			if (err != nil) != tt.wantErr || string(got) != tt.want {
				t.Fatalf("readFrame = %d bytes, %v; want %d bytes, error %v", len(got), err, len(tt.want), tt.wantErr)
			}
		})
	}
}

// TestCappedBuffer checks that the cap keeps exactly the first max bytes
// and never reports an error to the command's output copier.
func TestCappedBuffer(t *testing.T) {
	tests := []struct {
		name   string
		writes []int
		want   int
	}{
		{"under", []int{3, 4}, 7},
		{"exactly", []int{5, 5}, 10},
		{"across", []int{8, 8}, 10},
		{"after", []int{10, 1, 100}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &cappedBuffer{max: 10}
			var all []byte
			for i, n := range tt.writes {
				p := bytes.Repeat([]byte{byte('a' + i)}, n)
				all = append(all, p...)
				if k, err := c.Write(p); k != n || err != nil {
					t.Fatalf("Write(%d bytes) = %d, %v", n, k, err)
				}
			}
			if got := c.String(); got != string(all[:tt.want]) {
				t.Fatalf("kept %q, want %q", got, all[:tt.want])
			}
		})
	}
}
