package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzValidName checks that a name validName accepts always stays a plain
// file directly inside the upload folder.
func FuzzValidName(f *testing.F) {
	for _, name := range []string{
		"report.txt", "", ".", "..", "../evil", "a/b", `a\b`, "a\x00b",
		"/etc/passwd", "..hidden", "...", ".upload-1.part", "ü", "a/", "./a",
		strings.Repeat("x", 256), "NUL", "com1.txt", "Aux ", "C:x", "a.", "a ",
		"COM10", "console",
	} {
		f.Add(name)
	}
	dir := filepath.Join("srv", "uploads")
	f.Fuzz(func(t *testing.T, name string) {
		if validName(name) != nil {
			return
		}
		path := filepath.Join(dir, name)
		if filepath.Dir(path) != dir || filepath.Base(path) != name {
			t.Fatalf("validName accepted %q, which lands at %q outside %q", name, path, dir)
		}
		if strings.ContainsAny(name, "/\\:\x00") || strings.HasSuffix(name, ".") ||
			strings.HasSuffix(name, " ") {
			t.Fatalf("validName accepted %q", name)
		}
	})
}

// TestValidName checks the names the protocol refuses, Windows' among
// them, and that ordinary names pass.
func TestValidName(t *testing.T) {
	for name, ok := range map[string]bool{
		"report.txt": true, "..hidden": true, "ü": true, "COM10": true,
		"console": true, "nul-ish.txt": true, "com0": true,
		"": false, ".": false, "..": false, "a/b": false, `a\b`: false,
		"a\x00b": false, "NUL": false, "nul.txt": false, "com1": false,
		"LPT9.log": false, "Aux ": false, "C:x": false, "a:b": false,
		"a.": false, "a ": false,
	} {
		if got := validName(name) == nil; got != ok {
			t.Errorf("validName(%q) accepts: %v, want %v", name, got, ok)
		}
	}
}

// FuzzParseHeader checks that a header parseHeader accepts is safe to act
// on, and that readHeader never trusts a length over maxHeader.
func FuzzParseHeader(f *testing.F) {
	f.Add([]byte(`{"name":"a.txt","size":5,"sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"}`))
	f.Add([]byte(`{"name":"../a","size":5,"sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"}`))
	f.Add([]byte(`{"name":"a","size":-1,"sha256":"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"}`))
	f.Add([]byte(`{"name":"a","size":1,"sha256":"zz"}`))
	f.Add([]byte(`{"name":"a\u0000b","size":0,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}`))
	f.Add([]byte(`{"name":"a","size":1e30}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, raw []byte) {
		h, err := parseHeader(raw)
		if err == nil {
			if validName(h.Name) != nil || h.Size < 0 || len(h.SHA256) != 64 {
				t.Fatalf("parseHeader accepted %q as %+v", raw, h)
			}
			// What parses also survives the wire: re-encoded behind a
			// length, readHeader gives the same header back.
			enc, err := json.Marshal(h)
			if err != nil {
				t.Fatal(err)
			}
			var frame bytes.Buffer
			binary.Write(&frame, binary.BigEndian, uint32(len(enc)))
			frame.Write(enc)
			again, err := readHeader(&frame)
			if err != nil || again != h {
				t.Fatalf("readHeader(%q) = %+v, %v; want %+v", enc, again, err, h)
			}
		}
		// A length prefix over the limit is refused before the header is
		// read: the reader holds only the 4 bytes of the length.
		var frame bytes.Buffer
		binary.Write(&frame, binary.BigEndian, uint32(maxHeader+1+len(raw)))
		if _, err := readHeader(&frame); err == nil || !strings.Contains(err.Error(), "over the limit") {
			t.Fatalf("readHeader accepted an oversize length: %v", err)
		}
	})
}
