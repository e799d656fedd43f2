package render

// The hasher: how the inputs of a page are written and digested.

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash"
	"math"
	"reflect"
	"sort"
	"sync"
	"time"
	"unsafe"

	"github.com/khuyencong/khuyencong/internal/model"
)

// hasher writes values into a buffer, to be digested at once; a buffer
// that grows past spillAt (the search documents, the open data tables) is
// digested as it goes instead, which gives the same digest.
type hasher struct {
	in  *inputs
	buf []byte
	// d holds the digest of what was spilled from buf, when spilled.
	d       hash.Hash
	spilled bool
	// seen are the pointers (not to records) already written, for cycles.
	seen []unsafe.Pointer
	// top is the depth of the walk of a page's Data: a unit or a round
	// met there is the one the page shows, and is walked; met deeper, it
	// counts by identity, its naming being part of the global digest.
	top int
	// subjects are the records the page shows: its Data, or the records
	// its Data embeds (a unit page's unit).
	subjects []unsafe.Pointer
}

var hasherPool = sync.Pool{New: func() any { return &hasher{buf: make([]byte, 0, 4096), d: sha256.New()} }}

// spillAt is the size past which a hasher's buffer is digested as it goes.
const spillAt = 64 << 10

// spill digests the buffer when it has grown past spillAt. A hasher
// without d (a map key's, whose bytes are read) keeps every byte.
func (h *hasher) spill() {
	if len(h.buf) >= spillAt && h.d != nil {
		h.d.Write(h.buf)
		h.buf = h.buf[:0]
		h.spilled = true
	}
}

// hasher returns an empty hasher, to release once summed.
func (in *inputs) hasher() *hasher {
	h := hasherPool.Get().(*hasher)
	h.in = in
	h.reset()
	return h
}

func (h *hasher) reset() {
	h.buf, h.seen, h.subjects, h.top = h.buf[:0], h.seen[:0], h.subjects[:0], 0
	if h.spilled {
		h.d.Reset()
		h.spilled = false
	}
}

// release gives the hasher back for another use.
func (h *hasher) release() {
	if cap(h.buf) <= 1<<20 {
		h.in = nil
		hasherPool.Put(h)
	}
}

func (h *hasher) sum() Digest {
	var d Digest
	if h.spilled {
		h.d.Write(h.buf)
		copy(d[:], h.d.Sum(nil))
		return d
	}
	s := sha256.Sum256(h.buf)
	copy(d[:], s[:])
	return d
}

func (h *hasher) int(n int64)     { h.buf = binary.AppendVarint(h.buf, n) }
func (h *hasher) digest(d Digest) { h.buf = append(h.buf, d[:]...) }

func (h *hasher) str(s string) {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(s)))
	h.buf = append(h.buf, s...)
	h.spill()
}

func (h *hasher) bool(b bool) {
	if b {
		h.buf = append(h.buf, 1)
	} else {
		h.buf = append(h.buf, 0)
	}
}

func (h *hasher) time(t time.Time) {
	_, off := t.Zone()
	h.int(t.UnixNano())
	h.int(int64(off))
	h.bool(t.IsZero())
}

// cell writes a cell of an open data table, with its type.
func (h *hasher) cell(v any) {
	switch x := v.(type) {
	case nil:
		h.buf = append(h.buf, 'n')
	case string:
		h.buf = append(h.buf, 's')
		h.str(x)
	case int:
		h.buf = append(h.buf, 'i')
		h.int(int64(x))
	case int64:
		h.buf = append(h.buf, 'l')
		h.int(x)
	default:
		h.buf = append(h.buf, 'v')
		h.str(fmt.Sprintf("%T %#v", v, v))
	}
}

// photo writes what the asset stage made of the content file name.
func (h *hasher) photo(name string) {
	p := h.in.set.Photo(name)
	if p == nil {
		h.int(-1)
		return
	}
	h.int(int64(p.Width))
	h.int(int64(p.Height))
	h.int(int64(len(p.Copies)))
	for _, c := range p.Copies {
		h.str(c.Name)
		h.int(int64(c.Width))
		h.int(int64(c.Height))
	}
}

