package converse

import (
	"fmt"
	"strings"
)

// A sparse export may keep of a past job only its name and start year
// (or only a title besides, for the first job of all: outlivedFirstJob):
// no position, no summary, no highlights, no end date. JSON Resume reads a
// missing end as "still going", but when a later job followed it that is
// the export losing the end, not a job held to this day: such an entry is
// not current, "before that" does not pass over it, and its length is not
// counted to today. The latest job keeps the usual reading.

// markEndless records item.noEnd on the work entries described above;
// Compile calls it once the work section is built.
func (x *Index) markEndless() {
	for i := range x.work {
		it := &x.work[i]
		w := x.r.Work[it.idx]
		if !it.dated || !it.per.Open || it.role != "" && !x.outlivedFirstJob(it) || it.per.Start.Month != 0 ||
			strings.TrimSpace(w.Summary) != "" || strings.TrimSpace(w.Description) != "" || len(w.Highlights) > 0 {
			continue
		}
		for _, later := range x.work {
			if later.dated && later.per.From().After(it.per.From()) {
				it.noEnd = true
				break
			}
		}
	}
}

// outlivedFirstJob reports a titled job that is the earliest of all and
// that a later job both followed and outlasted: "Receptionist, 2005" with
// no end, before eighteen years of flying in jobs that came and went, is
// no job held to this day either. A first job still held beside later
// ones says so in a summary, which keeps it current.
func (x *Index) outlivedFirstJob(it *item) bool {
	ended := false
	for i := range x.work {
		o := &x.work[i]
		if o == it || !o.dated {
			continue
		}
		if !o.per.From().After(it.per.From()) {
			return false
		}
		ended = ended || !o.per.Open
	}
	return ended
}

// endlessWhen is when() of an entry with no end date that is not current.
func endlessWhen(it *item) string {
	return fmt.Sprintf("from %s, no end date given", fmtDate(it.per.Start))
}
