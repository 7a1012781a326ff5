package media_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pion/opus/pkg/oggreader"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
	at "github.com/parleyhq/parley/internal/voice/audio/audiotest"
	"github.com/parleyhq/parley/internal/voice/media"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// oggPackets returns the audio packets of an Ogg/Opus file and its pre-skip.
func oggPackets(t *testing.T, data []byte) ([][]byte, uint16) {
	t.Helper()
	r, head, err := oggreader.NewWith(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for {
		p, _, err := r.ParseNextPacket()
		if errors.Is(err, io.EOF) {
			return out, head.PreSkip
		}
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(p, []byte("OpusTags")) {
			out = append(out, p)
		}
	}
}

// modes counts the packets by Opus mode, from the TOC byte (RFC 6716 §3.1).
func modes(packets [][]byte) map[string]int {
	m := map[string]int{}
	for _, p := range packets {
		switch cfg := p[0] >> 3; {
		case cfg < 12:
			m["silk"]++
		case cfg < 16:
			m["hybrid"]++
		default:
			m["celt"]++
		}
	}
	return m
}

// ebml encodes one element; size -1 writes the unknown size a live
// recorder writes.
func ebml(id uint32, size int, body ...[]byte) []byte {
	var b bytes.Buffer
	idb := make([]byte, 4)
	binary.BigEndian.PutUint32(idb, id)
	b.Write(bytes.TrimLeft(idb, "\x00"))
	all := bytes.Join(body, nil)
	if size < 0 {
		b.Write([]byte{0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF})
	} else {
		sz := make([]byte, 8)
		binary.BigEndian.PutUint64(sz, uint64(len(all)))
		sz[0] = 0x01
		b.Write(sz)
	}
	b.Write(all)
	return b.Bytes()
}

func known(id uint32, body ...[]byte) []byte { return ebml(id, 0, body...) }

// webm lays packets out as MediaRecorder does: an EBML header, a Segment
// and Clusters of unknown size (live) or known size, SimpleBlocks of 20 ms.
func webm(packets [][]byte, preSkip uint16, live bool, codec string) []byte {
	size := 0
	if live {
		size = -1
	}
	head := []byte("OpusHead\x01\x01\x00\x00\x80\xbb\x00\x00\x00\x00\x00")
	binary.LittleEndian.PutUint16(head[10:], preSkip)
	tracks := known(0x1654AE6B,
		known(0xAE, known(0xD7, []byte{2}), known(0x86, []byte(codec)), known(0x63A2, head), known(0xE1, known(0x9F, []byte{1}))),
		// A video track's entry after the audio one, as in a camera recording.
		known(0xAE, known(0xD7, []byte{1}), known(0x86, []byte("V_VP8"))))
	var clusters [][]byte
	for start := 0; start < len(packets); start += 25 {
		var blocks [][]byte
		blocks = append(blocks, known(0xE7, []byte{byte(start)}))
		for i, p := range packets[start:min(start+25, len(packets))] {
			blocks = append(blocks, known(0xA3, []byte{0x82, 0, byte(i * 20), 0x80}, p))
			if i == 3 {
				blocks = append(blocks, known(0xA3, []byte{0x81, 0, 0, 0x80}, []byte("not opus: video"))) // skipped
			}
		}
		clusters = append(clusters, ebml(0x1F43B675, size, blocks...))
	}
	return append(known(0x1A45DFA3, known(0x4282, []byte("webm"))),
		ebml(0x18538067, size, append([][]byte{tracks}, clusters...)...)...)
}

// envelope is the RMS of each 20 ms of p (16 kHz mono).
func envelope(p audio.PCM) []float64 {
	var out []float64
	for i := 0; i+320 <= len(p.Samples); i += 320 {
		var sum float64
		for _, v := range p.Samples[i : i+320] {
			sum += float64(v) * float64(v)
		}
		out = append(out, math.Sqrt(sum/320))
	}
	return out
}

func correlation(a, b []float64) float64 {
	n := min(len(a), len(b))
	var ma, mb float64
	for i := range n {
		ma, mb = ma+a[i], mb+b[i]
	}
	ma, mb = ma/float64(n), mb/float64(n)
	var ab, aa, bb float64
	for i := range n {
		ab += (a[i] - ma) * (b[i] - mb)
		aa += (a[i] - ma) * (a[i] - ma)
		bb += (b[i] - mb) * (b[i] - mb)
	}
	return ab / math.Sqrt(aa*bb)
}

// TestDecodeOpus decodes the same spoken question as SILK, hybrid and CELT
// Opus, in Ogg and in WebM: the result must follow the original's loudness
// from 20 ms to 20 ms and last as long.
func TestDecodeOpus(t *testing.T) {
	ref, err := audio.ParseWAV(read(t, "question.wav"), audio.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	ref = ref.ForSpeech()
	for _, c := range []struct {
		file, container string
		live            bool
	}{
		{"silk.opus", "ogg", false},
		{"hybrid.opus", "ogg", false},
		{"celt.opus", "ogg", false},
		{"celt.opus", "webm", true},
		{"celt.opus", "webm", false},
		{"hybrid.opus", "webm", true},
	} {
		t.Run(c.file+" in "+c.container, func(t *testing.T) {
			data := read(t, c.file)
			packets, preSkip := oggPackets(t, data)
			mode := strings.TrimSuffix(c.file, ".opus")
			if m := modes(packets); m[mode] < len(packets)/2 {
				t.Fatalf("fixture %s holds %v frames, not mostly %s (regenerate it: testdata/README.md)", c.file, m, mode)
			}
			mediaType := "audio/ogg"
			if c.container == "webm" {
				data, mediaType = webm(packets, preSkip, c.live, "A_OPUS"), "audio/webm"
			}
			got, err := media.Decode(mediaType, data, audio.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Rate != audio.SpeechRate || got.Channels != 1 {
				t.Fatalf("decoded %d Hz × %d, want %d Hz mono", got.Rate, got.Channels, audio.SpeechRate)
			}
			if d := got.Duration() - ref.Duration(); d < -40*time.Millisecond || d > 40*time.Millisecond {
				t.Errorf("decoded %s, the original lasts %s", got.Duration(), ref.Duration())
			}
			if r := correlation(envelope(got), envelope(ref)); !(r >= 0.9) { // NaN (silence) fails too
				t.Errorf("loudness envelope correlates %.3f with the original, want ≥ 0.9", r)
			}
		})
	}
}

func TestDecodeRejects(t *testing.T) {
	celt := read(t, "celt.opus")
	packets, preSkip := oggPackets(t, celt)
	corruptPacket := append([][]byte{}, packets...)
	corruptPacket[5] = []byte{0xFF} // code 3 TOC with no frame count byte
	for _, c := range []struct {
		name, mediaType string
		data            []byte
		lim             audio.Limits
		want            apperr.Code
		detail          string
	}{
		{"unsupported type", "audio/mpeg", []byte("ID3"), audio.Limits{}, apperr.Unsupported, "audio/wav, audio/ogg, audio/webm"},
		{"ogg that is not", "audio/ogg", []byte("RIFF....WAVE"), audio.Limits{}, apperr.Invalid, "Ogg"},
		{"ogg too long", "audio/ogg", celt, audio.Limits{MaxDuration: 500 * time.Millisecond}, apperr.TooLarge, "longer than"},
		{"webm that is not", "audio/webm", []byte("OggS\x00\x02"), audio.Limits{}, apperr.Invalid, "WebM"},
		{"webm without opus", "audio/webm", webm(packets, preSkip, true, "A_VORBIS"), audio.Limits{}, apperr.Unsupported, "no Opus audio track"},
		{"webm too long", "audio/webm", webm(packets, preSkip, true, "A_OPUS"), audio.Limits{MaxDuration: time.Second}, apperr.TooLarge, "longer than"},
		{"webm corrupt packet", "audio/webm", webm(corruptPacket, preSkip, true, "A_OPUS"), audio.Limits{}, apperr.Invalid, "Opus"},
		{"webm empty", "audio/webm", nil, audio.Limits{}, apperr.Invalid, "WebM"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := media.Decode(c.mediaType, c.data, c.lim)
			if apperr.CodeOf(err) != c.want || !strings.Contains(err.Error(), c.detail) {
				t.Errorf("%v (%s), want %s mentioning %q", err, apperr.CodeOf(err), c.want, c.detail)
			}
		})
	}
}

// TestDecodeTruncated: a WebM recording cut short (the upload of a live
// recording stopped mid-block) keeps the audio that arrived.
func TestDecodeTruncated(t *testing.T) {
	packets, preSkip := oggPackets(t, read(t, "celt.opus"))
	full := webm(packets, preSkip, true, "A_OPUS")
	p, err := media.Decode("audio/webm", full[:len(full)*2/3], audio.Limits{})
	if err != nil || p.Duration() < 500*time.Millisecond {
		t.Errorf("cut at 2/3: %s, %v; want the first part", p.Duration(), err)
	}
}

func FuzzDecodeWebM(f *testing.F) {
	b, err := os.ReadFile("testdata/hybrid.opus")
	if err != nil {
		f.Fatal(err)
	}
	r, _, err := oggreader.NewWith(bytes.NewReader(b))
	if err != nil {
		f.Fatal(err)
	}
	var packets [][]byte
	for len(packets) < 10 {
		p, _, err := r.ParseNextPacket()
		if err != nil {
			break
		}
		packets = append(packets, p)
	}
	f.Add(webm(packets, 312, true, "A_OPUS"))
	f.Add(webm(packets, 312, false, "A_OPUS"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := media.DecodeWebM(data, audio.Limits{MaxDuration: 5 * time.Second})
		if err == nil && (p.Rate != audio.SpeechRate || len(p.Samples) == 0) {
			t.Fatalf("decoded %d samples at %d Hz without error", len(p.Samples), p.Rate)
		}
		if err != nil && apperr.CodeOf(err) == apperr.Internal {
			t.Fatalf("internal error on bad input: %v", err)
		}
	})
}

func FuzzDecodeOgg(f *testing.F) {
	b, err := os.ReadFile("testdata/silk.opus")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := media.DecodeOgg(data, audio.Limits{MaxDuration: 5 * time.Second})
		if err != nil && apperr.CodeOf(err) == apperr.Internal {
			t.Fatalf("internal error on bad input: %v", err)
		}
	})
}

