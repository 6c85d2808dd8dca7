package uitest

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"text/template"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// SpeakGerman makes the app's language German for the test, with these
// translations (keyed by the English, as the one en.json is: a string, or
// a plural's forms as map[string]string{"one": …, "other": …}), and English
// again after it.
func SpeakGerman[V any](t *testing.T, words map[string]V) {
	t.Helper()
	was, had := os.LookupEnv("LANGUAGE") // what Fyne's lang reads first on Linux
	b, err := json.Marshal(words)
	if err != nil {
		t.Fatal(err)
	}
	os.Setenv("LANGUAGE", "de")
	if err := lang.AddTranslationsForLocale(b, fyne.Locale("de")); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if had {
			os.Setenv("LANGUAGE", was)
		} else {
			os.Unsetenv("LANGUAGE")
		}
		lang.AddTranslationsForLocale([]byte("{}"), fyne.Locale("de")) // the language is looked up again: English
		for k := range words {
			var english strings.Builder // the key is the English, a template
			if err := template.Must(template.New(k).Parse(k)).Execute(&english, nil); err != nil {
				t.Error(err)
			}
			if got := lang.L(k); got != english.String() {
				t.Errorf("after the test the app still speaks German: %q", got)
			}
		}
	})
}
