// Package wasm holds the Go that is itself compiled to WebAssembly for the site: the
// in-browser pieces written in Go (see its subfolders). Lesson programs are not here;
// they live in lessons/. One subfolder is no longer compiled: timeline, whose trace
// reading the page now does in JavaScript (site/js/trace-timeline.js), keeps the
// timeline's types and the Go reading the JavaScript one is checked against.
package wasm
