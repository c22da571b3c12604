// Package site builds the static website: it compiles every lesson program to
// WebAssembly, bundles the scripts, renders the home page and one page per lesson, gives
// assets content-hashed names, and writes precompressed siblings. The output folder can be
// served by package server or copied to any static host.
//
// Build runs the stages in order, one file each: assets.go (scripts, styles and the page's
// own WebAssembly under hashed names), programs.go (the lesson programs), toolchain.go
// (the in-browser compiler, linker and standard library), pages.go (the HTML pages) and
// offline.go (the service worker that keeps visited pages working offline).
//
// It is not for: serving (package server) or running programs outside a browser
// (package noderun).
package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"goconcurrency.dev/playground/tools/internal/compress"
	"goconcurrency.dev/playground/tools/internal/lesson"
	"goconcurrency.dev/playground/tools/internal/paths"
	"goconcurrency.dev/playground/tools/internal/server"
)

// SiteName is the product's name as pages show it.
const SiteName = "Go Concurrency Playground"

// Options say where things are.
type Options struct {
	Root           string // repository root: holds site/
	Lessons        string // the lessons folder; default Root/lessons
	Out            string // the folder to write the site into (replaced)
	CacheDir       string // where compiled programs are kept between builds; default paths.ProgramCache(Root)
	ToolchainCache string // where the in-browser toolchain is kept between builds; default paths.ToolchainCache(Root)
	Minify         bool
	// Origin is where the site will be served (e.g. "https://play.example.org"), for the
	// few links that must be absolute: the oEmbed documents. Default "http://localhost:8080".
	Origin string
	// Compress says how hard to compress the site's files and the toolchain; nil means
	// compress's defaults.
	Compress *compress.Options
}

// Build writes the whole site.
func Build(ctx context.Context, o Options) error {
	if _, err := os.Stat(filepath.Join(o.Root, "site", "node_modules")); err != nil {
		return errors.New("site/node_modules is missing: run npm ci in site/ (make does this)")
	}
	if o.Lessons == "" {
		o.Lessons = filepath.Join(o.Root, "lessons")
	}
	if o.CacheDir == "" {
		o.CacheDir = paths.ProgramCache(o.Root)
	}
	if o.Origin == "" {
		o.Origin = "http://localhost:8080"
	}
	if o.ToolchainCache == "" {
		o.ToolchainCache = paths.ToolchainCache(o.Root)
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
	tools, err := publishToolchain(ctx, o)
	if err != nil {
		return err
	}
	if err := writePages(o, course, assets, tools, wasm); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(o.Out, "_headers"), []byte(server.HeadersFile()), 0o644); err != nil {
		return err
	}
	if err := writeServiceWorker(o); err != nil {
		return err
	}
	return compress.Tree(o.Out, o.Compress)
}
