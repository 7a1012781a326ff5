package converse

import (
	"sort"
	"time"
)

// heldOrder returns jobs in the order a list of them is read out: the
// ones still held first (the latest started first), then the ended ones
// by when they ended, most recent first, so a long job that ended last is
// not listed after a short one started inside it. An entry with no end
// date that is not current counts as ending when it started; undated
// entries keep their place at the end. jobs itself is left as it is.
func heldOrder(jobs []*item, now time.Time) []*item {
	out := append([]*item(nil), jobs...)
	held := func(it *item) bool {
		return it.current(now) || it.per.Open && !it.noEnd && !it.unfin // a job starting later is held too
	}
	ended := func(it *item) time.Time {
		if it.noEnd || it.unfin {
			return it.per.From()
		}
		return it.per.Until(now)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.dated != b.dated {
			return a.dated
		}
		if !a.dated {
			return false
		}
		if ha, hb := held(a), held(b); ha != hb {
			return ha
		} else if !ha {
			if ea, eb := ended(a), ended(b); !ea.Equal(eb) {
				return ea.After(eb)
			}
		}
		return a.per.From().After(b.per.From())
	})
	return out
}
