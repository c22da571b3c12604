package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// serviceWorkerFile is where the service worker is written, relative to the site root.
// Its name carries no hash: browsers look for a new version at the same address. Its
// folder, the site root, is its scope.
const serviceWorkerFile = "service-worker.js"

// hashedAsset matches an asset's content-hashed name (see hashedCopy).
var hashedAsset = regexp.MustCompile(`\.[0-9a-f]{10}\.(js|css)$`)

// stylesheetLink matches a page's <link rel="stylesheet"> tags.
var stylesheetLink = regexp.MustCompile(`<link\b[^>]*\brel="stylesheet"[^>]*>`)

// serviceWorkerBuild is what the service worker knows of the build (BUILD in
// site/js/service-worker.js).
type serviceWorkerBuild struct {
	// Version changes whenever the worker or any file it precaches changes, or the
	// toolchain does, so that a deploy that changes any of them installs a new worker.
	Version  string   `json:"version"`
	SiteName string   `json:"siteName"`
	Precache []string `json:"precache"` // relative to the site root; "" is the home page
	// Styles are the home page's stylesheet links, relative to the site root, for the page
	// the worker shows offline in place of one it never kept.
	Styles string `json:"styles"`
	// Offline holds that page's words in each edition, by its code.
	Offline map[string]offlineWords `json:"offline"`
}

// offlineWords are the offline page's words in one edition, whose pages are under Dir.
type offlineWords struct {
	Lang    string `json:"lang"`
	Dir     string `json:"dir"`
	Title   string `json:"title"`
	Heading string `json:"heading"`
	Text    string `json:"text"` // markup: the tables are the site's own files
}

// writeServiceWorker writes service-worker.js at the site root: site/js/service-worker.js
// with this build's version and the files it precaches, the shell (the home page, the
// 404 page, every script and stylesheet under assets/ that opening a page and running
// its programs needs). The lesson programs and the toolchain are not in it, nor the
// build worker, which only edits need: the worker keeps them as they are fetched, and a
// page it keeps has them fetched ahead. It runs after the pages are written.
func writeServiceWorker(o Options) error {
	src := filepath.Join(o.Root, "site", "js", "service-worker.js")
	code, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	precache := []string{"", "404.html"}
	assets, err := os.ReadDir(filepath.Join(o.Out, "assets"))
	if err != nil {
		return err
	}
	for _, a := range assets {
		if hashedAsset.MatchString(a.Name()) && !strings.HasPrefix(a.Name(), buildWorkerName+".") {
			precache = append(precache, "assets/"+a.Name())
		}
	}

	var all bytes.Buffer
	all.Write(code)
	var styles string
	for _, p := range precache {
		file := p
		if p == "" {
			file = "index.html"
		}
		data, err := os.ReadFile(filepath.Join(o.Out, filepath.FromSlash(file)))
		if err != nil {
			return fmt.Errorf("precaching %s: %w", file, err)
		}
		fmt.Fprintf(&all, "\n%s %d\n", file, len(data))
		all.Write(data)
		if p == "" {
			styles = strings.Join(stylesheetLink.FindAllString(string(data), -1), "\n")
		}
	}
	// The toolchain's files are named by their content, but not its manifest.
	if data, err := os.ReadFile(filepath.Join(o.Out, "toolchain", "manifest.json")); err == nil {
		fmt.Fprintf(&all, "\ntoolchain/manifest.json %d\n", len(data))
		all.Write(data)
	}
	eds, err := readEditions(o.Root, o.Lessons)
	if err != nil {
		return err
	}
	offline := map[string]offlineWords{}
	for _, e := range eds {
		offline[e.Code] = offlineWords{Lang: e.Lang(), Dir: e.Dir, Title: e.Strings["offline.title"], Heading: e.Strings["offline.heading"],
			Text: fmt.Sprintf(e.Strings["offline.text"], "./"+e.Dir)}
	}
	b, err := json.Marshal(serviceWorkerBuild{Version: shortHash(all.Bytes()), SiteName: SiteName, Precache: precache, Styles: styles, Offline: offline})
	if err != nil {
		return err
	}
	res := api.Transform(string(code), api.TransformOptions{
		Loader:            api.LoaderJS,
		Target:            api.ES2022,
		Sourcefile:        "site/js/service-worker.js",
		Define:            map[string]string{"BUILD": string(b)},
		MinifyWhitespace:  o.Minify,
		MinifySyntax:      o.Minify,
		MinifyIdentifiers: o.Minify,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return fmt.Errorf("writing the service worker: %s", strings.Join(msgs, "\n"))
	}
	return os.WriteFile(filepath.Join(o.Out, serviceWorkerFile), res.Code, 0o644)
}
