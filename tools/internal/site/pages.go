package site

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"strings"

	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/render"
)

// pageTemplates names the templates in site/templates/ that pages are written from. Each
// is layout.html with <name>.html parsed over it; a page executes its "layout".
var pageTemplates = []string{"home", "lesson", "notfound"}

// templateFuncs are the functions every template may call.
var templateFuncs = template.FuncMap{"inc": func(i int) int { return i + 1 }}

// writePages writes every HTML page of the site. A new kind of page adds its template to
// pageTemplates, a method on pageWriter that gathers its data, and a call here.
func writePages(o Options, course *lesson.Course, assets Assets, wasm map[string]string) error {
	templates, err := parseTemplates(filepath.Join(o.Root, "site", "templates"))
	if err != nil {
		return err
	}
	w := &pageWriter{out: o.Out, templates: templates, assets: assets, wasm: wasm}
	if err := w.home(course); err != nil {
		return err
	}
	for _, l := range course.Lessons() {
		if err := w.lesson(l); err != nil {
			return err
		}
	}
	return w.notFound()
}

// parseTemplates parses every template of pageTemplates from dir, by name.
func parseTemplates(dir string) (map[string]*template.Template, error) {
	layout, err := template.New("layout.html").Funcs(templateFuncs).ParseFiles(filepath.Join(dir, "layout.html"))
	if err != nil {
		return nil, fmt.Errorf("parsing layout: %w", err)
	}
	templates := map[string]*template.Template{}
	for _, name := range pageTemplates {
		t, err := layout.Clone()
		if err == nil {
			t, err = t.ParseFiles(filepath.Join(dir, name+".html"))
		}
		if err != nil {
			return nil, fmt.Errorf("parsing %s template: %w", name, err)
		}
		templates[name] = t
	}
	return templates, nil
}

// pageWriter writes pages into the site folder, each from one of the parsed templates.
type pageWriter struct {
	out       string                        // the site folder
	templates map[string]*template.Template // by name: see pageTemplates
	assets    Assets
	wasm      map[string]string // program path → the name of its .wasm in its lesson's folder
}

// page is what every page's layout shows.
type page struct {
	SiteName string
	Root     string // relative path from the page to the site root
	Assets   Assets
}

// layoutData returns what the layout shows on a page whose path to the site root is root.
func (w *pageWriter) layoutData(root string) page {
	return page{SiteName: SiteName, Root: root, Assets: w.assets}
}

// write executes the layout of the template called name with data, into rel under the
// site folder.
func (w *pageWriter) write(rel, name string, data any) error {
	path := filepath.Join(w.out, rel)
	t, ok := w.templates[name]
	if !ok {
		return fmt.Errorf("writing %s: no template %q (see pageTemplates)", path, name)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := t.ExecuteTemplate(f, "layout", data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return f.Close()
}

// home writes the table of contents, index.html.
func (w *pageWriter) home(course *lesson.Course) error {
	var first *lesson.Lesson
	if ls := course.Lessons(); len(ls) > 0 {
		first = ls[0]
	}
	return w.write("index.html", "home", struct {
		page
		Course *lesson.Course
		First  *lesson.Lesson
	}{w.layoutData(""), course, first})
}

// notFound writes 404.html.
func (w *pageWriter) notFound() error {
	// Served at any depth, so links are absolute from the site root.
	return w.write("404.html", "notfound", w.layoutData("/"))
}

// programView is what the lesson template shows of a program.
type programView struct {
	ID, Name, Title string
	Highlighted     template.HTML
}

// LessonData is the JSON a lesson page hands its script (site/js/lesson-page.js).
type LessonData struct {
	Slug        string            `json:"slug"`
	Worker      string            `json:"worker"`      // the runner worker, relative to the page
	BuildWorker string            `json:"buildWorker"` // the build worker, relative to the page
	Toolchain   string            `json:"toolchain"`   // the folder holding manifest.json
	Gofmt       string            `json:"gofmt"`       // go/format as WebAssembly
	Timeline    string            `json:"timeline"`    // the trace reader (wasm/timeline) as WebAssembly
	Programs    []ProgramData     `json:"programs"`
	Files       map[string]string `json:"files"` // data files, base64
	Prev        string            `json:"prev,omitempty"`
	Next        string            `json:"next,omitempty"`
}

// ProgramData describes one program to the page script.
type ProgramData struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	WASM   string `json:"wasm"` // relative to the page
}

// lesson writes lessons/<slug>/index.html: the prose, each program highlighted, and the
// LessonData its script runs them from.
func (w *pageWriter) lesson(l *lesson.Lesson) error {
	prose, err := render.Markdown(filepath.Join(l.Dir, "lesson.md"), l.Body)
	if err != nil {
		return err
	}
	const root = "../../"
	assets := w.assets
	data := LessonData{
		Slug: l.Slug, Worker: root + assets.WorkerJS, BuildWorker: root + assets.BuildWorkerJS,
		Toolchain: root + "toolchain/", Gofmt: root + assets.GofmtWASM, Timeline: root + assets.TimelineWASM, Files: map[string]string{},
	}
	if l.Prev != nil {
		data.Prev = "../" + l.Prev.Slug + "/"
	}
	if l.Next != nil {
		data.Next = "../" + l.Next.Slug + "/"
	}
	var views []programView
	for _, p := range l.Programs {
		hl, err := render.GoSource(p.Path, p.Source)
		if err != nil {
			return err
		}
		views = append(views, programView{ID: strings.TrimSuffix(p.Name, ".go"), Name: p.Name, Title: p.Title, Highlighted: hl})
		data.Programs = append(data.Programs, ProgramData{Name: p.Name, Source: string(p.Source), WASM: w.wasm[p.Path]})
	}
	for name, content := range l.Files {
		data.Files[name] = base64.StdEncoding.EncodeToString(content)
	}
	return w.write(filepath.Join("lessons", l.Slug, "index.html"), "lesson", struct {
		page
		Lesson   *lesson.Lesson
		Prose    template.HTML
		Programs []programView
		Data     LessonData
	}{w.layoutData(root), l, prose, views, data})
}
