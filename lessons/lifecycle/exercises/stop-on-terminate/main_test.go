package main

import (
	"context"
	"testing"
	"time"
)

// joinWithin calls w.Join and reports whether it returned within d.
func joinWithin(w *Worker, d time.Duration) bool {
	joined := make(chan struct{})
	go func() {
		w.Join()
		close(joined)
	}()
	select {
	case <-joined:
		return true
	case <-time.After(d):
		return false
	}
}

func TestTerminateStopsTheHeartbeat(t *testing.T) {
	var beats int
	w := Start("heart", heartbeat(200*time.Millisecond, &beats))
	time.Sleep(700 * time.Millisecond)
	if !w.Alive() {
		t.Fatal("the heartbeat stopped by itself before it was terminated")
	}
	w.Terminate()
	stopped := time.Now()
	if !joinWithin(w, time.Second) {
		t.Fatal("Join did not return within 1s of Terminate: the job never notices ctx.Done()")
	}
	if waited := time.Since(stopped); waited >= 50*time.Millisecond {
		t.Errorf("Join returned %v after Terminate, want at once: the job should not finish its interval first", waited)
	}
	if w.Alive() {
		t.Error("Alive() = true after Join returned, want false")
	}
	if beats != 3 {
		t.Errorf("the heartbeat counted %d beats in 700ms at one per 200ms, want 3", beats)
	}
}

func TestTerminateBeforeTheFirstBeat(t *testing.T) {
	var beats int
	w := Start("heart", heartbeat(time.Second, &beats))
	w.Terminate()
	if !joinWithin(w, 500*time.Millisecond) {
		t.Fatal("Join did not return within 500ms of Terminate, with the first beat 1s away")
	}
	if beats != 0 {
		t.Errorf("a heartbeat terminated at once counted %d beats, want 0", beats)
	}
}

func TestStartRunsTheJob(t *testing.T) {
	// The handle itself is not part of the task; this only checks that it still works.
	ran := make(chan struct{})
	w := Start("once", func(ctx context.Context) { close(ran) })
	if !joinWithin(w, time.Second) {
		t.Fatal("a job that returns at once was not joined within 1s")
	}
	select {
	case <-ran:
	default:
		t.Error("Join returned but the job never ran")
	}
}
