package converse

import "strings"

// intent is what a question asks for.
type intent uint8

const (
	iNone intent = iota
	iGreeting
	iThanks
	iBye
	iHelp
	iSummary
	iCurrent
	iWork
	iEmployer
	iFirst
	iLatest
	iPrev
	iNext
	iProjects
	iSkills
	iTech
	iEducation
	iCerts
	iAwards
	iPubs
	iLangs
	iVolunteer
	iInterests
	iContact
	iLocation
	iPrivate
	iReferences
	iDuration
	iTotalExp
	iWhen
	iWhere
	iMore
	iOffTopic
	iInjection
	iTooLong
	iEmpty
	iUnknown
	iSearch
	iRoleCheck
	iAvailability
	iGaps
	iHighlights
	numIntents
)

var intentNames = [numIntents]string{
	"", "greeting", "thanks", "goodbye", "help", "summary", "current_role", "work_history",
	"employer", "first_job", "most_recent", "before", "after", "projects", "skills", "technology",
	"education", "certificates", "awards", "publications", "languages", "volunteering",
	"interests", "contact", "location", "private", "references", "duration", "total_experience",
	"when", "where", "more", "off_topic", "injection", "too_long", "empty", "unknown", "search",
	"role_check", "availability", "gaps", "highlights",
}

func (i intent) String() string { return intentNames[i] }

func intentNamed(s string) intent {
	for i, n := range intentNames {
		if n == s && n != "" {
			return intent(i)
		}
	}
	return iNone
}

// cue is a phrase that votes for an intent. "@p" in a phrase stands for any
// reference to the person (she, he, they, you, their name); "*" for any
// one word.
type cue struct {
	rest []string
	in   intent
	w    int
}

