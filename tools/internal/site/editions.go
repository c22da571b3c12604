package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"goconcurrency.dev/playground/tools/internal/lesson"
)

// An edition is the course in one language: English at the site root, each translation
// (lesson.Languages) under /<code>/, with the same lessons and programs. A page's words
// come from the course (a lesson's translation) and from site/i18n/<code>.json, the one
// table of the interface's strings per language: the templates' strings, and under keys
// that start with "js." the page scripts' (see ScriptStrings).
type edition struct {
	Code    string            // "en", "zh": file names and URL folders
	Dir     string            // the edition's folder under the site root: "" or "zh/"
	Strings map[string]string // site/i18n/<code>.json
	// Script holds the strings of Strings whose keys start with scriptPrefix: what the
	// page scripts say (site/js/i18n.js), handed to them in every page.
	Script map[string]string
	// Chapters holds the chapters' titles and summaries in this language, by id (nil for
	// English, whose are in chapters.yaml).
	Chapters map[string]*lesson.Chapter
}

// Lang is the edition's language tag (html lang, hreflang).
func (e *edition) Lang() string { return e.Strings["lang"] }

// readEditions reads the interface strings of every edition, English first. Every table
// must have the keys English has, so no page shows a key in place of words.
func readEditions(root, lessons string) ([]*edition, error) {
	var eds []*edition
	for _, code := range append([]string{"en"}, lesson.Languages...) {
		path := filepath.Join(root, "site", "i18n", code+".json")
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		e := &edition{Code: code}
		if code != "en" {
			e.Dir = code + "/"
		}
		if err := json.Unmarshal(data, &e.Strings); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		e.Script = map[string]string{}
		for k, v := range e.Strings {
			if strings.HasPrefix(k, scriptPrefix) {
				e.Script[k] = v
			}
		}
		if len(eds) > 0 {
			for k := range eds[0].Strings {
				if _, ok := e.Strings[k]; !ok {
					return nil, fmt.Errorf("%s: no string %q (site/i18n/en.json has it)", path, k)
				}
			}
			chapters, err := readChapters(filepath.Join(lessons, "chapters."+code+".yaml"))
			if err != nil {
				return nil, err
			}
			e.Chapters = chapters
		}
		eds = append(eds, e)
	}
	return eds, nil
}

// scriptPrefix starts the keys of the page scripts' strings in site/i18n/<code>.json.
const scriptPrefix = "js."

// readChapters reads a translation of chapters.yaml; a course without one (a test's
// small course) keeps the English titles.
func readChapters(path string) (map[string]*lesson.Chapter, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var list []*lesson.Chapter
	if err := yaml.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]*lesson.Chapter{}
	for _, ch := range list {
		out[ch.ID] = ch
	}
	return out, nil
}

// funcs are the template functions of the edition: t gives a string of its table (with
// fmt verbs filled from args), th the same for strings that hold markup.
func (e *edition) funcs() template.FuncMap {
	t := func(key string, args ...any) (string, error) {
		s, ok := e.Strings[key]
		if !ok {
			return "", fmt.Errorf("no string %q in site/i18n/%s.json", key, e.Code)
		}
		if len(args) > 0 {
			s = fmt.Sprintf(s, args...)
		}
		return s, nil
	}
	return template.FuncMap{
		"t": t,
		"th": func(key string, args ...any) (template.HTML, error) {
			s, err := t(key, args...)
			return template.HTML(s), err // the tables are the site's own files
		},
	}
}

// chapter is a chapter's title and summary in the edition.
func (e *edition) chapter(ch *lesson.Chapter) *lesson.Chapter {
	if tr := e.Chapters[ch.ID]; tr != nil {
		return &lesson.Chapter{ID: ch.ID, Title: tr.Title, Summary: tr.Summary, Lessons: ch.Lessons}
	}
	return ch
}

// alternate is one language's version of a page.
type alternate struct {
	Code, Lang, Name, Href string
}

// alternates lists the page at rel (relative to an edition's folder, e.g.
// "lessons/x/") in every edition, for a page whose path to the site root is root.
func alternates(eds []*edition, root, rel string) []alternate {
	var out []alternate
	for _, e := range eds {
		out = append(out, alternate{Code: e.Code, Lang: e.Lang(), Name: e.Strings["switch"], Href: root + e.Dir + rel})
	}
	return slices.Clip(out)
}
