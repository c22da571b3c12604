// Package wasm holds the Go that is itself compiled to WebAssembly for the site: the
// in-browser pieces written in Go (see its subfolders). Lesson programs are not here;
// they live in lessons/. One subfolder is no longer compiled: timeline, whose trace
// reading the page now does in JavaScript (site/js/trace-timeline.js), keeps the
// timeline's types and the Go reading the JavaScript one is checked against. And one is
// compiled only in the browser: warmup, the program the build worker builds in the
// background to warm the in-browser compiler and linker.
package wasm
