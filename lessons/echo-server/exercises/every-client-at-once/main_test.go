package main

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

// start runs serve on a fresh listener and returns its address, the listener, and a
// channel that is closed when serve returns. The listener is closed when the test ends.
func start(t *testing.T) (string, net.Listener, <-chan struct{}) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	returned := make(chan struct{})
	go func() {
		defer close(returned)
		serve(ln)
	}()
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().String(), ln, returned
}

// testClient is one connection to the server.
type testClient struct {
	conn    net.Conn
	replies *bufio.Reader
}

func dial(t *testing.T, addr string) *testClient {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return &testClient{conn, bufio.NewReader(conn)}
}

// say sends one line and returns the reply, or fails if none comes within a second.
func (c *testClient) say(t *testing.T, line string) string {
	t.Helper()
	fmt.Fprintln(c.conn, line)
	reply := make(chan string, 1)
	go func() {
		s, _ := c.replies.ReadString('\n')
		reply <- strings.TrimSuffix(s, "\n")
	}()
	select {
	case s := <-reply:
		return s
	case <-time.After(time.Second):
		t.Fatalf("sent %q and got no reply within 1s", line)
		return ""
	}
}

func TestEchoesInCapitals(t *testing.T) {
	addr, _, _ := start(t)
	c := dial(t, addr)
	for _, line := range []string{"hello", "Go and Python"} {
		if got, want := c.say(t, line), strings.ToUpper(line); got != want {
			t.Errorf("sent %q, got %q back, want %q", line, got, want)
		}
	}
}

func TestSecondClientWhileFirstIsConnected(t *testing.T) {
	addr, _, _ := start(t)
	first := dial(t, addr)
	first.say(t, "first") // the first client is being served and stays connected
	second := dial(t, addr)
	if got := second.say(t, "second"); got != "SECOND" {
		t.Errorf("the second client sent %q and got %q, want %q", "second", got, "SECOND")
	}
}

func TestShutdownWaitsForOpenConnections(t *testing.T) {
	addr, ln, returned := start(t)
	c := dial(t, addr)
	c.say(t, "still here")
	ln.Close()
	select {
	case <-returned:
		t.Fatal("serve returned as soon as the listener closed, while a client was still connected")
	case <-time.After(200 * time.Millisecond):
	}
	if got := c.say(t, "and still served"); got != "AND STILL SERVED" {
		t.Errorf("after the listener closed, a connected client got %q, want %q", got, "AND STILL SERVED")
	}
	c.conn.Close() // the last client hangs up
	select {
	case <-returned:
	case <-time.After(time.Second):
		t.Fatal("serve has not returned 1s after the listener closed and the last client hung up")
	}
}
