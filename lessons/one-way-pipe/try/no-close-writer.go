// Try this: In io-pipe, delete the w.CloseWithError(err) line...
// io.Pipe: a one-way byte stream. The child writes JSON and closes; the parent
// reads until the end of the stream and decodes.
package main

import (
	"encoding/json"
	"fmt"
	"io"
)

func child(w *io.PipeWriter) {
	// Encode writes the bytes into the pipe; each Write waits until the reader takes them.
	json.NewEncoder(w).Encode([]any{"Hello", nil, "World"})
}

func main() {
	r, w := io.Pipe() // r: the reading end, w: the writing end
	go child(w)

	data, err := io.ReadAll(r) // reads until the child closes
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Printf("bytes on the wire: %s", data)

	var list []any
	if err := json.Unmarshal(data, &list); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("decoded:", list, "- element 1 is nil:", list[1] == nil)
}