// cueSpec lists the cue phrases: "intent weight: phrase | phrase ...".
const cueSpec = `
greeting 3: how are @p | how is it going | nice to meet @p
greeting 2: hi | hello | hey | howdy | greetings | good morning | good afternoon | good evening | hiya | yo
thanks 3: thanks | thank | thx | cheers | appreciate it | appreciated | great thanks
goodbye 3: bye | goodbye | see you | farewell
help 8: @p a bot | this a bot | to a bot | with a bot
help 4: chatbot | are @p real | are @p human | are @p an ai | are @p ai | what can @p tell | what can @p tell me | what do @p know about
help 3: help | what can you do | what can i ask | what do you know | how does this work | what should i ask | options
summary 6: what @p deal | what is @p deal | what @p story | what is @p story | @p story
summary 4: this site | this website | this page | this portfolio | made this | built this | owns this | whose site | whose website | whose portfolio | whose page | @p name | @p full name | who is this | who s this | who this | whose profile | whose resume | whose cv | who @p
summary 2: about @p
summary 3: who is @p | summary | summarize | summarise | introduce | introduction | background | overview | bio | biography | describe @p | tell me about @p | who am i talking | what kind of | elevator pitch | in a nutshell | headline | rundown | quick summary | tldr | tl dr | snapshot | quick intro | brief intro | high level
summary 2: what does @p do | what is @p | label | title | profession | occupation | what @p does
current 6: what rank is @p | what is @p rank | what rank does @p hold | side gig | side gigs | side job | side hustle | moonlighting | moonlights | second job | other job | another job | part time job | part-time job | for a living | do for work | earn a living | make a living | makes a living | earns a living | day to day | what does @p do now | who is @p employer | what is @p employer | who is @p current employer
current 3: currently | current job | current role | current position | current employer | current company | at the moment | these days | nowadays | right now | present job | day job | still | now
current 2: does @p work | do @p work | is @p working | are @p working | @p works | works | employed | working at | works at | work at | where does | job title | current
work 3: internship | internships | intern | interned | work history | worked | jobs | employers | companies | career | positions | roles | employment | did @p work | has @p worked | have @p worked | where else | other jobs | professional experience | work experience | previous jobs | past jobs | employment history | job history | track record | resume | cv
work 3: was @p working | were @p working | @p was working | @p were working | what has @p done | what have @p done | what had @p done
work 7: about @p work | about @p jobs | about @p career | about @p experience | about @p employment | about @p professional
work 1: experience | job | work | role | position | doing | company | employer | professional | working | club | clubs
work 4: @p play for | @p played for | @p plays for | @p playing for | @p signed for | @p sign for | @p signs for | position did @p play | positions did @p play | position does @p play | position @p played | which clubs | what clubs | which teams | what teams
work 4: practise law | practice law | practising law | practicing law | where did @p practise | where did @p practice | where has @p practised | where has @p practiced | practised at | practiced at | in private practice | private practice | law firm | law firms | which firm | what firm | at a firm
first 4: which was @p first | what was @p first | came first | come first | came out first | come out first | released first | did @p do first | and @p first | first job | first role | first position | first employer | first company | first work | earliest | career start | start @p career | started @p career | begin @p career | began @p career | first ever | oldest job | first gig | first professional | where did @p start | where did @p begin | started out | start out
latest 4: most recent | most recently | latest | last degree | last school | last university | last college | last qualification | last diploma | study last | studied last | last job | last role | last position | last employer | last company | newest | recent job | recent role | last worked | last show
prev 5: @p do before | @p doing before | previous job | previous role | previous employer | previous company | previous position | prior job | prior role | before that | prior to that | before then | before this | before it | earlier than that | previous one | one before | and before | before there | preceding
next 5: after that | and then | go after | went after | moved after | go next | went next | then where | where next | after he left | after she left | after they left | after this | after then | afterwards | next job | then what | after it | and after | following that | after there | what came next
projects 3: last show | latest show | recent show | first show | next show | which shows | what shows | any shows | theatre credits | theater credits | acting credits | brought to market | bring to market | taken to market | took to market | @p shipped | @p ship | @p launched | @p launch | @p released | @p release | products | product launches | launches | project | projects | side project | side projects | portfolio | open source | hackathon | built | build | created | apps | made
skills 6: is @p technical | @p best at | @p strongest at | @p excel at | @p excel in | @p excels at | @p excels in | @p great at | are @p technical | how technical | technical skills | technical background | technical skillset | hard skills
skills 5: favourite tool | favorite tool | fav tool | favourite tools | favorite tools | fav tools | go to tool | preferred tool | preferred tools | main tool | main tools | favourite language | favorite language | fav language | preferred language | programming languages | programming language | coding languages | computer languages | scripting languages | scripting language
skills 3: skills | skill | good at | strengths | superpower | superpowers | expertise | tech stack | stack | technologies | tools | programming languages | abilities | competencies | specialize | specialise | specialty | speciality | proficiencies | toolbox | frameworks | what instruments | which instruments | any instruments | how many instruments
tech 2: does it support | it supports | compatible with | integrates with | integrate with | does it run on | it runs on | know | knows | knowledge | use | used | uses | using | familiar | worked with | work with | proficient | skilled | program in | code in | coded | written in | wrote | can @p | level | competent | experience with | experience in | experienced with | experienced in | experience does @p have with | experience does @p have in | experience has @p with | worked in | any experience | touched | heard of
education 6: graduate with | graduated with | with honours | with honors | honours degree | honors degree | first class | cum laude | summa cum laude | magna cum laude | with distinction | final grade | degree classification
education 6: undergrad | undergraduate | undergraduate degree | grad school | graduate school | in school | at school | at university | in college | at college | at uni | studying anything | studying now | still studying | currently studying | is @p studying | are @p studying | is @p a student | enrolled | currently enrolled | pursuing a | working towards | working toward
education 6: formal training | formally trained | formal education | teaching qualification | teaching qualifications | teaching degree | teaching certificate | teaching credential | teacher training | professional qualification | professional qualifications
education 6: educational background | academic background | education background | educational history | academic history
education 3: educational | educated | study | studied | studying | degree | degrees | university | college | school | education | graduate | graduated | graduation | graduating | semester | freshman | sophomore | junior year | senior year | major | majored | bachelor | bachelors | master | masters | phd | doctorate | gpa | grade | grades | marks | courses | class | classes | coursework | diploma | alma mater | academic | qualifications | qualification | schooling | student | uni | mba | attend | attended | studies | thesis | bootcamp | course | training | gpa score | final score | degree score
education 5: which modules has @p taken | which modules have @p taken | which modules did @p take | what modules has @p taken | what modules have @p taken | what modules did @p take | which modules did @p study | what modules did @p study
education 4: where did @p learn | where did @p learn about | where has @p learned | where has @p learnt | where did @p pick up
education 4: retrain | retrained | retraining | reskill | reskilled | reskilling | upskill | upskilled | upskilling
certs 5: qualified to practise | qualified to practice | licensed to practise | licensed to practice | can @p practise | can @p practice | admitted to the bar | admitted in | called to the bar | bar admission | bar admissions | bar exam | is @p licensed | is @p qualified | is @p admitted | class a | class b | class c
certs 4: badge | badges | certificate | certificates | certification | certifications | certified | license | licenses | licence | credential | credentials | accreditation | accredited | cert | certs | exam | exams | designations | professional designation
awards 4: award | awards | prize | prizes | honor | honors | honour | honours | recognition | recognized | recognised | won | win | wins | accolades | trophy | trophies | medal | medals | been decorated | decorations | commendation | commendations
highlights 4: any good | how good is @p | good at @p job
highlights 4: achievement | achievements | accomplishment | accomplishments | proudest | most impressive | biggest win | biggest wins | key wins | impact | metrics | measurable | kpis | kpi | results | highlights of @p career | career highlights | notable work | best work | greatest | track record
highlights 6: why should i hire | why hire | would you hire | should i hire | should we hire | worth hiring | why would i hire | why should we hire | why would we hire | what makes @p stand out | what makes @p a good | what makes @p special | what sets @p apart | stand out | selling points | strongest points | good fit | convince me | sell me | would @p be a good | would @p make a good | would @p be a great | would @p make a great | is @p qualified | is @p a good candidate | is @p the right
pubs 5: @p write anything | @p written anything | @p wrote anything | @p talk | @p talks | @p paper | @p papers | @p article | @p articles | @p publication | @p publications | @p book | @p keynote | write about | wrote about | writes about | written about | writing about | blog about | blogs about
pubs 4: album | albums | discography | lp | lps | mixtape | mixtapes | recordings | publication | publications | published | publish | papers | paper | articles | article | talks | talk | spoke | speaking | speaker | conference | conferences | presentations | presented | presentation | written | books | book | blog | journal | research | put out
langs 4: languages | language | speak | speaks | spoken | fluent | fluency | bilingual | multilingual | native language | mother tongue | native speaker
volunteer 4: outreach | community service | community involvement | civic | gives back | giving back | mentors students
volunteer 4: volunteer | volunteering | volunteered | volunteers | charity | nonprofit | non profit | give back | pro bono | community work
interests 3: fun
interests 4: does @p like | do @p like | @p likes | does @p love | do @p love | @p loves | is @p into | are @p into | passionate about | passion | passions | is @p fond of | fond of | keen on | is @p keen on | a fan of | big fan of | does @p enjoy | do @p enjoy
interests 6: what @p into | what is @p into | what else is @p into | besides work | apart from work | outside work | outside of work | after work | off work | away from work | besides work | when @p is not working | when @p not working | on weekends | at weekends | on the weekend | free time | spare time
interests 4: interests | interest | hobbies | hobby | free time | spare time | enjoy | enjoys | likes | passions | passionate | outside of work | for fun | pastime | pastimes | leisure | what is @p into | what are @p into
contact 6: see @p work | see @p designs | see @p portfolio | see @p projects | see more of @p work | where can i see | look at @p work
contact 8: best way to reach @p | best way to contact | best way to get in touch | how do i contact | how can i contact | how do i reach @p | how can i reach @p | how can i get in touch | how do i get in touch | how to contact | how to reach @p | how to get in touch | where can i contact | where can i reach @p | talk to @p | talk with @p | speak to @p | speak with @p | chat with @p | meet @p in person | get hold of @p | how can i work with @p | how do i work with @p | how could i work with @p | how can we work with @p | how do we work with @p | how would i work with @p
contact 4: contact | email | e mail | mail | reach | get in touch | linkedin | github | twitter | website | homepage | social | url | connect | profiles | online | web page | portfolio site | personal site | hire @p
location 6: time zone | timezone | time zones | timezones
location 4: is @p from | are @p from | originally from | comes from | come from | grew up | where does @p live | where is @p based | where is @p from | where @p lives | based | located | location | live | lives | lived | living | moved to | hometown | city | country | relocate | where is @p located | from where
private 4: phone | telephone | cellphone | cell number | mobile number | mobile phone | mobile no | phone number | call @p | whatsapp | text @p | sms | street | home address | address | postal | zip | postcode | house | apartment
references 5: did the ceo say | did @p ceo say | did @p manager say | did the manager say | did @p boss say | did the boss say | did @p colleagues say | do @p colleagues say | did the founder say | did @p cto say | did @p clients say | do @p clients say | did @p team say | does @p manager say | does the ceo say | did the cto say | what others say | what people say
references 4: think of @p | thinks of @p | think about @p | say about @p | says about @p | said about @p | references | reference | recommendations | recommendation | testimonials | testimonial | others say | colleagues say | endorsements | vouch | recommend | recommends
duration 3: long | many years | many months
duration 4: how long | how many years | how many months | tenure | duration | length of
total 5: years of experience | how much experience | how experienced | total experience | experience in total | overall experience | how long has @p been working | how long has @p worked | how senior | seniority | how many years of | career length | been working | in the industry
when 3: when | what year | which year | what years | dates | what dates | what time | how long ago | since when
where 2: where | where was that | where is that | where was it | which city | what city
availability 6: could @p start | can @p start | able to start | start next month | start next week | start immediately | start right away | start soon
availability 6: when could @p start | when can @p start | start date | notice period | when is @p available | when would @p be available | earliest start | is @p open to | are @p open to | would @p be open | open to industry | interested in joining | considering offers | availability
availability 6: looking for an | looking for internships | looking for an internship | seeking an internship | open to work | open to new | open to opportunities | open to offers | open for work | looking for work | looking for a job | looking for a new | looking for new | looking for opportunities | looking for a role | job hunting | job searching | job search | on the market | available for | available to | available | is @p available | are @p available | for hire | hireable | taking clients | accepting clients | interested in new | seeking | open to roles | open to a new | would @p consider | would @p take a | would @p take an | would @p accept a | would @p accept an | can i hire | can we hire | is @p looking for | @p is looking for | are @p looking for | is @p after | @p is after | are @p after | job does @p want | role does @p want | jobs does @p want | roles does @p want | kind of job is @p | kind of role is @p | does @p want to work | would @p like to work | would @p want to work | would @p prefer to work | would @p rather work | @p like to work next | kind of role would @p like | kind of job would @p like | what role would @p like | what job would @p like | @p want to do next | @p wants to do next | next career move | dream job
availability 6: accepting new clients | accepting new patients | accepting new students | taking new clients | taking new patients | taking new students | taking on new clients | taking on new patients | seeing new clients | seeing new patients | accepting patients | taking patients
gaps 6: gap | gaps | career break | sabbatical | time off | year off | years off | months off | between jobs | unemployed | unemployment | not working | out of work | hiatus | employment gap | take a break | took a break | break from work
more 4: tell me more | more | details | detail | elaborate | go on | what else | anything else | more about | expand | specifics | highlights | responsibilities | what did @p do there | do there | done there | done for them | role there | do for them | did for them | doing for them | role with them | accomplishments | achieve | achieved | contributions | work on | worked on | what happened to | what happened with | what became of
`

