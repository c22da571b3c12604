// embed.js is the one script a course page includes to embed runnable Go:
//
//   <script src="https://HOST/embed.js" defer></script>
//
// It replaces every <pre><code class="language-go" data-playground> with a frame that
// runs that program (the snippet embed page, the program packed in its fragment), and
// fills every <go-playground lesson="slug" program="name"> element with a frame of that
// lesson's embed page. Options come from data-* attributes of the code block (or its
// <pre>), or from the element's attributes: theme, readonly, autorun, clock, lines,
// timeline, height (see embed-page.js).
//
// The program runs inside the frame, on the playground's origin: nothing it prints and
// nothing the learner types can reach this page, and this page's styles and scripts
// cannot reach the playground (the frame sits in a shadow root). What crosses is typed
// messages, from the frame's origin only:
//   - "go-playground:resize" sizes the frame to its content (never a scrollbar inside,
//     never a gap);
//   - "go-playground:run" and "go-playground:exit" are dispatched on the element in
//     the page (the <go-playground>, or a hand-written iframe) as DOM events of those
//     names, with the message as their detail ({program, status, elapsed, output}).
// Frames of embed pages written by hand (the Embed button's iframe snippet) are sized
// and reported on the same way.
import { encodeProgram } from "./program-code.js";

const OPTIONS = ["theme", "readonly", "autorun", "clock", "lines", "timeline", "height"];
const EVENTS = new Set(["go-playground:run", "go-playground:exit", "go-playground:test"]);

const script = document.currentScript;
const base = new URL(".", script?.src || location.href); // the playground's site root
const frames = new Map(); // frame window -> {frame, target}

function query(get) {
  const q = new URLSearchParams();
  for (const name of OPTIONS) {
    const v = get(name);
    if (v !== null && v !== undefined && v !== "") q.set(name, v);
  }
  return q;
}

function makeFrame(src, title, height) {
  const frame = document.createElement("iframe");
  frame.src = src;
  frame.title = title;
  frame.loading = "lazy";
  frame.allow = "clipboard-write";
  frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox");
  frame.style.cssText = `display:block;width:100%;border:0;height:${Number(height) > 0 ? Number(height) : 360}px`;
  return frame;
}

// attach puts frame into host's shadow root, out of the page's styles' reach, and
// remembers host as where its events go.
function attach(host, frame) {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = ":host{display:block;margin:1em 0}";
  shadow.replaceChildren(style, frame);
  track(frame, host);
}

function track(frame, target) {
  const register = () => frame.contentWindow && frames.set(frame.contentWindow, { frame, target });
  register();
  frame.addEventListener("load", register);
}

class GoPlayground extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot?.querySelector("iframe")) return;
    const lesson = this.getAttribute("lesson");
    if (lesson && /^[a-z0-9-]+$/.test(lesson)) {
      const q = query((name) => this.getAttribute(name));
      const program = this.getAttribute("program");
      if (program) q.set("program", program);
      const src = new URL(`embed/${lesson}/${q.size ? `?${q}` : ""}`, base);
      attach(this, makeFrame(src.href, this.getAttribute("title") || `Go program: ${lesson}`, this.getAttribute("height")));
    }
  }
}

async function replaceCode(code) {
  const pre = code.closest("pre") ?? code;
  const get = (name) => code.dataset[name] ?? pre.dataset?.[name] ?? null;
  const src = new URL(`embed/snippet/?${query(get)}`, base);
  src.hash = `code=${await encodeProgram(code.textContent)}`;
  const host = document.createElement("go-playground");
  pre.replaceWith(host);
  attach(host, makeFrame(src.href, get("title") || "Go program", get("height")));
}

function receive(e) {
  if (e.origin !== base.origin) return; // only the playground's frames speak
  const known = frames.get(e.source);
  const msg = e.data;
  if (!known || !msg || typeof msg !== "object" || typeof msg.type !== "string") return;
  if (msg.type === "go-playground:resize") {
    const h = Number(msg.height);
    if (Number.isFinite(h) && h > 0 && h < 100000) known.frame.style.height = `${Math.ceil(h)}px`;
  } else if (EVENTS.has(msg.type)) {
    const detail = {
      program: typeof msg.program === "string" ? msg.program : "",
      status: typeof msg.status === "number" ? msg.status : null,
      elapsed: typeof msg.elapsed === "number" ? msg.elapsed : null,
      output: typeof msg.output === "string" ? msg.output : "",
    };
    known.target.dispatchEvent(new CustomEvent(msg.type, { detail, bubbles: true, composed: true }));
  }
}

function start() {
  window.addEventListener("message", receive);
  if (!customElements.get("go-playground")) customElements.define("go-playground", GoPlayground);
  for (const code of document.querySelectorAll("pre > code.language-go[data-playground], code.language-go[data-playground]")) {
    replaceCode(code);
  }
  // Hand-written frames of embed pages.
  for (const frame of document.querySelectorAll("iframe[src]")) {
    const src = new URL(frame.src, location.href);
    if (src.origin === base.origin && src.pathname.startsWith(`${base.pathname}embed/`)) track(frame, frame);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
