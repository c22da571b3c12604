package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"

	"goconcurrency.dev/playground/tools/internal/compress"
	"goconcurrency.dev/playground/tools/internal/toolchain"
)

// publishToolchain puts the in-browser compiler, linker and standard library under
// toolchain/. They are built and compressed once per Go version in o.ToolchainCache, then
// linked into the site.
func publishToolchain(ctx context.Context, o Options) error {
	dir, err := toolchain.Ensure(ctx, o.ToolchainCache)
	if err != nil {
		return err
	}
	// Compressed once in the cache: later builds find the siblings there.
	if err := compress.Tree(dir, o.Compress); err != nil {
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
