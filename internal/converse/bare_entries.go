package converse

import (
	"fmt"
	"strings"
)

// A sparse export may keep of a past job only its name and start year:
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
		if !it.dated || !it.per.Open || it.role != "" || it.per.Start.Month != 0 ||
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

// endlessWhen is when() of an entry with no end date that is not current.
func endlessWhen(it *item) string {
	return fmt.Sprintf("from %s, no end date given", fmtDate(it.per.Start))
}
