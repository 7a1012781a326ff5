package media

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/pion/opus"
	"github.com/pion/opus/pkg/oggreader"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// opusRate is the rate Opus is decoded at: the recognisers' own, so that
// no resampling follows (the decoder band-limits as it goes).
const opusRate = audio.SpeechRate

// maxPacketSamples is the most one Opus packet holds (120 ms) at opusRate.
const maxPacketSamples = opusRate * 120 / 1000

// opusStream decodes Opus packets of one stream into mono PCM at opusRate,
// dropping the encoder's pre-skip and stopping past the duration limit.
type opusStream struct {
	dec     opus.Decoder
	skip    int // samples still to drop (pre-skip)
	max     int // most samples accepted
	limit   time.Duration
	samples []int16
	buf     []int16
}

func newOpusStream(preSkip48k int, lim audio.Limits) (*opusStream, error) {
	dec, err := opus.NewDecoderWithOutput(opusRate, 1)
	if err != nil {
		return nil, fmt.Errorf("opus decoder: %w", err)
	}
	return &opusStream{
		dec: dec, skip: preSkip48k * opusRate / 48000,
		max: int(lim.MaxDuration * opusRate / time.Second), limit: lim.MaxDuration,
		buf: make([]int16, maxPacketSamples),
	}, nil
}

// add decodes one packet. The decoder is third-party code fed untrusted
// bytes: a panic in it is a corrupt packet, not a crash.
func (o *opusStream) add(packet []byte) (err error) {
	if len(packet) == 0 {
		return nil // a zero-length packet is a lost frame; skip it
	}
	defer func() {
		if v := recover(); v != nil {
			err = apperr.New(apperr.Invalid, "corrupt Opus packet")
		}
	}()
	n, err := o.dec.DecodeToInt16(packet, o.buf)
	if err != nil {
		return apperr.Wrap(apperr.Invalid, err, "corrupt Opus packet: %v", err)
	}
	out := o.buf[:n]
	if o.skip > 0 {
		k := min(o.skip, len(out))
		out, o.skip = out[k:], o.skip-k
	}
	if len(o.samples)+len(out) > o.max {
		return apperr.New(apperr.TooLarge, "audio is longer than %s", o.limit)
	}
	o.samples = append(o.samples, out...)
	return nil
}

func (o *opusStream) pcm() (audio.PCM, error) {
	if len(o.samples) == 0 {
		return audio.PCM{}, apperr.New(apperr.Invalid, "the recording holds no audio")
	}
	return audio.PCM{Rate: opusRate, Channels: 1, Samples: o.samples}, nil
}

// DecodeOgg decodes an Ogg/Opus file (RFC 7845), mono or stereo (mixed
// down to mono). Errors: apperr.Invalid for a corrupt or non-Opus stream,
// apperr.Unsupported for multichannel mappings, apperr.TooLarge past
// lim.MaxDuration.
func DecodeOgg(data []byte, lim audio.Limits) (p audio.PCM, err error) {
	lim = withDefaults(lim)
	defer func() {
		if v := recover(); v != nil {
			err = apperr.New(apperr.Invalid, "corrupt Ogg stream")
		}
	}()
	r, head, err := oggreader.NewWith(bytes.NewReader(data))
	if err != nil {
		return audio.PCM{}, apperr.Wrap(apperr.Invalid, err, "not an Ogg/Opus file: %v", err)
	}
	if head.ChannelMap != 0 || head.Channels < 1 || head.Channels > 2 {
		return audio.PCM{}, apperr.New(apperr.Unsupported, "Ogg/Opus with %d channels (mapping family %d): send mono or stereo", head.Channels, head.ChannelMap)
	}
	s, err := newOpusStream(int(head.PreSkip), lim)
	if err != nil {
		return audio.PCM{}, err
	}
	for {
		packet, _, err := r.ParseNextPacket()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				break // a recording cut short: keep what arrived
			}
			return audio.PCM{}, apperr.Wrap(apperr.Invalid, err, "corrupt Ogg stream: %v", err)
		}
		if bytes.HasPrefix(packet, []byte("OpusTags")) || bytes.HasPrefix(packet, []byte("OpusHead")) {
			continue
		}
		if err := s.add(packet); err != nil {
			return audio.PCM{}, err
		}
	}
	return s.pcm()
}

func withDefaults(l audio.Limits) audio.Limits {
	if l.MaxDuration <= 0 {
		l.MaxDuration = audio.DefaultMaxDuration
	}
	return l
}
