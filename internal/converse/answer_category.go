package converse

import (
	"strings"
	"sync"

	"github.com/parleyhq/parley/internal/profile"
)

// techKind is a family of technologies a visitor asks about as a whole
// ("which databases", "any cloud experience", "does he do CI/CD").
type techKind struct {
	noun       string          // "databases", for the reply
	categories []string        // alias-table categories it covers
	names      map[string]bool // or an explicit set of canonical names
}

var ciNames = nameSet("jenkins,github actions,gitlab ci,circleci,travis ci,argo cd,teamcity,buildkite,bamboo,fastlane,spinnaker,tekton,drone,azure devops,bitrise,flux")

// Families the alias table has no category for: tools of trades other
// than software (teaching, accounting), named as people list them.
var (
	// monitoring is a part of the alias table's "infrastructure", where
	// Terraform and Kubernetes are too
	monitoringNames = nameSet("prometheus,grafana,opentelemetry,jaeger,datadog,splunk,new relic,sentry,pagerduty,opsgenie,nagios,zabbix,kibana,loki,grafana loki,elk,elk stack,honeycomb,dynatrace,appdynamics,graylog,thanos,alertmanager,cloudwatch,amazon cloudwatch,victoriametrics,statsd,zipkin,tempo,icinga,checkmk,uptime kuma,pingdom,statuspage")
	lmsNames        = nameSet("moodle,canvas lms,canvas,blackboard,blackboard learn,docebo,cornerstone,cornerstone ondemand,talentlms,litmos,absorb lms,d2l,brightspace,d2l brightspace,google classroom,schoology,totara,sakai,thinkific,teachable,kajabi,workday learning,successfactors,sap successfactors,360learning,degreed,edx,open edx,coursera for business,linkedin learning")
	authoringNames  = nameSet("articulate storyline,storyline,articulate 360,rise 360,rise,adobe captivate,captivate,camtasia,lectora,ispring,ispring suite,elucidat,h5p,gomo,dominknow,easygenerator,adapt learning,vyond,synthesia")
	catToolNames    = nameSet("sdl trados studio,trados studio,trados,rws trados,memoq,phrase,memsource,wordfast,smartcat,matecat,crowdin,xtm,across,deja vu,smartling,transifex,lokalise,omegat")
	// kinds of testing a QA engineer is asked about by name: the alias
	// table files all of them under "testing"
	perfTestNames   = nameSet("jmeter,k6,gatling,loadrunner,locust,blazemeter,artillery,vegeta,neoload,tsung,wrk,siege")
	apiTestNames    = nameSet("rest assured,postman,pact,soapui,karate,newman,insomnia,bruno,dredd,wiremock")
	mobileTestNames = nameSet("appium,espresso,xcuitest,xctest,detox,maestro,earlgrey,robotium,browserstack,sauce labs,firebase test lab")
	containerNames  = nameSet("docker,podman,singularity,containerd,lxc,lxd,cri-o,buildah,kubernetes,openshift,docker swarm,rancher,helm,amazon ecs,amazon eks")
	hpcNames        = nameSet("slurm,pbs,pbs pro,torque,sge,lsf,htcondor,mpi,openmpi,open mpi,openmp,cuda,singularity,lustre,gpfs")
	// scripting is a use of a language more than a kind of one: shells,
	// and the languages people name for glue work
	scriptingNames  = nameSet("bash,shell,shell scripting,zsh,powershell,perl,python,ruby,rexx,lua,tcl,awk,sed,groovy,vbscript,applescript,batch,clist")
	accountingNames = nameSet("netsuite,oracle netsuite,quickbooks,quickbooks online,xero,sage,sage intacct,sap,sap erp,sap s/4hana,oracle financials,oracle erp,microsoft dynamics,dynamics 365,microsoft dynamics 365,workday financials,floqast,blackline,freshbooks,zoho books,hyperion,oracle hyperion,anaplan,adaptive insights,odoo,bill.com,expensify,ramp,brex,carta")
)

