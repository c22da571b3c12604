// service-worker.js makes the site work offline without ever serving a stale app. The site
// builder (tools/internal/site/offline.go) writes it to the site root as service-worker.js,
// with BUILD replaced by this build's description:
//   {version, siteName, precache: [paths relative to the site root], styles: the home
//   page's stylesheet links, offline: {code: {lang, dir, title, heading, text}}, the
//   offline page's words in each edition, whose pages are under dir}
// The layout registers it from every page; its scope is the site root, so the site may
// live under any path of its host.
//
// For a GET request in its scope:
//   - A content-hashed name (assets/lesson.3f2a9c1d7e.js, the toolchain's archives): the
//     cached copy, else the network's, kept. A hashed name means one content for good, so
//     two builds never mix: a page names the files it was built with.
//   - The toolchain's modules (toolchain/*.wasm: the compiler, the linker, the test main's
//     generator): not answered at all, so the browser fetches them itself, from its HTTP
//     cache after the first time, with the code it compiled from them last time. Passed
//     through this worker, tens of megabytes would take one more hop on each visit:
//     about 0.2 s of a returning visitor's first edit, and with the copy written as they
//     arrive, about 1 s of a first one. The page asks for them to be kept ({type: "keep"})
//     once its warm-up builds are done, and the build worker asks for that copy
//     (?kept) when the browser's own fetch fails.
//   - Any other content-hashed WebAssembly module (a lesson program): the network's
//     answer passed through (in practice the browser's HTTP cache, with the code the
//     browser compiled from it last time), kept; the kept copy when the network fails.
//   - Anything else (pages, toolchain/manifest.json, oembed.json): the network's answer,
//     keeping a copy; the copy only when the network fails. A page loaded online is
//     therefore always the newest deploy's, and so are the scripts and programs it names.
//     Offline, a page seen before comes back with the files it named.
//   - The Worker's API (api/, oembed), Range requests, other methods and other origins
//     are left to the network, never cached.
// Keeping a page also fetches the hashed files it names that are not kept yet (each of its
// programs, the scripts, the trace reader and gofmt), so a page opened once runs offline,
// every tab of it. The toolchain's archives are kept as the build worker fetches them, its
// modules when the page asks: the compiler works offline once it has been loaded once.
//
// A new build changes this script (its version), which the browser notices on the next
// load: the new worker fetches its shell, takes over at once (skipWaiting, then
// clients.claim) and deletes what no longer belongs: caches of another layout, and hashed
// files that no kept page or manifest names any more.
//
// Messages it answers:
//   {type: "save", url}        keep this page (sent by a page this worker did not serve,
//                               the first visit, so it can work offline too)
//   {type: "keep", urls}       keep these content-hashed files (the toolchain's modules)
//   {type: "version"} + port    answers {version} on the port
// How long after a page is kept its other programs are fetched ahead, in ms.
const AHEAD_AFTER_MS = 5000;
const build = BUILD;

const SCOPE = new URL(self.registration.scope);
// Cache storage belongs to the origin: the scope in the names keeps two sites on one
// origin apart. LAYOUT changes when what the caches hold changes meaning.
const LAYOUT = 1;
const PREFIX = `playground ${SCOPE.pathname} `;
const PAGES = `${PREFIX}pages v${LAYOUT}`; // everything not content-hashed
const FILES = `${PREFIX}files v${LAYOUT}`; // content-hashed, keyed by URL
// The same content-hashed form as package server's: lesson.3f2a9c1d7e.js.
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/;
// Hashed files worth fetching ahead when a page that names them is kept.
const AHEAD = /\.(wasm|js|css)$/;
// The toolchain's modules, which the browser fetches itself (see the fetch handler).
const TOOL = /^toolchain\/[^/]+\.wasm$/;
// The query by which the build worker asks for a tool's kept copy.
const KEPT = "?kept";
// Paths under the scope that only the network answers.
const NETWORK_ONLY = /^(api(\/|$)|oembed$|service-worker\.js$)/;
// A copy in the cache answers whatever Vary said about the request.
const MATCH = { ignoreVary: true };
// The shell of the newest installed build, kept as a list of paths: like a page, it names
// the hashed files it needs (see prune).
const SHELL = new URL("service-worker.js?shell", SCOPE).href;
// A hashed file stored this recently is never pruned: the page that names it may be on
// its way into the cache.
const GRACE_MS = 10_000;

