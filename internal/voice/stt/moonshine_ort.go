//go:build cgo

package stt

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"

	ort "github.com/yalue/onnxruntime_go"

	"github.com/parleyhq/parley/internal/apperr"
	"github.com/parleyhq/parley/internal/voice/audio"
)

// Moonshine tiny's decoder shape (layers, KV heads, head size), which the
// merged decoder's past_key_values inputs take.
const (
	moonshineLayers  = 6
	moonshineKVHeads = 8
	moonshineHeadDim = 36
)

// Moonshine is a Transcriber running Moonshine tiny in ONNX Runtime,
// in process. Its two sessions are loaded once and shared: ONNX Runtime
// sessions may run concurrently, and a semaphore bounds how many do.
type Moonshine struct {
	vocab Vocab
	enc   *ort.DynamicAdvancedSession
	dec   *ort.DynamicAdvancedSession
	slots chan struct{}
	beam  int
}

var _ Transcriber = (*Moonshine)(nil)

// ONNX Runtime's environment is per process: it is initialised once, with
// the first library asked for.
var ortEnv struct {
	sync.Mutex
	lib string
}

func initORT(lib string) error {
	ortEnv.Lock()
	defer ortEnv.Unlock()
	if ort.IsInitialized() {
		if lib != ortEnv.lib {
			return apperr.New(apperr.Invalid, "ONNX Runtime is already loaded from %s, not %s", ortEnv.lib, lib)
		}
		return nil
	}
	ort.SetSharedLibraryPath(lib)
	if err := ort.InitializeEnvironment(ort.WithLogLevelError()); err != nil {
		return apperr.Wrap(apperr.Unavailable, err, "ONNX Runtime could not be loaded from %s (run scripts/install-speech.sh)", lib)
	}
	ortEnv.lib = lib
	return nil
}

// kvNames lists the decoder's cache tensors in input order, with prefix
// "past_key_values" (inputs) or "present" (outputs).
func kvNames(prefix string) []string {
	var names []string
	for i := range moonshineLayers {
		for _, a := range []string{"decoder", "encoder"} {
			for _, b := range []string{"key", "value"} {
				names = append(names, fmt.Sprintf("%s.%d.%s.%s", prefix, i, a, b))
			}
		}
	}
	return names
}

// NewMoonshine loads the model. Errors: apperr.Unavailable naming the
// missing file or library.
func NewMoonshine(o MoonshineOptions) (*Moonshine, error) {
	o = o.withDefaults()
	if err := o.check(); err != nil {
		return nil, err
	}
	vocab, err := ReadVocab(filepath.Join(o.Dir, MoonshineVocab))
	if err != nil {
		return nil, err
	}
	if err := initORT(o.Library); err != nil {
		return nil, err
	}
	opts, err := ort.NewSessionOptions()
	if err != nil {
		return nil, fmt.Errorf("moonshine: session options: %w", err)
	}
	defer opts.Destroy()
	// Idle intra-op threads spin by default; on a small shared machine the
	// spinning steals the core the other thread needs.
	if err := opts.AddSessionConfigEntry("session.intra_op.allow_spinning", "0"); err != nil {
		return nil, fmt.Errorf("moonshine: session options: %w", err)
	}
	if o.Threads > 0 {
		if err := opts.SetIntraOpNumThreads(o.Threads); err != nil {
			return nil, fmt.Errorf("moonshine: threads: %w", err)
		}
	}
	enc, err := ort.NewDynamicAdvancedSession(filepath.Join(o.Dir, MoonshineEncoder),
		[]string{"input_values"}, []string{"last_hidden_state"}, opts)
	if err != nil {
		return nil, apperr.Wrap(apperr.Unavailable, err, "Moonshine encoder could not be loaded (reinstall with scripts/install-speech.sh)")
	}
	in := append(append([]string{"input_ids", "encoder_hidden_states"}, kvNames("past_key_values")...), "use_cache_branch")
	out := append([]string{"logits"}, kvNames("present")...)
	dec, err := ort.NewDynamicAdvancedSession(filepath.Join(o.Dir, MoonshineDecoder), in, out, opts)
	if err != nil {
		enc.Destroy()
		return nil, apperr.Wrap(apperr.Unavailable, err, "Moonshine decoder could not be loaded (reinstall with scripts/install-speech.sh)")
	}
	return &Moonshine{vocab: vocab, enc: enc, dec: dec, slots: make(chan struct{}, o.Concurrency), beam: o.Beam}, nil
}

// Close releases the sessions.
func (m *Moonshine) Close() error {
	m.enc.Destroy()
	m.dec.Destroy()
	return nil
}

