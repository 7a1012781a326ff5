package audio

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"time"

	"github.com/parleyhq/parley/internal/apperr"
)

// Limits bound what DecodeWAV accepts. Zero values mean the defaults.
type Limits struct {
	// MaxBytes is the largest input read (default 16 MiB).
	MaxBytes int64
	// MaxDuration is the longest audio accepted (default 60 s).
	MaxDuration time.Duration
}

// Default limits: one minute of 48 kHz stereo is about 11 MiB.
const (
	DefaultMaxBytes    = 16 << 20
	DefaultMaxDuration = 60 * time.Second
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDuration <= 0 {
		l.MaxDuration = DefaultMaxDuration
	}
	return l
}

// WAVE format tags this decoder knows.
const (
	formatPCM        = 0x0001
	formatFloat      = 0x0003
	formatExtensible = 0xFFFE
)

// Streaming writers cannot seek back to fix the sizes, so they write a
// placeholder meaning "the rest of the stream": 0, 0xFFFFFFFF (ffmpeg to a
// pipe) or 0x7FFFF000 (espeak-ng --stdout). A declared data size at or past
// sizeStreaming is taken that way: no accepted file comes near 2 GiB.
const (
	sizeStreaming = 0x7FFF0000
	headerLength  = 12 // "RIFF" size "WAVE"
)

// format is the parsed "fmt " chunk.
type format struct {
	tag        uint16
	channels   int
	rate       int
	blockAlign int
	bits       int
}

// DecodeWAV reads a RIFF/WAVE file of 16-bit PCM, mono or stereo, at any
// rate from MinRate to MaxRate. It tolerates WAVE_FORMAT_EXTENSIBLE headers,
// odd-sized chunks with their pad byte, LIST/INFO and other unknown chunks,
// and a data chunk whose size is a streaming placeholder (0, 0x7FFFF000,
// 0xFFFFFFFF: the rest of the file).
//
// Errors: apperr.TooLarge past lim; apperr.Unsupported for other encodings,
// bit depths, channel counts or rates; apperr.Invalid for a corrupt header or
// truncated data.
func DecodeWAV(r io.Reader, lim Limits) (PCM, error) {
	lim = lim.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return PCM{}, fmt.Errorf("read wav: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return PCM{}, apperr.New(apperr.TooLarge, "audio is larger than %d bytes", lim.MaxBytes)
	}
	return ParseWAV(data, lim)
}

// ParseWAV is DecodeWAV on bytes already in memory. The MaxBytes limit is
// not applied (the caller already holds the bytes); MaxDuration is.
func ParseWAV(data []byte, lim Limits) (PCM, error) {
	lim = lim.withDefaults()
	if len(data) < headerLength || string(data[0:4]) != "RIFF" || string(data[8:12]) != "WAVE" {
		if len(data) >= 4 && (string(data[0:4]) == "RIFX" || string(data[0:4]) == "RF64") {
			return PCM{}, apperr.New(apperr.Unsupported, "only little-endian RIFF WAVE is supported, not %s", data[0:4])
		}
		return PCM{}, apperr.New(apperr.Invalid, "not a WAV file: no RIFF/WAVE header")
	}
	var f *format
	rest := data[headerLength:]
	for len(rest) > 0 {
		if len(rest) < 8 {
			// A few stray bytes after the last chunk: some writers pad oddly.
			break
		}
		id, size := string(rest[0:4]), binary.LittleEndian.Uint32(rest[4:8])
		body := rest[8:]
		if id == "data" {
			if f == nil {
				return PCM{}, apperr.New(apperr.Invalid, "WAV data chunk comes before its fmt chunk")
			}
			return samples(*f, body, size, lim)
		}
		if uint64(size) > uint64(len(body)) {
			return PCM{}, apperr.New(apperr.Invalid, "WAV %q chunk is truncated", id)
		}
		if id == "fmt " {
			parsed, err := parseFormat(body[:size])
			if err != nil {
				return PCM{}, err
			}
			f = &parsed
		}
		skip := int(size) + int(size&1) // chunks are padded to even length
		if skip > len(body) {
			skip = len(body)
		}
		rest = body[skip:]
	}
	if f == nil {
		return PCM{}, apperr.New(apperr.Invalid, "WAV file has no fmt chunk")
	}
	return PCM{}, apperr.New(apperr.Invalid, "WAV file has no data chunk")
}

