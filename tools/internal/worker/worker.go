// Package worker builds the playground's Cloudflare Worker (wasm/worker, Go compiled with
// GOOS=js GOARCH=wasm) into a folder that wrangler runs and deploys as it is: the Worker's
// modules under src/, the built site as its static assets under assets/ (within
// Cloudflare's limits of 25 MiB per file and 20,000 files), and wrangler.json. It also
// starts that folder under workerd, through miniflare, for the tests and benchmarks.
//
// It is not for: building the site (package site), serving it without the Worker
// (package server), or deploying (wrangler deploy does that, see the README).
package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"goconcurrency.dev/playground/tools/internal/compress"
)

const (
	// MaxAssetSize is the largest file Cloudflare accepts as a static asset.
	MaxAssetSize = 25 << 20
	// MaxAssets is the most static-asset files a Worker may have (free plan).
	MaxAssets = 20000

	// Name is the Worker's name on Cloudflare.
	Name = "go-concurrency-playground"
	// CompatibilityDate is the Workers runtime behaviour the Worker is written for; the
	// locked workerd supports it.
	CompatibilityDate = "2026-04-01"
	// KVBinding is the binding of the KV namespace holding shared programs.
	KVBinding = "SNIPPETS"
	// AssetsBinding is the binding through which the Worker fetches static assets.
	AssetsBinding = "ASSETS"
)

// workerRoutes are the paths that reach the Worker before the assets: the share API, the
// shared-program page, oEmbed, and the in-browser toolchain, which the Worker sends from
// its brotli siblings (compile.wasm is too large for the assets, and the edge would send
// the standard library's archives, application/octet-stream, uncompressed). None may
// reach under /embed/: the rules of _headers apply only to what the assets answer.
var workerRoutes = []string{"/api/*", "/s/*", "/oembed", "/toolchain/*"}

// workerServed reports whether the site file at rel (slash-separated) is answered by the
// Worker.
func workerServed(rel string) bool { return strings.HasPrefix(rel, "toolchain/") }

// Options say what to build and where.
type Options struct {
	Root string // repository root: holds wasm/worker and go.mod
	Site string // the built site (go run ./tools/build)
	Out  string // the folder to write (replaced)
	// KVNamespaceID is the id of the KV namespace to deploy with. Empty leaves it out of
	// the config: wrangler deploy then creates the namespace, and local runs need none.
	KVNamespaceID string
}

// Result says what Build wrote.
type Result struct {
	Config string // wrangler.json
	WASM   string // the Worker's WebAssembly
	Assets int    // files in the assets folder
	// Precompressed are the site paths whose files the assets hold only as a precompressed
	// sibling, which the Worker sends with Content-Encoding.
	Precompressed []string
}

// Build writes the Worker folder:
//
//	wrangler.json     the config: modules, assets, routes, KV
//	src/index.mjs     the entry module (wasm/worker/index.mjs)
//	src/worker.mjs    the shim from workers-assets-gen, with runtime.mjs and wasm_exec.js
//	src/app.wasm      wasm/worker
//	assets/           hard links to the site's files, with its _headers (the embed pages'
//	                  framing rule), which wrangler uploads and miniflare reads
func Build(ctx context.Context, o Options) (*Result, error) {
	if _, err := os.Stat(filepath.Join(o.Site, "index.html")); err != nil {
		return nil, fmt.Errorf("building the worker: no site at %s (go run ./tools/build): %w", o.Site, err)
	}
	if err := os.RemoveAll(o.Out); err != nil {
		return nil, fmt.Errorf("building the worker: %w", err)
	}
	src := filepath.Join(o.Out, "src")
	// The generator replaces its output folder, so it goes first.
	gen := exec.CommandContext(ctx, "go", "tool", "workers-assets-gen", "-mode=go", "-o", src)
	gen.Dir = o.Root
	if out, err := gen.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("generating the worker's shim (workers-assets-gen): %v\n%s", err, out)
	}
	wasm := filepath.Join(src, "app.wasm")
	build := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./wasm/worker")
	build.Dir = o.Root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building wasm/worker: %v\n%s", err, out)
	}
	if err := copyFile(filepath.Join(o.Root, "wasm", "worker", "index.mjs"), filepath.Join(src, "index.mjs")); err != nil {
		return nil, fmt.Errorf("building the worker: %w", err)
	}
	res := &Result{Config: filepath.Join(o.Out, "wrangler.json"), WASM: wasm}
	n, pre, err := writeAssets(o.Site, filepath.Join(o.Out, "assets"))
	if err != nil {
		return nil, err
	}
	res.Assets, res.Precompressed = n, pre
	if err := writeConfig(res.Config, config(o, routes(pre))); err != nil {
		return nil, err
	}
	return res, nil
}

// Config is the part of wrangler's configuration the Worker uses, written as wrangler.json.
type Config struct {
	Name                  string      `json:"name"`
	Main                  string      `json:"main"`
	CompatibilityDate     string      `json:"compatibility_date"`
	NoBundle              bool        `json:"no_bundle"`
	FindAdditionalModules bool        `json:"find_additional_modules"`
	BaseDir               string      `json:"base_dir"`
	Rules                 []Rule      `json:"rules"`
	Assets                Assets      `json:"assets"`
	KVNamespaces          []Namespace `json:"kv_namespaces"`
}