// Transcribe encodes pcm and decodes greedily, checking ctx between
// tokens (the beam search is for biased decoding: WithBias).
func (m *Moonshine) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	return m.transcribe(ctx, pcm, nil)
}

// WithBias is the recogniser decoding toward b's phrases (nil: none),
// sharing m's sessions; with MoonshineOptions.Beam > 1 it decodes by beam
// search, which can take a boost back (beamSearch).
func (m *Moonshine) WithBias(b *Bias) Transcriber { return biased{m: m, bias: b} }

type biased struct {
	m    *Moonshine
	bias *Bias
}

func (b biased) Transcribe(ctx context.Context, pcm audio.PCM) (Transcript, error) {
	return b.m.transcribe(ctx, pcm, b.bias)
}

func (m *Moonshine) transcribe(ctx context.Context, pcm audio.PCM, bias *Bias) (Transcript, error) {
	if err := checkInput(pcm); err != nil {
		return Transcript{}, err
	}
	select {
	case m.slots <- struct{}{}:
		defer func() { <-m.slots }()
	case <-ctx.Done():
		return Transcript{}, fmt.Errorf("moonshine: %w", ctx.Err())
	}
	samples := make([]float32, len(pcm.Samples))
	for i, s := range pcm.Samples {
		samples[i] = float32(s) / 32768
	}
	if m.beam > 1 && bias.active() {
		b, err := m.newRows(samples)
		if err != nil {
			return Transcript{}, err
		}
		defer b.destroy()
		ids, err := beamSearch(ctx, maxTokens(len(samples)), m.beam, b, bias, m.vocab.text)
		if err != nil {
			return Transcript{}, err
		}
		return Transcript{Text: m.vocab.Decode(ids), Provider: "moonshine"}, nil
	}
	r, err := m.newRun(samples)
	if err != nil {
		return Transcript{}, err
	}
	r.bias, r.vocab = bias, m.vocab
	defer r.destroy()
	ids, err := greedy(ctx, maxTokens(len(samples)), r.step)
	if err != nil {
		return Transcript{}, err
	}
	return Transcript{Text: m.vocab.Decode(ids), Provider: "moonshine"}, nil
}

// run is one utterance's decoder state: the encoder output, the KV cache
// and the small input tensors reused at every step.
type run struct {
	dec      *ort.DynamicAdvancedSession
	hidden   ort.Value
	empty    ort.Value
	kv       []ort.Value
	ids      *ort.Tensor[int64]
	useCache *ort.Tensor[bool]
	// bias, when set, steers the choice of each token; text is the
	// transcript so far, as it sees it.
	bias  *Bias
	vocab Vocab
	text  string
}

func (m *Moonshine) newRun(samples []float32) (*run, error) {
	r := &run{dec: m.dec}
	in, err := ort.NewTensor(ort.NewShape(1, int64(len(samples))), samples)
	if err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "moonshine: audio tensor")
	}
	defer in.Destroy()
	hidden := []ort.Value{nil}
	if err := m.enc.Run([]ort.Value{in}, hidden); err != nil {
		return nil, apperr.Wrap(apperr.Internal, err, "moonshine encoder failed")
	}
	r.hidden = hidden[0]
	// The first step takes an empty cache of the right rank.
	if r.empty, err = ort.NewEmptyTensor[float32](ort.NewShape(0, moonshineKVHeads, 1, moonshineHeadDim)); err == nil {
		if r.ids, err = ort.NewTensor(ort.NewShape(1, 1), []int64{moonshineStart}); err == nil {
			r.useCache, err = ort.NewTensor(ort.NewShape(1), []bool{false})
		}
	}
	if err != nil {
		r.destroy()
		return nil, apperr.Wrap(apperr.Internal, err, "moonshine: decoder tensors")
	}
	r.kv = make([]ort.Value, 4*moonshineLayers)
	for i := range r.kv {
		r.kv[i] = r.empty
	}
	return r, nil
}

// step runs the decoder on prev and returns the most likely next token.
func (r *run) step(prev, pos int) (int, error) {
	logits, err := r.logits(prev, pos)
	if err != nil {
		return 0, err
	}
	next := pick(logits, pos, r.bias, r.text, r.vocab)
	if r.bias != nil {
		r.text += r.vocab.text(next)
	}
	return next, nil
}

