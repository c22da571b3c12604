package lesson

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeLesson(t *testing.T, dir, md string, files map[string]string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lesson.md"), []byte(md), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestReadLesson(t *testing.T) {
	dir := writeLesson(t, filepath.Join(t.TempDir(), "demo"),
		"---\ntitle: Demo\nchapter: c\norder: 2\ncovers: [A1-1]\nprograms: [b.go, a.go]\n---\n\nBody text.\n",
		map[string]string{"a.go": "package main\n", "b.go": "package main\n", "b.out": "hi\n", "b.in": "x\n", "files/data/n.txt": "7"})
	l, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if l.Title != "Demo" || l.Order != 2 || l.Slug != "demo" || string(l.Body) != "\nBody text.\n" || l.BodyLine != 8 {
		t.Errorf("lesson = %+v", l)
	}
	if len(l.Programs) != 2 || l.Programs[0].Name != "b.go" || string(l.Programs[0].Expected) != "hi\n" || string(l.Programs[0].Stdin) != "x\n" || l.Programs[1].Expected != nil {
		t.Errorf("programs not in front-matter order with their files: %+v %+v", l.Programs[0], l.Programs[1])
	}
	if string(l.Files["data/n.txt"]) != "7" {
		t.Errorf("files = %v", l.Files)
	}
}

func TestReadLessonErrorsNameTheFile(t *testing.T) {
	for name, md := range map[string]string{
		"no front matter":  "# Title\n",
		"unclosed":         "---\ntitle: x\n",
		"unknown field":    "---\ntitle: x\nchapter: c\norder: 1\ncovers: [A1-1]\ncolour: red\n---\n",
		"missing covers":   "---\ntitle: x\nchapter: c\norder: 1\n---\n",
		"missing chapter":  "---\ntitle: x\norder: 1\ncovers: [A1-1]\n---\n",
		"missing programs": "---\ntitle: x\nchapter: c\norder: 1\ncovers: [A1-1]\nprograms: [gone.go]\n---\n",
	} {
		dir := writeLesson(t, filepath.Join(t.TempDir(), "bad"), md, nil)
		_, err := Read(dir)
		if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "lesson.md")) {
			t.Errorf("%s: error %v does not name lesson.md", name, err)
		}
	}
}

func TestLoadOrdersAndLinks(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "chapters.yaml"), []byte("- id: one\n  title: One\n- id: two\n  title: Two\n"), 0o644)
	lesson := func(slug, chapter string, order int) {
		writeLesson(t, filepath.Join(root, slug), "---\ntitle: "+slug+"\nchapter: "+chapter+"\norder: "+string(rune('0'+order))+"\ncovers: [X]\n---\n", nil)
	}
	lesson("c", "two", 1)
	lesson("b", "one", 2)
	lesson("a", "one", 1)
	c, err := Load(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range c.Lessons() {
		got = append(got, l.Slug)
	}
	if strings.Join(got, " ") != "a b c" || c.Lessons()[2].Prev.Slug != "b" || c.Lessons()[0].Next.Slug != "b" {
		t.Errorf("order = %v", got)
	}
	lesson("d", "three", 1)
	if _, err := Load(root); err == nil || !strings.Contains(err.Error(), `unknown chapter "three"`) {
		t.Errorf("unknown chapter: %v", err)
	}
}

func TestReadExercisesVariantsAndPredictions(t *testing.T) {
	md := "---\ntitle: Demo\nchapter: c\norder: 1\ncovers: [A1-1]\nexercises: [exact]\n" +
		"predict:\n  - program: main.go\n    question: How many?\n    choices: [\"1\", \"2\"]\n    answer: 1\n    evidence: \"n = 2\"\n---\nBody.\n"
	dir := writeLesson(t, filepath.Join(t.TempDir(), "demo"), md, map[string]string{
		"main.go":                          "package main\n",
		"main.out":                         "n = 2\n",
		"try/no-sleep.go":                  "package main\n",
		"try/no-sleep.out":                 "n = 1\n",
		"exercises/exact/statement.md":     "---\ntitle: Make it exact\n---\nDo it.\n",
		"exercises/exact/main_test.go":     "package main\n",
		"exercises/exact/main.go":          "package main // starter\n",
		"exercises/exact/helper.go":        "package main\n",
		"exercises/exact/solution/main.go": "package main // solved\n",
	})
	l, err := Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Variants) != 1 || l.Variants[0].Name != "no-sleep.go" || string(l.Variants[0].Expected) != "n = 1\n" {
		t.Errorf("variants = %+v", l.Variants)
	}
	if len(l.Predict) != 1 || l.Predict[0].Answer != 1 {
		t.Errorf("predict = %+v", l.Predict)
	}
	if len(l.Exercises) != 1 {
		t.Fatalf("exercises = %+v", l.Exercises)
	}
	e := l.Exercises[0]
	var names, solved []string
	for _, f := range e.Files {
		names = append(names, f.Name)
	}
	for _, f := range e.SolvedFiles() {
		solved = append(solved, f.Name+"="+strings.TrimSpace(string(f.Source)))
	}
	if e.Title != "Make it exact" || strings.Join(names, " ") != "helper.go main.go main_test.go" {
		t.Errorf("exercise %q files %v (want tests last)", e.Title, names)
	}
	if strings.Join(solved, ";") != "helper.go=package main;main.go=package main // solved;main_test.go=package main" {
		t.Errorf("solved files = %v", solved)
	}

	for name, broken := range map[string]string{
		"answer out of range": strings.Replace(md, "answer: 1", "answer: 2", 1),
		"unknown program":     strings.Replace(md, "program: main.go", "program: gone.go", 1),
		"missing exercise":    strings.Replace(md, "[exact]", "[gone]", 1),
	} {
		os.WriteFile(filepath.Join(dir, "lesson.md"), []byte(broken), 0o644)
		if _, err := Read(dir); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
