package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestKillWaitsForShutdown(t *testing.T) {
	launch(4127)
	start := time.Now()
	if err := kill(4127); err != nil {
		t.Fatalf("kill(4127) = %v, want nil", err)
	}
	if !hasSaved(4127) {
		t.Errorf("kill(4127) returned after %v, before instance 4127 had saved its state: it was still running", time.Since(start))
	}
	if _, ok := running[4127]; ok {
		t.Errorf("instance 4127 is still in running after kill")
	}
}

func TestKillUnknownInstance(t *testing.T) {
	if err := kill(4000); err == nil {
		t.Errorf("kill(4000) with no instance 4000 running = nil, want an error")
	}
}

func TestTakeOver(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "app.pid")
	if err := os.WriteFile(pidFile, []byte("4128\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	launch(4128)
	if err := takeOver(pidFile, 5310); err != nil {
		t.Fatalf("takeOver = %v, want nil", err)
	}
	if !hasSaved(4128) {
		t.Errorf("takeOver returned while the previous run, 4128, was still saving its state: two copies were running at once")
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(data)); got != "5310" {
		t.Errorf("after takeOver the pid file holds %q, want \"5310\"", got)
	}
}

func TestTakeOverWithoutPidFile(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "app.pid")
	if err := takeOver(pidFile, 5311); err != nil {
		t.Fatalf("takeOver with no pid file = %v, want nil: a first run has nothing to stop", err)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(data)); got != "5311" {
		t.Errorf("after takeOver the pid file holds %q, want \"5311\"", got)
	}
}
