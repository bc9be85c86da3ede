package child

import (
	"reflect"

	"github.com/traefik/yaegi/interp"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// extSymbols are the packages outside the standard library that lesson
// programs may import. The projects chapter decodes GBK, the charset of a
// Chinese Windows console, with golang.org/x/text; only its variables are
// listed, as their methods come through reflection.
func extSymbols() interp.Exports {
	return interp.Exports{
		"golang.org/x/text/encoding/simplifiedchinese/simplifiedchinese": {
			"GBK":      reflect.ValueOf(&simplifiedchinese.GBK).Elem(),
			"GB18030":  reflect.ValueOf(&simplifiedchinese.GB18030).Elem(),
			"HZGB2312": reflect.ValueOf(&simplifiedchinese.HZGB2312).Elem(),
			"All":      reflect.ValueOf(&simplifiedchinese.All).Elem(),
		},
	}
}
