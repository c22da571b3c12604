// Command build writes the static site: every lesson page, its compiled programs, the
// scripts and styles, with precompressed siblings.
//
//	go run ./tools/build [-out build/site]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"goconcurrency.dev/playground/tools/internal/compress"
	"goconcurrency.dev/playground/tools/internal/paths"
	"goconcurrency.dev/playground/tools/internal/site"
)

func main() {
	out := flag.String("out", "build/site", "the folder to write the site into")
	minify := flag.Bool("minify", true, "minify the scripts")
	lessons := flag.String("lessons", "lessons", "the lessons folder")
	brotli := flag.Int("brotli", compress.DefaultLargeQuality, "brotli quality (0-11) for files over 256 KiB; 11 is smallest and slowest")
	origin := flag.String("origin", "http://localhost:8080", "where the site will be served, for its absolute links (oEmbed)")
	flag.Parse()
	root, err := os.Getwd()
	if err != nil {
		fail(err)
	}
	start := time.Now()
	err = site.Build(context.Background(), site.Options{
		Root:     root,
		Lessons:  *lessons,
		Out:      *out,
		CacheDir: paths.ProgramCache(root),
		Minify:   *minify,
		Origin:   *origin,
		Compress: &compress.Options{LargeQuality: *brotli},
	})
	if err != nil {
		fail(err)
	}
	fmt.Printf("built %s in %v\n", *out, time.Since(start).Round(time.Millisecond))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "build:", err)
	os.Exit(1)
}