// offTopicSpec are cues of questions Parley does not answer: not about the
// person at all. "weight: phrase | ...".
const offTopicSpec = `
4: forecast for | the * forecast | what the * like | what the * * like | what is the * like | what is the * * like | how is the * market | housing market | job market | who will win | will win the | champions league | premier league | world series | super bowl | olympics | weather | forecast | temperature | rain | snow | politics | political | election | elections | president | prime minister | mayor | governor | senator | pope | vote | voting | democrat | democrats | republican | republicans | government | stock price | futures | commodity price | commodity prices | exchange rate | price of * today | prices of * today | stock prices | share price | share prices | bitcoin | crypto | recipe | cook | movie | movies | film | song | lyrics | sports | football | soccer | basketball | joke | jokes | laptop | laptops | poem | poetry | story | translate | capital of | population | meaning of life | who won | who invented | how tall | how far | distance | calculate | solve | equation | square root | homework | essay | chatgpt | news | horoscope | lottery | religion | god | celebrity | king | queen | war
4: hurts | aches | toothache | headache | my symptoms | speed limit | speed limits | tax rate | tax rates | minimum wage | stock to buy | stocks to buy | stock to invest in | stocks to invest in
3: write a | write me | train me | build me | make me | draft me | generate me | code for | function that | function to | how do i | how to | how can i | how should i | fix my | my code | debug | algorithm for | sort a | reverse a | implement | regex | sql query | explain how | what is the difference | difference between | best way to | recommend a | should i buy | should i take | what should i take
3: the best | what is the best | which is the best
2: what is a | what is an | what are | who is the | who was the | define | definition | plus | minus | multiplied | divided | times
`