// nameSet is a set of lower-case canonical names, comma-separated.
func nameSet(names string) map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Split(names, ",") {
		m[strings.TrimSpace(n)] = true
	}
	return m
}

// techKinds are tried in order; the phrases are token sequences as the
// question's joined form has them (" ci cd ", with spaces around).
var techKinds = []struct {
	phrases []string
	kind    techKind
}{
	{[]string{" ci cd ", " ci ", " cicd ", " continuous integration ", " continuous delivery ", " continuous deployment ", " build pipelines ", " deployment pipelines ", " pipelines "},
		techKind{noun: "CI/CD tools", names: ciNames}},
	{[]string{" video formats ", " file formats ", " media formats ", " image formats ", " audio formats ", " codecs ", " formats "},
		techKind{noun: "media formats", names: nameSet("mp4,mpeg,mp3,gif,webm,h264,h.264,h265,hevc,av1,vp9,avi,mov,mkv,jpeg,jpg,png,svg,webp,flac,aac,opus,wav,ogg,pdf,heic")}},
	{[]string{" scripting languages ", " scripting language ", " scripting ", " shell scripting ", " shell scripts ", " scripts "},
		techKind{noun: "scripting languages", names: scriptingNames}},
	{[]string{" language is it written in ", " language was it written in ", " languages is it written in ", " written in what language ", " written in which language ", " programming languages ", " programming language ", " coding languages ", " computer languages ", " languages does @p code ", " languages does @p program ", " languages can @p code ", " languages can @p program ", " languages does @p write ", " can @p code ", " does @p code ", " can @p program ", " does @p program ", " coding ", " can @p write code ", " does @p write code ",
		" languages did @p use ", " languages does @p use ", " languages has @p used ", " languages @p used ", " languages were used ", " languages did @p code ", " languages did @p write "},
		techKind{noun: "programming languages", categories: []string{"language"}}},
	{[]string{" database ", " databases ", " db ", " dbs ", " datastores ", " data stores ", " rdbms ", " nosql "},
		techKind{noun: "databases", categories: []string{"database"}, names: nameSet("sql,pl/sql,t-sql,plsql,tsql,nosql")}},
	{[]string{" cloud ", " cloud providers ", " cloud platforms ", " clouds "},
		techKind{noun: "cloud platforms", categories: []string{"cloud"}}},
	{[]string{" lms ", " lmss ", " learning management ", " learning platforms ", " learning platform ", " e learning platforms ", " elearning platforms ", " training platforms "},
		techKind{noun: "learning platforms", names: lmsNames}},
	{[]string{" authoring tools ", " authoring tool ", " authoring software ", " authoring ", " e learning tools ", " elearning tools ", " e learning software ", " elearning software "},
		techKind{noun: "e-learning authoring tools", names: authoringNames}},
	{[]string{" translation memory ", " translation memories ", " cat tools ", " cat tool ", " cat software ", " computer assisted translation ", " translation tools ", " translation software ", " localisation tools ", " localization tools "},
		techKind{noun: "CAT tools", names: catToolNames}},
	{[]string{" accounting software ", " accounting systems ", " accounting system ", " accounting tools ", " erp ", " erps ", " erp systems ", " erp system ", " finance systems ", " finance tools ", " financial systems ", " bookkeeping software "},
		techKind{noun: "accounting and ERP systems", names: accountingNames}},
	{[]string{" frameworks ", " framework ", " libraries ", " library "},
		techKind{noun: "frameworks and libraries", categories: []string{"framework", "library"}}},
	{[]string{" observability ", " monitoring ", " alerting ", " apm "},
		techKind{noun: "monitoring and observability tools", names: monitoringNames}},
	{[]string{" containers ", " container ", " containerisation ", " containerization "},
		techKind{noun: "container tools", names: containerNames}},
	{[]string{" hpc ", " high performance computing ", " supercomputing ", " supercomputers ", " cluster computing ", " compute clusters ", " job schedulers ", " batch schedulers "},
		techKind{noun: "HPC tools", names: hpcNames}},
	{[]string{" devops ", " infrastructure ", " infra "},
		techKind{noun: "infrastructure tools", categories: []string{"infrastructure"}}},
	{[]string{" performance testing ", " performance tests ", " performance test ", " load testing ", " load tests ", " load test ", " stress testing ", " stress tests ", " perf testing "},
		techKind{noun: "performance-testing tools", names: perfTestNames}},
	{[]string{" api testing ", " api tests ", " api test ", " contract testing ", " contract tests "},
		techKind{noun: "API-testing tools", names: apiTestNames}},
	{[]string{" mobile testing ", " mobile tests ", " mobile test automation ", " app testing "},
		techKind{noun: "mobile-testing tools", names: mobileTestNames}},
	{[]string{" testing ", " test frameworks ", " unit tests ", " unit testing ", " automated tests ", " tests "},
		techKind{noun: "testing tools", categories: []string{"testing"}}},
	{[]string{" message queues ", " messaging ", " message brokers ", " queues ", " streaming platforms "},
		techKind{noun: "messaging systems", categories: []string{"messaging"}}},
	{[]string{" ai ", " artificial intelligence ", " ml ", " llms ", " llm "},
		techKind{noun: "AI and machine-learning tools", categories: []string{"ai"}}},
	{[]string{" methodologies ", " methodology ", " practices ", " ways of working ", " engineering practices "},
		techKind{noun: "practices and methods", categories: []string{"practice"}}},
	{[]string{" operating systems ", " operating system "},
		techKind{noun: "operating systems", categories: []string{"os"}}},
	{[]string{" data engineering ", " big data ", " data tools ", " data pipelines ", " analytics tools "},
		techKind{noun: "data tools", categories: []string{"data"}}},
}

