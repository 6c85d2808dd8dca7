package livesession

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The setting of File → Settings… is the language the phones' page opens
// in when their own is not offered.
func TestTheSessionSpeaksTheSettingsLanguage(t *testing.T) {
	sh := quietShell(t)
	sh.App().Preferences().SetString("settings.participant_language", "Magyar")
	l := startOn(t, sh, templateSurvey(t, sh))
	if got := l.se.Language(); got != "hu" {
		t.Fatalf("the session's language is %q, want hu", got)
	}
}

// The presenter's words go through the app's translations (lang.L): with
// the app in German, the slide, the controls and the key help speak it.
func TestThePresenterSpeaksTheAppsLanguage(t *testing.T) {
	uitest.SpeakGerman(t, map[string]string{
		"Your questions": "Ihre Fragen",
		"Question {{.N}} of {{.Of}} · {{.Survey}}": "Frage {{.N}} von {{.Of}} · {{.Survey}}",
		"Results on the screen":                    "Ergebnisse auf der Leinwand",
		"the first question":                       "die erste Frage",
	})
	l := startForTest(t)
	if !slideHas(l, "Frage 1 von 6 · Online Academy 4") || l.ctl.screen.Text != "Ergebnisse auf der Leinwand" || presenterKeys()[0].Does != "die erste Frage" {
		t.Fatalf("the presenter does not speak German: slide %v, controls %q, keys %q", slideHas(l, "Frage 1 von 6"), l.ctl.screen.Text, presenterKeys()[0].Does)
	}
	uitest.Key(l.sh, fyne.KeyQ)
	if !slideHas(l, "Ihre Fragen") {
		t.Fatal("the Q&A's slide does not speak German")
	}
}
