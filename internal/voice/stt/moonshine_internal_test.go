package stt

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parleyhq/parley/internal/apperr"
)

// TestGreedyStops checks the decode loop's stopping rules: EOS (not
// returned), the token budget, a cancelled context and a failing step.
func TestGreedyStops(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name     string
		budget   int
		script   []int // tokens the model emits, in order
		failAt   int   // step that fails (-1: none)
		cancelAt int   // step before which ctx is cancelled (-1: none)
		want     []int
		wantCode apperr.Code
		wantCtx  bool
	}{
		{"eos ends", 10, []int{5, 6, moonshineEOS, 7}, -1, -1, []int{5, 6}, "", false},
		{"eos first", 10, []int{moonshineEOS}, -1, -1, nil, "", false},
		{"budget ends a loop", 3, []int{5, 5, 5, 5, 5}, -1, -1, []int{5, 5, 5}, "", false},
		{"no budget", 0, []int{5}, -1, -1, nil, "", false},
		{"cancelled", 10, []int{5, 6, 7, moonshineEOS}, -1, 2, nil, "", true},
		{"step fails", 10, []int{5, 6, 7, moonshineEOS}, 1, -1, nil, apperr.Internal, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var prevs []int
			got, err := greedy(ctx, tt.budget, func(prev, pos int) (int, error) {
				prevs = append(prevs, prev)
				if pos == tt.failAt {
					return 0, boom
				}
				if pos+1 == tt.cancelAt {
					cancel()
				}
				return tt.script[pos], nil
			})
			switch {
			case tt.wantCtx:
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("err = %v, want context.Canceled", err)
				}
			case tt.wantCode != "":
				if apperr.CodeOf(err) != tt.wantCode || !errors.Is(err, boom) {
					t.Fatalf("err = %v, want %s wrapping boom", err, tt.wantCode)
				}
			case err != nil:
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("tokens (-want +got):\n%s", diff)
			}
			// Each step is fed the token the previous one produced.
			for i := 1; i < len(prevs); i++ {
				if prevs[i] != tt.script[i-1] {
					t.Errorf("step %d got prev %d, want %d", i, prevs[i], tt.script[i-1])
				}
			}
			if len(prevs) > 0 && prevs[0] != moonshineStart {
				t.Errorf("first step got prev %d, want the start token", prevs[0])
			}
		})
	}
}

func TestMaxTokensAndArgmax(t *testing.T) {
	for _, tt := range []struct{ samples, want int }{{0, 0}, {16000, 6}, {48000, 18}, {8000, 3}, {2000, 0}} {
		if got := maxTokens(tt.samples); got != tt.want {
			t.Errorf("maxTokens(%d) = %d, want %d", tt.samples, got, tt.want)
		}
	}
	for _, tt := range []struct {
		xs   []float32
		want int
	}{{[]float32{0.1, 3, -2}, 1}, {[]float32{-5, -1, -1}, 1}, {[]float32{7}, 0}} {
		if got := argmax(tt.xs); got != tt.want {
			t.Errorf("argmax(%v) = %d, want %d", tt.xs, got, tt.want)
		}
	}
}

func TestPickSuppressesBlankStart(t *testing.T) {
	for _, tt := range []struct {
		name   string
		logits []float32
		pos    int
		want   int
	}{
		{"eos wins later", []float32{0, 1, 9, 3}, 1, moonshineEOS},
		{"eos barred first", []float32{0, 1, 9, 3}, 0, 3},
		{"plain argmax first", []float32{0, 5, 1, 3}, 0, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := pick(append([]float32(nil), tt.logits...), tt.pos, nil, "", nil); got != tt.want {
				t.Errorf("pick(%v, %d) = %d, want %d", tt.logits, tt.pos, got, tt.want)
			}
		})
	}
}
