// Package render turns lesson markdown into HTML and Go source into highlighted HTML. It
// holds one configured goldmark instance (GitHub-flavoured markdown, chroma highlighting
// through CSS classes) built once and reused, and writes the matching stylesheet for a
// light and a dark theme.
//
// It is not for: laying out pages (package site).
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	goldhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Themes used for code: a light one and a dark one, switched by prefers-color-scheme.
const (
	LightStyle = "github"
	DarkStyle  = "github-dark"
)

var formatterOptions = []chromahtml.Option{chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-")}

var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.GFM,
		highlighting.NewHighlighting(
			highlighting.WithFormatOptions(formatterOptions...),
			highlighting.WithGuessLanguage(false),
		),
	),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	// Lesson prose is ours, but raw HTML in it is still not passed through.
	goldmark.WithRendererOptions(goldhtml.WithXHTML()),
)

// markdownCJK renders prose written in Chinese: a line break inside a sentence is not
// a space there, so soft line breaks between Chinese characters are dropped.
var markdownCJK = goldmark.New(
	goldmark.WithExtensions(
		extension.GFM,
		extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft)),
		highlighting.NewHighlighting(
			highlighting.WithFormatOptions(formatterOptions...),
			highlighting.WithGuessLanguage(false),
		),
	),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(goldhtml.WithXHTML()),
)

// Translation renders a translation of the prose english (both markdown) with its
// headings given the English headings' ids, so that a link to a section
// (../lost-update/#when-a-goroutine-gives-up-the-thread) finds it in every edition. The
// translation keeps the English's headings, one for one (a test checks it).
func Translation(name string, src, english []byte) (template.HTML, error) {
	var ids [][]byte
	ast.Walk(markdown.Parser().Parse(text.NewReader(english)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			id, _ := h.AttributeString("id")
			b, _ := id.([]byte)
			ids = append(ids, b)
		}
		return ast.WalkContinue, nil
	})
	doc := markdownCJK.Parser().Parse(text.NewReader(src))
	i := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if i < len(ids) && ids[i] != nil {
				h.SetAttributeString("id", ids[i])
			}
			i++
		}
		return ast.WalkContinue, nil
	})
	var b bytes.Buffer
	if err := markdownCJK.Renderer().Render(&b, src, doc); err != nil {
		return "", fmt.Errorf("rendering %s: %w", name, err)
	}
	return template.HTML(b.String()), nil
}

// Markdown renders lesson prose. name is used in errors.
func Markdown(name string, src []byte) (template.HTML, error) {
	var b bytes.Buffer
	if err := markdown.Convert(src, &b); err != nil {
		return "", fmt.Errorf("rendering %s: %w", name, err)
	}
	return template.HTML(b.String()), nil
}

// GoSource highlights a Go program for display before the editor takes over, so the page
// shows readable code even without JavaScript.
func GoSource(name string, src []byte) (template.HTML, error) {
	it, err := lexers.Get("go").Tokenise(nil, string(src))
	if err != nil {
		return "", fmt.Errorf("highlighting %s: %w", name, err)
	}
	var b bytes.Buffer
	f := chromahtml.New(append(formatterOptions, chromahtml.WithLineNumbers(false))...)
	if err := f.Format(&b, styles.Get(LightStyle), it); err != nil {
		return "", fmt.Errorf("highlighting %s: %w", name, err)
	}
	return template.HTML(b.String()), nil
}

// Stylesheet returns the CSS for highlighted code in the light theme.
func Stylesheet() (string, error) {
	return styleCSS(LightStyle)
}

// DarkStylesheet returns the CSS for highlighted code in the dark theme; pages load it
// with the rest of the dark theme (site/css/dark.css).
func DarkStylesheet() (string, error) {
	return styleCSS(DarkStyle)
}

func styleCSS(name string) (string, error) {
	var b strings.Builder
	if err := writeStyle(&b, chromahtml.New(formatterOptions...), name); err != nil {
		return "", err
	}
	return b.String(), nil
}

func writeStyle(b *strings.Builder, f *chromahtml.Formatter, name string) error {
	style := styles.Get(name)
	if style == nil || style == styles.Fallback && name != styles.Fallback.Name {
		return fmt.Errorf("chroma style %q not found", name)
	}
	// The page sets its own background; keep only token colours.
	style, err := style.Builder().Transform(func(e chroma.StyleEntry) chroma.StyleEntry {
		e.Background = 0
		return e
	}).Build()
	if err != nil {
		return err
	}
	return f.WriteCSS(b, style)
}
