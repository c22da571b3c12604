// Package server serves the built site: correct MIME types (application/wasm), the
// precompressed .br or .gz sibling the client accepts, long-lived caching for
// content-hashed files and revalidation for everything else.
//
// It is not for: building anything; it serves a folder as it is.
package server

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"goconcurrency.dev/playground/tools/internal/compress"
)

var types = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".json": "application/json",
	".map":  "application/json",
	".wasm": "application/wasm",
	".svg":  "image/svg+xml",
	".txt":  "text/plain; charset=utf-8",
	".png":  "image/png",
}

// PathHeader is a response header sent for every path under Prefix.
type PathHeader struct {
	Prefix, Name, Value string
}

// PathHeaders are the headers some parts of the site need beyond the defaults: embed
// pages may be framed by any page (the rest of the site keeps the browser's defaults).
// Hosts that serve the site some other way send the same: see HeadersFile.
var PathHeaders = []PathHeader{
	{Prefix: "/embed/", Name: "Content-Security-Policy", Value: "frame-ancestors *"},
}

// HeadersFile is PathHeaders in the _headers format of static hosts such as Cloudflare's
// (a path pattern, then its headers indented), written into the site as _headers.
func HeadersFile() string {
	var b strings.Builder
	b.WriteString("# Headers for the site's paths, for hosts that read a _headers file.\n")
	for _, h := range PathHeaders {
		fmt.Fprintf(&b, "%s*\n  %s: %s\n", h.Prefix, h.Name, h.Value)
	}
	return b.String()
}

// hashed matches file names that carry a content hash, e.g. lesson.3f2a9c1d.js.
var hashed = regexp.MustCompile(`\.[0-9a-f]{8,}\.[a-z0-9]+$`)

// Handler serves the files under dir.
func Handler(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := path.Clean("/" + r.URL.Path)
		file := filepath.Join(dir, filepath.FromSlash(name))
		info, err := os.Stat(file)
		if err == nil && info.IsDir() {
			if !strings.HasSuffix(r.URL.Path, "/") {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			file = filepath.Join(file, "index.html")
			name = path.Join(name, "index.html")
			info, err = os.Stat(file)
		}
		if err != nil || compress.IsSibling(name) { // siblings are sent only in place of their original
			notFound(w, dir)
			return
		}
		h := w.Header()
		ext := path.Ext(name)
		if t, ok := types[ext]; ok {
			h.Set("Content-Type", t)
		} else if t := mime.TypeByExtension(ext); t != "" {
			h.Set("Content-Type", t)
		}
		if hashed.MatchString(name) {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		h.Set("X-Content-Type-Options", "nosniff")
		for _, ph := range PathHeaders {
			if strings.HasPrefix(name, ph.Prefix) {
				h.Set(ph.Name, ph.Value)
			}
		}
		h.Add("Vary", "Accept-Encoding")
		send, modtime := file, info.ModTime()
		if enc, ext := negotiate(r.Header.Get("Accept-Encoding"), file); enc != "" {
			send = file + ext
			h.Set("Content-Encoding", enc)
		}
		f, err := os.Open(send)
		if err != nil {
			notFound(w, dir)
			return
		}
		defer f.Close()
		// The ETag names the representation, so a gzip body is never taken for a brotli one.
		h.Set("ETag", fmt.Sprintf(`"%x-%x%s"`, modtime.UnixNano(), info.Size(), h.Get("Content-Encoding")))
		http.ServeContent(w, r, "", modtime, f)
	})
}

// negotiate picks the best precompressed sibling that exists and the client accepts: its
// encoding and extension.
func negotiate(accept, file string) (string, string) {
	for _, enc := range compress.Encodings {
		if accepts(accept, enc.Name) {
			if _, err := os.Stat(file + enc.Ext); err == nil {
				return enc.Name, enc.Ext
			}
		}
	}
	return "", ""
}

// accepts reports whether an Accept-Encoding header allows enc (with a q above zero).
func accepts(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			q, _ = strconv.ParseFloat(v, 64)
		}
		return q > 0
	}
	return false
}

func notFound(w http.ResponseWriter, dir string) {
	page, err := os.ReadFile(filepath.Join(dir, "404.html"))
	w.Header().Set("Cache-Control", "no-cache")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(page)
}
