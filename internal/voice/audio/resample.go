package audio

import "math"

// Resampler quality: the kernel spans zeroCrossings lobes of the sinc on each
// side of the output instant, shaped by a Kaiser window. 16 lobes with beta 8
// give roughly 70 dB of stop-band rejection, far below what speech
// recognisers notice, for ~100 multiply-adds per output sample at 48->16 kHz.
const (
	zeroCrossings = 16
	kaiserBeta    = 8.0
	// passband keeps the cut-off just under the new Nyquist frequency so the
	// transition band falls where little speech energy is.
	passband = 0.92
	// maxPhases bounds the precomputed table; rate pairs with a larger
	// reduced ratio compute the kernel per output sample instead.
	maxPhases = 4096
)

// Resample converts mono p to rate with a windowed-sinc (Kaiser) polyphase
// filter, which also low-passes before decimation so no aliasing folds into
// the speech band. Stereo input is downmixed first. The output has
// ceil(frames*rate/p.Rate) frames.
func Resample(p PCM, rate int) PCM {
	p = p.Mono()
	if p.Rate == rate || p.Rate <= 0 || rate <= 0 || len(p.Samples) == 0 {
		return PCM{Rate: rate, Channels: 1, Samples: p.Samples}
	}
	g := gcd(p.Rate, rate)
	up, down := rate/g, p.Rate/g // output n sits at input time n*down/up
	// Cut-off relative to the input Nyquist: the lower of the two rates.
	fc := passband * math.Min(1, float64(up)/float64(down))
	half := int(math.Ceil(zeroCrossings / fc))
	k := newKernel(fc, half)

	in := p.Samples
	n := (len(in)*up + down - 1) / down
	out := make([]int16, n)
	var table [][]float64
	if up <= maxPhases {
		table = make([][]float64, up)
	}
	for i := range n {
		pos := i * down // in units of 1/up input samples
		center, phase := pos/up, pos%up
		var taps []float64
		if table != nil {
			if table[phase] == nil {
				table[phase] = k.taps(float64(phase) / float64(up))
			}
			taps = table[phase]
		} else {
			taps = k.taps(float64(phase) / float64(up))
		}
		out[i] = clamp16(convolve(in, center-half+1, taps))
	}
	return PCM{Rate: rate, Channels: 1, Samples: out}
}

// kernel is a Kaiser-windowed sinc low-pass with cut-off fc (fraction of the
// input Nyquist) and half-width half input samples.
type kernel struct {
	fc   float64
	half int
	i0b  float64
}

func newKernel(fc float64, half int) kernel {
	return kernel{fc: fc, half: half, i0b: besselI0(kaiserBeta)}
}

// taps returns the 2*half weights for input samples center-half+1 ...
// center+half, where the output instant lies frac of a sample past center.
// They are normalised to sum to 1 so DC passes at unit gain.
func (k kernel) taps(frac float64) []float64 {
	w := make([]float64, 2*k.half)
	sum := 0.0
	for j := range w {
		t := float64(j-k.half+1) - frac // distance from the output instant
		x := t / float64(k.half)
		if x <= -1 || x >= 1 {
			continue
		}
		win := besselI0(kaiserBeta*math.Sqrt(1-x*x)) / k.i0b
		w[j] = k.fc * sinc(k.fc*t) * win
		sum += w[j]
	}
	if sum != 0 {
		for j := range w {
			w[j] /= sum
		}
	}
	return w
}

// convolve sums in[start+j]*taps[j], treating samples outside in as zero.
func convolve(in []int16, start int, taps []float64) float64 {
	acc := 0.0
	lo, hi := 0, len(taps)
	if start < 0 {
		lo = -start
	}
	if start+hi > len(in) {
		hi = len(in) - start
	}
	for j := lo; j < hi; j++ {
		acc += float64(in[start+j]) * taps[j]
	}
	return acc
}

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// besselI0 is the zeroth-order modified Bessel function of the first kind,
// by its power series (converges fast for the beta used here).
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	q := x * x / 4
	for k := 1; k < 50; k++ {
		term *= q / float64(k*k)
		sum += term
		if term < sum*1e-12 {
			break
		}
	}
	return sum
}

func clamp16(v float64) int16 {
	v = math.Round(v)
	switch {
	case v > math.MaxInt16:
		return math.MaxInt16
	case v < math.MinInt16:
		return math.MinInt16
	}
	return int16(v)
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
