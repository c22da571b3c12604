package noderun_test

import (
	"context"
	"path/filepath"
	"testing"

	"goconcurrency.dev/playground/tools/internal/gobuild"
	"goconcurrency.dev/playground/tools/internal/noderun"
	"goconcurrency.dev/playground/tools/internal/paths"
)

// A goroutine that panics while main's exit hook is still handing over the trace ends
// the program with the panic, as natively: the host does not trip over the goroutines
// that were still running when the instance exited.
const panicWhileExiting = `package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan struct{})
	for i := range 2 {
		go func() {
			time.Sleep(time.Second)
			fmt.Println("woke", i)
			close(done) // the second close panics, as main returns
		}()
	}
	<-done
	fmt.Println("main returns")
}
`

func TestPanicWhileMainExits(t *testing.T) {
	runner, err := noderun.New(root, filepath.Join(root, "build"))
	if err != nil {
		t.Fatal(err)
	}
	b := &gobuild.Builder{Stdlib: gobuild.NewStdlib(), CacheDir: paths.ProgramCache(root)}
	wasm, err := b.Build(context.Background(), []byte(panicWhileExiting))
	if err != nil {
		t.Fatal(err)
	}
	events, err := runner.Run(context.Background(), wasm, noderun.Options{})
	if err != nil {
		t.Fatalf("the host failed: %v\n%s", err, noderun.Transcript(events))
	}
	last := events[len(events)-1]
	if last.Kind != noderun.KindExit || last.Status != 2 {
		t.Errorf("the run ended with %+v, want exit status 2\n%s", last, noderun.Transcript(events))
	}
}