// Rule says which files are modules of which type.
type Rule struct {
	Type  string   `json:"type"`
	Globs []string `json:"globs"`
	// Fallthrough is false: these rules replace wrangler's defaults for their types.
	Fallthrough bool `json:"fallthrough"`
}

// Assets configures the static assets.
type Assets struct {
	Directory        string   `json:"directory"`
	Binding          string   `json:"binding"`
	RunWorkerFirst   []string `json:"run_worker_first"`
	HTMLHandling     string   `json:"html_handling"`
	NotFoundHandling string   `json:"not_found_handling"`
}

// Namespace is a KV namespace binding.
type Namespace struct {
	Binding string `json:"binding"`
	ID      string `json:"id,omitempty"`
}

func config(o Options, routes []string) Config {
	return Config{
		Name: Name, Main: "src/index.mjs", CompatibilityDate: CompatibilityDate,
		// The modules are uploaded as the tests ran them, not bundled again.
		NoBundle: true, FindAdditionalModules: true, BaseDir: "src",
		Rules: []Rule{
			{Type: "ESModule", Globs: []string{"**/*.mjs", "**/*.js"}},
			{Type: "CompiledWasm", Globs: []string{"**/*.wasm"}},
		},
		Assets: Assets{
			Directory: "assets", Binding: AssetsBinding, RunWorkerFirst: routes,
			HTMLHandling: "auto-trailing-slash", NotFoundHandling: "404-page",
		},
		KVNamespaces: []Namespace{{Binding: KVBinding, ID: o.KVNamespaceID}},
	}
}

func writeConfig(file string, c Config) error {
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("writing %s: %w", file, err)
	}
	if err := os.WriteFile(file, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", file, err)
	}
	return nil
}

// ReadConfig reads the wrangler.json Build wrote.
func ReadConfig(file string) (Config, error) {
	var c Config
	data, err := os.ReadFile(file)
	if err != nil {
		return c, fmt.Errorf("reading the worker config: %w", err)
	}
	if err := json.Unmarshal(data, &c); err != nil {
		return c, fmt.Errorf("reading the worker config %s: %w", file, err)
	}
	return c, nil
}

// routes are the run_worker_first rules: the Worker's own, and each precompressed path
// they do not cover (a file over the size limit outside toolchain/). Without a rule such a
// path would be the assets' 404 page.
func routes(precompressed []string) []string {
	rules := slices.Clone(workerRoutes)
	for _, p := range precompressed {
		if !slices.ContainsFunc(rules, func(r string) bool { return routeMatches(r, p) }) {
			rules = append(rules, p)
		}
	}
	return rules
}

// routeMatches reports whether the run_worker_first rule matches the path p ("*" matches
// anything, as in wrangler's rules).
func routeMatches(rule, p string) bool {
	if prefix, ok := strings.CutSuffix(rule, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return rule == p
}

// writeAssets fills dst with hard links (or copies) of the site's files as the Worker
// serves them. A file the edge serves is linked as it is, without its precompressed
// siblings, which the assets would never send. A file the Worker serves is linked as its
// smallest sibling that fits, .br before .gz, or as it is when it has none. It returns
// the number of files and the site paths (with a leading slash) kept only as a sibling.
func writeAssets(site, dst string) (int, []string, error) {
	var files []string
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(site, p)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return 0, nil, fmt.Errorf("reading the site %s: %w", site, err)
	}
	have := map[string]int64{}
	for _, f := range files {
		info, err := os.Stat(filepath.Join(site, filepath.FromSlash(f)))
		if err != nil {
			return 0, nil, fmt.Errorf("reading the site: %w", err)
		}
		have[f] = info.Size()
	}
	var keep, pre []string
	for _, f := range files {
		if compress.IsSibling(f) {
			if _, ok := have[f[:len(f)-len(path.Ext(f))]]; ok {
				continue // decided with its original
			}
		}
		if !workerServed(f) && have[f] <= MaxAssetSize {
			keep = append(keep, f)
			continue
		}
		chosen := ""
		for _, s := range []string{f + ".br", f + ".gz"} {
			if size, ok := have[s]; ok && size <= MaxAssetSize {
				chosen = s
				break
			}
		}
		switch {
		case chosen != "":
			keep = append(keep, chosen)
			pre = append(pre, "/"+f)
		case have[f] <= MaxAssetSize:
			keep = append(keep, f)
		default:
			return 0, nil, fmt.Errorf("writing the worker's assets: %s is %.1f MiB, over the %d MiB limit, and has no precompressed sibling under it",
				f, float64(have[f])/(1<<20), MaxAssetSize>>20)
		}
	}
	if len(keep) > MaxAssets {
		return 0, nil, fmt.Errorf("writing the worker's assets: %d files, over the limit of %d", len(keep), MaxAssets)
	}
	for _, f := range keep {
		if err := link(filepath.Join(site, filepath.FromSlash(f)), filepath.Join(dst, filepath.FromSlash(f))); err != nil {
			return 0, nil, fmt.Errorf("writing the worker's assets: %w", err)
		}
	}
	return len(keep), pre, nil
}

// link hard-links src at dst, or copies it where a link cannot be made.
func link(src, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if os.Link(src, dst) == nil {
		return nil
	}
	return copyFile(src, dst)
}

func copyFile(src, dst string) (err error) {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, out.Close()) }()
	_, err = io.Copy(out, in)
	return err
}
