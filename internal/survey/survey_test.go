package survey

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/aoce-desktop/aoce-desktop/internal/data"
	"github.com/aoce-desktop/aoce-desktop/internal/tabular"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit"
	"github.com/aoce-desktop/aoce-desktop/internal/testkit/xlsxfile"
)

func demoStore(t testing.TB) (*data.Store, data.Network) { return testkit.DemoStore(t) }

func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A Google Forms download: Timestamp first, checkbox answers joined by ";",
// a grid question as "Question [Row]" columns.
const googleCSV = `Timestamp,Your city,Main learning need,Topics of interest,Usefulness [Content],Usefulness [Speakers],Three words,Comments
2024/01/25 10:01:02 AM CET,Genk,Youth involvement,Digital tools;Budgeting,5,4,trust youth dialogue,"The walkshop was great, more please"
2024/01/25 10:02:02 AM CET,Gdańsk,Digital tools,Budgeting,4,4,budget trust,
2024/01/25 10:03:02 AM CET,Iași,Youth involvement,Digital tools;Youth involvement;Budgeting,3,2,youth trust,"Too short; more time for groups"
2024/01/25 10:04:02 AM CET,Genk,Youth involvement,,5,5,trust,The walkshop!
`

func importFile(t *testing.T, s *data.Store, n data.Network, name string, raw []byte, opt Options) (Results, Plan) {
	t.Helper()
	sv, plan, err := Import(context.Background(), s, n.ID, writeFile(t, name, raw), opt)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	res, err := LoadResults(context.Background(), s, sv, "")
	if err != nil {
		t.Fatal(err)
	}
	return res, plan.Plan
}

func question(t *testing.T, r Results, prompt string) QuestionResult {
	t.Helper()
	for _, q := range r.Questions {
		if q.Prompt == prompt {
			return q
		}
	}
	t.Fatalf("no question %q in %+v", prompt, r.Questions)
	return QuestionResult{}
}

func option(q QuestionResult, label string) int {
	for _, o := range q.Options {
		if o.Label == label {
			return o.Count
		}
	}
	return -1
}

func checkGoogleResults(t *testing.T, r Results) {
	t.Helper()
	if r.Survey.Respondents != 4 || r.Survey.Format != "google" {
		t.Fatalf("survey %+v", r.Survey)
	}
	need := question(t, r, "Main learning need")
	if need.Kind != data.KindSingleChoice || option(need, "Youth involvement") != 3 || option(need, "Digital tools") != 1 || need.Respondents != 4 {
		t.Fatalf("single choice %+v", need)
	}
	topics := question(t, r, "Topics of interest")
	if topics.Kind != data.KindMultipleChoice || option(topics, "Budgeting") != 3 || option(topics, "Digital tools") != 2 || option(topics, "Youth involvement") != 1 || topics.Respondents != 3 || topics.Skipped != 1 {
		t.Fatalf("multiple choice %+v", topics)
	}
	use := question(t, r, "Usefulness")
	if use.Kind != data.KindScales || len(use.Statements) != 2 {
		t.Fatalf("scales %+v", use)
	}
	content, speakers := use.Statements[0], use.Statements[1]
	if content.Label != "Content" || content.Mean != 4.25 || content.Median != 4.5 || content.Values["5"] != 2 || content.Count != 4 {
		t.Fatalf("content %+v", content)
	}
	if speakers.Mean != 3.75 || speakers.Median != 4 {
		t.Fatalf("speakers %+v", speakers)
	}
	words := question(t, r, "Three words")
	if words.Kind != data.KindWordCloud || len(words.Words) == 0 || words.Words[0].Word != "trust" || words.Words[0].Count != 4 {
		t.Fatalf("word cloud %+v", words)
	}
	comments := question(t, r, "Comments")
	if comments.Respondents != 3 || comments.Words[0].Word != "walkshop" || comments.Words[0].Count != 2 {
		t.Fatalf("open text %+v", comments)
	}
}

func TestGoogleFormsInEveryEncoding(t *testing.T) {
	s, n := demoStore(t)
	utf16 := func(b []byte) []byte {
		out, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes(b)
		return out
	}
	cases := map[string][]byte{
		"utf8.csv":    []byte(googleCSV),
		"utf8bom.csv": append([]byte{0xEF, 0xBB, 0xBF}, googleCSV...),
		"utf16.csv":   utf16([]byte(strings.ReplaceAll(googleCSV, ",", "\t"))),
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			r, plan := importFile(t, s, n, name, raw, Options{Title: name})
			if plan.Columns[1].Role != RolePartner {
				t.Fatalf("the city column is not mapped to partners: %+v", plan.Columns[1])
			}
			checkGoogleResults(t, r)
		})
	}
}

func TestWindows1250SemicolonGenericAndPartnerFilter(t *testing.T) {
	s, n := demoStore(t)
	text := "Partner;Rating;Need\r\nBudaörs;4;Budgeting\r\nBanská Bystrica;2;Budgeting\r\nBudaörs;5;Youth\r\nGdańsk;3;Youth\r\n"
	raw, _ := charmap.Windows1250.NewEncoder().Bytes([]byte(text))
	sv, _, err := Import(context.Background(), s, n.ID, writeFile(t, "g.csv", raw), Options{})
	if err != nil {
		t.Fatal(err)
	}
	budaors, _ := s.PartnerByName(context.Background(), n.ID, "Budaörs")
	r, err := LoadResults(context.Background(), s, sv, budaors.ID)
	if err != nil {
		t.Fatal(err)
	}
	rating := question(t, r, "Rating")
	if rating.Respondents != 2 || rating.Statements[0].Mean != 4.5 {
		t.Fatalf("Budaörs' ratings %+v", rating)
	}
	if sv.Format != "generic" || sv.Respondents != 4 {
		t.Fatalf("%+v", sv)
	}
}

