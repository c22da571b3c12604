// Package browser starts headless Chromium (Debian's package) under chromedp for the
// browser tests and benchmarks, with the flags that keep it quiet on a machine without
// network access and a fresh profile each time.
//
// It is not for: anything a page does; see site/js.
package browser

import (
	"context"
	"errors"
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Path finds the Chromium executable: $CHROMIUM, then chromium on PATH.
func Path() (string, error) {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return exec.LookPath(p)
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found: install Debian's chromium package (make test does)")
}

// Start launches a headless Chromium with a fresh profile in profileDir and returns a
// chromedp context for its first tab. cancel closes the browser.
func Start(ctx context.Context, profileDir string) (context.Context, context.CancelFunc, error) {
	path, err := Path()
	if err != nil {
		return nil, nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profileDir),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1400, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(tabCtx); err != nil {
		cancelTab()
		cancelAlloc()
		return nil, nil, err
	}
	return tabCtx, func() { cancelTab(); cancelAlloc() }, nil
}
