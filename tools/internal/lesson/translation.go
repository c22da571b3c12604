package lesson

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// A lesson's translation sits beside it: lesson.<lang>.md next to lesson.md, and
// statement.<lang>.md next to each exercise's statement.md. Its front matter holds the
// translated title, summary and prediction texts, and source: the hash of the English
// it was made from (SourceHash), so that a change to the English shows up as a stale
// translation instead of drifting silently. Everything else (chapter, order, programs,
// answers) comes from the English file.

// Languages are the editions besides English, by code as used in file names and URLs.
var Languages = []string{"zh"}

// Translation is a lesson in another language.
type Translation struct {
	Lang     string
	Path     string
	Title    string
	Summary  string
	Source   string // SourceHash of the English it translates
	Predict  []PredictionText
	Body     []byte
	BodyLine int
	// Statements are the exercises' statements, by exercise id.
	Statements map[string]*StatementText
}

// Statement is the translated statement of the exercise id, nil when there is none (or
// no translation).
func (t *Translation) Statement(id string) *StatementText {
	if t == nil {
		return nil
	}
	return t.Statements[id]
}

// PredictionText is a prediction's words in another language.
type PredictionText struct {
	Question string   `yaml:"question"`
	Choices  []string `yaml:"choices"`
	Explain  string   `yaml:"explain"`
}

// StatementText is an exercise statement in another language.
type StatementText struct {
	Path   string
	Title  string
	Source string
	Body   []byte
}

// SourceHash is the hash of a lesson's translatable English: its title, summary,
// prediction texts and prose.
func (l *Lesson) SourceHash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", l.Title, l.Summary)
	for _, p := range l.Predict {
		fmt.Fprintf(h, "%s\n%q\n%s\n", p.Question, p.Choices, p.Explain)
	}
	h.Write(l.Body)
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// SourceHash is the hash of an exercise's English statement: its title and text.
func (e *Exercise) SourceHash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", e.Title)
	h.Write(e.Statement)
	return hex.EncodeToString(h.Sum(nil)[:6])
}

// TranslationPath is where the lesson's translation into lang is kept.
func (l *Lesson) TranslationPath(lang string) string {
	return filepath.Join(l.Dir, "lesson."+lang+".md")
}

// StatementPath is where the exercise's statement in lang is kept.
func (e *Exercise) StatementPath(lang string) string {
	return filepath.Join(e.Dir, "statement."+lang+".md")
}

// ReadTranslation reads the lesson's translation into lang; it returns nil, nil when
// there is none.
func (l *Lesson) ReadTranslation(lang string) (*Translation, error) {
	path := l.TranslationPath(lang)
	md, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	front, body, line, err := splitFrontMatter(md)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var meta struct {
		Title   string           `yaml:"title"`
		Summary string           `yaml:"summary"`
		Source  string           `yaml:"source"`
		Predict []PredictionText `yaml:"predict"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&meta); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", path, err)
	}
	if meta.Title == "" {
		return nil, fmt.Errorf("%s: front matter needs a title", path)
	}
	t := &Translation{Lang: lang, Path: path, Title: meta.Title, Summary: meta.Summary, Source: meta.Source,
		Predict: meta.Predict, Body: body, BodyLine: line, Statements: map[string]*StatementText{}}
	for _, e := range l.Exercises {
		s, err := readStatementText(e.StatementPath(lang))
		if err != nil {
			return nil, err
		}
		if s != nil {
			t.Statements[e.ID] = s
		}
	}
	return t, nil
}

func readStatementText(path string) (*StatementText, error) {
	md, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	front, body, _, err := splitFrontMatter(md)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var meta struct {
		Title  string `yaml:"title"`
		Source string `yaml:"source"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&meta); err != nil || meta.Title == "" {
		return nil, fmt.Errorf("%s: front matter needs a title (%v)", path, err)
	}
	return &StatementText{Path: path, Title: meta.Title, Source: meta.Source, Body: body}, nil
}

var sourceLine = regexp.MustCompile(`(?m)^source:.*$`)

// Stamp writes the English's current hash into a translation file's source: line (adding
// the line after the title when there is none). It is run by hand once a translation has
// been brought up to date with its English.
func Stamp(path, hash string) error {
	md, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	front, body, _, err := splitFrontMatter(md)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	line := "source: " + hash
	if sourceLine.Match(front) {
		front = sourceLine.ReplaceAll(front, []byte(line))
	} else {
		lines := strings.SplitAfterN(string(front), "\n", 2)
		front = []byte(lines[0] + line + "\n" + strings.Join(lines[1:], ""))
	}
	return os.WriteFile(path, append(append(append([]byte("---\n"), front...), "---\n"...), body...), 0o644)
}
