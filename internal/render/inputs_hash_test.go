package render

import (
	"crypto/sha256"
	"strings"
	"testing"
)

// TestHasherSpill checks that a hasher whose buffer is digested as it
// grows gives the digest of all it was written at once.
func TestHasherSpill(t *testing.T) {
	for _, n := range []int{0, 1, spillAt - 10, spillAt, 3*spillAt + 7} {
		h := (&inputs{}).hasher()
		whole := &hasher{} // keeps every byte: no d
		for i := range 5 {
			s := strings.Repeat(string(rune('a'+i)), n/5+i)
			h.str(s)
			h.int(int64(i))
			whole.str(s)
			whole.int(int64(i))
		}
		want := sha256.Sum256(whole.buf)
		got := h.sum()
		if string(got[:]) != string(want[:len(got)]) {
			t.Errorf("%d bytes: digest %x, want %x", n, got, want[:len(got)])
		}
		h.release()
		// A hasher from the pool after a spill starts afresh.
		h2 := (&inputs{}).hasher()
		h2.str("x")
		if d, w := h2.sum(), sha256.Sum256(append([]byte{1}, 'x')); string(d[:]) != string(w[:len(d)]) {
			t.Errorf("after %d bytes: a reused hasher does not start afresh", n)
		}
		h2.release()
	}
}
