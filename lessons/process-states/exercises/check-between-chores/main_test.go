package main

import (
	"testing"
	"time"
)

func TestChoresGoOnUntilTheReplyIsThere(t *testing.T) {
	start := time.Now()
	reply, chores := textAndDoChores("the film", time.Second, 300*time.Millisecond)
	elapsed := time.Since(start)
	if reply != "yes to the film" {
		t.Errorf("reply = %q, want %q", reply, "yes to the film")
	}
	if chores != 4 {
		t.Errorf("the reply was read after chore %d, want after chore 4: it comes at 1s, during the fourth 300ms chore", chores)
	}
	if elapsed < 1200*time.Millisecond || elapsed >= 1500*time.Millisecond {
		t.Errorf("textAndDoChores took %v, want about 1.2s: the reply is read right after the fourth chore", elapsed)
	}
}

func TestAQuickReplyIsReadAfterTheFirstChore(t *testing.T) {
	reply, chores := textAndDoChores("tea", 100*time.Millisecond, 300*time.Millisecond)
	if reply != "yes to tea" || chores != 1 {
		t.Errorf("got %q after %d chores, want %q after 1", reply, chores, "yes to tea")
	}
}