// parseFormat reads a "fmt " chunk body and checks it is 16-bit PCM.
func parseFormat(b []byte) (format, error) {
	if len(b) < 16 {
		return format{}, apperr.New(apperr.Invalid, "WAV fmt chunk is %d bytes, want at least 16", len(b))
	}
	f := format{
		tag:        binary.LittleEndian.Uint16(b[0:2]),
		channels:   int(binary.LittleEndian.Uint16(b[2:4])),
		rate:       int(binary.LittleEndian.Uint32(b[4:8])),
		blockAlign: int(binary.LittleEndian.Uint16(b[12:14])),
		bits:       int(binary.LittleEndian.Uint16(b[14:16])),
	}
	if f.tag == formatExtensible {
		// cbSize(2) validBits(2) channelMask(4) subFormat GUID(16): the GUID's
		// first two bytes are the real format tag.
		if len(b) < 40 {
			return format{}, apperr.New(apperr.Invalid, "WAV extensible fmt chunk is %d bytes, want 40", len(b))
		}
		f.tag = binary.LittleEndian.Uint16(b[24:26])
		if valid := int(binary.LittleEndian.Uint16(b[18:20])); valid != 0 && valid != f.bits {
			return format{}, apperr.New(apperr.Unsupported, "WAV with %d valid bits in %d-bit samples is not supported", valid, f.bits)
		}
	}
	switch {
	case f.tag == formatFloat:
		return format{}, apperr.New(apperr.Unsupported, "floating-point WAV is not supported; send 16-bit PCM")
	case f.tag != formatPCM:
		return format{}, apperr.New(apperr.Unsupported, "WAV encoding 0x%04x is not supported; send 16-bit PCM", f.tag)
	case f.bits != 16:
		return format{}, apperr.New(apperr.Unsupported, "%d-bit WAV is not supported; send 16-bit PCM", f.bits)
	case f.channels != 1 && f.channels != 2:
		return format{}, apperr.New(apperr.Unsupported, "WAV with %d channels is not supported; send mono or stereo", f.channels)
	case f.rate < MinRate || f.rate > MaxRate:
		return format{}, apperr.New(apperr.Unsupported, "sample rate %d Hz is not supported (%d to %d)", f.rate, MinRate, MaxRate)
	case f.blockAlign != f.channels*2:
		return format{}, apperr.New(apperr.Invalid, "WAV block align %d does not match %d channels of 16 bits", f.blockAlign, f.channels)
	}
	return f, nil
}

// samples decodes the data chunk body under the duration limit.
func samples(f format, body []byte, size uint32, lim Limits) (PCM, error) {
	n := len(body)
	switch {
	case size == 0 || size >= sizeStreaming:
		// unknown size: the data runs to the end of the file
	case uint64(size) > uint64(len(body)):
		return PCM{}, apperr.New(apperr.Invalid, "WAV data is truncated: header says %d bytes, file has %d", size, len(body))
	default:
		n = int(size)
	}
	if n%f.blockAlign != 0 {
		return PCM{}, apperr.New(apperr.Invalid, "WAV data ends inside a sample frame (%d bytes, frames of %d)", n, f.blockAlign)
	}
	frames := n / f.blockAlign
	if d := time.Duration(frames) * time.Second / time.Duration(f.rate); d > lim.MaxDuration {
		return PCM{}, apperr.New(apperr.TooLarge, "audio lasts %s, longer than the %s allowed", d.Round(time.Millisecond), lim.MaxDuration)
	}
	out := make([]int16, n/2)
	for i := range out {
		out[i] = int16(binary.LittleEndian.Uint16(body[2*i:]))
	}
	return PCM{Rate: f.rate, Channels: f.channels, Samples: out}, nil
}

// EncodeWAV writes p as a canonical 44-byte-header RIFF/WAVE file.
func EncodeWAV(w io.Writer, p PCM) error {
	if p.Channels != 1 && p.Channels != 2 {
		return apperr.New(apperr.Invalid, "cannot encode %d channels", p.Channels)
	}
	if p.Rate <= 0 {
		return apperr.New(apperr.Invalid, "cannot encode sample rate %d", p.Rate)
	}
	dataLen := len(p.Samples) * 2
	if uint64(dataLen)+36 > 0xFFFFFFFF {
		return apperr.New(apperr.TooLarge, "audio too long for a WAV file")
	}
	var h [44]byte
	copy(h[0:4], "RIFF")
	binary.LittleEndian.PutUint32(h[4:8], uint32(36+dataLen))
	copy(h[8:16], "WAVEfmt ")
	binary.LittleEndian.PutUint32(h[16:20], 16)
	binary.LittleEndian.PutUint16(h[20:22], formatPCM)
	binary.LittleEndian.PutUint16(h[22:24], uint16(p.Channels))
	binary.LittleEndian.PutUint32(h[24:28], uint32(p.Rate))
	binary.LittleEndian.PutUint32(h[28:32], uint32(p.Rate*p.Channels*2))
	binary.LittleEndian.PutUint16(h[32:34], uint16(p.Channels*2))
	binary.LittleEndian.PutUint16(h[34:36], 16)
	copy(h[36:40], "data")
	binary.LittleEndian.PutUint32(h[40:44], uint32(dataLen))
	if _, err := w.Write(h[:]); err != nil {
		return fmt.Errorf("write wav header: %w", err)
	}
	buf := make([]byte, dataLen)
	for i, s := range p.Samples {
		binary.LittleEndian.PutUint16(buf[2*i:], uint16(s))
	}
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("write wav data: %w", err)
	}
	return nil
}

// WAVBytes is EncodeWAV into a new byte slice.
func WAVBytes(p PCM) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(44 + 2*len(p.Samples))
	if err := EncodeWAV(&b, p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
