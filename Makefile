# The playground's build. Targets are thin: the logic lives in the Go commands under tools/.
GO      ?= go
NPM     ?= npm
SITE    ?= build/site
ADDR    ?= localhost:8080
WORKER  ?= build/worker
WORKER_ADDR ?= localhost:8787
# Debian's Chromium drives the browser tests and benchmarks.
CHROMIUM ?= chromium

.PHONY: all build serve test bench deps browser clean worker worker-serve worker-deps

all: build

# npm packages (CodeMirror, memfs and their browser shims), exactly as locked.
deps: site/node_modules/.package-lock.json
site/node_modules/.package-lock.json: site/package.json site/package-lock.json
	cd site && $(NPM) ci --no-audit --no-fund

# wrangler and workerd (through miniflare), exactly as locked, to run and test the Worker.
worker-deps: wasm/worker/node_modules/.package-lock.json
wasm/worker/node_modules/.package-lock.json: wasm/worker/package.json wasm/worker/package-lock.json
	cd wasm/worker && $(NPM) ci --no-audit --no-fund

# Headless Chromium for the browser tests, installed with apt-get when missing.
browser:
	@command -v $(CHROMIUM) >/dev/null 2>&1 || { \
	  echo "installing chromium (apt-get)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

build: deps
	$(GO) run ./tools/build -out $(SITE)

serve: build
	$(GO) run ./tools/serve -addr $(ADDR) -dir $(SITE)

# The Cloudflare Worker (wasm/worker) with the site as its static assets.
worker: build
	$(GO) run ./tools/worker -site $(SITE) -out $(WORKER)

# The site and the share API under workerd (wrangler dev --local), KV kept in build/.
worker-serve: worker worker-deps
	$(GO) run ./tools/worker -serve -out $(WORKER) -addr $(WORKER_ADDR) -persist build/worker-state

test: deps worker-deps browser
	$(GO) vet ./...
	cd site && node --test
	$(GO) test -count=1 -timeout 30m ./...

bench: deps worker-deps browser
	$(GO) run ./tools/bench

clean:
	rm -rf build