// techCategory is the alias table's category of every canonical name.
var techCategory = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, t := range profile.Technologies().Techs() {
		m[strings.ToLower(t.Name)] = t.Category
	}
	return m
})

// findKind returns the family of technologies the question asks about, if
// it names one and no technology by name.
func findKind(q *query) (*techKind, string) {
	if !q.hasAnyOf(kindPhrases()) {
		return nil, ""
	}
	for i := range techKinds {
		for _, p := range techKinds[i].phrases {
			if q.has(p) {
				return &techKinds[i].kind, strings.TrimSpace(p)
			}
		}
	}
	return nil, ""
}

func (k *techKind) has(tech string) bool {
	low := strings.ToLower(tech)
	if k.names[low] {
		return true
	}
	c := techCategory()[low]
	if c == "" {
		var base string
		if base, c = qualifiedCategory(low); base != "" && k.names[base] {
			return true
		}
	}
	for _, want := range k.categories {
		if c == want {
			return true
		}
	}
	return false
}

// kindAnswer lists the technologies of one family the profile mentions,
// with where each appears, or says plainly that it mentions none.
func (x *Index) kindAnswer(o *out, k *techKind, mode techMode) {
	o.in = iSkills
	var found []string
	for _, t := range x.techOrder {
		if k.has(t) {
			found = append(found, t)
		}
	}
	if len(found) == 0 {
		o.say("The profile doesn't mention any %s.", k.noun)
		if len(x.techOrder) > 0 {
			o.say("Skills and tools it does mention include %s.", list(x.namedTechs(6)))
		}
		return
	}
	if k.noun == "programming languages" {
		var markup []string
		if found, markup = splitMarkup(found); len(markup) > 0 {
			// "what programming languages": HTML and CSS are said apart,
			// as markup and style, not counted among them
			if len(found) == 0 {
				o.say("The profile doesn't mention a programming language as such; it mentions the markup and style %s %s.", plural(len(markup), "language", "languages"), list(markup))
			} else {
				x.listKind(o, k, found, mode)
				o.say("It also lists the markup and style %s %s.", plural(len(markup), "language", "languages"), list(markup))
			}
			x.citeTechs(o, markup)
			return
		}
	}
	x.listKind(o, k, found, mode)
}

