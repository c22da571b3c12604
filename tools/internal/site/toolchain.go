package site

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"goconcurrency.dev/playground/tools/internal/compress"
	"goconcurrency.dev/playground/tools/internal/toolchain"
)

// publishToolchain puts the in-browser compiler, linker and standard library under
// toolchain/. They are built and compressed once per Go version in o.ToolchainCache, then
// linked into the site, with a manifest that also says how many bytes each file is
// sent as, compressed, for the page's progress bar. It returns the compiler's and
// linker's files as the manifest names them, for the pages.
func publishToolchain(ctx context.Context, o Options) (ToolFiles, error) {
	dir, err := toolchain.Ensure(ctx, o.ToolchainCache)
	if err != nil {
		return ToolFiles{}, err
	}
	// Compressed once in the cache: later builds find the siblings there.
	if err := compress.Tree(dir, o.Compress); err != nil {
		return ToolFiles{}, err
	}
	out := filepath.Join(o.Out, "toolchain")
	// The site's manifest is its own file (compressed with the rest of the site), not a
	// link to the cache's.
	isManifest := func(rel string) bool { return strings.HasPrefix(rel, toolchain.ManifestName) }
	if err := linkTree(dir, out, isManifest); err != nil {
		return ToolFiles{}, err
	}
	m, err := toolchain.ReadManifest(dir)
	if err != nil {
		return ToolFiles{}, err
	}
	if err := m.RecordSent(dir); err != nil {
		return ToolFiles{}, err
	}
	return ToolFiles{Compile: m.Compile.URL, Link: m.Link.URL}, m.Write(out)
}

// linkTree hard-links (or, across file systems, copies) every file under src into dst,
// but for those skip names (by their slash-separated path under src).
func linkTree(src, dst string, skip func(rel string) bool) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if !d.IsDir() && skip(filepath.ToSlash(rel)) {
			return nil
		}
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
