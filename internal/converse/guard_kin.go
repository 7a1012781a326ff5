package converse

import "strings"

// Off-topic words of a field the person works or lives in: "has she been
// in any movies" asked of an actor whose profile says "on-camera", "what
// songs has he recorded" of a bassist whose profile lists albums. The
// profile need not use the asked word itself, only a word of its field.
// Opinions and beliefs (political views, votes, religion) have no field
// here: "what are his political views" stays declined even of a
// political journalist, while "has he covered elections" is his work.

// offTopicKinSpec lists, per line, off-topic cues (a phrase's words
// joined by "_") and then, after ":", the words of the field that make
// them the person's own.
const offTopicKinSpec = `
film movie movies cinema : film films filmmaker filmmaking movie movies cinema cinematographer cinematography television tv camera cameras screen actor actress acting documentary documentaries
song lyrics : song songs songwriter songwriting lyrics music musician musical album albums singer singing vocalist soprano alto tenor baritone choir band concert concerts recording recordings
cook recipe : cook cooks cooking chef chefs kitchen kitchens recipe recipes culinary restaurant restaurants bakery baker baking pastry food catering
sports football soccer basketball olympics champions_league premier_league world_series super_bowl : sport sports football footballer soccer basketball olympics olympic olympian athletics athlete coach coaching league midfielder striker goalkeeper
translate : translate translator translators translation translations interpreter interpreting localisation localization
news : news journalist journalism reporter reporting newspaper newsroom correspondent broadcaster broadcast editor
war : war army military soldier veteran deployment deployed combat infantry navy marine marines
weather forecast rain snow : weather meteorology meteorologist forecasting forecaster climate pilot pilots aviation airline aircraft
politics election elections government : politics political election elections electoral campaign campaigns government parliament parliamentary legislature legislative minister ministry senate congress policy
`

// offTopicKin maps an off-topic cue word to the stems of its field.
var offTopicKin = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(offTopicKinSpec), "\n") {
		cues, field, _ := strings.Cut(line, ":")
		var stems []string
		for _, w := range strings.Fields(field) {
			stems = append(stems, stem(w))
		}
		for _, c := range strings.Fields(cues) {
			m[strings.ReplaceAll(c, "_", " ")] = stems
		}
	}
	return m
}()

// ownsKin reports whether the profile uses a word of the field of the
// off-topic cue word t.
func (x *Index) ownsKin(t string) bool {
	for _, s := range offTopicKin[t] {
		if x.words[s] {
			return true
		}
	}
	return false
}
