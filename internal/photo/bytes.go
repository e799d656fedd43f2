package photo

import "bytes"

// InspectBytes is Inspect for a photo held in memory (downloaded, or taken
// out of a document); name is how messages call it.
func InspectBytes(name string, data []byte) (Info, error) {
	format, ok := Sniff(data[:min(len(data), SniffLen)])
	if !ok {
		return Info{}, notImage(name)
	}
	info, _, err := inspect(bytes.NewReader(data), format)
	if err != nil {
		return Info{}, damaged(name, format, err)
	}
	if int64(info.Width)*int64(info.Height) > MaxPixels {
		return Info{}, tooLarge(name, info.Width, info.Height)
	}
	return info, nil
}
