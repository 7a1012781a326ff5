package audiotest

import "math"

// Vowel returns n samples of a vowel-like sound: harmonics of f0 shaped by
// two formant resonances (about 700 and 1200 Hz, an "ah"), with a 20 ms fade
// in and out and a slow vibrato, peak amplitude near amp.
func Vowel(rate, n int, f0, amp float64) []int16 {
	formant := func(f, center, bw float64) float64 {
		d := (f - center) / bw
		return 1 / (1 + d*d)
	}
	out := make([]float64, n)
	peak := 0.0
	phase := 0.0
	for i := range out {
		t := float64(i) / float64(rate)
		f := f0 * (1 + 0.02*math.Sin(2*math.Pi*5*t))
		phase += 2 * math.Pi * f / float64(rate)
		v := 0.0
		for h := 1; float64(h)*f0 < float64(rate)/2 && h <= 40; h++ {
			hf := float64(h) * f0
			g := formant(hf, 700, 130) + 0.6*formant(hf, 1200, 150) + 0.05
			v += g * math.Sin(float64(h)*phase) / float64(h)
		}
		out[i] = v
		peak = max(peak, math.Abs(v))
	}
	fade := rate / 50
	res := make([]int16, n)
	for i, v := range out {
		env := min(1, float64(i)/float64(fade), float64(n-1-i)/float64(fade))
		res[i] = int16(amp * env * v / peak)
	}
	return res
}