// logits runs the decoder on prev and returns the next token's logits.
// The encoder's cross-attention cache comes from the first step only; the
// self-attention cache is replaced at every step.
func (r *run) logits(prev, pos int) ([]float32, error) {
	r.ids.GetData()[0] = int64(prev)
	r.useCache.GetData()[0] = pos > 0
	in := append(append([]ort.Value{r.ids, r.hidden}, r.kv...), r.useCache)
	out := make([]ort.Value, 1+len(r.kv))
	if err := r.dec.Run(in, out); err != nil {
		return nil, err
	}
	defer out[0].Destroy()
	for i, v := range out[1:] {
		if pos > 0 && isEncoderKV(i) {
			v.Destroy()
			continue
		}
		if r.kv[i] != r.empty {
			r.kv[i].Destroy()
		}
		r.kv[i] = v
	}
	logits, ok := out[0].(*ort.Tensor[float32])
	if !ok {
		return nil, fmt.Errorf("logits are %T, not float32", out[0])
	}
	data := logits.GetData()
	return slices.Clone(data[len(data)-int(logits.GetShape()[2]):]), nil
}

// isEncoderKV tells the cross-attention entries of the cache apart
// (layer order: decoder key, decoder value, encoder key, encoder value).
func isEncoderKV(i int) bool { return i%4 >= 2 }

func (r *run) destroy() {
	for i, v := range r.kv {
		if v != nil && v != r.empty {
			v.Destroy()
		}
		r.kv[i] = nil
	}
	for _, v := range []ort.Value{r.hidden, r.empty} {
		if v != nil {
			v.Destroy()
		}
	}
	if r.ids != nil {
		r.ids.Destroy()
	}
	if r.useCache != nil {
		r.useCache.Destroy()
	}
}

// rows is one utterance's decoder state for a beam search that runs each
// hypothesis alone (a batch of one). One batched run with the cache rows
// gathered per step was ~25 % faster (docs/benchmarks-log.md) but not exact:
// Moonshine's weights are quantized with activation scales computed over
// the whole input tensor, so hypotheses in one batch changed each other's
// logits by up to a logit. Alone, each gets the logits greedy decoding
// would (TestRowsMatchSequential). A step's cache tensors are never
// written again, so hypotheses that share a parent share its cache
// without a copy.
type rows struct {
	dec      *ort.DynamicAdvancedSession
	hidden   ort.Value
	empty    ort.Value
	enc      []ort.Value   // the cross-attention cache, from step 0, shared
	self     [][]ort.Value // per row: the self-attention cache
	ids      *ort.Tensor[int64]
	useCache *ort.Tensor[bool]
}

func (m *Moonshine) newRows(samples []float32) (*rows, error) {
	r, err := m.newRun(samples)
	if err != nil {
		return nil, err
	}
	return &rows{dec: m.dec, hidden: r.hidden, empty: r.empty, ids: r.ids, useCache: r.useCache}, nil
}

// step implements beamModel.
func (r *rows) step(parents, tokens []int, pos int) ([][]float32, error) {
	if pos == 0 && len(parents) != 1 {
		return nil, fmt.Errorf("step 0 has %d rows, want 1", len(parents))
	}
	self := make([][]ort.Value, len(parents))
	defer func() {
		// On failure the new rows go; on success the old ones.
		for _, kv := range self {
			destroyAll(kv)
		}
	}()
	out := make([][]float32, len(parents))
	for i, p := range parents {
		r.ids.GetData()[0] = int64(tokens[i])
		r.useCache.GetData()[0] = pos > 0
		in := []ort.Value{r.ids, r.hidden}
		for l := range moonshineLayers {
			if pos == 0 {
				in = append(in, r.empty, r.empty, r.empty, r.empty)
				continue
			}
			in = append(in, r.self[p][2*l], r.self[p][2*l+1], r.enc[2*l], r.enc[2*l+1])
		}
		in = append(in, r.useCache)
		res := make([]ort.Value, 1+4*moonshineLayers)
		if err := r.dec.Run(in, res); err != nil {
			return nil, err
		}
		for j, v := range res[1:] {
			switch {
			case !isEncoderKV(j):
				self[i] = append(self[i], v)
			case pos == 0:
				r.enc = append(r.enc, v)
			default:
				v.Destroy()
			}
		}
		logits, ok := res[0].(*ort.Tensor[float32])
		if !ok {
			res[0].Destroy()
			return nil, fmt.Errorf("logits are %T, not float32", res[0])
		}
		data := logits.GetData()
		out[i] = slices.Clone(data[len(data)-int(logits.GetShape()[2]):])
		res[0].Destroy()
	}
	self, r.self = r.self, self
	return out, nil
}

func destroyAll(vs []ort.Value) {
	for _, v := range vs {
		if v != nil {
			v.Destroy()
		}
	}
}

func (r *rows) destroy() {
	for _, kv := range r.self {
		destroyAll(kv)
	}
	destroyAll(r.enc)
	destroyAll([]ort.Value{r.hidden, r.empty, r.ids, r.useCache})
}

// MoonshineBuilt says whether this build can run Moonshine (it needs cgo).
const MoonshineBuilt = true
