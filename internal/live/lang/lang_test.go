package lang

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// verbs are a text's fmt verbs in order, reordered ones ("%[2]d") by index.
var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

func verbs(s string) []string {
	var out []string
	for _, v := range verbRE.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v[len(v)-1:])
		}
	}
	slices.Sort(out) // the kinds must match; a translation may reorder them
	return out
}

func TestEveryLanguageHasExactlyTheKeysOfEnglish(t *testing.T) {
	en := Get(Default)
	for _, l := range All[1:] {
		tr := Get(l.Code)
		if tr.Code != l.Code {
			t.Fatalf("%s: no table", l.Code)
		}
		for _, k := range en.Keys() {
			got := tr.Raw(k)
			if got == "" {
				t.Errorf("%s.json lacks %q", l.Code, k)
				continue
			}
			if !slices.Equal(verbs(got), verbs(en.Raw(k))) {
				t.Errorf("%s.json %q has the values %v, English %v", l.Code, k, verbs(got), verbs(en.Raw(k)))
			}
		}
		for _, k := range tr.Keys() {
			if en.Raw(k) == "" {
				t.Errorf("%s.json has %q, which English has not", l.Code, k)
			}
		}
	}
}

// TestNothingIsLeftInEnglish catches a string copied from English and not
// translated: only the sign-like ones may be the same.
func TestNothingIsLeftInEnglish(t *testing.T) {
	same := map[string]bool{"decimal": true} // "." in English, "," elsewhere: checked below
	en := Get(Default)
	for _, l := range All[1:] {
		tr := Get(l.Code)
		for _, k := range en.Keys() {
			if !same[k] && tr.Raw(k) == en.Raw(k) && len(en.Raw(k)) > 4 {
				t.Errorf("%s.json %q is the English %q", l.Code, k, en.Raw(k))
			}
		}
		if tr.Num(3.5) != "3,5" {
			t.Errorf("%s writes 3.5 as %s", l.Code, tr.Num(3.5))
		}
	}
	if en.Num(3.5) != "3.5" || Get("zz") != en {
		t.Fatal("English is not the fallback")
	}
}

func TestAcceptLanguage(t *testing.T) {
	for header, want := range map[string]string{
		"nl-BE,nl;q=0.9,en;q=0.5":          "nl", // a region falls back to its language
		"nl-BE":                            "nl",
		"fr-FR,fr;q=0.9,hu;q=0.8,en;q=0.7": "hu", // the first offered by weight
		"en;q=0.3, pl;q=0.7":               "pl", // order does not matter, weight does
		"da, sk":                           "da", // equal weights: the first
		"SK-sk":                            "sk", // case
		"es-419;q=0.9,ro;q=0.95":           "ro",
		"lv;q=0, en":                       "en", // q=0 refuses Latvian
		"lv;q=1.5, en;q=0.1":               "en", // a weight above 1 drops the range
		"lv;q=abc, hu;q=0.2":               "hu", // so does a malformed one
		"lv;level=1":                       "lv", // another parameter keeps the weight 1
		"*, pl;q=0.5":                      "pl", // the wildcard does not choose
		" ro ; q = 0.5 ":                   "ro",
	} {
		if got, ok := FromAcceptLanguage(header); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", header, got, ok, want)
		}
	}
	for _, header := range []string{"", "fr-FR,de;q=0.8", "*", "zh", ";;;,,,", "hungarian", strings.Repeat("x", 10000)} {
		if got, ok := FromAcceptLanguage(header); ok {
			t.Errorf("%q chose %q", header, got)
		}
	}
	// Only the first ranges are read: a hostile header of thousands costs no more.
	long := strings.Repeat("fr,", 50) + "pl"
	if _, ok := FromAcceptLanguage(long); ok {
		t.Error("a range beyond the first 20 was read")
	}
}

func TestFind(t *testing.T) {
	for in, want := range map[string]string{"pl": "pl", "PL": "pl", "Polski": "pl", " magyar ": "hu", "English": "en", "Latviešu": "lv"} {
		if got, ok := Find(in); !ok || got != want {
			t.Errorf("Find(%q) = %q %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "fr", "pl-PL", "<script>", "Polish"} {
		if got, ok := Find(in); ok {
			t.Errorf("Find(%q) = %q", in, got)
		}
	}
}

func TestStopWordsOfEachLanguage(t *testing.T) {
	samples := map[string][]string{"nl": {"de", "het", "een"}, "pl": {"i", "się", "że"}, "lv": {"un", "ir", "arī"},
		"hu": {"a", "az", "és"}, "sk": {"a", "je", "že"}, "ro": {"și", "în", "este"}, "es": {"el", "que", "de"}, "da": {"og", "det", "er"}}
	for _, l := range All[1:] {
		words := samples[l.Code]
		if len(words) == 0 || len(stopWords[l.Code]) < 40 {
			t.Errorf("%s: %d stop-words", l.Code, len(stopWords[l.Code]))
		}
		for _, w := range words {
			if !IsStopWord(l.Code, w) {
				t.Errorf("%s: %q is not a stop-word", l.Code, w)
			}
		}
	}
	for _, content := range []string{"participation", "trust", "budżet", "részvétel", "ciudadanos", "borgere"} {
		for _, l := range All {
			if IsStopWord(l.Code, content) {
				t.Errorf("%s: %q is a content word", l.Code, content)
			}
		}
	}
	if IsStopWord("en", "the") || IsStopWord("zz", "de") {
		t.Error("English's and unknown languages' words come from elsewhere")
	}
}
