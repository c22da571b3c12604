// Package compress writes precompressed siblings (.br and .gz) of the site's files so the
// server, or any static host that supports it, can send them without compressing per
// request.
//
// It is not for: choosing which sibling to send (package server does that).
package compress

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// MinSize is the smallest file worth compressing.
const MinSize = 1024

// LargeSize is the size above which a file is a large one (programs, the toolchain).
const LargeSize = 256 << 10

// DefaultLargeQuality is the brotli quality for large files unless Options say otherwise.
// Brotli's best quality (11) costs about ten seconds per megabyte-sized program for a 12%
// smaller file.
const DefaultLargeQuality = 9

// Options say how hard to compress. A nil *Options means the defaults.
type Options struct {
	// LargeQuality is the brotli quality (0-11) for files over LargeSize. A deployment
	// build can raise it to 11 for the smallest transfers.
	LargeQuality int
}

// largeQuality returns the brotli quality for large files.
func (o *Options) largeQuality() int {
	if o == nil {
		return DefaultLargeQuality
	}
	return o.LargeQuality
}

// compressible lists the extensions that gain from compression.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".wasm": true,
	".svg": true, ".txt": true, ".a": true, ".importcfg": true,
}

// Tree writes name.br and name.gz beside every compressible file under dir that is at
// least MinSize bytes, keeping each only when it is smaller than the original. Files whose
// siblings are already there, and newer, are skipped.
func Tree(dir string, o *Options) error {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if compressible[filepath.Ext(path)] && !hasSiblings(path) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return err
	}
	jobs := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for f := range jobs {
				if err := File(f, o); err != nil {
					errs <- err
				}
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	return <-errs
}

// File writes the .br and .gz siblings of one file.
func File(path string, o *Options) error {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < MinSize {
		return err
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compressing %s: %w", path, err)
	}
	var br bytes.Buffer
	quality := brotli.BestCompression
	if len(data) > LargeSize {
		quality = o.largeQuality()
	}
	bw := brotli.NewWriterLevel(&br, quality)
	bw.Write(data)
	if err := bw.Close(); err != nil {
		return fmt.Errorf("compressing %s: %w", path, err)
	}
	for ext, out := range map[string][]byte{".gz": gz.Bytes(), ".br": br.Bytes()} {
		if len(out) >= len(data) {
			continue
		}
		if err := os.WriteFile(path+ext, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hasSiblings reports whether path already has both compressed siblings, newer than it.
func hasSiblings(path string) bool {
	info, err := os.Stat(path)
	if err != nil {
		return false
	}
	for _, ext := range []string{".br", ".gz"} {
		s, err := os.Stat(path + ext)
		if err != nil || s.ModTime().Before(info.ModTime()) {
			return false
		}
	}
	return true
}

// IsSibling reports whether path is a precompressed sibling written by File.
func IsSibling(path string) bool {
	return strings.HasSuffix(path, ".br") || strings.HasSuffix(path, ".gz")
}

// Encodings are the siblings File writes, best first: the Content-Encoding each is sent
// with, and its extension.
var Encodings = []struct{ Name, Ext string }{{"br", ".br"}, {"gzip", ".gz"}}

// Sizes returns the size of each sibling of path there is, by Content-Encoding: the
// bytes a server sends for path in that encoding.
func Sizes(path string) (map[string]int64, error) {
	sizes := map[string]int64{}
	for _, e := range Encodings {
		info, err := os.Stat(path + e.Ext)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		sizes[e.Name] = info.Size()
	}
	return sizes, nil
}
