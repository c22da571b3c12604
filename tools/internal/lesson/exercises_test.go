package lesson_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"goconcurrency.dev/playground/tools/internal/exercise"
)

// TestExercisesBothWays builds every exercise with its tests through the in-browser
// toolchain under Node, as the Check button does: the starter must build and fail, the
// reference solution must pass, so no exercise is vacuous and none is impossible.
func TestExercisesBothWays(t *testing.T) {
	runner, tc, origin := browserToolchain(t)
	results, err := exercise.Check(context.Background(), runner, tc, origin, selectedLessons(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if p := r.Problem(); p != "" {
			t.Errorf("%s: %s", filepath.Join(r.Lesson.Slug, "exercises", r.Exercise.ID), p)
		}
	}
	t.Logf("%d exercises checked both ways", len(results))
}

// TestEveryLessonHasAnExercise: the course checks what it teaches.
func TestEveryLessonHasAnExercise(t *testing.T) {
	var missing []string
	for _, l := range loadCourse(t).Lessons() {
		if len(l.Exercises) == 0 {
			missing = append(missing, l.Slug)
		}
	}
	if len(missing) > 0 {
		t.Errorf("lessons without an exercise: %s", strings.Join(missing, ", "))
	}
}

// TestPredictionsAreAnsweredByTheRun: the evidence of each prediction is in the output
// the program prints, so the answer the page reveals is the program's.
func TestPredictionsAreAnsweredByTheRun(t *testing.T) {
	for _, l := range loadCourse(t).Lessons() {
		for _, p := range l.Predict {
			for _, prog := range l.Programs {
				if prog.Name == p.Program && !strings.Contains(string(prog.Expected), p.Evidence) {
					t.Errorf("%s: the prediction about %s cites %q, which %s does not contain", l.Slug, p.Program, p.Evidence, prog.ExpectedPath())
				}
			}
		}
	}
}
