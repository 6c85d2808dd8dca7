package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// readResources walks a .rsrc section's three-level directory (type, name,
// language) and returns each type's data blobs. rva is the section's
// virtual address: data entries point at RVAs, not section offsets.
func readResources(sec []byte, rva uint32) (map[uint32][][]byte, error) {
	out := map[uint32][][]byte{}
	types, err := dirEntries(sec, 0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		if !t.isDir {
			return nil, fmt.Errorf("type %d is not a directory", t.id)
		}
		names, err := dirEntries(sec, t.offset)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			langs := []dirEntry{n}
			if n.isDir {
				if langs, err = dirEntries(sec, n.offset); err != nil {
					return nil, err
				}
			}
			for _, l := range langs {
				if l.isDir || int(l.offset)+16 > len(sec) {
					return nil, fmt.Errorf("type %d: bad data entry", t.id)
				}
				dataRVA := binary.LittleEndian.Uint32(sec[l.offset:])
				size := binary.LittleEndian.Uint32(sec[l.offset+4:])
				start := int64(dataRVA) - int64(rva)
				if start < 0 || start+int64(size) > int64(len(sec)) {
					return nil, fmt.Errorf("type %d: data at RVA %#x is outside the section", t.id, dataRVA)
				}
				out[t.id] = append(out[t.id], sec[start:start+int64(size)])
			}
		}
	}
	return out, nil
}

type dirEntry struct {
	id     uint32 // the type or name ID (named entries keep their name offset's flag)
	offset uint32 // of the subdirectory or data entry, in the section
	isDir  bool
}

// dirEntries reads an IMAGE_RESOURCE_DIRECTORY at off: 16 bytes, then its
// named and ID entries, 8 bytes each.
func dirEntries(sec []byte, off uint32) ([]dirEntry, error) {
	if int(off)+16 > len(sec) {
		return nil, fmt.Errorf("directory at %#x is outside the section", off)
	}
	n := int(binary.LittleEndian.Uint16(sec[off+12:])) + int(binary.LittleEndian.Uint16(sec[off+14:]))
	if int(off)+16+8*n > len(sec) {
		return nil, fmt.Errorf("directory at %#x runs past the section", off)
	}
	entries := make([]dirEntry, n)
	for i := range entries {
		e := sec[int(off)+16+8*i:]
		to := binary.LittleEndian.Uint32(e[4:])
		entries[i] = dirEntry{id: binary.LittleEndian.Uint32(e), offset: to &^ (1 << 31), isDir: to&(1<<31) != 0}
	}
	return entries, nil
}

type versionInfo struct {
	fileVersion string            // VS_FIXEDFILEINFO's, as a.b.c.d
	strings     map[string]string // StringFileInfo's, from every table
}

// readVersionInfo reads a VS_VERSIONINFO block: its VS_FIXEDFILEINFO value
// and the strings of its StringFileInfo child.
func readVersionInfo(b []byte) (versionInfo, error) {
	root, err := readBlock(b)
	if err != nil {
		return versionInfo{}, err
	}
	if root.key != "VS_VERSION_INFO" {
		return versionInfo{}, fmt.Errorf("the block is %q, not VS_VERSION_INFO", root.key)
	}
	if len(root.value) < 52 || binary.LittleEndian.Uint32(root.value) != 0xFEEF04BD {
		return versionInfo{}, errors.New("no VS_FIXEDFILEINFO")
	}
	ms, ls := binary.LittleEndian.Uint32(root.value[8:]), binary.LittleEndian.Uint32(root.value[12:])
	info := versionInfo{fileVersion: fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff), strings: map[string]string{}}
	for _, c := range root.children {
		if c.key != "StringFileInfo" {
			continue
		}
		for _, table := range c.children {
			for _, s := range table.children {
				info.strings[s.key] = utf16String(s.value)
			}
		}
	}
	return info, nil
}

// block is one node of a version resource: wLength, wValueLength, wType,
// a NUL-ended UTF-16 key, padding to 4 bytes, the value, then children.
type block struct {
	key      string
	value    []byte
	children []block
}

func readBlock(b []byte) (block, error) {
	if len(b) < 6 {
		return block{}, errors.New("truncated block")
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	if length < 6 || length > len(b) {
		return block{}, fmt.Errorf("block length %d does not fit in %d bytes", length, len(b))
	}
	b = b[:length]
	if binary.LittleEndian.Uint16(b[4:]) == 1 { // text: wValueLength counts UTF-16 units
		valueLen *= 2
	}
	pos := 6
	var key []uint16
	for ; pos+1 < len(b); pos += 2 {
		u := binary.LittleEndian.Uint16(b[pos:])
		if u == 0 {
			pos += 2
			break
		}
		key = append(key, u)
	}
	pos = align4(pos)
	blk := block{key: string(utf16.Decode(key))}
	if pos+valueLen > len(b) {
		return block{}, fmt.Errorf("block %q: value runs past the block", blk.key)
	}
	blk.value = b[pos : pos+valueLen]
	for pos = align4(pos + valueLen); pos < len(b); {
		child, err := readBlock(b[pos:])
		if err != nil {
			return block{}, fmt.Errorf("in %q: %w", blk.key, err)
		}
		blk.children = append(blk.children, child)
		pos = align4(pos + int(binary.LittleEndian.Uint16(b[pos:])))
	}
	return blk, nil
}

func align4(n int) int { return (n + 3) &^ 3 }

func utf16String(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		v := binary.LittleEndian.Uint16(b[i:])
		if v == 0 {
			break
		}
		u = append(u, v)
	}
	return string(utf16.Decode(u))
}
