package site

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/render"
)

// pageTemplates names the templates in site/templates/ that pages are written from. Each
// is layout.html with <name>.html parsed over it; a page executes its "layout".
var pageTemplates = []string{"home", "lesson", "notfound", "embed", "shared", "article"}

// partials are templates every page may use, parsed with the layout.
var partials = []string{"playground.html"}

// templateFuncs are the functions every template may call, besides its edition's.
var templateFuncs = template.FuncMap{"inc": func(i int) int { return i + 1 }}

// writePages writes every HTML page of the site. A new kind of page adds its template to
// pageTemplates, a method on pageWriter that gathers its data, and a call here. Each
// translation (lesson.Languages) gets the home page and the lessons under /<code>/.
func writePages(o Options, course *lesson.Course, assets Assets, tools ToolFiles, wasm map[string]string) error {
	eds, err := readEditions(o.Root, o.Lessons)
	if err != nil {
		return err
	}
	var writers []*pageWriter
	for _, ed := range eds {
		templates, err := parseTemplates(filepath.Join(o.Root, "site", "templates"), ed.funcs())
		if err != nil {
			return err
		}
		w := &pageWriter{out: o.Out, origin: strings.TrimSuffix(o.Origin, "/"), templates: templates, assets: assets, tools: tools, wasm: wasm,
			ed: ed, editions: eds, translations: map[string]*lesson.Translation{}}
		for _, l := range course.Lessons() {
			if ed.Code == "en" {
				continue
			}
			tr, err := l.ReadTranslation(ed.Code)
			if err != nil {
				return err
			}
			if tr != nil {
				w.translations[l.Slug] = tr
			}
		}
		writers = append(writers, w)
	}
	for _, w := range writers[1:] {
		if err := w.home(course); err != nil {
			return err
		}
		if err := w.glossary(o.Lessons); err != nil {
			return err
		}
		for _, l := range course.Lessons() {
			if err := w.lesson(l); err != nil {
				return err
			}
		}
	}
	w := writers[0]
	if err := w.home(course); err != nil {
		return err
	}
	for _, l := range course.Lessons() {
		if err := w.lesson(l); err != nil {
			return err
		}
		if err := w.embed(l); err != nil {
			return err
		}
		if err := w.oEmbed(l); err != nil {
			return err
		}
	}
	if err := w.snippet(); err != nil {
		return err
	}
	if err := w.shared(); err != nil {
		return err
	}
	if err := w.demo(filepath.Join(o.Root, "site", "embed", "demo.html")); err != nil {
		return err
	}
	return w.notFound()
}

// parseTemplates parses every template of pageTemplates from dir, by name, with an
// edition's functions.
func parseTemplates(dir string, funcs template.FuncMap) (map[string]*template.Template, error) {
	files := []string{filepath.Join(dir, "layout.html")}
	for _, p := range partials {
		files = append(files, filepath.Join(dir, p))
	}
	layout, err := template.New("layout.html").Funcs(templateFuncs).Funcs(funcs).ParseFiles(files...)
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
	origin    string                        // where the site is served, for absolute links (oEmbed)
	templates map[string]*template.Template // by name: see pageTemplates
	assets    Assets
	tools     ToolFiles         // the toolchain's compiler and linker
	wasm      map[string]string // program path → the name of its .wasm in its lesson's folder
	ed        *edition          // the language the pages are written in
	editions  []*edition
	// translations are the lessons in ed's language, by slug (none for English).
	translations map[string]*lesson.Translation
}

// page is what every page's layout shows.
type page struct {
	SiteName   string
	Root       string // relative path from the page to the site root
	Home       string // relative path from the page to its edition's home page
	Edition    string // the edition's code: "en", "zh"
	Assets     Assets
	Alternates []alternate // the page in every edition, for hreflang links; none for pages in one language
	Twin       *alternate  // the page in the other language, for the switch in the header
	// UI is what the page scripts say, in the edition's language (site/js/i18n.js reads
	// it from the page).
	UI map[string]string
}

