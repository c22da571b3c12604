// An upper-casing echo server: an accept loop and one goroutine per connection.
package main

import (
	"bufio"
	"fmt"
	"net"
	"strings"
	"sync"
)

// handle serves one client: read a line, send it back in capitals, repeat.
// It only sees a net.Conn, so it works unchanged over TCP.
func handle(conn net.Conn, id int) {
	defer conn.Close()
	in := bufio.NewScanner(conn)
	for in.Scan() { // ends when the client closes its side
		fmt.Fprintln(conn, strings.ToUpper(in.Text()))
	}
	fmt.Printf("server: connection %d closed\n", id)
}

// serve is the accept loop: one goroutine per connection, like gevent.spawn(talk, conn).
func serve(ln net.Listener) {
	var handlers sync.WaitGroup
	defer handlers.Wait() // after the listener closes, let open connections finish
	for id := 1; ; id++ {
		conn, err := ln.Accept() // parks this goroutine until a client arrives
		if err != nil {
			return // the listener was closed
		}
		fmt.Printf("server: connection %d accepted\n", id)
		handlers.Go(func() { handle(conn, id) })
	}
}

// client connects with dial, says hello twice, and prints each reply.
func client(dial func() (net.Conn, error), name string) {
	conn, err := dial()
	if err != nil {
		fmt.Println(name, "could not connect:", err)
		return
	}
	defer conn.Close()
	replies := bufio.NewReader(conn)
	for i := range 2 {
		fmt.Fprintf(conn, "hello from %s, #%d\n", name, i+1)
		reply, _ := replies.ReadString('\n')
		fmt.Printf("%s got %q\n", name, strings.TrimSuffix(reply, "\n"))
	}
}

func main() {
	// On your own machine: ln, err := net.Listen("tcp", ":8000"), and the
	// clients dial with func() (net.Conn, error) { return net.Dial("tcp", "localhost:8000") }.
	ln := newPipeListener()
	stopped := make(chan struct{})
	go func() {
		serve(ln)
		close(stopped)
	}()

	var wg sync.WaitGroup
	for _, name := range []string{"ann", "bob", "cy"} {
		wg.Go(func() { client(ln.Dial, name) })
	}
	wg.Wait()
	ln.Close() // stop accepting...
	<-stopped  // ...and wait until every connection is closed
	fmt.Println("server stopped")
}

// The browser has no sockets, so the program brings its own listener.

// pipeListener is a net.Listener without sockets. Dial makes an in-memory
// connection with net.Pipe, keeps one end and hands the other to Accept.
type pipeListener struct {
	conns     chan net.Conn
	done      chan struct{}
	closeOnce sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), done: make(chan struct{})}
}

// Accept waits for the next Dial, like a TCP listener waits for a client.
func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

// Dial connects a new client and returns the client's end of the pipe.
func (l *pipeListener) Dial() (net.Conn, error) {
	server, client := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.closeOnce.Do(func() { close(l.done) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "in-memory" }

var _ net.Listener = (*pipeListener)(nil) // the compiler checks the interface
