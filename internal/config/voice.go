package config

// VoiceConfig bounds the voice endpoints.
type VoiceConfig struct {
	StreamsPerClient int64
	Streams          int64
}

func (v *VoiceConfig) settings(s settingFunc) Settings {
	return Settings{
		s("PARLEY_VOICE_STREAMS_PER_CLIENT", "voice_streams_per_client", "2", "voice WebSockets one visitor (IP, or client/key/user when authenticated) may hold open at once; more get 429", false, func() (func(string) error, func() string) { return integer(&v.StreamsPerClient) }),
		s("PARLEY_VOICE_STREAMS", "voice_streams", "32", "voice WebSockets this process holds open at once in all; more get 429", false, func() (func(string) error, func() string) { return integer(&v.Streams) }),
	}
}

func (v *VoiceConfig) validate(bad func(env, format string, args ...any)) {
	if v.StreamsPerClient < 1 || v.StreamsPerClient > 1000 {
		bad("PARLEY_VOICE_STREAMS_PER_CLIENT", "%d is outside 1..1000", v.StreamsPerClient)
	}
	if v.Streams < 1 || v.Streams > 100000 {
		bad("PARLEY_VOICE_STREAMS", "%d is outside 1..100000", v.Streams)
	}
}
