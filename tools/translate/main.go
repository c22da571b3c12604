// Command translate stamps translations with the hash of the English they were made
// from, once they are up to date with it:
//
//	go run ./tools/translate -stamp lessons/lost-update [more lesson folders]
//
// It writes source: into lesson.<lang>.md and each exercise's statement.<lang>.md.
// go test ./tools/internal/lesson (TestTranslations) reports a translation whose English
// has changed since, or that lost a heading or a code block.
package main

import (
	"flag"
	"fmt"
	"os"

	"goconcurrency.dev/playground/tools/internal/lesson"
)

func main() {
	stamp := flag.Bool("stamp", false, "write the English's current hash into each translation of the lessons")
	lang := flag.String("lang", "zh", "the translation's language")
	flag.Parse()
	if !*stamp || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: translate -stamp [-lang zh] LESSON-DIR...")
		os.Exit(2)
	}
	for _, dir := range flag.Args() {
		if err := stampLesson(dir, *lang); err != nil {
			fmt.Fprintln(os.Stderr, "translate:", err)
			os.Exit(1)
		}
	}
}

func stampLesson(dir, lang string) error {
	l, err := lesson.Read(dir)
	if err != nil {
		return err
	}
	if err := lesson.Stamp(l.TranslationPath(lang), l.SourceHash()); err != nil {
		return err
	}
	fmt.Println("stamped", l.TranslationPath(lang))
	for _, e := range l.Exercises {
		if _, err := os.Stat(e.StatementPath(lang)); err != nil {
			return fmt.Errorf("%s: no translation of the statement", e.StatementPath(lang))
		}
		if err := lesson.Stamp(e.StatementPath(lang), e.SourceHash()); err != nil {
			return err
		}
		fmt.Println("stamped", e.StatementPath(lang))
	}
	return nil
}
