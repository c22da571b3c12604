package main

import (
	"slices"
	"testing"
)

// walk starts at the top menu and applies each command in turn.
func walk(t *testing.T, commands ...string) []level {
	t.Helper()
	stack := []level{{"top", world}}
	for _, k := range commands {
		stack, _, _ = step(stack, k)
		if len(stack) == 0 {
			t.Fatalf("after %q the stack is empty: there is no menu to be in", commands)
		}
	}
	return stack
}

// names lists the menus on the stack, bottom to top.
func names(stack []level) []string {
	var out []string
	for _, l := range stack {
		out = append(out, l.name)
	}
	return out
}

func expect(t *testing.T, commands []string, want ...string) {
	t.Helper()
	if got := names(walk(t, commands...)); !slices.Equal(got, want) {
		t.Errorf("after %q the stack is %q, want %q", commands, got, want)
	}
}

func TestTopFromDeepDown(t *testing.T) {
	expect(t, []string{"Beijing", "Haidian", "Wudaokou", "t"}, "top")
	expect(t, []string{"Beijing", "t"}, "top")
}

func TestTopAtTheTop(t *testing.T) {
	expect(t, []string{"t"}, "top")
	expect(t, []string{"t", "t", "b"}, "top")
}

func TestDownAgainAfterTop(t *testing.T) {
	expect(t, []string{"Beijing", "Haidian", "t", "Beijing", "Changping", "Shahe"}, "top", "Beijing", "Changping", "Shahe")
	expect(t, []string{"Beijing", "Changping", "t", "Shanghai"}, "top", "Shanghai")
}

func TestOtherCommandsStillWork(t *testing.T) {
	expect(t, []string{"Beijing", "Haidian", "b"}, "top", "Beijing")
	expect(t, []string{"b"}, "top")
	expect(t, []string{"Tokyo"}, "top")
	expect(t, []string{"Beijing", "Haidian", "Wudaokou", "Google"}, "top", "Beijing", "Haidian", "Wudaokou")
	if _, _, quit := step(walk(t, "Beijing"), "q"); !quit {
		t.Error(`step(..., "q") did not report quit`)
	}
}
