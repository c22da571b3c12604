// Package site builds the static website: it compiles every lesson program to
// WebAssembly, bundles the scripts, renders the home page and one page per lesson, gives
// assets content-hashed names, and writes precompressed siblings. The output folder can be
// served by package server or copied to any static host.
//
// It is not for: serving (package server) or running programs outside a browser
// (package noderun).
package site

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"goconcurrency.dev/playground/tools/internal/bundle"
	"goconcurrency.dev/playground/tools/internal/compress"
	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/render"
	"goconcurrency.dev/playground/tools/internal/toolchain"
)

// SiteName is the product's name as pages show it.
const SiteName = "Go Concurrency Playground"

// Options say where things are.
type Options struct {
	Root     string // repository root: holds site/
	Lessons  string // the lessons folder; default Root/lessons
	Out      string // the folder to write the site into (replaced)
	CacheDir string // where compiled programs are kept between builds
	Minify   bool
}

// Assets are the content-hashed names of the shared files, relative to the site root.
type Assets struct {
	CSS, CodeCSS, LessonJS, WorkerJS, BuildWorkerJS, GofmtWASM, TimelineWASM string
}

// Build writes the whole site.
func Build(ctx context.Context, o Options) error {
	if _, err := os.Stat(filepath.Join(o.Root, "site", "node_modules")); err != nil {
		return errors.New("site/node_modules is missing: run npm ci in site/ (make does this)")
	}
	if o.Lessons == "" {
		o.Lessons = filepath.Join(o.Root, "lessons")
	}
	course, err := lesson.Load(o.Lessons)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(o.Out); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(o.Out, "assets"), 0o755); err != nil {
		return err
	}
	assets, err := writeAssets(o)
	if err != nil {
		return err
	}
	wasm, err := buildPrograms(ctx, o, course)
	if err != nil {
		return err
	}
	if err := publishToolchain(ctx, o); err != nil {
		return err
	}
	pages, err := parseTemplates(filepath.Join(o.Root, "site", "templates"))
	if err != nil {
		return err
	}
	if err := writeHome(o.Out, pages["home"], course, assets); err != nil {
		return err
	}
	for _, l := range course.Lessons() {
		if err := writeLesson(o.Out, pages["lesson"], l, assets, wasm); err != nil {
			return err
		}
	}
	if err := writeNotFound(o.Out, pages["notfound"], assets); err != nil {
		return err
	}
	return compress.Tree(o.Out)
}

// writeAssets bundles the scripts and copies the styles under hashed names.
func writeAssets(o Options) (Assets, error) {
	tmp, err := os.MkdirTemp("", "site-assets-")
	if err != nil {
		return Assets{}, err
	}
	defer os.RemoveAll(tmp)
	entries := []bundle.Entry{
		{Source: "site/js/lesson-page.js", Output: filepath.Join(tmp, "lesson.js")},
		{Source: "site/js/runner-worker.js", Output: filepath.Join(tmp, "runner-worker.js")},
		{Source: "site/js/build-worker.js", Output: filepath.Join(tmp, "build-worker.js")},
	}
	if err := bundle.Browser(o.Root, entries, o.Minify); err != nil {
		return Assets{}, err
	}
	var a Assets
	if a.LessonJS, err = hashedCopy(o.Out, filepath.Join(tmp, "lesson.js"), true); err != nil {
		return a, err
	}
	if a.WorkerJS, err = hashedCopy(o.Out, filepath.Join(tmp, "runner-worker.js"), true); err != nil {
		return a, err
	}
	if a.BuildWorkerJS, err = hashedCopy(o.Out, filepath.Join(tmp, "build-worker.js"), true); err != nil {
		return a, err
	}
	// The page's own Go, compiled to WebAssembly: gofmt for the Format button, the trace
	// reader for the timeline.
	for _, tool := range []struct {
		pkg, name string
		asset     *string
	}{{"./wasm/gofmt", "gofmt.wasm", &a.GofmtWASM}, {"./wasm/timeline/cmd", "timeline.wasm", &a.TimelineWASM}} {
		out := filepath.Join(tmp, tool.name)
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, tool.pkg)
		cmd.Dir, cmd.Env = o.Root, gobuild.Env()
		if msg, err := cmd.CombinedOutput(); err != nil {
			return a, fmt.Errorf("building %s: %v\n%s", tool.pkg, err, msg)
		}
		if *tool.asset, err = hashedCopy(o.Out, out, false); err != nil {
			return a, err
		}
	}
	if a.CSS, err = hashedCopy(o.Out, filepath.Join(o.Root, "site", "css", "site.css"), false); err != nil {
		return a, err
	}
	code, err := render.Stylesheet()
	if err != nil {
		return a, err
	}
	codeFile := filepath.Join(tmp, "code.css")
	if err := os.WriteFile(codeFile, []byte(code), 0o644); err != nil {
		return a, err
	}
	a.CodeCSS, err = hashedCopy(o.Out, codeFile, false)
	return a, err
}

// hashedCopy copies src to assets/<base>.<hash><ext> and returns that path. With
// sourceMap, the bundle's .map file is copied beside it under its plain name.
func hashedCopy(out, src string, sourceMap bool) (string, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return "", err
	}
	ext := filepath.Ext(src)
	name := fmt.Sprintf("assets/%s.%s%s", strings.TrimSuffix(filepath.Base(src), ext), shortHash(data), ext)
	if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
		return "", err
	}
	if sourceMap {
		m, err := os.ReadFile(src + ".map")
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(out, "assets", filepath.Base(src)+".map"), m, 0o644); err != nil {
			return "", err
		}
	}
	return name, nil
}

func shortHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:5])
}

// publishToolchain puts the in-browser compiler, linker and standard library under
// toolchain/. They are built and compressed once per Go version in the cache, then linked
// into the site.
func publishToolchain(ctx context.Context, o Options) error {
	dir, err := toolchain.Ensure(ctx, filepath.Join(filepath.Dir(o.CacheDir), "toolchain"))
	if err != nil {
		return err
	}
	// Compressed once in the cache: later builds find the siblings there.
	if err := compress.Tree(dir); err != nil {
		return err
	}
	return linkTree(dir, filepath.Join(o.Out, "toolchain"))
}

// linkTree hard-links (or, across file systems, copies) every file under src into dst.
func linkTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if os.Link(path, target) == nil {
			return nil
		}
		return copyFile(path, target)
	})
}

// buildPrograms compiles every lesson program and copies each into its lesson's folder
// under a hashed name. It returns those names by program path.
func buildPrograms(ctx context.Context, o Options, course *lesson.Course) (map[string]string, error) {
	b := &gobuild.Builder{Stdlib: gobuild.NewStdlib(), CacheDir: o.CacheDir}
	var all []*lesson.Program
	var imports []string
	for _, l := range course.Lessons() {
		for _, p := range l.Programs {
			all = append(all, p)
			im, err := gobuild.FileImports(p.Source)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p.Path, err)
			}
			imports = append(imports, im...)
		}
	}
	// One "go list" for every import, then the builds in parallel.
	if err := b.Stdlib.Load(ctx, append(imports, "runtime")); err != nil {
		return nil, err
	}
	var mu sync.Mutex
	names := map[string]string{}
	var errs []error
	jobs := make(chan *lesson.Program)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for p := range jobs {
				name, err := buildProgram(ctx, b, o.Out, p)
				mu.Lock()
				if err != nil {
					errs = append(errs, fmt.Errorf("building %s: %w", p.Path, err))
				}
				names[p.Path] = name
				mu.Unlock()
			}
		})
	}
	for _, p := range all {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return names, errors.Join(errs...)
}

func buildProgram(ctx context.Context, b *gobuild.Builder, out string, p *lesson.Program) (string, error) {
	wasm, err := b.Build(ctx, p.Source)
	if err != nil {
		return "", err
	}
	// Compressing a program is slower than compiling it: do it once, in the cache.
	if _, err := os.Stat(wasm + ".br"); err != nil {
		if err := compress.File(wasm); err != nil {
			return "", err
		}
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		return "", err
	}
	slug := filepath.Base(filepath.Dir(p.Path))
	name := fmt.Sprintf("%s.%s.wasm", p.Title, shortHash(data))
	dir := filepath.Join(out, "lessons", slug)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for _, ext := range []string{"", ".br", ".gz"} {
		if err := copyFile(wasm+ext, filepath.Join(dir, name+ext)); err != nil {
			return "", err
		}
	}
	return name, nil
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

func parseTemplates(dir string) (map[string]*template.Template, error) {
	funcs := template.FuncMap{"inc": func(i int) int { return i + 1 }}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFiles(filepath.Join(dir, "layout.html"))
	if err != nil {
		return nil, fmt.Errorf("parsing layout: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, name := range []string{"home", "lesson", "notfound"} {
		t, err := template.Must(layout.Clone()).ParseFiles(filepath.Join(dir, name+".html"))
		if err != nil {
			return nil, fmt.Errorf("parsing %s template: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

type page struct {
	SiteName string
	Root     string // relative path from the page to the site root
	Assets   Assets
}

func writePage(path string, t *template.Template, data any) error {
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

func writeHome(out string, t *template.Template, course *lesson.Course, assets Assets) error {
	var first *lesson.Lesson
	if ls := course.Lessons(); len(ls) > 0 {
		first = ls[0]
	}
	return writePage(filepath.Join(out, "index.html"), t, struct {
		page
		Course *lesson.Course
		First  *lesson.Lesson
	}{page{SiteName, "", assets}, course, first})
}

func writeNotFound(out string, t *template.Template, assets Assets) error {
	// Served at any depth, so links are absolute from the site root.
	return writePage(filepath.Join(out, "404.html"), t, page{SiteName, "/", assets})
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

func writeLesson(out string, t *template.Template, l *lesson.Lesson, assets Assets, wasm map[string]string) error {
	prose, err := render.Markdown(filepath.Join(l.Dir, "lesson.md"), l.Body)
	if err != nil {
		return err
	}
	const root = "../../"
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
		data.Programs = append(data.Programs, ProgramData{Name: p.Name, Source: string(p.Source), WASM: wasm[p.Path]})
	}
	for name, content := range l.Files {
		data.Files[name] = base64.StdEncoding.EncodeToString(content)
	}
	return writePage(filepath.Join(out, "lessons", l.Slug, "index.html"), t, struct {
		page
		Lesson   *lesson.Lesson
		Prose    template.HTML
		Programs []programView
		Data     LessonData
	}{page{SiteName, root, assets}, l, prose, views, data})
}
