// The child writes JSON into a pipe and closes it; the parent reads until the end of
// the stream.
package main

import (
	"encoding/json"
	"fmt"
	"io"
)

// encode starts a goroutine that writes v into a pipe as JSON, and returns the
// reading end of the pipe.
func encode(v any) io.Reader {
	r, w := io.Pipe()
	go func() {
		err := json.NewEncoder(w).Encode(v)
		// Closing the writing end is what tells the reader the stream is over.
		// With a nil error this is a plain Close and the reader sees io.EOF;
		// otherwise the reader's next Read returns err.
		w.CloseWithError(err)
	}()
	return r
}

func main() {
	data, err := io.ReadAll(encode([]any{"Hello", nil, "World"}))
	fmt.Printf("read %q, error %v\n", data, err)
}
