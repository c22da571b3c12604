package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"goconcurrency.dev/playground/tools/internal/compress"
	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/lesson"
)

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
				name, err := buildProgram(ctx, b, o, p)
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

// buildProgram builds one program (or finds it in the cache, compressed) and copies it,
// with its siblings, to lessons/<slug>/<title>.<hash>.wasm under o.Out.
func buildProgram(ctx context.Context, b *gobuild.Builder, o Options, p *lesson.Program) (string, error) {
	wasm, err := b.Build(ctx, p.Source)
	if err != nil {
		return "", err
	}
	// Compressing a program is slower than compiling it: do it once, in the cache.
	if _, err := os.Stat(wasm + ".br"); err != nil {
		if err := compress.File(wasm, o.Compress); err != nil {
			return "", err
		}
	}
	data, err := os.ReadFile(wasm)
	if err != nil {
		return "", err
	}
	slug := filepath.Base(filepath.Dir(p.Path))
	name := fmt.Sprintf("%s.%s.wasm", p.Title, shortHash(data))
	dir := filepath.Join(o.Out, "lessons", slug)
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
