package render

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Outline is what a translation must keep of the prose it translates: the levels of its
// headings in order, its code blocks byte for byte, and its prose, paragraph by
// paragraph (and table cell by cell), without code spans and link targets.
type Outline struct {
	Headings []int
	Code     []string // info string, a newline, then the block's text
	Prose    []string
}

// ReadOutline parses markdown the way Markdown renders it and returns its outline.
func ReadOutline(src []byte) Outline {
	var o Outline
	doc := markdown.Parser().Parse(text.NewReader(src))
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			o.Headings = append(o.Headings, n.Level)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			var b bytes.Buffer
			if n.Info != nil {
				b.Write(n.Info.Segment.Value(src))
			}
			b.WriteByte('\n')
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(src))
			}
			o.Code = append(o.Code, b.String())
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.TextBlock, *extast.TableCell:
			o.Prose = append(o.Prose, proseText(n, src))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return o
}

// proseText is the text of a node without its code spans.
func proseText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.CodeSpan:
			b.WriteByte(' ')
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

var (
	latinWord = regexp.MustCompile(`[A-Za-z]{3,}`)
	han       = regexp.MustCompile(`\p{Han}`)
)

// LooksEnglish reports whether a piece of prose is an English sentence: eight words or
// more and not one Chinese character. Identifiers, file names and short labels are not.
func LooksEnglish(prose string) bool {
	return !han.MatchString(prose) && len(latinWord.FindAllString(prose, -1)) >= 8
}
