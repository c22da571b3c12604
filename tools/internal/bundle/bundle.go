// Package bundle turns the project's JavaScript modules into the files that browsers and
// Node load: the lesson page script, the runner worker and the Node runner. It uses
// esbuild's Go API, resolves npm packages from site/node_modules (installed from the
// lockfile), and takes Go's wasm_exec.js from the installed GOROOT so the host always
// matches the toolchain that built the programs.
//
// It is not for: copying CSS or writing pages; see package site.
package bundle

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Entry is one bundle to write.
type Entry struct {
	Source string // the entry module, relative to the repository root
	Output string // the file to write
}

// browserShims maps the Node built-ins that memfs imports to the npm packages that
// provide them in a browser.
var browserShims = map[string]string{
	"buffer": "buffer/",
	"events": "events/",
	"path":   "path-browserify",
	"stream": "readable-stream",
	"url":    "url/",
}

// Browser writes browser bundles as classic scripts, for pages that load them with a
// plain <script> (the embed loader).
func Browser(root string, entries []Entry, minify bool) error {
	return build(root, entries, api.PlatformBrowser, api.FormatIIFE, minify)
}

// Workers writes browser bundles as ES modules, for module workers
// (new Worker(url, {type: "module"})). A classic bundle is one function called at once,
// which the engine compiles eagerly and whole before anything runs; a module's functions
// are compiled when first called. In headless Chromium on two cores, the first build
// worker of a visit answered its first message 107-134 ms after it was created as a
// module, against 174-227 ms as a classic script.
func Workers(root string, entries []Entry, minify bool) error {
	return build(root, entries, api.PlatformBrowser, api.FormatESModule, minify)
}

// Pages writes the pages' scripts into dir as ES modules, one per entry (named by its
// Output, a base name without ".js") and the chunks of code they share (chunk-*.js),
// which they import by relative name: the pages of a site share one copy of the editor
// and the playground, whichever a visitor opens first. It returns the chunks' names.
func Pages(root string, entries []Entry, dir string, minify bool) ([]string, error) {
	goroot, err := GOROOT()
	if err != nil {
		return nil, err
	}
	var points []api.EntryPoint
	for _, e := range entries {
		points = append(points, api.EntryPoint{InputPath: e.Source, OutputPath: e.Output})
	}
	res := api.Build(api.BuildOptions{
		AbsWorkingDir:       root,
		EntryPointsAdvanced: points,
		Outdir:              dir,
		ChunkNames:          "chunk-[hash]",
		Splitting:           true,
		Bundle:              true,
		Write:               true,
		Platform:            api.PlatformBrowser,
		Format:              api.FormatESModule,
		Target:              api.ES2022,
		MinifyWhitespace:    minify,
		MinifySyntax:        minify,
		MinifyIdentifiers:   minify,
		Sourcemap:           api.SourceMapLinked,
		LogLevel:            api.LogLevelSilent,
		Define:              map[string]string{"global": "globalThis"},
		Plugins:             []api.Plugin{resolver(root, goroot, api.PlatformBrowser)},
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return nil, fmt.Errorf("bundling the pages' scripts: %s", strings.Join(msgs, "\n"))
	}
	var chunks []string
	for _, f := range res.OutputFiles {
		if name := filepath.Base(f.Path); strings.HasPrefix(name, "chunk-") && strings.HasSuffix(name, ".js") {
			chunks = append(chunks, name)
		}
	}
	return chunks, nil
}

// Node writes Node bundles (CommonJS, so the npm packages' require calls keep working).
func Node(root string, entries []Entry) error {
	return build(root, entries, api.PlatformNode, api.FormatCommonJS, false)
}

// goAsText makes a Go file imported by a script its source, as a string: the build
// worker's warm-up program (wasm/warmup) is a Go file that go vet checks.
var goAsText = map[string]api.Loader{".go": api.LoaderText}

func build(root string, entries []Entry, platform api.Platform, format api.Format, minify bool) error {
	sourcemap := api.SourceMapLinked
	if platform == api.PlatformNode {
		sourcemap = api.SourceMapInline
	}
	goroot, err := GOROOT()
	if err != nil {
		return err
	}
	for _, e := range entries {
		res := api.Build(api.BuildOptions{
			AbsWorkingDir:     root,
			EntryPoints:       []string{e.Source},
			Outfile:           e.Output,
			Bundle:            true,
			Write:             true,
			Platform:          platform,
			Format:            format,
			Target:            api.ES2022,
			MinifyWhitespace:  minify,
			MinifySyntax:      minify,
			MinifyIdentifiers: minify,
			Sourcemap:         sourcemap,
			LogLevel:          api.LogLevelSilent,
			Define:            map[string]string{"global": "globalThis"},
			Loader:            goAsText,
			Plugins:           []api.Plugin{resolver(root, goroot, platform)},
		})
		if len(res.Errors) > 0 {
			msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
			return fmt.Errorf("bundling %s: %s", e.Source, strings.Join(msgs, "\n"))
		}
	}
	return nil
}

// resolver points "go-wasm-exec" at GOROOT's wasm_exec.js and, for browsers, Node
// built-ins at their npm stand-ins.
func resolver(root, goroot string, platform api.Platform) api.Plugin {
	return api.Plugin{
		Name: "playground-resolve",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `^go-wasm-exec$`}, func(api.OnResolveArgs) (api.OnResolveResult, error) {
				return api.OnResolveResult{Path: filepath.Join(goroot, "lib", "wasm", "wasm_exec.js")}, nil
			})
			if platform != api.PlatformBrowser {
				return
			}
			b.OnResolve(api.OnResolveOptions{Filter: `^(node:)?(buffer|events|path|stream|url|process)$`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				name := strings.TrimPrefix(args.Path, "node:")
				target, ok := browserShims[name]
				if name == "process" {
					target = "process/browser.js"
				} else if !ok {
					return api.OnResolveResult{}, nil
				}
				r := b.Resolve(target, api.ResolveOptions{ResolveDir: filepath.Join(root, "site"), Kind: args.Kind})
				if len(r.Errors) > 0 {
					return api.OnResolveResult{}, fmt.Errorf("resolving %s as %s: %s", args.Path, target, r.Errors[0].Text)
				}
				return api.OnResolveResult{Path: r.Path}, nil
			})
		},
	}
}

// GOROOT reports the root of the Go installation that builds the programs.
func GOROOT() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("finding GOROOT: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}
