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
	CSS, CodeCSS, LessonJS, WorkerJS, BuildWorkerJS, GofmtWASM, TimelineWASM string
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
