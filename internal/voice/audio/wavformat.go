package audio

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/parleyhq/parley/internal/apperr"
)

// WAVE format tags this decoder knows (RFC 2361, mmreg.h).
const (
	formatPCM        = 0x0001
	formatFloat      = 0x0003
	formatALaw       = 0x0006
	formatMuLaw      = 0x0007
	formatExtensible = 0xFFFE
)

// MaxWAVChannels is the most channels a WAV may have. Mono and stereo are
// kept as they are; 3 to MaxWAVChannels (a USB microphone array, a 5.1
// export) are averaged into mono, which is what the recognisers take.
const MaxWAVChannels = 8

// ksdataGUIDTail is bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID of
// the form {0000xxxx-0000-0010-8000-00AA00389B71}: the first two bytes
// hold the plain format tag.
var ksdataGUIDTail = []byte{0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71}

// unsupportedTags names the encodings a client is likeliest to send that
// stay unsupported, so that the error says what was found.
var unsupportedTags = map[uint16]string{
	0x0002: "Microsoft ADPCM",
	0x0011: "IMA ADPCM",
	0x0031: "GSM 6.10",
	0x0050: "MPEG audio",
	0x0055: "MP3",
	0x0064: "G.726 ADPCM",
	0x0092: "Dolby AC-3",
	0x00FF: "AAC",
	0x1610: "AAC",
	0xF1AC: "FLAC",
}

// wantWAV ends every "not supported" message: what to send instead.
const wantWAV = "send WAV as PCM (8, 16, 24 or 32-bit), float (32 or 64-bit), A-law or µ-law"

// format is the parsed "fmt " chunk.
type format struct {
	tag        uint16 // formatPCM, formatFloat, formatALaw or formatMuLaw
	channels   int
	rate       int
	blockAlign int
	bits       int // container bits per sample: 8, 16, 24, 32 or 64
}

// bytesPerSample is the size of one channel's sample in the data chunk.
func (f format) bytesPerSample() int { return f.bits / 8 }

// parseFormat reads a "fmt " chunk body and checks it is an encoding,
// channel count and rate that samples can convert.
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
		tag, err := extensibleTag(b, f.bits)
		if err != nil {
			return format{}, err
		}
		f.tag = tag
	}
	if err := checkEncoding(f); err != nil {
		return format{}, err
	}
	switch {
	case f.channels < 1 || f.channels > MaxWAVChannels:
		return format{}, apperr.New(apperr.Unsupported, "WAV with %d channels is not supported; send 1 to %d (mono or stereo is best)", f.channels, MaxWAVChannels)
	case f.rate < MinRate || f.rate > MaxRate:
		return format{}, apperr.New(apperr.Unsupported, "sample rate %d Hz is not supported (%d to %d)", f.rate, MinRate, MaxRate)
	case f.blockAlign != f.channels*f.bytesPerSample():
		return format{}, apperr.New(apperr.Invalid, "WAV block align %d does not match %d channels of %d bits", f.blockAlign, f.channels, f.bits)
	}
	return f, nil
}

// extensibleTag reads a WAVE_FORMAT_EXTENSIBLE tail: cbSize(2)
// validBits(2) channelMask(4) subFormat GUID(16). It returns the plain
// format tag the GUID stands for. Valid bits fewer than the container's
// are fine: samples are left-justified, and the low bits are dropped
// anyway when converting to 16 bits.
func extensibleTag(b []byte, bits int) (uint16, error) {
	if len(b) < 40 {
		return 0, apperr.New(apperr.Invalid, "WAV extensible fmt chunk is %d bytes, want 40", len(b))
	}
	if valid := int(binary.LittleEndian.Uint16(b[18:20])); valid > bits {
		return 0, apperr.New(apperr.Invalid, "WAV says %d valid bits in %d-bit samples", valid, bits)
	}
	guid := b[24:40]
	if !bytes.Equal(guid[2:], ksdataGUIDTail) {
		return 0, apperr.New(apperr.Unsupported, "WAV extensible sub-format %x is not supported; %s", guid, wantWAV)
	}
	tag := binary.LittleEndian.Uint16(guid[0:2])
	if tag == formatExtensible {
		return 0, apperr.New(apperr.Invalid, "WAV extensible sub-format is itself extensible")
	}
	return tag, nil
}

// checkEncoding checks the tag and bit depth are a pair samples converts.
func checkEncoding(f format) error {
	ok := false
	switch f.tag {
	case formatPCM:
		ok = f.bits == 8 || f.bits == 16 || f.bits == 24 || f.bits == 32
	case formatFloat:
		ok = f.bits == 32 || f.bits == 64
	case formatALaw, formatMuLaw:
		ok = f.bits == 8
	default:
		name := unsupportedTags[f.tag]
		if name == "" {
			name = "encoding"
		}
		return apperr.New(apperr.Unsupported, "WAV %s (format tag 0x%04x) is not supported; %s", name, f.tag, wantWAV)
	}
	if !ok {
		return apperr.New(apperr.Unsupported, "%d-bit %s WAV is not supported; %s", f.bits, encodingName(f.tag), wantWAV)
	}
	return nil
}

// encodingName names a supported tag in messages.
func encodingName(tag uint16) string {
	switch tag {
	case formatPCM:
		return "PCM"
	case formatFloat:
		return "float"
	case formatALaw:
		return "A-law"
	case formatMuLaw:
		return "µ-law"
	}
	return fmt.Sprintf("0x%04x", tag)
}