// TestResolveContentType: WAV's aliases and parameters are taken as they
// come, a missing or generic type asks for the body to be sniffed, and any
// other type is refused naming the accepted ones.
func TestResolveContentType(t *testing.T) {
	tests := []struct {
		ctype, want string
		sniff, ok   bool
	}{
		{"audio/wav", "audio/wav", false, true},
		{"audio/wav; codecs=1", "audio/wav", false, true},
		{`audio/wav; codecs="3"`, "audio/wav", false, true},
		{"audio/wav; codecs", "audio/wav", false, true}, // a parameter without a value: the type still stands
		{"Audio/X-WAV", "audio/x-wav", false, true},
		{"audio/wave", "audio/wave", false, true},
		{"audio/vnd.wave; codec=6", "audio/vnd.wave", false, true},
		{"audio/webm;codecs=opus", "audio/webm", false, true},
		{"", "", true, true},
		{"  ", "", true, true},
		{"application/octet-stream", "application/octet-stream", true, true},
		{"binary/octet-stream", "binary/octet-stream", true, true},
		{"application/x-www-form-urlencoded", "application/x-www-form-urlencoded", true, true},
		{"audio/mpeg", "", false, false},
		{"audio/flac", "", false, false},
		{"text/plain", "", false, false},
		{"audio/", "", false, false},
		{";;", "", false, false},
	}
	for _, tt := range tests {
		mt, sniff, err := media.Resolve(tt.ctype)
		if mt != tt.want || sniff != tt.sniff || (err == nil) != tt.ok {
			t.Errorf("Resolve(%q) = %q, %v, %v; want %q, %v, ok %v", tt.ctype, mt, sniff, err, tt.want, tt.sniff, tt.ok)
		}
		if err != nil && (apperr.CodeOf(err) != apperr.Unsupported || !strings.Contains(err.Error(), "audio/wav, audio/ogg, audio/webm") || !strings.Contains(err.Error(), "float")) {
			t.Errorf("Resolve(%q): %v, want unsupported naming the types and WAV's encodings", tt.ctype, err)
		}
	}
}