// layoutData returns what the layout shows on a page whose path to the site root is root.
func (w *pageWriter) layoutData(root string) page {
	return page{SiteName: SiteName, Root: root, Home: root + w.ed.Dir, Edition: w.ed.Code, Assets: w.assets, UI: w.ed.Script}
}

// editionData is layoutData for a page that every edition has, at rel in each (e.g.
// "lessons/x/"): it links its versions in the other languages.
func (w *pageWriter) editionData(root, rel string) page {
	p := w.layoutData(root)
	p.Alternates = alternates(w.editions, root, rel)
	for i := range p.Alternates {
		if p.Alternates[i].Code != w.ed.Code {
			p.Twin = &p.Alternates[i]
			break
		}
	}
	return p
}

// lessonLink is a lesson as a link shows it: in the edition's language when translated.
type lessonLink struct {
	Slug, Title, Summary string
}

func (w *pageWriter) link(l *lesson.Lesson) *lessonLink {
	if l == nil {
		return nil
	}
	if tr := w.translations[l.Slug]; tr != nil {
		return &lessonLink{l.Slug, tr.Title, tr.Summary}
	}
	return &lessonLink{l.Slug, l.Title, l.Summary}
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

// home writes the table of contents, index.html (in the edition's folder).
func (w *pageWriter) home(course *lesson.Course) error {
	var first *lessonLink
	if ls := course.Lessons(); len(ls) > 0 {
		first = w.link(ls[0])
	}
	type chapterView struct {
		ID, Title, Summary string
		Lessons            []*lessonLink
	}
	var chapters []chapterView
	for _, ch := range course.Chapters {
		tr := w.ed.chapter(ch)
		v := chapterView{ID: ch.ID, Title: tr.Title, Summary: tr.Summary}
		for _, l := range ch.Lessons {
			v.Lessons = append(v.Lessons, w.link(l))
		}
		chapters = append(chapters, v)
	}
	root := strings.Repeat("../", strings.Count(w.ed.Dir, "/"))
	p := w.editionData(root, "")
	p.Home = ""
	return w.write(w.ed.Dir+"index.html", "home", struct {
		page
		Course struct{ Chapters []chapterView }
		First  *lessonLink
	}{p, struct{ Chapters []chapterView }{chapters}, first})
}

// glossary writes glossary/index.html in a translation's folder, from the lessons'
// glossary.<code>.md: the terms the translation uses, against the English.
func (w *pageWriter) glossary(lessons string) error {
	path := filepath.Join(lessons, "glossary."+w.ed.Code+".md")
	md, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // a test's small course has none
	}
	if err != nil {
		return err
	}
	prose, err := render.Translation(path, md, nil)
	if err != nil {
		return err
	}
	title := strings.TrimSpace(strings.TrimPrefix(strings.SplitN(string(md), "\n", 2)[0], "#"))
	return w.write(filepath.Join(w.ed.Dir, "glossary", "index.html"), "article", struct {
		page
		Title string
		Prose template.HTML
	}{w.layoutData("../../"), title, prose})
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
	Title       string            `json:"title"`
	Root        string            `json:"root"`        // the site root, relative to the page
	Worker      string            `json:"worker"`      // the runner worker, relative to the page
	BuildWorker string            `json:"buildWorker"` // the build worker, relative to the page
	Toolchain   string            `json:"toolchain"`   // the folder holding manifest.json
	Tools       ToolFiles         `json:"tools"`       // the compiler and linker it names
	Gofmt       string            `json:"gofmt"`       // go/format as WebAssembly
	Programs    []ProgramData     `json:"programs"`
	Files       map[string]string `json:"files"` // data files, base64
	Prev        string            `json:"prev,omitempty"`
	Next        string            `json:"next,omitempty"`
}

// ToolFiles are the compiler's and linker's files, as the toolchain's manifest names them
// (relative to it) or, in LessonData, relative to the page: the build worker starts
// loading them before the manifest arrives.
type ToolFiles struct {
	Compile string `json:"compile"`
	Link    string `json:"link"`
}

