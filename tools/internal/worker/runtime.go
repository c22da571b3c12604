package worker

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

//go:embed serve.mjs
var serveScript []byte

// Modules is the folder of the npm packages that run the Worker locally (wrangler and
// miniflare, installed from wasm/worker/package-lock.json).
func Modules(root string) string { return filepath.Join(root, "wasm", "worker", "node_modules") }

func checkModules(root string) error {
	if _, err := os.Stat(filepath.Join(Modules(root), "miniflare", "package.json")); err != nil {
		return errors.New("wasm/worker/node_modules is missing: run npm ci in wasm/worker (make worker-deps does this)")
	}
	return nil
}

// StartOptions say which Worker folder to run and how.
type StartOptions struct {
	Root    string    // repository root
	Dir     string    // the folder Build wrote
	Persist string    // where KV data is kept between runs; empty keeps it in memory
	Log     io.Writer // the runtime's own output; nil discards it
}

// Runtime is a built Worker running under workerd on a loopback port.
type Runtime struct {
	URL   string // http://127.0.0.1:PORT, without a trailing slash
	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan error
}

// Start runs the Worker folder under workerd through miniflare, with the options of its
// wrangler.json, and returns once it answers on its port.
func Start(ctx context.Context, o StartOptions) (*Runtime, error) {
	if err := checkModules(o.Root); err != nil {
		return nil, err
	}
	script, err := os.CreateTemp("", "worker-serve-*.mjs")
	if err != nil {
		return nil, fmt.Errorf("starting the worker: %w", err)
	}
	script.Write(serveScript)
	script.Close()
	args := []string{script.Name(), filepath.Dir(Modules(o.Root)), o.Dir}
	if o.Persist != "" {
		args = append(args, o.Persist)
	}
	cmd := exec.Command("node", args...)
	if o.Log != nil {
		cmd.Stderr = o.Log
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("starting the worker: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("starting the worker: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the worker (node serve.mjs): %w", err)
	}
	r := &Runtime{cmd: cmd, stdin: stdin, done: make(chan error, 1)}
	ready := make(chan string, 1)
	go func() {
		lines := bufio.NewScanner(stdout)
		sent := false
		for lines.Scan() {
			var msg struct{ URL string }
			if !sent && json.Unmarshal(lines.Bytes(), &msg) == nil && msg.URL != "" {
				ready <- msg.URL
				sent = true
			} else if o.Log != nil {
				fmt.Fprintln(o.Log, lines.Text())
			}
		}
		r.done <- cmd.Wait()
		os.Remove(script.Name())
	}()
	select {
	case u := <-ready:
		r.URL = strings.TrimSuffix(u, "/")
		return r, nil
	case err := <-r.done:
		r.done <- err
		return nil, fmt.Errorf("starting the worker: the runtime exited before it was ready: %v", err)
	case <-ctx.Done():
		r.Stop()
		return nil, fmt.Errorf("starting the worker: %w", ctx.Err())
	case <-time.After(2 * time.Minute):
		r.Stop()
		return nil, errors.New("starting the worker: the runtime was not ready after 2 minutes")
	}
}

// Stop shuts the runtime down and waits for it.
func (r *Runtime) Stop() error {
	r.stdin.Close()
	select {
	case err := <-r.done:
		r.done <- err
		return err
	case <-time.After(20 * time.Second):
		r.cmd.Process.Kill()
		err := <-r.done
		r.done <- err
		return err
	}
}

// DevOptions say how to serve a Worker folder with wrangler dev.
type DevOptions struct {
	Root    string // repository root
	Dir     string // the folder Build wrote
	Addr    string // host:port to listen on
	Persist string // where KV data is kept
}

// Dev serves the Worker folder with wrangler dev --local (workerd, no Cloudflare account)
// until ctx is done or wrangler exits.
func Dev(ctx context.Context, o DevOptions) error {
	if err := checkModules(o.Root); err != nil {
		return err
	}
	host, port, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return fmt.Errorf("serving the worker: address %q: %w", o.Addr, err)
	}
	if _, err := strconv.Atoi(port); err != nil {
		return fmt.Errorf("serving the worker: port %q: %w", port, err)
	}
	persist, err := filepath.Abs(o.Persist)
	if err != nil {
		return fmt.Errorf("serving the worker: %w", err)
	}
	dir, err := filepath.Abs(o.Dir)
	if err != nil {
		return fmt.Errorf("serving the worker: %w", err)
	}
	wrangler := filepath.Join(Modules(o.Root), ".bin", "wrangler")
	cmd := exec.CommandContext(ctx, wrangler, "dev", "--local", "--config", "wrangler.json",
		"--ip", host, "--port", port, "--persist-to", persist, "--show-interactive-dev-session=false")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	// Its logs stay beside the Worker, under build/.
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "WRANGLER_LOG_PATH="+filepath.Join(dir, ".wrangler", "logs"))
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("serving the worker (wrangler dev): %w", err)
	}
	return nil
}
