package lesson_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/render"
)

// A lesson page is /lessons/<slug>/, so a link from one lesson to another is relative:
// ../<slug>/, optionally with #anchor, an id of a heading on that page. A link to a
// heading of the same page is #anchor.
var lessonLink = regexp.MustCompile(`^\.\./([a-z0-9]+(?:-[a-z0-9]+)*)/(?:#([^#\s]+))?$`)

var external = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// headingID matches the id the renderer gives a heading (goldmark's automatic ids).
var headingID = regexp.MustCompile(`<h[1-6] id="([^"]+)"`)

// link is one markdown link found in a lesson's prose.
type link struct {
	file string // lessons/<slug>/lesson.md, for messages
	line int
	text string
	dest string
}

func (l link) String() string { return fmt.Sprintf("%s:%d: [%s](%s)", l.file, l.line, l.text, l.dest) }

// lessonLinks returns every link in l's markdown, with the line it is on. Links inside
// code are not links, and the parser knows it.
func lessonLinks(l *lesson.Lesson) []link {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	doc := md.Parser().Parse(text.NewReader(l.Body))
	file := filepath.ToSlash(filepath.Join("lessons", l.Slug, "lesson.md"))
	var out []link
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		a, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		out = append(out, link{
			file: file,
			line: l.BodyLine + bytes.Count(l.Body[:firstOffset(a)], []byte("\n")),
			text: linkText(a, l.Body),
			dest: string(a.Destination),
		})
		return ast.WalkSkipChildren, nil
	})
	return out
}

// firstOffset is where the link's text starts in the markdown.
func firstOffset(n ast.Node) int {
	off := -1
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return max(off, 0)
}

func linkText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// headings returns the ids of the headings on l's page, as the site renders them.
func headings(t *testing.T, l *lesson.Lesson) map[string]bool {
	t.Helper()
	html, err := render.Markdown(filepath.Join(l.Dir, "lesson.md"), l.Body)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, m := range headingID.FindAllStringSubmatch(string(html), -1) {
		ids[m[1]] = true
	}
	return ids
}

// checkLinks reports every link of the course that does not lead to a lesson (or to a
// heading of one), and counts the links between lessons.
func checkLinks(t *testing.T, c *lesson.Course) (problems []string, between int) {
	t.Helper()
	bySlug := map[string]*lesson.Lesson{}
	for _, l := range c.Lessons() {
		bySlug[l.Slug] = l
	}
	ids := map[string]map[string]bool{}
	idsOf := func(l *lesson.Lesson) map[string]bool {
		if ids[l.Slug] == nil {
			ids[l.Slug] = headings(t, l)
		}
		return ids[l.Slug]
	}
	for _, l := range c.Lessons() {
		for _, k := range lessonLinks(l) {
			switch {
			case external.MatchString(k.dest):
				continue
			case strings.HasPrefix(k.dest, "#"):
				if !idsOf(l)[k.dest[1:]] {
					problems = append(problems, fmt.Sprintf("%v: no heading with id %q on this page", k, k.dest[1:]))
				}
				continue
			}
			between++
			m := lessonLink.FindStringSubmatch(k.dest)
			if m == nil {
				problems = append(problems, fmt.Sprintf("%v: a link to another lesson is written ../<slug>/ or ../<slug>/#heading-id", k))
				continue
			}
			target := bySlug[m[1]]
			if target == nil {
				problems = append(problems, fmt.Sprintf("%v: there is no lesson %q", k, m[1]))
				continue
			}
			if m[2] != "" && !idsOf(target)[m[2]] {
				have := slices.Sorted(func(yield func(string) bool) {
					for id := range idsOf(target) {
						if !yield(id) {
							return
						}
					}
				})
				problems = append(problems, fmt.Sprintf("%v: lesson %s has no heading with id %q (it has %s)", k, m[1], m[2], strings.Join(have, ", ")))
			}
		}
	}
	return problems, between
}

// TestLinksBetweenLessons checks that every link in every lesson.md leads to a lesson
// that exists, and to a heading that exists on it when the link names one.
func TestLinksBetweenLessons(t *testing.T) {
	problems, between := checkLinks(t, loadCourse(t))
	for _, p := range problems {
		t.Error(p)
	}
	if between == 0 {
		t.Error("no links between lessons found: is the parser reading the prose?")
	}
	t.Logf("%d links between lessons", between)
}

// TestLinksCheckerReportsBadLinks runs the check on a small course with broken links and
// expects each to be named with its file, line and destination.
func TestLinksCheckerReportsBadLinks(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("chapters.yaml", "- id: c\n  title: C\n")
	write("one/lesson.md", "---\ntitle: One\nchapter: c\norder: 1\ncovers: [A1-1]\n---\n\n## A heading\n\n"+
		"Fine: [two](../two/), [its part](../two/#part-two) and [here](#a-heading).\n"+
		"Not a link: `[x](../gone/)`. Outside: [Go](https://go.dev/).\n"+
		"Broken: [gone](../gone/),\n[no anchor](../two/#nowhere), [no slash](../two),\n[self](#missing).\n")
	write("two/lesson.md", "---\ntitle: Two\nchapter: c\norder: 2\ncovers: [A1-1]\n---\n\n## Part two\n\nBack to [one](../one/).\n")
	c, err := lesson.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	problems, between := checkLinks(t, c)
	want := []string{
		"lessons/one/lesson.md:12: [gone](../gone/): there is no lesson \"gone\"",
		"lessons/one/lesson.md:13: [no anchor](../two/#nowhere): lesson two has no heading with id \"nowhere\" (it has part-two)",
		"lessons/one/lesson.md:13: [no slash](../two): a link to another lesson is written ../<slug>/ or ../<slug>/#heading-id",
		"lessons/one/lesson.md:14: [self](#missing): no heading with id \"missing\" on this page",
	}
	if !slices.Equal(problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	if between != 6 {
		t.Errorf("counted %d links between lessons, want 6", between)
	}
}
