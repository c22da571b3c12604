// Try this: Make the handler slow: time.Sleep(time.Second) before each reply...
package main

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"
)

// addr is where the server listens. In the browser, Go's network is in memory, inside
// this program; on your own machine the same code opens a real TCP port.
const addr = "127.0.0.1:7000"

// handle serves one client: read a line, send it back in capitals, repeat.
// It only sees a net.Conn, so it works over any kind of connection.
func handle(conn net.Conn, id int) {
	defer conn.Close()
	in := bufio.NewScanner(conn)
	for in.Scan() { // ends when the client closes its side
		time.Sleep(time.Second)
		fmt.Fprintln(conn, strings.ToUpper(in.Text()))
	}
	fmt.Printf("server: connection %d closed\n", id)
}

// serve is the accept loop: one goroutine per connection, like gevent.spawn(talk, conn).
func serve(ln net.Listener) {
	var handlers sync.WaitGroup
	defer handlers.Wait() // after the listener closes, let open connections finish
	for id := 1; ; id++ {
		conn, err := ln.Accept() // parks this goroutine until a client connects
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				fmt.Println("server:", err)
			}
			return // the listener was closed
		}
		fmt.Printf("server: connection %d accepted\n", id)
		handlers.Go(func() { handle(conn, id) })
	}
}

// client connects, says hello twice, and prints each reply.
func client(name string) {
	conn, err := net.Dial("tcp", addr)
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
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	fmt.Println("server: listening on", ln.Addr())
	stopped := make(chan struct{})
	go func() {
		serve(ln)
		close(stopped)
	}()

	start := time.Now() // to see how long the clients take
	var clients sync.WaitGroup
	for _, name := range []string{"ann", "bob", "cy"} {
		clients.Go(func() { client(name) })
	}
	clients.Wait()
	fmt.Println("clients done after", time.Since(start).Round(time.Millisecond))
	ln.Close() // stop accepting...
	<-stopped  // ...and wait until every connection is closed
	fmt.Println("server stopped")
}
