// Try this: Remove defer c2.Close()...
// The same conversation over net.Pipe: a real full-duplex connection held in memory.
package main

import (
	"bufio"
	"fmt"
	"net"
	"sync"
)

// talker sends and receives lines over one end of the connection.
type talker struct {
	conn net.Conn
	r    *bufio.Reader
}

func newTalker(c net.Conn) *talker { return &talker{c, bufio.NewReader(c)} }

// The connection carries bytes, not messages, so each message is one line.
func (t *talker) send(msg string) { fmt.Fprintln(t.conn, msg) }

func (t *talker) recv() string {
	line, err := t.r.ReadString('\n')
	if err != nil {
		return "(" + err.Error() + ")"
	}
	return line[:len(line)-1]
}

func main() {
	c1, c2 := net.Pipe() // two ends; what one writes the other reads
	var wg sync.WaitGroup
	wg.Go(func() {
		t := newTalker(c2)
		fmt.Println("second received:", t.recv())
		t.send("hello, too")
		fmt.Println("second received:", t.recv())
		t.send("I don't tell you!")
	})
	wg.Go(func() {
		defer c1.Close()
		t := newTalker(c1)
		t.send("hello")
		fmt.Println("first received:", t.recv())
		t.send("what is your name?")
		fmt.Println("first received:", t.recv())
		fmt.Println("first received:", t.recv()) // the other end has closed
	})
	wg.Wait()
}