// TestSniff: the magic bytes of each container, and RIFF files that are
// not WAVE (AVI) or too short are not taken for WAV.
func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"wav", read(t, "question.wav"), "audio/wav"},
		{"rifx wav", []byte("RIFX\x00\x00\x00\x24WAVEfmt "), "audio/wav"},
		{"rf64 wav", []byte("RF64\xff\xff\xff\xffWAVEds64"), "audio/wav"},
		{"ogg", read(t, "celt.opus"), "audio/ogg"},
		{"webm", webm(nil, 0, true, "A_OPUS"), "audio/webm"},
		{"avi", []byte("RIFF\x00\x00\x00\x00AVI LIST"), ""},
		{"short riff", []byte("RIFF\x00\x00"), ""},
		{"mp3", []byte("ID3\x04\x00\x00\x00\x00\x00\x00"), ""},
		{"flac", []byte("fLaC\x00\x00\x00\x22"), ""},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		if got := media.Sniff(tt.data); got != tt.want {
			t.Errorf("%s: Sniff = %q, want %q", tt.name, got, tt.want)
		}
	}
	err := media.Unrecognised("")
	if msg := apperr.MessageOf(err); apperr.CodeOf(err) != apperr.Unsupported || !strings.Contains(msg, "no Content-Type") || !strings.Contains(msg, "audio/wav, audio/ogg, audio/webm") {
		t.Errorf("Unrecognised(\"\") = %v", err)
	}
	if msg := apperr.MessageOf(media.Unrecognised("application/octet-stream")); !strings.Contains(msg, `"application/octet-stream"`) {
		t.Errorf("Unrecognised names %q, want the type sent", msg)
	}
}

// TestDecodeFloatWAV: a float32 WAV (scipy, browser encoders) sent
// without a type decodes through Sniff and Decode to the 16-bit original.
func TestDecodeFloatWAV(t *testing.T) {
	pcm, err := audio.ParseWAV(read(t, "question.wav"), audio.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	file := at.WAV(at.Chunk{ID: "fmt ", Body: at.FmtPCM(3, pcm.Channels, pcm.Rate, 32)}, at.Chunk{ID: "data", Body: at.Encoded(3, 32, pcm.Samples)})
	got, err := media.Decode(media.Sniff(file), file, audio.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Rate != pcm.Rate || got.Channels != pcm.Channels || !slices.Equal(got.Samples, pcm.Samples) {
		t.Errorf("float32 WAV decodes to %d Hz × %d, %d samples; want the 16-bit original", got.Rate, got.Channels, len(got.Samples))
	}
}
