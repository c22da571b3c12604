package toolchain

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"goconcurrency.dev/playground/tools/internal/compress"
)

// TestRecordSent compresses the files of a small manifest and checks that the manifest
// then says, for each, the size of each sibling: what the progress bar counts.
func TestRecordSent(t *testing.T) {
	dir := t.TempDir()
	m := &Manifest{
		Compile:  File{URL: "compile.wasm"},
		Link:     File{URL: "link.wasm"},
		TestMain: File{URL: "testmain.wasm"},
		Packages: map[string]*Package{"fmt": {File: File{URL: "pkg/fmt.a"}}},
	}
	contents := map[string][]byte{
		"compile.wasm":  bytes.Repeat([]byte("compile "), 20000),
		"link.wasm":     bytes.Repeat([]byte("link "), 10000),
		"testmain.wasm": []byte("small"), // under compress.MinSize: sent as it is
		"pkg/fmt.a":     bytes.Repeat([]byte("!<arch>\n"), 5000),
	}
	for name, data := range contents {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := compress.Tree(dir, nil); err != nil {
		t.Fatal(err)
	}
	if err := m.RecordSent(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range m.files() {
		path := filepath.Join(dir, filepath.FromSlash(f.URL))
		if len(contents[f.URL]) < compress.MinSize {
			if f.Sent != nil {
				t.Errorf("%s has no siblings, but Sent = %v", f.URL, f.Sent)
			}
			continue
		}
		for _, enc := range compress.Encodings {
			info, err := os.Stat(path + enc.Ext)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Sent[enc.Name]; got != info.Size() {
				t.Errorf("%s: Sent[%q] = %d, want the sibling's %d bytes", f.URL, enc.Name, got, info.Size())
			}
			if f.Sent[enc.Name] >= int64(len(contents[f.URL])) {
				t.Errorf("%s: Sent[%q] = %d, not below its %d bytes", f.URL, enc.Name, f.Sent[enc.Name], len(contents[f.URL]))
			}
		}
	}
	// Written and read back, the sizes stay.
	if err := m.Write(dir); err != nil {
		t.Fatal(err)
	}
	back, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if back.Compile.Sent["br"] != m.Compile.Sent["br"] || back.Packages["fmt"].Sent["gzip"] != m.Packages["fmt"].Sent["gzip"] {
		t.Errorf("read back: compile %v, fmt %v; wrote %v, %v", back.Compile.Sent, back.Packages["fmt"].Sent, m.Compile.Sent, m.Packages["fmt"].Sent)
	}
}