const storing = new Map(); // URL -> Promise, a hashed file on its way into the cache
const stored = new Map(); // URL -> when this worker stored it

self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await self.registration.navigationPreload?.enable().catch(() => {});
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== PAGES && name !== FILES) await caches.delete(name);
      }
      await self.clients.claim();
      await prune();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || request.headers.has("range")) return;
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  const url = new URL(request.url);
  const path = inScope(url);
  if (path === null) return;
  if (NETWORK_ONLY.test(path)) {
    if (request.mode === "navigate") event.respondWith(fromNetwork(event));
    return;
  }
  if (TOOL.test(path) && HASHED.test(url.pathname)) {
    if (url.search === KEPT) event.respondWith(keptTool(url));
    return;
  }
  if (!HASHED.test(url.pathname)) event.respondWith(networkFirst(event));
  else if (url.pathname.endsWith(".wasm")) event.respondWith(passThroughFirst(event));
  else event.respondWith(cacheFirst(event));
});

self.addEventListener("message", (event) => {
  const msg = event.data ?? {};
  if (msg.type === "save" && typeof msg.url === "string") event.waitUntil(saveFromNetwork(msg.url).catch(() => {}));
  if (msg.type === "keep" && Array.isArray(msg.urls)) {
    const urls = msg.urls.filter((u) => URL.canParse(u) && TOOL.test(inScope(new URL(u)) ?? ""));
    event.waitUntil(fetchAhead(urls).catch(() => {}));
  }
  if (msg.type === "version") event.ports[0]?.postMessage({ version: build.version });
});

// inScope returns url's path relative to the scope, or null when the worker must not
// touch it.
function inScope(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  return url.pathname.slice(SCOPE.pathname.length);
}

// storable says whether a response may be kept: a whole, successful, same-origin answer
// that does not forbid it.
function storable(response) {
  return (
    response.status === 200 &&
    response.type === "basic" &&
    !/no-store/i.test(response.headers.get("Cache-Control") ?? "")
  );
}

