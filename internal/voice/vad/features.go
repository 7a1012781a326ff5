package vad

import (
	"math"
	"math/cmplx"
)

// features are the per-frame measurements the decision uses.
type features struct {
	energyDB float64 // RMS level in dB relative to full scale
	zcr      float64 // zero crossings per sample, 0..1
	flatness float64 // spectral flatness, 0 (tonal) .. 1 (white)
}

// silenceDB is the level of digital silence, so logarithms stay finite.
const silenceDB = -96.0

// measure computes the features of one frame, using scratch (a power-of-two
// length no shorter than frame) for the spectrum.
func measure(frame []int16, scratch []complex128, lo, hi int) features {
	var sum float64
	crossings := 0
	for i, v := range frame {
		x := float64(v)
		sum += x * x
		if i > 0 && (v >= 0) != (frame[i-1] >= 0) {
			crossings++
		}
	}
	f := features{energyDB: silenceDB}
	if sum > 0 {
		rms := math.Sqrt(sum/float64(len(frame))) / 32768
		f.energyDB = max(silenceDB, 20*math.Log10(rms))
	}
	if len(frame) > 1 {
		f.zcr = float64(crossings) / float64(len(frame)-1)
	}
	f.flatness = flatness(frame, scratch, lo, hi)
	return f
}

// flatness is the spectral flatness (geometric over arithmetic mean of the
// power spectrum) between bins lo and hi of a Hann-windowed frame. Voiced
// speech and tones score low; broadband noise scores high.
func flatness(frame []int16, buf []complex128, lo, hi int) float64 {
	n := len(frame)
	for i := range buf {
		buf[i] = 0
	}
	for i, v := range frame {
		w := 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(n-1))
		buf[i] = complex(float64(v)*w, 0)
	}
	fft(buf)
	var logSum, sum float64
	const eps = 1e-3
	for k := lo; k < hi; k++ {
		p := real(buf[k])*real(buf[k]) + imag(buf[k])*imag(buf[k]) + eps
		logSum += math.Log(p)
		sum += p
	}
	m := float64(hi - lo)
	if sum <= eps*m*1.0001 {
		return 1 // silence: treat as perfectly flat
	}
	return math.Exp(logSum/m) / (sum / m)
}

// fft is an in-place iterative radix-2 Cooley-Tukey transform; len(a) must be
// a power of two.
func fft(a []complex128) {
	n := len(a)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j ^= bit
		if i < j {
			a[i], a[j] = a[j], a[i]
		}
	}
	for size := 2; size <= n; size <<= 1 {
		step := cmplx.Exp(complex(0, -2*math.Pi/float64(size)))
		for start := 0; start < n; start += size {
			w := complex(1, 0)
			for k := range size / 2 {
				u, v := a[start+k], a[start+k+size/2]*w
				a[start+k], a[start+k+size/2] = u+v, u-v
				w *= step
			}
		}
	}
}
