package lesson_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"

	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/render"
)

// compareProse reports how a translation's markdown differs from its English in what it
// must keep: the same headings, the same code blocks byte for byte, and no paragraph
// left in English.
func compareProse(english, translated []byte) []string {
	en, tr := render.ReadOutline(english), render.ReadOutline(translated)
	var problems []string
	if !slices.Equal(en.Headings, tr.Headings) {
		problems = append(problems, fmt.Sprintf("headings %v, the English has %v", tr.Headings, en.Headings))
	}
	if !slices.Equal(en.Code, tr.Code) {
		problems = append(problems, fmt.Sprintf("%d code blocks, the English has %d", len(tr.Code), len(en.Code)))
		for i := range min(len(en.Code), len(tr.Code)) {
			if en.Code[i] != tr.Code[i] {
				problems = append(problems, fmt.Sprintf("code block %d differs:\n%s\n---\n%s", i+1, en.Code[i], tr.Code[i]))
				break
			}
		}
	}
	for _, p := range tr.Prose {
		if render.LooksEnglish(p) {
			problems = append(problems, "left in English: "+p)
		}
	}
	return problems
}

// TestTranslations checks every lesson's translations: each exists, was made from the
// English as it is now (its source hash), and keeps the English's headings and code
// blocks with no paragraph left untranslated; the same for each exercise's statement.
func TestTranslations(t *testing.T) {
	for _, l := range loadCourse(t).Lessons() {
		for _, lang := range lesson.Languages {
			tr, err := l.ReadTranslation(lang)
			if err != nil {
				t.Error(err)
				continue
			}
			if tr == nil {
				t.Errorf("%s: no translation (%s)", l.Slug, l.TranslationPath(lang))
				continue
			}
			if tr.Source != l.SourceHash() {
				t.Errorf("%s: made from other English (source %q, the English is now %s): bring it up to date, then run go run ./tools/translate -stamp %s",
					tr.Path, tr.Source, l.SourceHash(), l.Dir)
			}
			for _, p := range compareProse(l.Body, tr.Body) {
				t.Errorf("%s: %s", tr.Path, p)
			}
			if len(tr.Predict) != len(l.Predict) {
				t.Errorf("%s: %d predictions, the English has %d", tr.Path, len(tr.Predict), len(l.Predict))
			}
			for i := range min(len(tr.Predict), len(l.Predict)) {
				if len(tr.Predict[i].Choices) != len(l.Predict[i].Choices) || tr.Predict[i].Question == "" {
					t.Errorf("%s: prediction %d needs a question and %d choices", tr.Path, i+1, len(l.Predict[i].Choices))
				}
			}
			for _, e := range l.Exercises {
				s := tr.Statements[e.ID]
				if s == nil {
					t.Errorf("%s: no translation (%s)", e.Dir, e.StatementPath(lang))
					continue
				}
				if s.Source != e.SourceHash() {
					t.Errorf("%s: made from other English (source %q, the English is now %s): run go run ./tools/translate -stamp %s once it is up to date",
						s.Path, s.Source, e.SourceHash(), l.Dir)
				}
				for _, p := range compareProse(e.Statement, s.Body) {
					t.Errorf("%s: %s", s.Path, p)
				}
			}
		}
	}
}

func TestCompareProseFindsWhatATranslationLost(t *testing.T) {
	en := []byte("# Title\n\nSome prose here that says quite a lot of things in English words.\n\n```go\nx := 1\n```\n")
	good := []byte("# 标题\n\n这里有一段中文，说了很多事情。\n\n```go\nx := 1\n```\n")
	if p := compareProse(en, good); len(p) != 0 {
		t.Errorf("a faithful translation: %v", p)
	}
	bad := []byte("## 标题\n\nSome prose here that says quite a lot of things in English words.\n\n```go\nx := 2\n```\n")
	if p := compareProse(en, bad); len(p) != 4 { // headings, code count line + block, English
		t.Errorf("a broken translation gives %d problems: %q", len(p), p)
	}
}

// TestChapterTranslations: every chapter has its title and summary in each translation.
func TestChapterTranslations(t *testing.T) {
	for _, lang := range lesson.Languages {
		path := filepath.Join(root, "lessons", "chapters."+lang+".yaml")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var list []lesson.Chapter
		if err := yaml.Unmarshal(data, &list); err != nil {
			t.Fatal(err)
		}
		for _, ch := range loadCourse(t).Chapters {
			if !slices.ContainsFunc(list, func(c lesson.Chapter) bool { return c.ID == ch.ID && c.Title != "" && c.Summary != "" }) {
				t.Errorf("%s: no title and summary for chapter %q", path, ch.ID)
			}
		}
		if _, err := os.Stat(filepath.Join(root, "lessons", "glossary."+lang+".md")); err != nil {
			t.Errorf("no glossary for %s: %v", lang, err)
		}
	}
}
