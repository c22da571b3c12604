package main

import (
	"encoding/json"
	"errors"
	"io"
	"testing"
	"time"
)

// readAll reads r to the end, and fails the test if that takes more than a second.
func readAll(t *testing.T, r io.Reader) ([]byte, error) {
	t.Helper()
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(r)
		done <- result{data, err}
	}()
	select {
	case res := <-done:
		return res.data, res.err
	case <-time.After(time.Second):
		t.Fatal("io.ReadAll was still waiting after 1s: the stream never ended")
		return nil, nil
	}
}

func TestStreamEnds(t *testing.T) {
	data, err := readAll(t, encode([]any{"Hello", nil, "World"}))
	if err != nil {
		t.Errorf("reading the encoded list: error %v, want nil", err)
	}
	if want := "[\"Hello\",null,\"World\"]\n"; string(data) != want {
		t.Errorf("reading the encoded list gave %q, want %q", data, want)
	}
}

func TestErrorReachesReader(t *testing.T) {
	// A channel has no JSON form, so the encoder fails before writing anything.
	data, err := readAll(t, encode([]any{"Hello", make(chan int)}))
	var unsupported *json.UnsupportedTypeError
	if err == nil {
		t.Errorf("reading a value that cannot be encoded gave %q and no error, want the encoder's error", data)
	} else if !errors.As(err, &unsupported) {
		t.Errorf("reading a value that cannot be encoded: error %q, want the encoder's *json.UnsupportedTypeError", err)
	}
}
