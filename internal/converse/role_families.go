package converse

import "strings"

// roleFamilies widen the head word of "is she a teacher" to the words a
// résumé uses for that kind of work ("Guest Lecturer", "teaches", "PhD").
// Keys and members are compared as stems.
var roleFamilies = func() map[string]map[string]bool {
	spec := map[string]string{
		"teacher":     "teacher teach teaches taught teaching lecturer lecture professor tutor instructor educator trainer faculty",
		"manager":     "manager manage manages managed management lead leads led leader head director supervisor supervise supervised chief vp cto ceo president",
		"doctor":      "doctor phd doctorate md physician",
		"nurse":       "nurse nursing",
		"engineer":    "engineer engineering developer programmer",
		"developer":   "developer programmer engineer",
		"programmer":  "programmer developer engineer",
		"coder":       "programmer developer engineer",
		"designer":    "designer design",
		"researcher":  "researcher research postdoctoral postdoc scientist professor",
		"postdoc":     "postdoc postdoctoral",
		"scientist":   "scientist researcher",
		"professor":   "professor lecturer",
		"lecturer":    "lecturer professor lecture",
		"freelancer":  "freelancer freelance contractor contract independent self-employed",
		"contractor":  "contractor contract freelance freelancer",
		"founder":     "founder cofounder co-founder founded ceo",
		"consultant":  "consultant consulting advisor adviser",
		"intern":      "intern internship",
		"apprentice":  "apprentice apprenticeship",
		"leader":      "leader lead leads led manager head director chief ceo cto president founder",
		"lead":        "lead leads led leader manager head",
		"senior":      "senior staff principal lead head director chief vp cto ceo president",
		"boss":        "manager lead head director chief",
		"analyst":     "analyst analysis analyse analyze",
		"student":     "student studying",
		"sales":       "sales salesperson seller account executive ae sdr bdr business development representative",
		"marketing":   "marketing marketer growth brand seo content",
		"salesperson": "salesperson sales seller account executive representative",
		"recruiter":   "recruiter recruiting recruitment talent acquisition sourcer",
		"accountant":  "accountant accounting auditor audit cpa bookkeeper controller",
		"auditor":     "auditor audit auditing",
		"finance":     "finance financial cfo controller treasurer accounting accountant fp&a",
		"lawyer":      "lawyer attorney counsel solicitor barrister paralegal legal",
		"writer":      "writer author editor copywriter journalist",
		"architect":   "architect architecture",
		"tester":      "tester qa quality test",
		"support":     "support helpdesk customer success service",
		// "how long was he a pro": a sportsman's titles spell it out
		"pro":          "pro professional",
		"professional": "professional pro",
		// the trade's union titles: an IBEW journeyman is a "wireman"
		"electrician": "electrician wireman",
		// a ship's captain; "Master" itself only as shipMaster allows
		"captain": "captain skipper",
		"skipper": "skipper captain",
	}
	for k, v := range foreignTitleWords {
		spec[k] += " " + v
	}
	out := map[string]map[string]bool{}
	for k, v := range spec {
		// keys that share a stem ("lead", "leader") share one family, the
		// union of theirs: keeping whichever the map gave last made the
		// answer to "years of leadership experience" change from one
		// process to the next
		m := out[stem(k)]
		if m == nil {
			m = map[string]bool{stem(k): true}
			out[stem(k)] = m
		}
		for _, w := range strings.Fields(v) {
			m[stem(w)] = true
		}
	}
	return out
}()

// foreignTitleWords are the words for a family's kind of work in titles
// written in Spanish, Portuguese, French, German or Italian, folded
// ("Desarrolladora Backend", "Softwareentwickler Embedded Systeme",
// "Ayudante de cátedra"): asked in English, "is she a developer" finds them.
var foreignTitleWords = map[string]string{
	"teacher":    "profesor profesora maestro maestra catedra professeur enseignant enseignante lehrer lehrerin dozent dozentin",
	"manager":    "gerente jefe jefa directora lider responsable leiter leiterin teamleiter abteilungsleiter gerant gerante",
	"engineer":   "ingeniero ingeniera desarrollador desarrolladora programador programadora engenheiro engenheira desenvolvedor desenvolvedora ingenieur ingenieurin entwickler entwicklerin softwareentwickler softwareentwicklerin developpeur developpeuse",
	"developer":  "desarrollador desarrolladora programador programadora desenvolvedor desenvolvedora entwickler entwicklerin softwareentwickler softwareentwicklerin developpeur developpeuse",
	"programmer": "programador programadora desarrollador desarrolladora entwickler softwareentwickler",
	"coder":      "programador programadora desarrollador desarrolladora entwickler softwareentwickler",
	"designer":   "disenador disenadora designer",
	"researcher": "investigador investigadora pesquisador pesquisadora chercheur chercheuse forscher forscherin",
	"consultant": "consultor consultora berater beraterin",
	// a German Werkstudent is a working student (a part-time job beside
	// the degree), not an intern: "student" holds the word
	"intern":  "pasante pasantia practicante becario becaria estagiario estagiaria stagiaire praktikant praktikantin",
	"analyst": "analista analytiker",
	// work-study: a French "alternance", a German "Azubi", a Spanish or
	// Portuguese "aprendiz"
	"apprentice": "alternance alternant alternante apprenti apprentie aprendiz auszubildender auszubildende azubi lehrling apprendista",
	"student":    "estudiante estudante etudiant etudiante werkstudent werkstudentin",
	"lawyer":     "abogado abogada advogado advogada avocat avocate rechtsanwalt rechtsanwaltin anwalt anwaltin",
	"accountant": "contador contadora contable buchhalter buchhalterin",
	"leader":     "lider jefe jefa leiter leiterin",
	"lead":       "lider jefe jefa leiter leiterin",
	"boss":       "jefe jefa gerente leiter leiterin",
}
