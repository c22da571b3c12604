// The child writes JSON into a pipe; the parent reads until the end of the stream.
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
		json.NewEncoder(w).Encode(v)
	}()
	return r
}

func main() {
	data, err := io.ReadAll(encode([]any{"Hello", nil, "World"}))
	fmt.Printf("read %q, error %v\n", data, err)
}
