package config

// VoiceConfig bounds the voice endpoints and chooses the speech recogniser.
type VoiceConfig struct {
	StreamsPerClient int64
	Streams          int64
	// STT is "moonshine" (Moonshine tiny, falling back to pocketsphinx
	// when its files are missing), "pocketsphinx" (pocketsphinx only) or
	// "pick" (both at once, keeping the transcript the engine understands
	// better; Moonshine on ties).
	STT string
	// STTCorrect moves Moonshine's transcripts toward the profile's terms.
	STTCorrect bool
	// STTBias is the boost in logits toward the profile's terms while
	// Moonshine decodes (0: off).
	STTBias float64
	// STTBiasPhrasings is the boost toward the engine's question
	// phrasings filled with the profile's terms (0: off).
	STTBiasPhrasings float64
	// STTBeam is Moonshine's beam search width (1: greedy decoding).
	STTBeam int64
	// STTModelDir holds Moonshine's files ("": the user cache directory,
	// where scripts/install-speech.sh puts them).
	STTModelDir string
	// ONNXRuntimeLib is ONNX Runtime's shared library ("": in STTModelDir).
	ONNXRuntimeLib string
}

func (v *VoiceConfig) settings(s settingFunc) Settings {
	return Settings{
		s("PARLEY_VOICE_STREAMS_PER_CLIENT", "voice_streams_per_client", "2", "voice WebSockets one visitor (IP, or client/key/user when authenticated) may hold open at once; more get 429", false, func() (func(string) error, func() string) { return integer(&v.StreamsPerClient) }),
		s("PARLEY_VOICE_STREAMS", "voice_streams", "32", "voice WebSockets this process holds open at once in all; more get 429", false, func() (func(string) error, func() string) { return integer(&v.Streams) }),
		s("PARLEY_STT", "stt", "moonshine", "offline speech recogniser: moonshine (falls back to pocketsphinx when its files are missing), pocketsphinx, or pick (both at once on each turn, keeping the transcript the engine maps to an intent, Moonshine's on ties)", false, func() (func(string) error, func() string) { return str(&v.STT) }),
		s("PARLEY_STT_CORRECT", "stt_correct", "on", "correct Moonshine's transcripts toward the profile's terms by sound (needs /usr/share/dict/words, apt-get install wamerican); off to measure it", false, func() (func(string) error, func() string) { return boolean(&v.STTCorrect) }),
		s("PARLEY_STT_BIAS", "stt_bias", "3", "boost, in logits, toward the profile's terms while Moonshine decodes (contextual biasing); 0 turns it off", false, func() (func(string) error, func() string) { return number(&v.STTBias) }),
		s("PARLEY_STT_BIAS_PHRASINGS", "stt_bias_phrasings", "2.5", "boost, in logits, toward the question phrasings the engine understands (filled with the profile's terms) while Moonshine decodes; 0 turns it off", false, func() (func(string) error, func() string) { return number(&v.STTBiasPhrasings) }),
		s("PARLEY_STT_BEAM", "stt_beam", "3", "Moonshine's beam search width while the bias is on: hypotheses kept per step, scored by the model plus the bias kept only for whole words of a term or phrasing; 1 decodes greedily (1..8)", false, func() (func(string) error, func() string) { return integer(&v.STTBeam) }),
		s("PARLEY_STT_MODEL_DIR", "stt_model_dir", "", "directory of the Moonshine model that scripts/install-speech.sh fills (unset: ~/.cache/parley/moonshine-tiny)", false, func() (func(string) error, func() string) { return str(&v.STTModelDir) }),
		s("PARLEY_ONNXRUNTIME_LIB", "onnxruntime_lib", "", "ONNX Runtime shared library for Moonshine (unset: libonnxruntime.so in PARLEY_STT_MODEL_DIR)", false, func() (func(string) error, func() string) { return str(&v.ONNXRuntimeLib) }),
	}
}

func (v *VoiceConfig) validate(bad func(env, format string, args ...any)) {
	if v.StreamsPerClient < 1 || v.StreamsPerClient > 1000 {
		bad("PARLEY_VOICE_STREAMS_PER_CLIENT", "%d is outside 1..1000", v.StreamsPerClient)
	}
	if v.Streams < 1 || v.Streams > 100000 {
		bad("PARLEY_VOICE_STREAMS", "%d is outside 1..100000", v.Streams)
	}
	if v.STTBias < 0 || v.STTBias > 10 {
		bad("PARLEY_STT_BIAS", "%g is outside 0..10", v.STTBias)
	}
	if v.STTBiasPhrasings < 0 || v.STTBiasPhrasings > 10 {
		bad("PARLEY_STT_BIAS_PHRASINGS", "%g is outside 0..10", v.STTBiasPhrasings)
	}
	if v.STTBeam < 1 || v.STTBeam > 8 {
		bad("PARLEY_STT_BEAM", "%d is outside 1..8", v.STTBeam)
	}
	if v.STT != "moonshine" && v.STT != "pocketsphinx" && v.STT != "pick" {
		bad("PARLEY_STT", "%q is not moonshine, pocketsphinx or pick", v.STT)
	}
}
