package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

const (
	// MaxProgram is the largest program the share API stores, in bytes.
	MaxProgram = 64 << 10
	// MaxFiles is the most files a shared txtar archive may hold.
	MaxFiles = 20
	// idLength is the number of base64url characters of the program's SHA-256 kept as its id.
	idLength = 11
	// keyPrefix is put before an id to make the program's KV key.
	keyPrefix = "share:"
	// providerName names the site in oEmbed documents.
	providerName = "Go Concurrency Playground"
	// Size of the iframe an oEmbed document for a shared program proposes, as the lessons'
	// oembed.json do: the embed sizes itself once it runs.
	embedWidth, embedHeight = 800, 520
)

// store keeps the shared programs.
type store interface {
	// Get returns the value stored under key, and whether there is one.
	Get(key string) ([]byte, bool, error)
	Put(key string, value []byte) error
}

// assets fetches the site's static files.
type assets interface {
	// Fetch sends r, a request for a path of the site, to the static assets.
	Fetch(r *http.Request) (*http.Response, error)
}

type server struct {
	store  store
	assets assets
}

func newServer(s store, a assets) *server { return &server{store: s, assets: a} }

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/share", s.share)
	mux.HandleFunc("GET /api/share/{id}", cors(s.shared))
	mux.HandleFunc("/api/", apiFallback)
	mux.HandleFunc("GET /s/{id}", s.sharedPage)
	// /s/ itself is the page too: a link that carries its program in the fragment (#code=).
	mux.HandleFunc("GET /s/{$}", s.sharedPage)
	mux.HandleFunc("/s/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			methodNotAllowed(w, "GET, HEAD")
			return
		}
		fail(w, http.StatusBadRequest, "malformed id: a share link is /s/ and an 11-character id")
	})
	mux.HandleFunc("GET /oembed", cors(s.oembed))
	mux.HandleFunc("/", s.static)
	return mux
}

// ID is the id of a shared program: the first 11 characters of the unpadded base64url
// encoding of the SHA-256 of its bytes.
func ID(program []byte) string {
	sum := sha256.Sum256(program)
	return base64.RawURLEncoding.EncodeToString(sum[:])[:idLength]
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)

// ValidID reports whether id has the form of a share id.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// share stores the program in the request body and answers its id.
func (s *server) share(w http.ResponseWriter, r *http.Request) {
	if t := r.Header.Get("Content-Type"); t != "" {
		mt, _, err := mime.ParseMediaType(t)
		if err != nil || (mt != "text/plain" && mt != "text/x-txtar") {
			fail(w, http.StatusUnsupportedMediaType, "send the program as text/plain (one file, or a txtar archive of several)")
			return
		}
	}
	if r.ContentLength > MaxProgram {
		fail(w, http.StatusRequestEntityTooLarge, "the program is larger than 64 KiB")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxProgram+1))
	if err != nil {
		fail(w, http.StatusBadRequest, "the body could not be read")
		return
	}
	if len(body) > MaxProgram {
		fail(w, http.StatusRequestEntityTooLarge, "the program is larger than 64 KiB")
		return
	}
	if reason := CheckProgram(body); reason != "" {
		fail(w, http.StatusBadRequest, reason)
		return
	}
	id := ID(body)
	old, found, err := s.store.Get(keyPrefix + id)
	if err != nil {
		fmt.Println("share: reading", id, "from KV:", err)
		fail(w, http.StatusServiceUnavailable, "the program store is unavailable; try again")
		return
	}
	switch {
	case found && !bytes.Equal(old, body):
		// 66 bits of SHA-256 agree: not expected to happen, but never overwrite.
		fail(w, http.StatusConflict, "another program already has this id")
		return
	case !found:
		if err := s.store.Put(keyPrefix+id, body); err != nil {
			fmt.Println("share: writing", id, "to KV:", err)
			fail(w, http.StatusServiceUnavailable, "the program store is unavailable; try again")
			return
		}
	}
	h := w.Header()
	apiHeaders(h)
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(struct {
		ID string `json:"id"`
	}{id})
}

// CheckProgram says, in one line, why program cannot be shared, or returns "" when it can.
// A program is one file, or a txtar archive when txtar finds a file marker ("-- name --")
// in it.
func CheckProgram(program []byte) string {
	if !utf8.Valid(program) {
		return "the program is not UTF-8 text"
	}
	if len(bytes.TrimSpace(program)) == 0 {
		return "the program is empty"
	}
	files := txtar.Parse(program).Files
	if len(files) > MaxFiles {
		return fmt.Sprintf("the archive has %d files; at most %d are allowed", len(files), MaxFiles)
	}
	seen := map[string]bool{}
	for _, f := range files {
		if reason := checkName(f.Name); reason != "" {
			return fmt.Sprintf("bad file name %q: %s", f.Name, reason)
		}
		if seen[f.Name] {
			return fmt.Sprintf("two files are named %q", f.Name)
		}
		seen[f.Name] = true
	}
	return ""
}

