// Package contract holds the tests that keep the two sides of each boundary between the
// playground's Go and its JavaScript in step, where the same list is written in both
// languages: the event kinds (site/js/events.js and package noderun), the timeline's
// blocked reasons (package timeline and site/js/timeline-model.js), and the global
// functions that cross between Go compiled to WebAssembly and its host
// (site/js/bridge.js and the Go sources under wasm/).
//
// It is not for: checking behaviour. Each side's own tests do that.
package contract
