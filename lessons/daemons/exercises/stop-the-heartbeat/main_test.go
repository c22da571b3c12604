package main

import (
	"sync/atomic"
	"testing"
	"time"
)

const ms = time.Millisecond

func TestBeatsInTheBackground(t *testing.T) {
	var beats atomic.Int32
	start := time.Now()
	stop := startHeartbeat(100*ms, func() { beats.Add(1) })
	if elapsed := time.Since(start); elapsed >= 50*ms {
		t.Errorf("startHeartbeat took %v to return, want it to return at once and beat in the background", elapsed.Round(ms))
	}
	time.Sleep(250 * ms) // beats due at 0, 100 and 200 ms
	n := beats.Load()
	stop()
	if n < 2 || n > 4 {
		t.Errorf("after 250ms with a period of 100ms there were %d beats, want 3", n)
	}
}

func TestStopReturnsQuickly(t *testing.T) {
	stop := startHeartbeat(time.Second, func() {})
	time.Sleep(100 * ms) // the heartbeat is now in the middle of a one-second wait
	start := time.Now()
	stop()
	if elapsed := time.Since(start); elapsed >= 200*ms {
		t.Errorf("stop took %v with a period of 1s, want it to return at once, not at the next beat", elapsed.Round(ms))
	}
}

func TestNoBeatAfterStop(t *testing.T) {
	var beats atomic.Int32
	var inBeat atomic.Bool
	// Each beat takes 30ms, then the heartbeat waits 20ms: beats run from 0 to 30ms,
	// from 50 to 80ms, from 100 to 130ms, ...
	stop := startHeartbeat(20*ms, func() {
		inBeat.Store(true)
		beats.Add(1)
		time.Sleep(30 * ms)
		inBeat.Store(false)
	})
	time.Sleep(65 * ms) // in the middle of the second beat
	stop()
	if inBeat.Load() {
		t.Errorf("stop returned while a beat was still running, want it to wait until the heartbeat has returned")
	}
	n := beats.Load()
	time.Sleep(200 * ms)
	if later := beats.Load(); later != n {
		t.Errorf("%d beats happened after stop had returned, want none", later-n)
	}
}
