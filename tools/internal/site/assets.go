package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"goconcurrency.dev/playground/tools/internal/bundle"
	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/render"
)

// Assets are the content-hashed names of the shared files, relative to the site root.
type Assets struct {
	CSS, CodeCSS, DarkCSS       string
	LessonJS, SharedJS, EmbedJS string // the lesson, shared-program and embed pages' scripts
	HomeJS                      string // the home page's: lessons marked done
	WorkerJS, BuildWorkerJS     string
	GofmtWASM                   string
}

// buildWorkerName is the build worker's asset name, before its hash.
const buildWorkerName = "build-worker"

// EmbedLoader is the script course pages include to embed programs (site/js/embed.js). It
// keeps its plain name at the site root, so a page can link it for good.
const EmbedLoader = "embed.js"

// writeAssets bundles the scripts and copies the styles under hashed names.
func writeAssets(o Options) (Assets, error) {
	tmp, err := os.MkdirTemp("", "site-assets-")
	if err != nil {
		return Assets{}, err
	}
	defer os.RemoveAll(tmp)
	var a Assets
	if err := writePageScripts(o, tmp, &a); err != nil {
		return a, err
	}
	scripts := []struct {
		source, name string
		asset        *string // nil: the embed loader, written under its own name
		worker       bool    // a module worker's script; else a classic script, which any course page can include
	}{
		{"site/js/runner-worker.js", "runner-worker.js", &a.WorkerJS, true},
		{"site/js/build-worker.js", buildWorkerName + ".js", &a.BuildWorkerJS, true},
		{"site/js/embed.js", EmbedLoader, nil, false},
	}
	var workers, classic []bundle.Entry
	for _, s := range scripts {
		e := bundle.Entry{Source: s.source, Output: filepath.Join(tmp, s.name)}
		if s.worker {
			workers = append(workers, e)
		} else {
			classic = append(classic, e)
		}
	}
	if err := bundle.Workers(o.Root, workers, o.Minify); err != nil {
		return Assets{}, err
	}
	if err := bundle.Browser(o.Root, classic, o.Minify); err != nil {
		return Assets{}, err
	}
	for _, s := range scripts {
		src := filepath.Join(tmp, s.name)
		if s.asset == nil {
			for _, f := range []string{s.name, s.name + ".map"} {
				if err := copyFile(filepath.Join(tmp, f), filepath.Join(o.Out, f)); err != nil {
					return a, err
				}
			}
			continue
		}
		if *s.asset, err = hashedCopy(o.Out, src, true); err != nil {
			return a, err
		}
	}
	// The page's own Go, compiled to WebAssembly: gofmt for the Format button.
	for _, tool := range []struct {
		pkg, name string
		asset     *string
	}{{"./wasm/gofmt", "gofmt.wasm", &a.GofmtWASM}} {
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
	if a.CodeCSS, err = writeAsset(o.Out, tmp, "code.css", []byte(code)); err != nil {
		return a, err
	}
	// The dark theme: the page's colours and then the code's, in one file.
	dark, err := os.ReadFile(filepath.Join(o.Root, "site", "css", "dark.css"))
	if err != nil {
		return a, err
	}
	darkCode, err := render.DarkStylesheet()
	if err != nil {
		return a, err
	}
	a.DarkCSS, err = writeAsset(o.Out, tmp, "dark.css", append(dark, darkCode...))
	return a, err
}

// writePageScripts bundles the pages' scripts as ES modules that share their common code
// (bundle.Pages), and copies them into the site under hashed names: each shared chunk as
// chunk.<hash>.js, the name every script that imports it is rewritten to use.
func writePageScripts(o Options, tmp string, a *Assets) error {
	pages := []struct {
		source, name string
		asset        *string
	}{
		{"site/js/lesson-page.js", "lesson", &a.LessonJS},
		{"site/js/home-page.js", "home", &a.HomeJS},
		{"site/js/shared-page.js", "shared", &a.SharedJS},
		{"site/js/embed-page.js", "embed-page", &a.EmbedJS},
	}
	var entries []bundle.Entry
	for _, p := range pages {
		entries = append(entries, bundle.Entry{Source: p.source, Output: p.name})
	}
	dir := filepath.Join(tmp, "pages")
	chunks, err := bundle.Pages(o.Root, entries, dir, o.Minify)
	if err != nil {
		return err
	}
	var names []string // esbuild's chunk name, then the site's, in pairs
	for _, c := range chunks {
		data, err := os.ReadFile(filepath.Join(dir, c))
		if err != nil {
			return err
		}
		names = append(names, c, "chunk."+shortHash(data)+".js")
	}
	rename := strings.NewReplacer(names...)
	files, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, f := range files { // scripts and their source maps name the chunks
		path := filepath.Join(dir, f.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(rename.Replace(string(data))), 0o644); err != nil {
			return err
		}
	}
	for i := 0; i < len(names); i += 2 {
		for _, ext := range []string{"", ".map"} {
			if err := copyFile(filepath.Join(dir, names[i]+ext), filepath.Join(o.Out, "assets", names[i+1]+ext)); err != nil {
				return err
			}
		}
	}
	for _, p := range pages {
		if *p.asset, err = hashedCopy(o.Out, filepath.Join(dir, p.name+".js"), true); err != nil {
			return err
		}
	}
	return nil
}

// writeAsset writes data as name in tmp and copies it into the site under its hashed name.
func writeAsset(out, tmp, name string, data []byte) (string, error) {
	file := filepath.Join(tmp, name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return "", err
	}
	return hashedCopy(out, file, false)
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

// shortHash is the content hash in hashed names: 10 hex digits of the data's SHA-256.
func shortHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:5])
}

// copyFile copies src to dst.
func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}
