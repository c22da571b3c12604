// Try this: In io-pipe, replace io.ReadAll and json.Unmarshal with json.NewDecoder(r).Decode(&list)...
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
	err := json.NewEncoder(w).Encode([]any{"Hello", nil, "World"})
	w.CloseWithError(err) // with a nil error this is a plain Close: the reader sees io.EOF
}

func main() {
	r, w := io.Pipe() // r: the reading end, w: the writing end
	go child(w)

	var list []any
	if err := json.NewDecoder(r).Decode(&list); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("decoded:", list, "- element 1 is nil:", list[1] == nil)
}
