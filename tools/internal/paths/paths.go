// Package paths names the caches under build/ that more than one command or test uses,
// so each is spelled in one place: the compiled lesson programs (package gobuild) and the
// in-browser toolchain (package toolchain). Both are kept between builds and may be
// deleted at any time (make clean).
//
// It is not for: what goes inside a cache (its owner decides) or the site's output folder
// (a flag of tools/build).
package paths

import "path/filepath"

// Cache returns the folder under the repository root that holds every cache.
func Cache(root string) string { return filepath.Join(root, "build", "cache") }

// ProgramCache returns the folder where gobuild.Builder keeps compiled programs and the
// playground's own packages, named by content.
func ProgramCache(root string) string { return filepath.Join(Cache(root), "programs") }

// ToolchainCache returns the folder where toolchain.Ensure keeps the in-browser compiler,
// linker and standard library, one folder per Go version.
func ToolchainCache(root string) string { return filepath.Join(Cache(root), "toolchain") }
