package livesession

import (
	"testing"
	"time"

	"github.com/aoce-desktop/aoce-desktop/internal/ui/uitest"
)

// The setting of File → Settings… is the language the phones' page opens
// in when their own is not offered.
func TestTheSessionSpeaksTheSettingsLanguage(t *testing.T) {
	sh := uitest.NewShell(t, true)
	every := followEvery
	followEvery = time.Hour
	t.Cleanup(func() { followEvery = every })
	sh.App().Preferences().SetString("settings.participant_language", "Magyar")
	l, err := Start(sh, templateSurvey(t, sh), "127.0.0.1:0", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(l.stop)
	if got := l.se.Language(); got != "hu" {
		t.Fatalf("the session's language is %q, want hu", got)
	}
}