// bundle writes the files of an article's own folder, which its body may
// link to.
func (h *hasher) bundle(a *model.Article) {
	if a.Bundle == "" {
		return
	}
	prefix := a.Bundle + "/"
	i := sort.SearchStrings(h.in.assets, prefix)
	for ; i < len(h.in.assets) && len(h.in.assets[i]) > len(prefix) && h.in.assets[i][:len(prefix)] == prefix; i++ {
		h.str(h.in.assets[i])
		h.photo(h.in.assets[i])
	}
	h.int(-2)
}

// record writes the identity of the record v (a pointer to one).
func (h *hasher) record(v reflect.Value) {
	rk := recKinds[v.Type()]
	h.buf = append(h.buf, 'R', rk.code)
	h.str(rk.id(v.UnsafePointer()))
}

// structFields writes the exported fields of struct v but those in skip.
func (h *hasher) structFields(v reflect.Value, skip map[int]bool, depth int) {
	for _, i := range exportedFields(v.Type()) {
		if skip[i] {
			continue
		}
		h.value(v.Field(i), depth)
	}
}

// exported holds the indexes of the exported fields of each struct type
// digested, found once per type.
var exported sync.Map // reflect.Type → []int

func exportedFields(t reflect.Type) []int {
	if f, ok := exported.Load(t); ok {
		return f.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			idx = append(idx, i)
		}
	}
	exported.Store(t, idx)
	return idx
}

// value writes v. A record met on the way is written by identity; with
// depth ≥ 0 the digest of its own fields follows, and when depth > 0 the
// records it refers to are walked in turn, with depth-1. A depth of -1
// writes records by identity only.
func (h *hasher) value(v reflect.Value, depth int) {
	if !v.IsValid() {
		h.buf = append(h.buf, 'n')
		return
	}
	t := v.Type()
	switch t {
	case typePos:
		return
	case typeTime:
		h.time(*(*time.Time)(unsafe.Pointer(v.Addr().UnsafePointer())))
		return
	}
	switch v.Kind() {
	case reflect.String:
		h.str(v.String())
	case reflect.Bool:
		h.bool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.buf = binary.AppendUvarint(h.buf, v.Uint())
	case reflect.Float32, reflect.Float64:
		h.buf = binary.LittleEndian.AppendUint64(h.buf, math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			h.buf = append(h.buf, '0')
			return
		}
		if rk := recKinds[t]; rk != nil {
			if depth < 0 || rk.global && depth < h.top {
				h.record(v)
				return
			}
			ri := h.in.info(v)
			h.digest(ri.token)
			if depth > 0 {
				next := ri.forward
				if h.subject(v) {
					next = ri.all
				}
				for _, n := range next {
					h.value(n, depth-1)
				}
			}
			return
		}
		p := v.UnsafePointer()
		for i, s := range h.seen {
			if s == p {
				h.buf = append(h.buf, 'S')
				h.int(int64(i))
				return
			}
		}
		h.seen = append(h.seen, p)
		h.buf = append(h.buf, 'P')
		h.value(v.Elem(), depth)
	case reflect.Interface:
		if v.IsNil() {
			h.buf = append(h.buf, 'n')
			return
		}
		h.str(v.Elem().Type().String())
		h.value(v.Elem(), depth)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			h.buf = append(h.buf, '0')
			return
		}
		n := v.Len()
		h.int(int64(n))
		if t.Elem().Kind() == reflect.Uint8 {
			if v.Kind() == reflect.Slice {
				h.buf = append(h.buf, v.Bytes()...)
				h.spill()
				return
			}
		}
		for i := range n {
			h.value(v.Index(i), depth)
		}
	case reflect.Map:
		if v.IsNil() {
			h.buf = append(h.buf, '0')
			return
		}
		keys := v.MapKeys()
		type kv struct {
			k []byte
			v reflect.Value
		}
		entries := make([]kv, len(keys))
		for i, k := range keys {
			kh := &hasher{in: h.in}
			kh.value(k, -1)
			entries[i] = kv{kh.buf, v.MapIndex(k)}
		}
		sort.Slice(entries, func(i, j int) bool { return string(entries[i].k) < string(entries[j].k) })
		h.int(int64(len(entries)))
		for _, e := range entries {
			h.buf = append(h.buf, e.k...)
			h.value(e.v, depth)
		}
	case reflect.Struct:
		if t == typeFacet {
			h.facet(v)
			return
		}
		h.structFields(v, nil, depth)
		if t == typePhoto {
			h.photo(v.FieldByIndex([]int{0}).String())
		}
	default:
		// Functions and channels have no value to digest; a page's data
		// holds none.
		h.str(t.String())
	}
}

