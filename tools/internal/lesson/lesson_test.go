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