// injectionSpec are phrases of attempts to give the assistant new
// instructions. Any one of them declines the turn.
const injectionSpec = `ignore previous | ignore all | ignore the | ignore your | ignore any | ignore above | ignore prior | ignore everything | ignore instructions | disregard | forget your | forget all | forget previous | forget everything | forget the | you are now | you re now | act as | acting as | pretend | answer as | respond as | reply as | speak as | roleplay | role play | system prompt | your prompt | your instructions | initial instructions | original instructions | hidden instructions | jailbreak | dan mode | developer mode | god mode | override | new instructions | from now on | reveal your | print your | show your prompt | repeat the text | above instructions | previous instructions | simulate | sudo | admin mode | unfiltered | no restrictions | without restrictions | bypass | do anything now | prompt injection | your rules | your guidelines | your system | as an ai | language model | llm | you must now | stop being | instructions | instruction | system note | system message | new rule | new rules | profile updated | profile has been updated | repeat everything | everything above | above this line | instrucciones | instrucciones anteriores | olvida | ignora | ignoriere | ignorieren | vergiss | anweisungen | bist jetzt | eres ahora | istruzioni | dimentica | esqueça | instruções | instructies | negeer`

var (
	cueTable       = map[string][]cue{}
	offTopicTable  = map[string][]cue{}
	injectionTable = map[string][]cue{}
)

