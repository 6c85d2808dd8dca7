package livesession

import "testing"

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