// ProgramData describes one program to the page script.
type ProgramData struct {
	Name   string `json:"name"`
	Source string `json:"source"`         // main.go
	WASM   string `json:"wasm,omitempty"` // relative to the page; none for exercises, always built
	// Files are the program's other files: an exercise's starter files and its tests,
	// which are read-only.
	Files    []FileData         `json:"files,omitempty"`
	Predict  *lesson.Prediction `json:"predict,omitempty"`  // asked before it runs
	Exercise string             `json:"exercise,omitempty"` // the exercise's id
}

// FileData is one file of a program.
type FileData struct {
	Name     string `json:"name"`
	Source   string `json:"source"`
	Readonly bool   `json:"readonly,omitempty"`
}

// exerciseProgram is the program tab of an exercise: its starter files, main.go first,
// then its tests (read-only: Check runs them as written).
func exerciseProgram(e *lesson.Exercise) ProgramData {
	p := ProgramData{Name: "exercises/" + e.ID, Exercise: e.ID}
	for _, f := range e.Files {
		if f.Name == "main.go" {
			p.Source = string(f.Source)
		} else {
			p.Files = append(p.Files, FileData{Name: f.Name, Source: string(f.Source), Readonly: f.IsTest()})
		}
	}
	return p
}

// exerciseTitle is the tab title of a lesson's i-th exercise, in the edition's words.
func (e *edition) exerciseTitle(l *lesson.Lesson, i int) string {
	if len(l.Exercises) == 1 {
		return e.Strings["tab.exercise"]
	}
	return fmt.Sprintf(e.Strings["tab.exercise.n"], i+1)
}

// lessonData is the LessonData of a lesson, for a page whose path to the site root is
// root; programs are found in the lesson's folder. With exercises, each exercise is a
// program too (the lesson page's; embeds show the lesson's programs only).
func (w *pageWriter) lessonData(l *lesson.Lesson, root string, exercises bool) LessonData {
	assets := w.assets
	data := LessonData{
		Slug: l.Slug, Title: l.Title, Root: root, Worker: root + assets.WorkerJS, BuildWorker: root + assets.BuildWorkerJS,
		Toolchain: root + "toolchain/", Tools: w.toolFiles(root), Gofmt: root + assets.GofmtWASM, Files: map[string]string{},
	}
	for _, p := range l.Programs {
		pd := ProgramData{Name: p.Name, Source: string(p.Source), WASM: root + "lessons/" + l.Slug + "/" + w.wasm[p.Path]}
		for _, q := range l.Predict {
			if q.Program == p.Name {
				pd.Predict = q
			}
		}
		data.Programs = append(data.Programs, pd)
	}
	if exercises {
		for _, e := range l.Exercises {
			data.Programs = append(data.Programs, exerciseProgram(e))
		}
	}
	for name, content := range l.Files {
		data.Files[name] = base64.StdEncoding.EncodeToString(content)
	}
	return data
}

// programViews highlights each program of a lesson for its tab, and, with exercises,
// each exercise's main.go.
func (w *pageWriter) programViews(l *lesson.Lesson, exercises bool) ([]programView, error) {
	var views []programView
	for _, p := range l.Programs {
		hl, err := render.GoSource(p.Path, p.Source)
		if err != nil {
			return nil, err
		}
		views = append(views, programView{ID: strings.TrimSuffix(p.Name, ".go"), Name: p.Name, Title: p.Title, Highlighted: hl})
	}
	if !exercises {
		return views, nil
	}
	for i, e := range l.Exercises {
		p := exerciseProgram(e)
		hl, err := render.GoSource(filepath.Join(e.Dir, "main.go"), []byte(p.Source))
		if err != nil {
			return nil, err
		}
		views = append(views, programView{ID: "exercise-" + e.ID, Name: "main.go", Title: w.ed.exerciseTitle(l, i), Highlighted: hl})
	}
	return views, nil
}

