package converse_test

import "testing"

// A career changer asked when the switch came: the last job of the old
// field and the first of the new one, with their dates and the training
// dated around it; no switch is made up where the titles show none.
func TestCareerSwitch(t *testing.T) {
	cases := []struct {
		profile, q string
		want, not  []string
	}{
		{"zoe", "when did she switch from teaching to data?", []string{"left teaching in July 2018", "Mathematics Teacher at Gymnasium am Rosental", "Data Engineer at Stadtwerke Leipzig in September 2018", "Data Engineering Zoomcamp"}, []string{"Staatsexamen", "Senior Data Engineer"}},
		{"zoe", "when did she change careers?", []string{"2018", "Mathematics Teacher", "July 2018", "Data Engineer at Stadtwerke Leipzig", "September 2018"}, []string{"Flinkwerk"}},
		{"zoe", "when did she move into data?", []string{"moved into data in September 2018", "Data Engineer at Stadtwerke Leipzig", "Mathematics Teacher", "July 2018"}, nil},
		{"changer", "when did he switch from teaching to data analytics", []string{"June 2021", "Chemistry Teacher", "Data Analyst at Greenleaf Health in April 2022", "General Assembly"}, nil},
		{"salestoeng", "when did he move from sales into engineering?", []string{"left sales in June 2020", "Account Executive at Oracle Italia", "Software Engineer at Satispay in February 2021", "Epicode"}, []string{"Brightpoint"}},
		{"salestoeng", "when did he change careers", []string{"June 2020", "February 2021"}, nil},
		{"nurse", "when did she move from nursing into data science", []string{"left nursing in January 2023", "Clinical Informatics Nurse", "Data Scientist at Riverside Children's Hospital in February 2023", "Data Science"}, nil},
		{"teacher", "when did she switch from teaching to instructional design", []string{"June 2020", "Instructional Designer at Learnovate Centre in January 2021", "Digital Learning Design"}, []string{"Workday"}},
		// seasonal trades taken up in turn, promotions in one line of work
		// and a part-time post beside a career are no change of career
		{"seasonal", "when did she change careers", nil, []string{"changed careers"}},
		{"marcus", "when did he change careers", nil, []string{"changed careers"}},
		{"saleslead", "when did she change careers", nil, []string{"changed careers", "left"}},
		{"retail", "when did she change careers", nil, []string{"changed careers"}},
		{"pilot", "when did he change careers", nil, []string{"changed careers"}},
	}
	for _, c := range cases {
		x := mustIndex(t, c.profile)
		r := ask(x, c.q)[0]
		checkText(t, c.q, r.Text, c.want, c.not)
		if len(c.want) > 0 && len(r.Citations) < 2 {
			t.Errorf("%q: want the two jobs cited, got %v", c.q, r.Citations)
		}
		for _, ci := range r.Citations {
			if !x.Valid(ci) {
				t.Errorf("%q: invalid citation %v", c.q, ci)
			}
		}
	}
}
