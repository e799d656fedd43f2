// Package photo prepares the photos that records and articles reference for
// publishing: it recognises the file format from its first bytes, reads the
// size and EXIF orientation without decoding the pixels, and turns a camera
// original into a few smaller copies for `srcset`.
//
// Officers attach phone-camera photos: 4000×3000 JPEG of 5–10 MB that are
// stored sideways with an EXIF Orientation tag and carry the GPS position
// where they were taken. Process therefore
//
//   - decodes JPEG and PNG, averages the pixels (a box filter) to each width
//     of Processor.Widths that is smaller than the photo (never up), each
//     copy from the next larger one, and turns each copy upright; a JPEG is
//     decoded straight at the smallest n/8 of its size the largest copy
//     can be made from (package photo/jpeg), so a 12-megapixel photo is never
//     held at full size;
//   - re-encodes JPEG as JPEG and PNG as PNG, which drops every metadata
//     segment (EXIF, GPS, XMP, comments);
//   - ships the original file as the full-size copy only when it is small,
//     no wider than the largest width and carries no EXIF; it is still
//     cleaned of other metadata segments without touching the pixels;
//   - copies GIF and WebP as they are, less their metadata: the standard
//     library and golang.org/x/image have no WebP encoder and the GIF
//     encoder would lose animation, so these are not resized.
//
// Results are cached in Processor.CacheDir, keyed by the SHA-256 of the
// source bytes and the processing parameters, so a second build reads them
// back without decoding. A Processor is safe for concurrent use.
//
// Everything here is pure Go: photo/jpeg (image/jpeg with DCT scaling and
// a faster encoder), image/jpeg (CMYK and RGB JPEGs), image/png, image/gif
// and golang.org/x/image/webp (decoding only).
package photo