// exerciseView is what the lesson page shows of an exercise under the prose.
type exerciseView struct {
	ID, Title string
	Program   int // the index of its program tab
	Statement template.HTML
	Solution  []solutionFile
}

type solutionFile struct {
	Name        string
	Highlighted template.HTML
}

// exerciseViews shows the exercises of a lesson, in the translation's words when tr has
// them.
func exerciseViews(l *lesson.Lesson, tr *lesson.Translation) ([]exerciseView, error) {
	var views []exerciseView
	for i, e := range l.Exercises {
		title := e.Title
		var statement template.HTML
		var err error
		if s := tr.Statement(e.ID); s != nil {
			title = s.Title
			statement, err = render.Translation(s.Path, s.Body, e.Statement)
		} else {
			statement, err = render.Markdown(filepath.Join(e.Dir, "statement.md"), e.Statement)
		}
		if err != nil {
			return nil, err
		}
		v := exerciseView{ID: e.ID, Title: title, Program: len(l.Programs) + i, Statement: statement}
		for _, f := range e.Solution {
			hl, err := render.GoSource(filepath.Join(e.Dir, "solution", f.Name), f.Source)
			if err != nil {
				return nil, err
			}
			v.Solution = append(v.Solution, solutionFile{f.Name, hl})
		}
		views = append(views, v)
	}
	return views, nil
}

// playgroundPage is what a page with a program panel (playground.html) shows.
type playgroundPage struct {
	page
	Programs    []programView
	EmbedButton bool
	Data        LessonData
}

// lesson writes lessons/<slug>/index.html (in the edition's folder): the prose, each
// program highlighted, and the LessonData its script runs them from. A translated
// lesson shows its translation's prose and statements; its programs are the English
// lesson's, so edits saved for them are the same in every edition.
func (w *pageWriter) lesson(l *lesson.Lesson) error {
	tr := w.translations[l.Slug]
	if w.ed.Code != "en" && tr == nil {
		return nil // not translated yet: the English page stands
	}
	var prose template.HTML
	var err error
	if tr != nil {
		prose, err = render.Translation(tr.Path, tr.Body, l.Body)
	} else {
		prose, err = render.Markdown(filepath.Join(l.Dir, "lesson.md"), l.Body)
	}
	if err != nil {
		return err
	}
	root := "../../" + strings.Repeat("../", strings.Count(w.ed.Dir, "/"))
	data := w.lessonData(l, root, true)
	if l.Prev != nil {
		data.Prev = "../" + l.Prev.Slug + "/"
	}
	if l.Next != nil {
		data.Next = "../" + l.Next.Slug + "/"
	}
	if tr != nil {
		data.Title = tr.Title
		for i := range data.Programs {
			p := &data.Programs[i]
			if p.Predict == nil {
				continue
			}
			if j := slices.Index(l.Predict, p.Predict); j >= 0 && j < len(tr.Predict) {
				q := *p.Predict
				q.Question, q.Choices, q.Explain = tr.Predict[j].Question, tr.Predict[j].Choices, tr.Predict[j].Explain
				p.Predict = &q
			}
		}
	}
	views, err := w.programViews(l, true)
	if err != nil {
		return err
	}
	exercises, err := exerciseViews(l, tr)
	if err != nil {
		return err
	}
	link := w.link(l)
	return w.write(filepath.Join(w.ed.Dir, "lessons", l.Slug, "index.html"), "lesson", struct {
		playgroundPage
		Lesson         *lesson.Lesson
		Title, Summary string
		Chapter        *lesson.Chapter
		Prev, Next     *lessonLink
		Prose          template.HTML
		OEmbed         string
		Exercises      []exerciseView
	}{playgroundPage{w.editionData(root, "lessons/"+l.Slug+"/"), views, true, data}, l, link.Title, link.Summary, w.ed.chapter(l.Chapter),
		w.link(l.Prev), w.link(l.Next), prose, w.origin + "/lessons/" + l.Slug + "/oembed.json", exercises})
}