func init() {
	for _, line := range strings.Split(strings.TrimSpace(cueSpec), "\n") {
		head, phrases, _ := strings.Cut(line, ":")
		name, weight, _ := strings.Cut(head, " ")
		in := intentNamed(map[string]string{"current": "current_role", "work": "work_history", "first": "first_job",
			"latest": "most_recent", "prev": "before", "next": "after", "tech": "technology", "certs": "certificates",
			"pubs": "publications", "langs": "languages", "volunteer": "volunteering", "total": "total_experience"}[name])
		if in == iNone {
			in = intentNamed(name)
		}
		if in == iNone {
			panic("cue spec: unknown intent " + name)
		}
		addCues(cueTable, phrases, in, atoiSmall(weight))
	}
	for _, line := range strings.Split(strings.TrimSpace(offTopicSpec), "\n") {
		weight, phrases, _ := strings.Cut(line, ":")
		addCues(offTopicTable, phrases, iOffTopic, atoiSmall(weight))
	}
	addCues(injectionTable, injectionSpec, iInjection, 1)
	for _, tb := range []struct {
		table map[string][]cue
		k     int
	}{{cueTable, 0}, {offTopicTable, 1}, {injectionTable, 2}} {
		for w, cs := range tb.table {
			if cueWords[w] == nil {
				cueWords[w] = &wordCues{}
			}
			e := cueWords[w]
			e.all[tb.k] = cs
			if len(cs) <= maxCuesAt {
				continue
			}
			// "what", "@p", "how" start dozens of cues: file them by
			// their second word so that a question reads the few that
			// can follow its own.
			e.byNext[tb.k] = map[string][]cue{}
			for _, c := range cs {
				if len(c.rest) == 0 || c.rest[0] == "*" {
					e.always[tb.k] = append(e.always[tb.k], c)
				} else {
					e.byNext[tb.k][c.rest[0]] = append(e.byNext[tb.k][c.rest[0]], c)
				}
			}
		}
	}
}

// wordCues are the cues a word starts in cueTable, offTopicTable and
// injectionTable, in that order: understand scores a question against all
// three, and one look-up per word finds them. A table's list longer than
// maxCuesAt is also split into the cues any next word may match (always)
// and the others by their second word (byNext).
type wordCues struct {
	all    [3][]cue
	always [3][]cue
	byNext [3]map[string][]cue
}

// cueWords holds the wordCues of every word that starts a cue of any of
// the three tables.
var cueWords = map[string]*wordCues{}

