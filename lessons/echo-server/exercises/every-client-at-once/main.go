// An upper-casing echo server that should talk to every client at once.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
)

// handle serves one client: read a line, send it back in capitals, repeat until the
// client hangs up.
func handle(conn net.Conn) {
	defer conn.Close()
	in := bufio.NewScanner(conn)
	for in.Scan() {
		fmt.Fprintln(conn, strings.ToUpper(in.Text()))
	}
}

// serve accepts connections until ln is closed, then returns once every connection
// has been handled to the end.
func serve(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				fmt.Println("server:", err)
			}
			return // the listener was closed
		}
		handle(conn) // one client at a time: the next Accept waits for this client to leave
	}
}

// client connects, says hello twice, and prints each reply.
func client(addr, name string) {
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
	ln, err := net.Listen("tcp", "127.0.0.1:7000")
	if err != nil {
		fmt.Println("listen:", err)
		return
	}
	stopped := make(chan struct{})
	go func() {
		serve(ln)
		close(stopped)
	}()

	var clients sync.WaitGroup
	for _, name := range []string{"ann", "bob", "cy"} {
		clients.Go(func() { client(ln.Addr().String(), name) })
	}
	clients.Wait()
	ln.Close()
	<-stopped
	fmt.Println("server stopped")
}
