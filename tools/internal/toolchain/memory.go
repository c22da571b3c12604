package toolchain

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// The compiler and linker are shipped importing their linear memory, as
// MemoryModule.MemoryName, instead of defining it. Each run of a tool is a fresh instance,
// and a memory of its own would be fresh pages that the operating system must map and
// zero one by one as the tool first touches them: tens of thousands of page faults per
// build, about as costly as the link itself. Importing it lets toolchain.js hand every
// instance of a tool the memory its previous instance used, zeroed (the Go runtime
// expects the memory it starts with to be zero beyond its data).
const (
	MemoryModule = "toolchain"
	MemoryName   = "memory"
)

// Sections of a WebAssembly module (the binary format's section ids).
const (
	sectionImport = 2
	sectionMemory = 5
)

// importMemory rewrites a WebAssembly module that defines one memory so that it imports
// it instead, with the same limits. It returns the new module and the memory's minimum
// size in 64 KiB pages, which the imported memory must have at least.
func importMemory(module []byte) ([]byte, uint32, error) {
	header := []byte("\x00asm\x01\x00\x00\x00")
	if !bytes.HasPrefix(module, header) {
		return nil, 0, errors.New("not a WebAssembly module (version 1)")
	}
	type section struct {
		id         byte
		start, end int // the whole section, id included
		body       []byte
	}
	var sections []section
	for p := len(header); p < len(module); {
		id := module[p]
		size, n := binary.Uvarint(module[p+1:])
		if n <= 0 || size > uint64(len(module)-(p+1+n)) {
			return nil, 0, fmt.Errorf("section %d at byte %d: bad size", id, p)
		}
		body := module[p+1+n : p+1+n+int(size)]
		sections = append(sections, section{id, p, p + 1 + n + int(size), body})
		p += 1 + n + int(size)
	}
	var imports, memory *section
	for i := range sections {
		switch sections[i].id {
		case sectionImport:
			imports = &sections[i]
		case sectionMemory:
			memory = &sections[i]
		}
	}
	if memory == nil {
		return nil, 0, errors.New("the module defines no memory")
	}
	count, n := binary.Uvarint(memory.body)
	if n <= 0 || count != 1 {
		return nil, 0, fmt.Errorf("the module defines %d memories, not one", count)
	}
	limits := memory.body[n:]
	if len(limits) == 0 || limits[0] > 1 { // 0: minimum only, 1: minimum and maximum
		return nil, 0, errors.New("the memory's limits are not those of a plain 32-bit memory")
	}
	pages, m := binary.Uvarint(limits[1:])
	if m <= 0 || pages > 1<<16 {
		return nil, 0, errors.New("the memory's minimum size is unreadable")
	}

	var importBody []byte
	if imports == nil {
		importBody = binary.AppendUvarint(nil, 1)
	} else {
		have, k := binary.Uvarint(imports.body)
		if k <= 0 {
			return nil, 0, errors.New("the import section's count is unreadable")
		}
		importBody = binary.AppendUvarint(nil, have+1)
		importBody = append(importBody, imports.body[k:]...)
	}
	for _, name := range []string{MemoryModule, MemoryName} {
		importBody = binary.AppendUvarint(importBody, uint64(len(name)))
		importBody = append(importBody, name...)
	}
	importBody = append(importBody, 0x02) // an imported memory
	importBody = append(importBody, limits...)
	newImports := append([]byte{sectionImport}, binary.AppendUvarint(nil, uint64(len(importBody)))...)
	newImports = append(newImports, importBody...)

	out := append([]byte{}, header...)
	placed := false
	for _, s := range sections {
		switch {
		case s.id == sectionMemory:
			continue
		case s.id == sectionImport:
			out = append(out, newImports...)
			placed = true
			continue
		case !placed && s.id != 0 && s.id > sectionImport:
			// No import section: it goes before the first known section that follows
			// it in the format's order (custom sections, id 0, may sit anywhere).
			out = append(out, newImports...)
			placed = true
		}
		out = append(out, module[s.start:s.end]...)
	}
	if !placed {
		out = append(out, newImports...)
	}
	return out, uint32(pages), nil
}