// scoreQuestionCues is scoreCues of ts against cueTable into scores,
// offTopicTable into off and injectionTable into inj, with one look-up of
// each word (and of its singular, for a table it starts no cue of) for
// the three.
func scoreQuestionCues(ts []string, scores, off, inj *[numIntents]int) {
	outs := [3]*[numIntents]int{scores, off, inj}
	for i, t := range ts {
		e := cueWords[t]
		var es *wordCues // cueWords[singular(t)], looked up once when needed
		looked := false
		for k, out := range outs {
			at := e
			if at == nil || len(at.all[k]) == 0 {
				if !looked {
					looked = true
					if s := singular(t); s != t {
						es = cueWords[s]
					}
				}
				if es == nil || len(es.all[k]) == 0 {
					continue
				}
				at = es
			}
			if at.byNext[k] == nil {
				scoreCuesAtWord(at.all[k], ts[i+1:], out)
				continue
			}
			var next []cue
			if i+1 < len(ts) {
				next = at.byNext[k][ts[i+1]]
			}
			scoreCuesEither(at.always[k], next, ts[i+1:], out)
		}
	}
}

func addCues(table map[string][]cue, phrases string, in intent, w int) {
	for _, p := range strings.Split(phrases, "|") {
		ws := strings.Fields(p)
		if len(ws) == 0 {
			continue
		}
		for i, w := range ws {
			if personWords[w] {
				ws[i] = "@p" // questions carry "@p" for you, she, they...
			} else {
				ws[i] = americanSpelling(w) // as the question's words are read
			}
		}
		table[ws[0]] = append(table[ws[0]], cue{rest: ws[1:], in: in, w: w})
	}
}

func atoiSmall(s string) int {
	n := 0
	for _, c := range strings.TrimSpace(s) {
		n = n*10 + int(c-'0')
	}
	return n
}

// scoreCues adds the weight of every cue phrase found in ts to scores. A
// cue counts once per intent per position; the longest phrase wins there.
func scoreCues(table map[string][]cue, ts []string, scores *[numIntents]int) {
	for i, t := range ts {
		cs, ok := table[t]
		if !ok {
			if s := singular(t); s != t {
				cs, ok = table[s]
			}
			if !ok {
				continue
			}
		}
		scoreCuesAtWord(cs, ts[i+1:], scores)
	}
}

// scoreCuesEither is scoreCuesAtWord of the cues of a and b together.
func scoreCuesEither(a, b []cue, rest []string, scores *[numIntents]int) {
	var best [numIntents]int
	for _, cs := range [2][]cue{a, b} {
		for _, c := range cs {
			if c.w > best[c.in] && matchRest(rest, c.rest) {
				best[c.in] = c.w
			}
		}
	}
	for in, w := range best {
		scores[in] += w
	}
}

// scoreCuesAtWord adds the best weight per intent of the cues cs, which
// start at one word, that match the words after it, rest.
func scoreCuesAtWord(cs []cue, rest []string, scores *[numIntents]int) {
	if len(cs) > maxCuesAt {
		scoreCuesAt(cs, rest, scores)
		return
	}
	// The intents of the few cues at this word, each with its best
	// weight: a word has a handful of cues, not one per intent.
	var ins [maxCuesAt]intent
	var ws [maxCuesAt]int
	n := 0
	for _, c := range cs {
		if c.w <= 0 || !matchRest(rest, c.rest) {
			continue
		}
		j := 0
		for j < n && ins[j] != c.in {
			j++
		}
		switch {
		case j == n:
			ins[n], ws[n] = c.in, c.w
			n++
		case c.w > ws[j]:
			ws[j] = c.w
		}
	}
	for j := range n {
		scores[ins[j]] += ws[j]
	}
}

// maxCuesAt is how many cues a word may start for scoreCues to keep their
// weights in small arrays; a word with more goes through scoreCuesAt.
const maxCuesAt = 8

// scoreCuesAt adds the best weight per intent of the cues cs that match
// the words after theirs, rest.
func scoreCuesAt(cs []cue, rest []string, scores *[numIntents]int) {
	var best [numIntents]int
	for _, c := range cs {
		if matchRest(rest, c.rest) && c.w > best[c.in] {
			best[c.in] = c.w
		}
	}
	for in, w := range best {
		scores[in] += w
	}
}

func matchRest(ts, rest []string) bool {
	if len(rest) > len(ts) {
		return false
	}
	for j, r := range rest {
		if r != "*" && r != ts[j] {
			return false
		}
	}
	return true
}
