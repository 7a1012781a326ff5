package converse

import "github.com/parleyhq/parley/internal/profile"

// "Where did he do his engineering", "when did she finish her nursing":
// a field of study said as the thing done ("did his engineering"), as
// Indian and British English say it, names the one study in that field,
// even where the field's word is too common ("engineering") to name an
// entry by itself.

// studyDoneVerbs are the verbs a study is done with, before "his"/"her" and the field.
var studyDoneVerbs = setOf(`do did does doing done study studied studying finish finished complete completed pursue pursued`)

// studyByField returns the one education entry whose area or degree has
// the word after "@p" that follows a study verb, or nil.
func (x *Index) studyByField(ts []string) *item {
	for i := 2; i < len(ts); i++ {
		if ts[i-1] != "@p" || !studyDoneVerbs[ts[i-2]] || len(ts[i]) < 4 {
			continue
		}
		if v := ts[i-2]; (v == "did" || v == "does") && at(ts, i-3) != "@p" {
			continue // "who does she write for": an auxiliary, the verb follows
		}
		st := stem(ts[i])
		if it := x.soleEducation(func(e *profile.Education) bool {
			for _, t := range tokens(e.Area + " " + e.StudyType) {
				if stem(t) == st {
					return true
				}
			}
			return false
		}); it != nil {
			return it
		}
	}
	return nil
}
