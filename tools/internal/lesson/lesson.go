// Package lesson reads the course from the lessons folder: the chapter list, and one folder
// per lesson holding its prose (lesson.md with front matter), its Go programs, their
// expected output and standard input, and the data files the programs may open.
//
//	lessons/
//	  chapters.yaml          the chapters, in course order
//	  <slug>/lesson.md       front matter + markdown prose
//	  <slug>/<name>.go       a program (package main); several are allowed
//	  <slug>/<name>.out      its expected output under the virtual clock
//	  <slug>/<name>.in       optional: lines typed when it asks for input
//	  <slug>/files/...       optional: data files, placed in the program's working directory
//	  <slug>/try/<name>.go   a "Try this" item as a program: the lesson's program with the
//	                         item's edit made, and <name>.out, the output the prose claims
//	  <slug>/exercises/<id>/ an exercise listed in the front matter's exercises:
//	      statement.md       front matter (title) + markdown: the task
//	      <name>.go          the starter files, package main
//	      <name>_test.go     the tests that decide whether the task is done
//	      solution/<name>.go a reference solution: files that replace starter files
//
// It is not for: rendering (package render) or running programs (package noderun).
package lesson

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Course is every chapter with its lessons, in order.
type Course struct {
	Chapters []*Chapter
}

// Chapter is a titled group of lessons.
type Chapter struct {
	ID      string `yaml:"id"`
	Title   string `yaml:"title"`
	Summary string `yaml:"summary"`
	Lessons []*Lesson
}

// Lesson is one lesson folder.
type Lesson struct {
	Slug string // folder name; also the page's path
	Dir  string
	Meta
	Body      []byte // markdown after the front matter
	BodyLine  int    // line of lesson.md where Body starts, for error messages
	Programs  []*Program
	Variants  []*Program // try/*.go: the "Try this" items that claim an output
	Exercises []*Exercise
	Files     map[string][]byte // data files by path relative to files/
	Chapter   *Chapter          `yaml:"-"`
	Prev      *Lesson           `yaml:"-"`
	Next      *Lesson           `yaml:"-"`
}

// Meta is a lesson's front matter.
type Meta struct {
	Title       string        `yaml:"title"`
	ChapterID   string        `yaml:"chapter"`
	Order       int           `yaml:"order"`
	Covers      []string      `yaml:"covers"`
	Summary     string        `yaml:"summary"`
	ProgramList []string      `yaml:"programs"`  // optional order of the programs; default: file names sorted
	ExerciseIDs []string      `yaml:"exercises"` // folders under exercises/, in the order shown
	Predict     []*Prediction `yaml:"predict"`
}

// Prediction is a question asked before a program runs, answered by its run: the learner
// picks one of Choices, and the output shows which was right. Evidence is text that the
// program's expected output contains and that settles the question, so a test can check
// that the answer the page gives is the one the program prints.
type Prediction struct {
	Program  string   `yaml:"program" json:"program"` // a program of the lesson, e.g. unlocked.go
	Question string   `yaml:"question" json:"question"`
	Choices  []string `yaml:"choices" json:"choices"`
	Answer   int      `yaml:"answer" json:"answer"`     // index into Choices
	Evidence string   `yaml:"evidence" json:"evidence"` // a substring of the program's output
	Explain  string   `yaml:"explain" json:"explain"`   // one sentence shown once the run has answered
}

// Exercise is a task checked by go test: starter files that fail their tests and a
// reference solution that passes them.
type Exercise struct {
	ID        string
	Dir       string
	Title     string
	Statement []byte  // markdown after statement.md's front matter
	Files     []*File // starter files, tests last
	Solution  []*File // files of solution/, each replacing the starter file of that name
}

// File is one named Go source file.
type File struct {
	Name   string
	Source []byte
}

// IsTest reports whether the file holds tests (its name ends in _test.go).
func (f *File) IsTest() bool { return strings.HasSuffix(f.Name, "_test.go") }

// SolvedFiles is the exercise with its solution in place: the starter's tests and
// untouched files, and the solution's files.
func (e *Exercise) SolvedFiles() []*File {
	out := make([]*File, 0, len(e.Files))
	for _, f := range e.Files {
		if i := slices.IndexFunc(e.Solution, func(s *File) bool { return s.Name == f.Name }); i >= 0 {
			out = append(out, e.Solution[i])
		} else {
			out = append(out, f)
		}
	}
	for _, s := range e.Solution {
		if !slices.ContainsFunc(e.Files, func(f *File) bool { return f.Name == s.Name }) {
			out = append(out, s)
		}
	}
	return out
}

