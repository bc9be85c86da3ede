package i18n

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		name string
		want Lang
		ok   bool
	}{
		{"en", EN, true},
		{"zh", ZH, true},
		{"ZH", ZH, true},
		{"fr", EN, false},
		{"zh-CN", EN, false},
		{"", EN, false},
	}
	for _, tc := range cases {
		got, err := Parse(tc.name)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok %v", tc.name, got, err, tc.want, tc.ok)
		}
	}
	for _, l := range All() {
		if got, err := Parse(l.String()); err != nil || got != l {
			t.Errorf("Parse(%q) = %v, %v: String and Parse disagree", l.String(), got, err)
		}
	}
}

func TestFromLocale(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, EN},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, ZH},
		{map[string]string{"LANG": "zh_TW.Big5"}, ZH},
		{map[string]string{"LANG": "en_US.UTF-8"}, EN},
		{map[string]string{"LANG": "C"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, ZH},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, EN},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, EN},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.GB18030"}, ZH},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, ZH}, // empty is unset
	}
	for _, tc := range cases {
		if got := FromLocale(func(k string) string { return tc.env[k] }); got != tc.want {
			t.Errorf("FromLocale(%v) = %v, want %v", tc.env, got, tc.want)
		}
	}
}

func TestTag(t *testing.T) {
	if EN.Tag() != "en" || ZH.Tag() != "zh-CN" {
		t.Errorf("tags %q %q, want en zh-CN", EN.Tag(), ZH.Tag())
	}
}