// embedPage is what an embed page (embed.html) shows around its program panel.
type embedPage struct {
	playgroundPage
	Heading string // the credit line's text
	Link    string // where the credit line leads
}

// embed writes embed/<slug>/index.html: the lesson's programs without the site around
// them, for other pages to frame (site/js/embed-page.js reads its options).
func (w *pageWriter) embed(l *lesson.Lesson) error {
	const root = "../../"
	views, err := w.programViews(l, false)
	if err != nil {
		return err
	}
	return w.write(filepath.Join("embed", l.Slug, "index.html"), "embed", embedPage{
		playgroundPage{w.layoutData(root), views, false, w.lessonData(l, root, false)},
		l.Title, root + "lessons/" + l.Slug + "/",
	})
}

// sharedProgram is the one program of the shared and snippet pages: its source comes
// from the link the page is opened with.
var sharedProgram = []programView{{ID: "main", Name: "main.go", Title: "main.go"}}

// toolFiles are the toolchain's compiler and linker relative to a page whose path to the
// site root is root.
func (w *pageWriter) toolFiles(root string) ToolFiles {
	return ToolFiles{Compile: root + "toolchain/" + w.tools.Compile, Link: root + "toolchain/" + w.tools.Link}
}

// emptyData is the LessonData of a page whose program the script fills in.
func (w *pageWriter) emptyData(slug, root string) LessonData {
	a := w.assets
	return LessonData{
		Slug: slug, Root: root, Worker: root + a.WorkerJS, BuildWorker: root + a.BuildWorkerJS, Toolchain: root + "toolchain/",
		Tools: w.toolFiles(root), Gofmt: root + a.GofmtWASM, Files: map[string]string{},
		Programs: []ProgramData{{Name: "main.go"}},
	}
}

// snippet writes embed/snippet/index.html, which embeds any program: from its link's
// fragment (#code=, site/js/program-code.js) or, on the Worker, a shared id (?share=).
func (w *pageWriter) snippet() error {
	const root = "../../"
	return w.write(filepath.Join("embed", "snippet", "index.html"), "embed", embedPage{
		playgroundPage{w.layoutData(root), sharedProgram, false, w.emptyData("snippet", root)},
		"Go program", root,
	})
}

// shared writes s/index.html, the page of a shared program: /s/#code=… on any host, and
// /s/{id} on the Worker, which serves this page for every id.
func (w *pageWriter) shared() error {
	const root = "../"
	return w.write(filepath.Join("s", "index.html"), "shared", playgroundPage{w.layoutData(root), sharedProgram, false, w.emptyData("shared", root)})
}

// OEmbed is the oEmbed document (oembed.com, type "rich") that lets other sites embed a
// lesson from its URL.
type OEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	Title        string `json:"title"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

// EmbedHeight is the height, in CSS px, an embed starts at before it sizes itself.
const EmbedHeight = 520

// oEmbed writes lessons/<slug>/oembed.json, with absolute links on the site's origin.
func (w *pageWriter) oEmbed(l *lesson.Lesson) error {
	src := w.origin + "/embed/" + l.Slug + "/"
	doc := OEmbed{
		Version: "1.0", Type: "rich", Title: l.Title, ProviderName: SiteName, ProviderURL: w.origin + "/",
		HTML: fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="%d" style="border:0" loading="lazy" allow="clipboard-write"></iframe>`,
			template.HTMLEscapeString(src), template.HTMLEscapeString(l.Title), EmbedHeight),
		Width: 800, Height: EmbedHeight,
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(w.out, "lessons", l.Slug, "oembed.json"), append(data, '\n'), 0o644)
}

// demo copies the demo course page, which embeds lessons and snippets from another
// page's point of view (and is the embedding tests' fixture).
func (w *pageWriter) demo(src string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("copying the demo page: %w", err)
	}
	return os.WriteFile(filepath.Join(w.out, "embed", "demo.html"), data, 0o644)
}