func checkName(name string) string {
	switch {
	case strings.ContainsAny(name, `/\`):
		return "a file name cannot contain a path separator"
	case strings.Contains(name, ".."):
		return `a file name cannot contain ".."`
	case name == ".":
		return `"." is not a file name`
	case len(name) > 100:
		return "longer than 100 bytes"
	case strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		return "a file name cannot contain control or invisible characters"
	}
	return ""
}

// shared answers a stored program.
func (s *server) shared(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !ValidID(id) {
		fail(w, http.StatusBadRequest, "malformed id: an id is 11 characters of A-Z, a-z, 0-9, - and _")
		return
	}
	program, found, err := s.store.Get(keyPrefix + id)
	if err != nil {
		fmt.Println("share: reading", id, "from KV:", err)
		fail(w, http.StatusServiceUnavailable, "the program store is unavailable; try again")
		return
	}
	if !found {
		fail(w, http.StatusNotFound, "no program has this id")
		return
	}
	h := w.Header()
	apiHeaders(h)
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", `"`+id+`"`)
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, `"`+id+`"`) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(program)
}

// sharedPage answers the site's shared-program page; its script reads the id from the path
// (or the program from the fragment of a link to /s/).
func (s *server) sharedPage(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/s/index.html" { // as the assets would answer it
		u := *r.URL
		u.Path = "/s/"
		http.Redirect(w, r, u.RequestURI(), http.StatusTemporaryRedirect)
		return
	}
	if r.URL.Path != "/s/" && !ValidID(r.PathValue("id")) {
		fail(w, http.StatusBadRequest, "malformed id: a share link is /s/ and an 11-character id")
		return
	}
	// "/s/" is /s/index.html: the assets redirect a request naming index.html to its folder.
	res, err := s.fetchAsset(r, r.Method, "/s/")
	if err != nil {
		fmt.Println("share page:", err)
		fail(w, http.StatusBadGateway, "the shared-program page could not be loaded")
		return
	}
	relay(w, res)
}

var lessonPath = regexp.MustCompile(`^/lessons/([a-z0-9][a-z0-9-]*)/?$`)
var sharePath = regexp.MustCompile(`^/s/([^/]*)$`)

// oembed answers an oEmbed document (https://oembed.com) for a lesson or a shared program
// of this site.
func (s *server) oembed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		fail(w, http.StatusNotImplemented, "only format=json is supported")
		return
	}
	raw := q.Get("url")
	if raw == "" {
		fail(w, http.StatusBadRequest, "missing url: /oembed?url=<a lesson or share link of this site>")
		return
	}
	origin := originOf(r)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, hostOf(origin)) {
		fail(w, http.StatusNotFound, "not a lesson or share link of this site")
		return
	}
	if m := lessonPath.FindStringSubmatch(u.Path); m != nil {
		res, err := s.fetchAsset(r, http.MethodGet, "/lessons/"+m[1]+"/oembed.json")
		if err != nil {
			fmt.Println("oembed:", err)
			fail(w, http.StatusBadGateway, "the lesson's oEmbed document could not be loaded")
			return
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			fail(w, http.StatusNotFound, "no lesson at that url")
			return
		}
		h := w.Header()
		apiHeaders(h)
		h.Set("Content-Type", "application/json")
		h.Set("Cache-Control", "public, max-age=3600")
		io.Copy(w, res.Body)
		return
	}
	if m := sharePath.FindStringSubmatch(u.Path); m != nil && ValidID(m[1]) {
		h := w.Header()
		apiHeaders(h)
		h.Set("Content-Type", "application/json")
		h.Set("Cache-Control", "public, max-age=86400")
		json.NewEncoder(w).Encode(SnippetOEmbed(origin, m[1]))
		return
	}
	fail(w, http.StatusNotFound, "not a lesson or share link of this site")
}

// OEmbed is an oEmbed document of type rich.
type OEmbed struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Title        string `json:"title"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
}

// SnippetOEmbed is the oEmbed document for the shared program id on the site at origin
// (scheme://host): an iframe of the snippet embed loading that program.
func SnippetOEmbed(origin, id string) OEmbed {
	src := origin + "/embed/snippet/?share=" + url.QueryEscape(id)
	const title = "A shared Go program"
	return OEmbed{
		Version: "1.0", Type: "rich", ProviderName: providerName, ProviderURL: origin, Title: title,
		HTML: fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="%d" style="border:0" loading="lazy" allow="clipboard-write"></iframe>`,
			html.EscapeString(src), html.EscapeString(title), embedHeight),
		Width: embedWidth, Height: embedHeight,
	}
}

// static answers the requests that reach the Worker for a path it has no route for: a file
// kept in the assets only as a precompressed sibling (one too large for the assets, or
// one the edge would send uncompressed) is sent from that sibling; anything else goes back
// to the assets, which answer it as they would have (a file, a redirect, the 404 page).
func (s *server) static(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, "GET, HEAD")
		return
	}
	if path.Ext(r.URL.Path) != "" {
		for _, enc := range encodings {
			res, err := s.fetchAsset(r, r.Method, r.URL.Path+enc.suffix)
			if err != nil {
				fmt.Println("static:", err)
				fail(w, http.StatusBadGateway, "the file could not be loaded")
				return
			}
			if res.StatusCode == http.StatusOK || res.StatusCode == http.StatusNotModified {
				sendEncoded(w, res, r.URL.Path, enc.name)
				return
			}
			res.Body.Close()
		}
	}
	res, err := s.fetchAsset(r, r.Method, r.URL.Path)
	if err != nil {
		fmt.Println("static:", err)
		fail(w, http.StatusBadGateway, "the file could not be loaded")
		return
	}
	relay(w, res)
}

// encodings are the siblings looked for, best first. The runtime offers the Worker
// "br, gzip" whatever the client accepts and converts the answer for clients that take
// neither, so the Worker needs no negotiation of its own.
var encodings = []struct{ suffix, name string }{{".br", "br"}, {".gz", "gzip"}}

// hashed matches file names that carry a content hash (compile.8c2d4e1cdb.wasm), as the
// site names them: those may be cached for good.
var hashed = regexp.MustCompile(`\.[0-9a-f]{8,}\.[a-z0-9]+$`)

// sendEncoded answers res, the asset response for a precompressed sibling of the file at
// name, as that file: its bytes with Content-Encoding and the original's type. The body is
// already encoded; index.mjs hands such responses to the runtime so that it is not encoded
// again.
func sendEncoded(w http.ResponseWriter, res *http.Response, name, encoding string) {
	defer res.Body.Close()
	h := w.Header()
	for _, k := range []string{"ETag", "Cache-Control", "Last-Modified"} {
		if v := joined(res.Header, k); v != "" {
			h.Set(k, v)
		}
	}
	// The edge may send these bytes re-encoded for a client that takes no brotli: the tag
	// names the content, not the bytes.
	if etag := h.Get("ETag"); strings.HasPrefix(etag, `"`) {
		h.Set("ETag", "W/"+etag)
	}
	if hashed.MatchString(name) {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	contentType := "application/octet-stream"
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		contentType = t
	}
	h.Set("Content-Type", contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Vary", "Accept-Encoding")
	if res.StatusCode == http.StatusNotModified {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Encoding", encoding)
	w.WriteHeader(http.StatusOK)
	io.Copy(w, res.Body)
}

// fetchAsset asks the assets for p with method, passing on the request's validators.
func (s *server) fetchAsset(r *http.Request, method, p string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(r.Context(), method, originOf(r)+p, nil)
	if err != nil {
		return nil, fmt.Errorf("fetching asset %s: %w", p, err)
	}
	for _, k := range []string{"If-None-Match", "If-Modified-Since", "Accept"} {
		if v := joined(r.Header, k); v != "" {
			req.Header.Set(k, v)
		}
	}
	res, err := s.assets.Fetch(req)
	if err != nil {
		return nil, fmt.Errorf("fetching asset %s: %w", p, err)
	}
	return res, nil
}

// relay answers the asset response res as it is. The body the runtime hands over is
// already decoded, so a Content-Encoding the asset had is dropped.
func relay(w http.ResponseWriter, res *http.Response) {
	defer res.Body.Close()
	h := w.Header()
	for k := range res.Header {
		h.Set(k, joined(res.Header, k))
	}
	h.Del("Content-Encoding")
	h.Del("Content-Length")
	w.WriteHeader(res.StatusCode)
	io.Copy(w, res.Body)
}

// joined is the header k as one line. The runtime's headers arrive split at every comma,
// which would break dates and lists if they were sent back as separate values.
func joined(h http.Header, k string) string {
	vs := h.Values(k)
	for i := range vs {
		vs[i] = strings.TrimSpace(vs[i])
	}
	return strings.Join(vs, ", ")
}

// originOf is the scheme and host the request was sent to.
func originOf(r *http.Request) string {
	if r.URL.IsAbs() {
		return r.URL.Scheme + "://" + r.URL.Host
	}
	return "https://" + r.Host
}

func hostOf(origin string) string { _, h, _ := strings.Cut(origin, "://"); return h }

// apiFallback answers the API paths that have no route.
func apiFallback(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/api/share":
		methodNotAllowed(w, "POST")
		return
	case strings.HasPrefix(r.URL.Path, "/api/share/") && r.Method != http.MethodGet && r.Method != http.MethodHead:
		methodNotAllowed(w, "GET, HEAD")
		return
	}
	fail(w, http.StatusNotFound, "no such API")
}

// cors lets pages of any origin read the answers of h to GET requests.
func cors(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		h(w, r)
	}
}

// apiHeaders are set on every API answer: nothing it sends is ever read as HTML.
func apiHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
}

// fail answers a one-line reason as plain text.
func fail(w http.ResponseWriter, code int, reason string) {
	h := w.Header()
	apiHeaders(h)
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Del("ETag")
	w.WriteHeader(code)
	io.WriteString(w, reason+"\n")
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	fail(w, http.StatusMethodNotAllowed, "method not allowed; use "+allow)
}