// Program is one runnable Go file of a lesson.
type Program struct {
	Name     string // file name, e.g. "main.go"
	Title    string // shown on its tab: the file name without .go
	Source   []byte
	Expected []byte // nil when there is no .out file
	Stdin    []byte // nil when there is no .in file
	Path     string
}

// ExpectedPath is where the program's expected output is kept.
func (p *Program) ExpectedPath() string { return strings.TrimSuffix(p.Path, ".go") + ".out" }

// Load reads the whole course under dir.
func Load(dir string) (*Course, error) {
	var c Course
	chapters, err := os.ReadFile(filepath.Join(dir, "chapters.yaml"))
	if err != nil {
		return nil, fmt.Errorf("reading chapter list: %w", err)
	}
	if err := yaml.Unmarshal(chapters, &c.Chapters); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", filepath.Join(dir, "chapters.yaml"), err)
	}
	byID := map[string]*Chapter{}
	for _, ch := range c.Chapters {
		if ch.ID == "" || ch.Title == "" {
			return nil, fmt.Errorf("chapters.yaml: every chapter needs an id and a title")
		}
		if byID[ch.ID] != nil {
			return nil, fmt.Errorf("chapters.yaml: chapter %q listed twice", ch.ID)
		}
		byID[ch.ID] = ch
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		l, err := Read(filepath.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ch := byID[l.ChapterID]
		if ch == nil {
			errs = append(errs, fmt.Errorf("%s: unknown chapter %q (see chapters.yaml)", filepath.Join(l.Dir, "lesson.md"), l.ChapterID))
			continue
		}
		l.Chapter = ch
		ch.Lessons = append(ch.Lessons, l)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var prev *Lesson
	for _, ch := range c.Chapters {
		slices.SortFunc(ch.Lessons, func(a, b *Lesson) int { return a.Order - b.Order })
		for i, l := range ch.Lessons {
			if i > 0 && ch.Lessons[i-1].Order == l.Order {
				return nil, fmt.Errorf("lessons %s and %s share order %d in chapter %q", ch.Lessons[i-1].Slug, l.Slug, l.Order, ch.ID)
			}
			if prev != nil {
				prev.Next, l.Prev = l, prev
			}
			prev = l
		}
	}
	return &c, nil
}

// Lessons lists every lesson in course order.
func (c *Course) Lessons() []*Lesson {
	var out []*Lesson
	for _, ch := range c.Chapters {
		out = append(out, ch.Lessons...)
	}
	return out
}

// Read reads one lesson folder.
func Read(dir string) (*Lesson, error) {
	mdPath := filepath.Join(dir, "lesson.md")
	md, err := os.ReadFile(mdPath)
	if err != nil {
		return nil, fmt.Errorf("reading lesson: %w", err)
	}
	l := &Lesson{Slug: filepath.Base(dir), Dir: dir, Files: map[string][]byte{}}
	front, body, line, err := splitFrontMatter(md)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", mdPath, err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&l.Meta); err != nil {
		return nil, fmt.Errorf("%s: front matter: %w", mdPath, err)
	}
	l.Body, l.BodyLine = body, line
	if l.Title == "" || l.ChapterID == "" || l.Order == 0 {
		return nil, fmt.Errorf("%s: front matter needs title, chapter and order", mdPath)
	}
	if len(l.Covers) == 0 {
		return nil, fmt.Errorf("%s: front matter needs covers: the catalog IDs the lesson teaches", mdPath)
	}

	names := l.ProgramList
	if len(names) == 0 {
		matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, m := range matches {
			if !strings.HasSuffix(m, "_test.go") {
				names = append(names, filepath.Base(m))
			}
		}
		slices.Sort(names)
	}
	for _, name := range names {
		p := &Program{Name: name, Title: strings.TrimSuffix(name, ".go"), Path: filepath.Join(dir, name)}
		if p.Source, err = os.ReadFile(p.Path); err != nil {
			return nil, fmt.Errorf("%s: program %s: %w", mdPath, name, err)
		}
		if p.Expected, err = readOptional(p.ExpectedPath()); err != nil {
			return nil, err
		}
		if p.Stdin, err = readOptional(strings.TrimSuffix(p.Path, ".go") + ".in"); err != nil {
			return nil, err
		}
		l.Programs = append(l.Programs, p)
	}

	variants, _ := filepath.Glob(filepath.Join(dir, "try", "*.go"))
	for _, path := range variants {
		p := &Program{Name: filepath.Base(path), Title: strings.TrimSuffix(filepath.Base(path), ".go"), Path: path}
		if p.Source, err = os.ReadFile(path); err != nil {
			return nil, err
		}
		if p.Expected, err = readOptional(p.ExpectedPath()); err != nil {
			return nil, err
		}
		if p.Stdin, err = readOptional(strings.TrimSuffix(path, ".go") + ".in"); err != nil {
			return nil, err
		}
		l.Variants = append(l.Variants, p)
	}
	for _, id := range l.ExerciseIDs {
		e, err := readExercise(filepath.Join(dir, "exercises", id))
		if err != nil {
			return nil, fmt.Errorf("%s: exercise %s: %w", mdPath, id, err)
		}
		l.Exercises = append(l.Exercises, e)
	}
	for i, p := range l.Predict {
		if !slices.ContainsFunc(l.Programs, func(q *Program) bool { return q.Name == p.Program }) {
			return nil, fmt.Errorf("%s: predict[%d]: %q is not a program of the lesson", mdPath, i, p.Program)
		}
		if p.Question == "" || len(p.Choices) < 2 || p.Answer < 0 || p.Answer >= len(p.Choices) || p.Evidence == "" {
			return nil, fmt.Errorf("%s: predict[%d]: needs a question, two or more choices, an answer that indexes them and evidence", mdPath, i)
		}
	}

	filesDir := filepath.Join(dir, "files")
	err = filepath.WalkDir(filesDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path == filesDir {
				return fs.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(filesDir, path)
		data, err := os.ReadFile(path)
		l.Files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("%s: reading data files: %w", dir, err)
	}
	return l, nil
}

// readExercise reads one exercise folder.
func readExercise(dir string) (*Exercise, error) {
	e := &Exercise{ID: filepath.Base(dir), Dir: dir}
	md, err := os.ReadFile(filepath.Join(dir, "statement.md"))
	if err != nil {
		return nil, err
	}
	front, body, _, err := splitFrontMatter(md)
	if err != nil {
		return nil, fmt.Errorf("statement.md: %w", err)
	}
	var meta struct {
		Title string `yaml:"title"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&meta); err != nil || meta.Title == "" {
		return nil, fmt.Errorf("statement.md: front matter needs a title (%v)", err)
	}
	e.Title, e.Statement = meta.Title, body
	if e.Files, err = readGoFiles(dir); err != nil {
		return nil, err
	}
	slices.SortStableFunc(e.Files, func(a, b *File) int {
		if a.IsTest() != b.IsTest() {
			if a.IsTest() {
				return 1
			}
			return -1
		}
		return strings.Compare(a.Name, b.Name)
	})
	if !slices.ContainsFunc(e.Files, func(f *File) bool { return f.Name == "main.go" }) {
		return nil, errors.New("no main.go: the exercise's program starts there")
	}
	if !slices.ContainsFunc(e.Files, (*File).IsTest) {
		return nil, errors.New("no _test.go file: nothing would check it")
	}
	if e.Solution, err = readGoFiles(filepath.Join(dir, "solution")); err != nil {
		return nil, err
	}
	if len(e.Solution) == 0 {
		return nil, errors.New("solution/ holds no .go file")
	}
	return e, nil
}

func readGoFiles(dir string) ([]*File, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	var out []*File
	for _, m := range matches {
		src, err := os.ReadFile(m)
		if err != nil {
			return nil, err
		}
		out = append(out, &File{Name: filepath.Base(m), Source: src})
	}
	return out, nil
}

func readOptional(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}

// splitFrontMatter separates a leading "---" YAML block from the markdown after it and
// reports the line on which the markdown starts.
func splitFrontMatter(md []byte) (front, body []byte, bodyLine int, err error) {
	md = bytes.ReplaceAll(md, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(md, []byte("---\n")) {
		return nil, nil, 0, errors.New("missing front matter: the file must start with a line of ---")
	}
	rest := md[4:]
	end := bytes.Index(rest, []byte("\n---\n"))
	if end < 0 {
		return nil, nil, 0, errors.New("front matter is not closed by a line of ---")
	}
	front = rest[:end+1]
	body = rest[end+5:]
	return front, body, bytes.Count(md[:4+end+5], []byte("\n")) + 1, nil
}
