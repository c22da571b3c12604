package compress

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestFileSiblingsDecode compresses a large file with the default options and with an
// explicit quality, and checks that both siblings decode to the original.
func TestFileSiblingsDecode(t *testing.T) {
	data := []byte(strings.Repeat("fmt.Println(\"ping\", i)\n", LargeSize/20))
	for name, o := range map[string]*Options{"default": nil, "quality 1": {LargeQuality: 1}} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "main.wasm")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := File(path, o); err != nil {
				t.Fatal(err)
			}
			for ext, open := range map[string]func(io.Reader) (io.Reader, error){
				".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
				".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
			} {
				packed, err := os.ReadFile(path + ext)
				if err != nil {
					t.Fatal(err)
				}
				r, err := open(bytes.NewReader(packed))
				if err != nil {
					t.Fatal(err)
				}
				got, err := io.ReadAll(r)
				if err != nil {
					t.Fatalf("%s: %v", ext, err)
				}
				if !bytes.Equal(got, data) {
					t.Errorf("%s decodes to %d bytes, want the original %d", ext, len(got), len(data))
				}
			}
			if !hasSiblings(path) {
				t.Error("hasSiblings is false after File")
			}
		})
	}
}

// TestSmallFileHasNoSiblings checks that a file under MinSize is left alone.
func TestSmallFileHasNoSiblings(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "tiny.js")
	if err := os.WriteFile(path, []byte("export {};\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Tree(dir, nil); err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".br", ".gz"} {
		if _, err := os.Stat(path + ext); err == nil {
			t.Errorf("%s%s was written for a %d-byte file", filepath.Base(path), ext, len("export {};\n"))
		}
	}
}
