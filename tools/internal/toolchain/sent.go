package toolchain

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"goconcurrency.dev/playground/tools/internal/compress"
)

// ManifestName is the name of the manifest in the toolchain's folder.
const ManifestName = "manifest.json"

// ReadManifest reads the manifest of the toolchain in dir.
func ReadManifest(dir string) (*Manifest, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, ManifestName), err)
	}
	return &m, nil
}

// Write writes m as the manifest of the toolchain in dir.
func (m *Manifest) Write(dir string) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ManifestName), data, 0o644)
}

// RecordSent sets the Sent sizes of every file the manifest names from its precompressed
// siblings in dir (package compress writes them), so that the page's progress bar counts
// the bytes that cross the network rather than the bytes they decode to.
func (m *Manifest) RecordSent(dir string) error {
	for _, f := range m.files() {
		sent, err := compress.Sizes(filepath.Join(dir, filepath.FromSlash(f.URL)))
		if err != nil {
			return err
		}
		f.Sent = sent
		if len(sent) == 0 {
			f.Sent = nil
		}
	}
	return nil
}

// files lists every file the manifest names.
func (m *Manifest) files() []*File {
	all := []*File{&m.Compile, &m.Link, &m.TestMain}
	for _, p := range m.Packages {
		all = append(all, &p.File)
	}
	return all
}