func TestMicrosoftFormsTrailingSeparator(t *testing.T) {
	s, n := demoStore(t)
	csv := "ID,Start time,Completion time,Email,Name,Which topics?,Total points,Points - Which topics?\n" +
		"1,1/25/24 10:00:00,1/25/24 10:05:00,anonymous,,Trust;Youth;,0,0\n" +
		"2,1/25/24 10:01:00,1/25/24 10:06:00,anonymous,,Youth;,0,0\n" +
		"3,1/25/24 10:02:00,1/25/24 10:07:00,anonymous,,Budget;Trust;,0,0\n"
	r, plan := importFile(t, s, n, "ms.csv", []byte(csv), Options{})
	if r.Survey.Format != "msforms" {
		t.Fatalf("format %s", r.Survey.Format)
	}
	q := question(t, r, "Which topics?")
	if q.Kind != data.KindMultipleChoice || option(q, "Trust") != 2 || option(q, "Youth") != 2 || option(q, "Budget") != 1 || len(q.Options) != 3 {
		t.Fatalf("%+v (plan %+v)", q, plan.Questions)
	}
	if len(r.Questions) != 1 {
		t.Fatalf("metadata columns became questions: %+v", r.Questions)
	}
}

func TestBadSurveyFilesStoreNothing(t *testing.T) {
	s, n := demoStore(t)
	cases := map[string]struct {
		raw  string
		want string
	}{
		"empty.csv":  {"", "is empty"},
		"header.csv": {"Timestamp,Q1\n", "has a header but no answers"},
		"ragged.csv": {"A,B\n1,2\n3,4,5\n", "ragged.csv, line 3, column 3 (C): has 3 cells but the header has 2"},
		"scale.csv":  {"Rating\n" + strings.Repeat("3\n4\n", 300) + "lots\n", "scale.csv, line 602, column 1 (A): \"lots\" is not a number"},
		"binary.csv": {"\x00\x01\x02PK\x00\x00" + strings.Repeat("\x00\x07", 100), "not a text"},
		"twice.csv":  {"Timestamp,Comments,Rating,comments\n1,a,3,b\n", "twice.csv, line 1, column 4 (D): column D has the same heading as column B: \"comments\""},
		"nohead.csv": {"1,2,3\n4,5,6\n", "nohead.csv, line 1: starts with a row of numbers, not column headings"},
	}
	for name, c := range cases {
		_, _, err := Import(context.Background(), s, n.ID, writeFile(t, name, []byte(c.raw)), Options{})
		var fe *tabular.FileError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want a FileError saying %q", name, err, c.want)
		}
	}
	if svs, _ := s.Surveys(context.Background(), n.ID); len(svs) != 0 {
		t.Fatalf("failed imports stored %d surveys", len(svs))
	}
}

func TestCancelledImportStoresNothing(t *testing.T) {
	s, n := demoStore(t)
	path := writeFile(t, "big.csv", []byte("Q\n"+strings.Repeat("yes\nno\n", 2000)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Import(ctx, s, n.ID, path, Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want canceled", err)
	}
	if svs, _ := s.Surveys(context.Background(), n.ID); len(svs) != 0 {
		t.Fatal("a cancelled import stored a survey")
	}
}

func TestWords(t *testing.T) {
	got := strings.Join(Words("The co-creation, of TRUST: trust's role & the 'youth'!"), "|")
	if got != "co-creation|trust|trust's|role|youth" {
		t.Fatalf("%q", got)
	}
	if got := strings.Join(CloudEntries("trust civic_participation  Youth"), "|"); got != "trust|civic participation|youth" {
		t.Fatalf("%q", got)
	}
}

func FuzzImport(f *testing.F) {
	f.Add([]byte(googleCSV))
	f.Add([]byte("ID,Start time,Completion time,Email,Name,Q\n1,a,b,c,d,x;y;\n"))
	f.Add([]byte("Q1;Q2\n1;2\n3\n"))
	f.Add([]byte(monkeyCSV))
	f.Add([]byte(rankingTSV))
	f.Add([]byte("Date,Session,Voter,Pick:,Pick: 1,Pick: 2\n2024-01-25,1.0,a,x,y,\n"))
	f.Add([]byte("Timestamp,Comments,comments\n1,a,b\n"))
	for _, seed := range xlsxfile.Seeds() { // openSource goes by the bytes, not the name
		f.Add(seed)
	}
	f.Add([]byte("Timestamp,Rate,,Comment\n,Morning,Afternoon,\n1,4,5,ok\n")) // a header on two rows
	corpusFiles, _ := filepath.Glob("testdata/corpus/*.[cx]*")                // every format and Mentimeter case
	nasty, _ := filepath.Glob("testdata/nasty/*")                             // files as European laptops write them
	reviewed, _ := filepath.Glob("testdata/review/*")                         // the formats' edges a reviewer built
	corpusFiles = append(append(corpusFiles, nasty...), reviewed...)
	for _, name := range corpusFiles {
		if raw, err := os.ReadFile(name); err == nil {
			f.Add(raw)
		}
	}
	s, n := demoStore(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		sv, _, err := Import(context.Background(), s, n.ID, path, Options{Title: "fuzz", Replace: ""})
		if err != nil {
			var fe *tabular.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if _, err := LoadResults(context.Background(), s, sv, ""); err != nil {
			t.Fatal(err)
		}
		s.Update(context.Background(), func(tx *data.Tx) error { _, err := tx.DeleteSurvey(sv.ID); return err })
	})
}
