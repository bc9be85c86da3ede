package main

import (
	"testing"
	"time"
)

func TestStamp(t *testing.T) {
	now := time.Date(2026, 11, 21, 9, 5, 7, 0, time.UTC)
	tests := []struct{ layout, want string }{
		{"", "2026-11-21 09:05:07"},
		{"15:04", "09:05"},
		{"2006", "2026"},
		{time.RFC3339, "2026-11-21T09:05:07Z"},
		{"no layout here", "no layout here"},
	}
	for _, tt := range tests {
		if got := string(stamp(now, tt.layout)); got != tt.want {
			t.Errorf("stamp(%q) = %q, want %q", tt.layout, got, tt.want)
		}
	}
}
