package media

import (
	"encoding/binary"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Matroska element IDs (marker bits kept) this reader needs.
const (
	idEBML         = 0x1A45DFA3
	idDocType      = 0x4282
	idSegment      = 0x18538067
	idTracks       = 0x1654AE6B
	idTrackEntry   = 0xAE
	idTrackNumber  = 0xD7
	idCodecID      = 0x86
	idCodecPrivate = 0x63A2
	idAudio        = 0xE1
	idChannels     = 0x9F
	idCluster      = 0x1F43B675
	idBlockGroup   = 0xA0
	idBlock        = 0xA1
	idSimpleBlock  = 0xA3
)

// descend lists the master elements whose children are read; every other
// element is skipped whole. Reading the file as one flat run of elements,
// entering these, copes with the unknown sizes a live recorder writes for
// Segment and Cluster (it cannot know them while recording).
var descend = map[uint64]bool{idSegment: true, idTracks: true, idTrackEntry: true, idAudio: true, idCluster: true, idBlockGroup: true}

// DecodeWebM decodes the Opus track of a WebM (Matroska) file, as
// MediaRecorder writes it: SimpleBlocks (or Blocks) without lacing, in
// order. Errors: apperr.Invalid for a corrupt file, apperr.Unsupported for
// files without an Opus track or with laced blocks, apperr.TooLarge past
// lim.MaxDuration.
func DecodeWebM(data []byte, lim audio.Limits) (audio.PCM, error) {
	lim = withDefaults(lim)
	var (
		s       *opusStream
		track   uint64 // the Opus track's number, 0 until its entry is read
		entry   trackEntry
		inEntry bool
		docType string
		sawEBML bool
	)
	corrupt := apperr.New(apperr.Invalid, "corrupt WebM file")
	endEntry := func() error {
		inEntry = false
		if track != 0 || entry.codec != "A_OPUS" {
			return nil
		}
		if entry.channels > 2 {
			return apperr.New(apperr.Unsupported, "WebM Opus track with %d channels: send mono or stereo", entry.channels)
		}
		preSkip := 0
		if p := entry.private; len(p) >= 19 && string(p[:8]) == "OpusHead" {
			if p[18] != 0 {
				return apperr.New(apperr.Unsupported, "WebM Opus track with channel mapping family %d: send mono or stereo", p[18])
			}
			preSkip = int(binary.LittleEndian.Uint16(p[10:12]))
		}
		var err error
		s, err = newOpusStream(preSkip, lim)
		track = entry.number
		return err
	}
	for pos := 0; pos < len(data); {
		id, n := readVint(data[pos:], true)
		if n == 0 {
			return audio.PCM{}, corrupt
		}
		size, m := readVint(data[pos+n:], false)
		if m == 0 {
			return audio.PCM{}, corrupt
		}
		start := pos + n + m
		unknown := size == unknownSize
		if !sawEBML {
			if id != idEBML || unknown || size > uint64(len(data)-start) {
				return audio.PCM{}, apperr.New(apperr.Invalid, "not a WebM file: no EBML header")
			}
			sawEBML = true
			if dt, ok := child(data[start:start+int(size)], idDocType); ok {
				docType = string(dt)
			}
			if docType != "webm" && docType != "matroska" {
				return audio.PCM{}, apperr.New(apperr.Unsupported, "EBML document type %q is not WebM or Matroska", docType)
			}
			pos = start + int(size)
			continue
		}
		if inEntry && (id == idTrackEntry || id == idCluster || id == idTracks) {
			if err := endEntry(); err != nil {
				return audio.PCM{}, err
			}
		}
		if descend[id] {
			if id == idTrackEntry {
				inEntry, entry = true, trackEntry{channels: 1}
			}
			pos = start
			continue
		}
		if unknown || size > uint64(len(data)-start) {
			if unknown {
				return audio.PCM{}, corrupt
			}
			// A recording cut short ends inside its last element: keep
			// what came before it.
			break
		}
		body := data[start : start+int(size)]
		pos = start + int(size)
		switch id {
		case idTrackNumber:
			entry.number = readUint(body)
		case idCodecID:
			entry.codec = string(body)
		case idCodecPrivate:
			entry.private = body
		case idChannels:
			entry.channels = readUint(body)
		case idSimpleBlock, idBlock:
			if inEntry {
				if err := endEntry(); err != nil {
					return audio.PCM{}, err
				}
			}
			if s == nil {
				return audio.PCM{}, apperr.New(apperr.Unsupported, "the WebM file has no Opus audio track (before its first block)")
			}
			num, k := readVint(body, false)
			if k == 0 || len(body) < k+3 {
				return audio.PCM{}, corrupt
			}
			if num != track {
				continue // another track (video)
			}
			if body[k+2]&0x06 != 0 {
				return audio.PCM{}, apperr.New(apperr.Unsupported, "laced WebM blocks are not supported")
			}
			if err := s.add(body[k+3:]); err != nil {
				return audio.PCM{}, err
			}
		}
	}
	if inEntry {
		if err := endEntry(); err != nil {
			return audio.PCM{}, err
		}
	}
	if !sawEBML {
		return audio.PCM{}, apperr.New(apperr.Invalid, "not a WebM file: no EBML header")
	}
	if s == nil {
		return audio.PCM{}, apperr.New(apperr.Unsupported, "the WebM file has no Opus audio track")
	}
	return s.pcm()
}

// trackEntry is what DecodeWebM keeps of a TrackEntry.
type trackEntry struct {
	number   uint64
	codec    string
	private  []byte // CodecPrivate: the OpusHead for Opus
	channels uint64
}

// unknownSize is an element size of all ones once the marker is removed:
// "until the parent ends" (live recordings).
const unknownSize = ^uint64(0)

// readVint reads an EBML variable-length integer: as an ID with its marker
// bit kept, or as a size with it removed (all value bits set: unknownSize).
// n is 0 when b does not start with a valid one.
func readVint(b []byte, keepMarker bool) (v uint64, n int) {
	if len(b) == 0 || b[0] == 0 {
		return 0, 0
	}
	n = 1
	for mask := byte(0x80); b[0]&mask == 0; mask >>= 1 {
		n++
	}
	if n > 8 || len(b) < n || (keepMarker && n > 4) {
		return 0, 0
	}
	v = uint64(b[0])
	if !keepMarker {
		v &= uint64(0xFF >> n)
	}
	allOnes := v == uint64(0xFF>>n)
	for _, c := range b[1:n] {
		v = v<<8 | uint64(c)
		allOnes = allOnes && c == 0xFF
	}
	if !keepMarker && allOnes {
		return unknownSize, n
	}
	return v, n
}

func readUint(b []byte) uint64 {
	var v uint64
	for _, c := range b[:min(len(b), 8)] {
		v = v<<8 | uint64(c)
	}
	return v
}

// child finds the first element id directly inside a master element's body.
func child(body []byte, id uint64) ([]byte, bool) {
	for pos := 0; pos < len(body); {
		cid, n := readVint(body[pos:], true)
		size, m := readVint(body[pos+n:], false)
		if n == 0 || m == 0 || size == unknownSize || size > uint64(len(body)-pos-n-m) {
			return nil, false
		}
		start := pos + n + m
		if cid == id {
			return body[start : start+int(size)], true
		}
		pos = start + int(size)
	}
	return nil, false
}
