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

// Streaming writers cannot seek back to fix the sizes, so they write a
// placeholder meaning "the rest of the stream": 0, 0xFFFFFFFF (ffmpeg to a
// pipe) or 0x7FFFF000 (espeak-ng --stdout). A declared data size at or past
// sizeStreaming is taken that way: no accepted file comes near 2 GiB.
const (
	sizeStreaming = 0x7FFF0000
	headerLength  = 12 // "RIFF" size "WAVE"
)

// DecodeWAV reads a RIFF/WAVE file into 16-bit PCM, at any rate from
// MinRate to MaxRate. It takes integer PCM of 8 (unsigned), 16, 24 and 32
// bits, IEEE float of 32 and 64 bits, G.711 A-law and µ-law, plain or in a
// WAVE_FORMAT_EXTENSIBLE header; mono and stereo stay as they are, 3 to
// MaxWAVChannels channels are averaged into mono. It tolerates odd-sized
// chunks with their pad byte, LIST/INFO, fact and other unknown chunks, a
// data chunk whose size is a streaming placeholder (0, 0x7FFFF000,
// 0xFFFFFFFF: the rest of the file), and a trailing partial sample frame,
// which it drops.
//
// Errors: apperr.TooLarge past lim; apperr.Unsupported for other encodings
// (ADPCM, MP3, ...), bit depths, channel counts or rates, and for RF64 and
// big-endian RIFX files; apperr.Invalid for a corrupt header or truncated
// data.
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
		if len(data) >= 4 {
			switch string(data[0:4]) {
			case "RIFX":
				return PCM{}, apperr.New(apperr.Unsupported, "big-endian RIFX WAV is not supported; send little-endian RIFF WAVE")
			case "RF64", "BW64":
				return PCM{}, apperr.New(apperr.Unsupported, "%s (64-bit WAV) is not supported; send RIFF WAVE", data[0:4])
			}
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