// markupNames are the languages that describe a document or its style
// rather than program a computer.
var markupNames = nameSet("html,html5,css,css3,xml,xhtml,markdown,latex,sass,scss,less,yaml,json")

// splitMarkup separates the markup and style languages from the others,
// each in the order given.
func splitMarkup(names []string) (rest, markup []string) {
	for _, n := range names {
		if markupNames[strings.ToLower(n)] {
			markup = append(markup, n)
		} else {
			rest = append(rest, n)
		}
	}
	return rest, markup
}

// citeTechs cites every place the profile names each technology.
func (x *Index) citeTechs(o *out, names []string) {
	for _, t := range names {
		for _, c := range x.techUse[strings.ToLower(t)] {
			o.cite(c.Section, c.Index, c.Field)
		}
	}
}

// listKind says which of a family's technologies the profile names
// (found, in the profile's order), with where each appears when few.
func (x *Index) listKind(o *out, k *techKind, found []string, mode techMode) {
	if len(found) > 3 {
		o.say("The profile mentions %d %s: %s.", len(found), k.noun, list(found))
		for _, t := range found {
			for _, c := range x.techUse[strings.ToLower(t)] {
				o.cite(c.Section, c.Index, c.Field)
			}
		}
		return
	}
	parts := make([]string, 0, len(found))
	for _, t := range found {
		uses := x.techUse[strings.ToLower(t)]
		if w := x.whereUsed(o, uses, mode); w != "" {
			parts = append(parts, t+": "+w)
		} else {
			parts = append(parts, t)
		}
	}
	o.say("Among %s, the profile mentions %s.", k.noun, strings.Join(parts, "; "))
	if len(found) == 1 {
		o.tech = found[0]
	}
}

// kindPhrases holds every family phrase, so most questions skip the
// phrase scan after one pass over their words.
var kindPhrases = sync.OnceValue(func() *phraseSet {
	var all []string
	for _, k := range techKinds {
		all = append(all, k.phrases...)
	}
	return newPhraseSet(all...)
})

// kindAt answers a family question about one entry: "which languages did
// he use there". It reports false when the entry names none of the
// family (the caller then answers for the whole profile).
func (x *Index) kindAt(o *out, k *techKind, it *item) bool {
	var names []string
	for _, t := range it.techs {
		if k.has(t) {
			names = append(names, t)
		}
	}
	if len(names) == 0 {
		return false
	}
	o.in = iTech
	o.say("At %s the profile names these %s: %s.", it.label(), k.noun, list(names))
	o.citeItem(it)
	o.focusOn(it)
	return true
}

// placeNamedByKind reports "the library" when an employer, school or
// organisation of the profile is named by it ("Riverbend Public Library"):
// the place, not a kind of technology. A plural ("libraries") or no
// article still asks for the kind.
func placeNamedByKind(ents []*item, phrase, joined string) bool {
	if !strings.Contains(joined, " the "+phrase+" ") {
		return false
	}
	for _, e := range ents {
		if (e.sec == secWork || e.sec == secEducation || e.sec == secVolunteer) && strings.Contains(e.norm, " "+phrase+" ") {
			return true
		}
	}
	return false
}

// programmingLanguageAsked reports a question naming a programming language
// beside the word "language": "is Go her main language".
func programmingLanguageAsked(q *query) bool {
	if !hasAnyToken(q.ts, "language", "languages") {
		return false
	}
	for _, t := range q.techs {
		if techCategory()[strings.ToLower(t)] == "language" {
			return true
		}
	}
	return false
}