// subject reports whether the record v is one the page shows (its Data,
// or a record embedded in its Data), rather than one of a list.
func (h *hasher) subject(v reflect.Value) bool {
	p := v.UnsafePointer()
	for _, s := range h.subjects {
		if s == p {
			return true
		}
	}
	return false
}

// notFollowed returns the fields the walk does not follow from a record
// of a list: those never followed and the back links.
func (rk *recKind) notFollowed() map[int]bool {
	rk.once.Do(func() {
		rk.listSkip = map[int]bool{}
		for i := range rk.never {
			rk.listSkip[i] = true
		}
		for i := range rk.back {
			rk.listSkip[i] = true
		}
	})
	return rk.listSkip
}

// neighbours returns the records the fields of struct v refer to, but
// those in skip, in the order of the fields.
func neighbours(v reflect.Value, skip map[int]bool) []reflect.Value {
	var c collector
	t := v.Type()
	for i := range t.NumField() {
		if !skip[i] && t.Field(i).IsExported() {
			c.collect(v.Field(i))
		}
	}
	return c.out
}

// collector gathers the records a value holds.
type collector struct {
	out  []reflect.Value
	seen []unsafe.Pointer
}

func (c *collector) collect(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if recKinds[v.Type()] != nil {
			c.out = append(c.out, v)
			return
		}
		p := v.UnsafePointer()
		for _, s := range c.seen {
			if s == p {
				return
			}
		}
		c.seen = append(c.seen, p)
		c.collect(v.Elem())
	case reflect.Interface:
		if !v.IsNil() {
			c.collect(v.Elem())
		}
	case reflect.Slice, reflect.Array:
		if !mayHoldRecords(v.Type().Elem()) {
			return
		}
		for i := range v.Len() {
			c.collect(v.Index(i))
		}
	case reflect.Map:
		if !mayHoldRecords(v.Type().Elem()) {
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			c.collect(v.MapIndex(k))
		}
	case reflect.Struct:
		if !mayHoldRecords(v.Type()) {
			return
		}
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				c.collect(v.Field(i))
			}
		}
	}
}

var holdsRecords sync.Map // reflect.Type → bool

// mayHoldRecords reports whether a value of type t may hold a pointer to
// a record.
func mayHoldRecords(t reflect.Type) bool {
	if b, ok := holdsRecords.Load(t); ok {
		return b.(bool)
	}
	holdsRecords.Store(t, true) // for recursive types, while computing
	b := computeHoldsRecords(t, map[reflect.Type]bool{})
	holdsRecords.Store(t, b)
	return b
}

func computeHoldsRecords(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if recKinds[t] != nil {
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return computeHoldsRecords(t.Elem(), seen)
	case reflect.Map:
		return computeHoldsRecords(t.Elem(), seen)
	case reflect.Interface:
		return true
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() && computeHoldsRecords(t.Field(i).Type, seen) {
				return true
			}
		}
	}
	return false
}

// facet writes a facet as its value pages show it: its slug and title,
// and each value's slug, label, count, page and whether it is the current
// one. The records of each value are not part of it.
func (h *hasher) facet(v reflect.Value) {
	f := v.Interface().(Facet)
	h.str(f.Slug)
	h.str(f.Title)
	h.int(int64(len(f.Values)))
	for _, fv := range f.Values {
		h.str(fv.Slug)
		h.str(fv.Label)
		h.int(int64(fv.Count))
		h.str(fv.Path)
		h.bool(fv.Current)
	}
}