// unredirected returns response as if no redirect had led to it: a browser refuses a
// redirected response for a navigation.
function unredirected(response) {
  if (!response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// precache keeps the shell: the home page, the 404 page, the scripts and stylesheets.
// Everything is fetched before anything is stored, the hashed files first, so a kept page
// never names a file that is missing; one failure fails the install, and the worker in
// charge stays.
async function precache() {
  const files = await caches.open(FILES);
  const fetched = await Promise.all(
    build.precache.map(async (path) => {
      const url = new URL(path, SCOPE).href;
      const hashed = HASHED.test(new URL(url).pathname);
      if (hashed && (await files.match(url, MATCH))) return null;
      const response = await fetch(url, { cache: hashed ? "default" : "no-cache" });
      if (!storable(response)) throw new Error(`precaching ${url}: ${response.status}`);
      return { url, hashed, response: unredirected(response) };
    }),
  );
  const entries = fetched.filter(Boolean);
  for (const { url, response } of entries.filter((e) => e.hashed)) {
    await files.put(url, response);
    stored.set(url, Date.now());
  }
  const pages = await caches.open(PAGES);
  for (const { url, response } of entries.filter((e) => !e.hashed)) await pages.put(url, response);
  const shell = new Response(JSON.stringify(build.precache), { headers: { "Content-Type": "application/json" } });
  await pages.put(SHELL, shell);
}

// cacheFirst answers a content-hashed file from the cache, or from the network, keeping
// it. The answer streams to the page while the copy is written, so the toolchain's
// progress bar still counts bytes as they arrive; a kept copy keeps its headers
// (Content-Type: application/wasm for WebAssembly.compileStreaming).
async function cacheFirst(event) {
  const { request } = event;
  const files = await caches.open(FILES);
  let hit = await files.match(request, MATCH);
  if (!hit && storing.has(request.url)) {
    await storing.get(request.url);
    hit = await files.match(request, MATCH);
  }
  if (hit) return hit;
  const response = await fetch(request);
  if (storable(response)) event.waitUntil(store(files, request.url, response.clone()));
  return response;
}

// passThroughFirst answers a content-hashed WebAssembly module with the network's answer
// (the browser's HTTP cache, after the first time), passed through unchanged and kept; the
// kept copy answers only when the network fails. The browser keeps the code it compiles
// from a module beside its HTTP cache entry, but only for answers a service worker passes
// through: a module answered from the kept copy would be compiled afresh on each visit
// until its second one, its first visit's compiled code thrown away.
async function passThroughFirst(event) {
  const { request } = event;
  const files = await caches.open(FILES);
  const kept = storing.has(request.url) || (await files.match(request, MATCH)) !== undefined;
  let response;
  try {
    response = await fetch(request);
  } catch (err) {
    const hit = await files.match(request, MATCH);
    if (hit) return hit;
    throw err;
  }
  // A copy for the cache only when there is none: a clone's bytes pass through this worker.
  if (!kept && storable(response)) event.waitUntil(store(files, request.url, response.clone()));
  return response;
}

// keptTool answers a request for a tool's kept copy (url without its query), asking the
// network only when there is none.
async function keptTool(url) {
  const plain = new URL(url);
  plain.search = "";
  const files = await caches.open(FILES);
  return (await files.match(plain.href, MATCH)) ?? fetch(plain.href);
}

// store puts a hashed file into the cache, telling others it is on its way.
function store(files, url, response) {
  const done = files
    .put(url, response)
    .then(() => stored.set(url, Date.now()))
    .catch(() => {}) // a full disk only means no offline copy
    .finally(() => storing.delete(url));
  storing.set(url, done);
  return done;
}

// fetchAhead fetches and keeps the hashed files in urls that are not kept yet.
async function fetchAhead(urls) {
  const files = await caches.open(FILES);
  await Promise.all(
    [...urls].map(async (url) => {
      if (storing.has(url) || (await files.match(url, MATCH))) return;
      const response = await fetch(url).catch(() => null);
      if (response && storable(response)) await store(files, url, response);
    }),
  );
}

// networkFirst answers from the network (for a navigation, the preloaded answer), keeping
// a copy, and from the copy when the network fails. A page the network says is gone is
// forgotten.
async function networkFirst(event) {
  const { request } = event;
  let response;
  try {
    response = await fromNetwork(event);
  } catch (err) {
    const copy = await keptPage(request);
    if (copy) return copy;
    if (request.mode === "navigate") return offlinePage(new URL(request.url));
    throw err;
  }
  if (storable(response)) event.waitUntil(savePage(request.url, response.clone()).catch(() => {}));
  else if (response.status === 404 || response.status === 410) event.waitUntil(forget(request.url));
  return response;
}

async function fromNetwork(event) {
  return (event.request.mode === "navigate" && (await event.preloadResponse)) || fetch(event.request);
}

// keptPage finds the kept copy of a page: by its URL, then as dir/ for dir/index.html and
// the other way round, then without its query.
async function keptPage(request) {
  const pages = await caches.open(PAGES);
  const hit = await pages.match(request, MATCH);
  if (hit || request.mode !== "navigate") return hit;
  const url = new URL(request.url);
  url.search = "";
  url.pathname = url.pathname.endsWith("/") ? url.pathname + "index.html" : url.pathname.replace(/\/index\.html$/, "/");
  return (await pages.match(url.href, MATCH)) ?? pages.match(request, { ...MATCH, ignoreSearch: true });
}

// savePage keeps a page (or another file that is not content-hashed) and, for a page,
// fetches ahead the hashed files it names. When the new copy names fewer hashed files
// than the one it replaces, the ones nobody names any more are deleted.
async function savePage(url, response) {
  const pages = await caches.open(PAGES);
  const type = response.headers.get("Content-Type") ?? "";
  const readable = /html|json/.test(type);
  const before = readable ? await (await pages.match(url, MATCH))?.text() : undefined;
  const text = readable ? await response.clone().text() : "";
  await pages.put(url, unredirected(response));
  if (!readable) return;
  const names = hashedNames(text, url);
  if (/html/.test(type)) {
    // The page's own downloads (the program it runs first, the trace reader) go first.
    await new Promise((resolve) => setTimeout(resolve, AHEAD_AFTER_MS));
    // The page names the toolchain's modules too; they are kept only when asked ("keep").
    await fetchAhead([...names].filter((n) => AHEAD.test(new URL(n).pathname) && !TOOL.test(inScope(new URL(n)))));
  }
  if (before !== undefined && [...hashedNames(before, url)].some((n) => !names.has(n))) await prune();
}

// saveFromNetwork keeps a page of the site that this worker did not serve.
async function saveFromNetwork(href) {
  const url = new URL(href);
  url.hash = "";
  const path = inScope(url);
  if (path === null || NETWORK_ONLY.test(path) || HASHED.test(url.pathname)) return;
  const response = await fetch(url.href);
  if (storable(response)) await savePage(url.href, response);
}

async function forget(url) {
  const pages = await caches.open(PAGES);
  if (await pages.delete(url)) await prune();
}

// hashedNames returns the absolute URLs, in scope, of the content-hashed names a page or
// manifest mentions (in attributes, in its JSON).
function hashedNames(text, base) {
  const names = new Set();
  for (const token of text.replaceAll("\\/", "/").match(/[\w.~\/-]+/g) ?? []) {
    if (!HASHED.test(token)) continue;
    try {
      const url = new URL(token, base);
      if (inScope(url) !== null) names.add(url.href);
    } catch {
      // not a URL after all
    }
  }
  return names;
}

// prune deletes the hashed files that no kept page or manifest names, nor the newest
// shell (an old build's scripts, a program that changed, an older toolchain). It goes by
// what is kept, not by this worker's own build, so an old worker finishing its work after
// a new one took over deletes nothing the new one needs. Prunes run one at a time.
let pruning = Promise.resolve();
function prune() {
  pruning = pruning.then(pruneOnce).catch(() => {});
  return pruning;
}

async function pruneOnce() {
  const [pages, files] = await Promise.all([caches.open(PAGES), caches.open(FILES)]);
  const named = new Set();
  for (const request of await pages.keys()) {
    const response = await pages.match(request, MATCH);
    if (!response || !/html|json/.test(response.headers.get("Content-Type") ?? "")) continue;
    for (const n of hashedNames(await response.text(), request.url)) named.add(n);
  }
  for (const request of await files.keys()) {
    const recent = Date.now() - (stored.get(request.url) ?? 0) < GRACE_MS;
    if (!named.has(request.url) && !recent && !storing.has(request.url)) await files.delete(request);
  }
}

// offlinePage answers a navigation to url, a page that was never kept, without a network,
// in the words of the edition url belongs to. Its links are relative to the site root,
// as the home page's are.
function offlinePage(url) {
  const path = inScope(url) ?? "";
  const editions = Object.values(build.offline);
  const words = editions.find((e) => e.dir && path.startsWith(e.dir)) ?? editions.find((e) => !e.dir);
  const html = `<!doctype html>
<html lang="${words.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base href="${SCOPE.href}">
<title>${words.title} · ${build.siteName}</title>
${build.styles}
</head>
<body>
<header class="site-header"><a class="brand" href="./${words.dir}">${build.siteName}</a></header>
<main id="main">
<section class="intro">
  <h1>${words.heading}</h1>
  <p>${words.text}</p>
</section>
</main>
</body>
</html>
`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
