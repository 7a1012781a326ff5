package llm

import "testing"

func TestNormalizeBaseURL(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"http://localhost:11434", "http://localhost:11434/v1"}, // Ollama's root, as its docs show it
		{"http://localhost:11434/", "http://localhost:11434/v1"},
		{"http://localhost:11434/v1/", "http://localhost:11434/v1"},
		{"http://localhost:11434/v1/chat/completions", "http://localhost:11434/v1"},
		{" https://api.groq.com/openai/v1 ", "https://api.groq.com/openai/v1"},
		{"https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1"},
		{"http://litellm:4000/chat/completions", "http://litellm:4000/v1"},
	}
	for _, tt := range tests {
		if got := (Config{BaseURL: tt.typed, Model: "m"}).withDefaults().BaseURL; got != tt.want {
			t.Errorf("%q -> %q, want %q", tt.typed, got, tt.want)
		}
	}
}
