package converse

import "strings"

// searchAlts are the words a résumé uses for what a visitor asks in
// other words: "taken a company public" is an IPO, "compliance" is HIPAA
// or SOC 2. Keyed by the question word's stem; values are prefixes of
// profile words.
var searchAlts = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(`
public: ipo nasdaq nyse listing
ipo: ipo nasdaq nyse public
compliance: hipaa soc gdpr pci iso audit sox regulat complian ferpa fedramp
regulatory: hipaa soc gdpr pci iso audit sox regulat complian fedramp
fundraising: raised series seed funding investor
funding: raised series seed funding investor
investors: raised series seed funding investor
acquisition: acqui exit merger diligen
acquisitions: acqui exit merger diligen
acquired: acqui exit merger
buy: acqui purchas bought
bought: acqui purchas bought
purchase: acqui purchas bought
mergers: merger acqui diligen
merger: merger acqui diligen
exit: acqui exit ipo
startup: start-up startup seed founder
startups: start-up startup seed founder
founder: founded founder co-founded cofounded
founded: founded founder co-founded cofounded
outages: outage incident downtime uptime reliab
reliability: outage incident downtime uptime reliab sre
budget: budget cost spend
production: production deploy launch shipped lifted live customers users
quota: quota president club target attain exceed
targets: quota president club target attain exceed
shipped: shipped launch deploy production release
patents: patent
vaccines: vaccin immuniz immunis
vaccinate: vaccin immuniz immunis
vaccinations: vaccin immuniz immunis
immunizations: immuniz immunis vaccin
schedule: schedul shift rotation rota roster
shifts: shift rotation rota roster
patent: patent
migrate: migrat move moved moving port replatform
migration: migrat move moved moving port replatform
postmortem: postmortem post-mortem incident retro blameless
postmortems: postmortem post-mortem incident retro blameless
retrospective: retro postmortem post-mortem incident
downtime: downtime outage uptime availab
evs: electric battery batteries ev
ev: electric battery batteries
covid: covid pandemic lockdown closure reopen 2020
pandemic: covid pandemic lockdown closure reopen 2020
lockdown: covid pandemic lockdown closure reopen
teach: teach taught tutor lectur instruct precept
routes: route flight sector lane
team: team hired staff crew
taught: teach taught tutor lectur instruct precept
albums: album ep lp record
sustainability: sustainab emission co2 carbon renewable recycl net-zero decarbon
sustainable: sustainab emission co2 carbon renewable recycl net-zero decarbon
emissions: emission co2 carbon
kids: child kid teen adolesc pediatric paediatric youth minors
children: kid child teen adolesc pediatric paediatric youth minors
teens: teen adolesc youth
teenagers: teen adolesc youth
adolescents: teen adolesc youth
online: online virtual remote telehealth telemedicine video
telehealth: telehealth telemedicine virtual online video
round: raised series seed funding led
vc: venture raised series seed funding investor bootstrap self-funded
backed: venture raised series seed funding investor bootstrap self-funded
invest: invest angel portfolio seed
age: aged ages adolesc teen child kid adult youth elderly
warehouses: warehous distribution fulfilment fulfillment depot
warehouse: warehous distribution fulfilment fulfillment depot
mttr: mttr recover repair restor
mtbf: mtbf failure
reduce: reduc cut lower decreas shrank halv
reduced: reduc cut lower decreas shrank halv
thesis: thesis dissertation
parental: parental elternzeit materni paterni
maternity: materni elternzeit mutterschutz
paternity: paterni elternzeit
babies: birth bab newborn infant neonat deliver
baby: birth bab newborn infant neonat deliver
dissertation: dissertation thesis
`), "\n") {
		k, v, _ := strings.Cut(line, ":")
		m[stem(strings.TrimSpace(k))] = strings.Fields(v)
	}
	return m
}()

// hasSearchAlts reports a word of name that the search widens to others
// ("vaccines": immunizations).
func hasSearchAlts(name string) bool {
	for _, t := range tokens(name) {
		if searchAlts[stem(t)] != nil {
			return true
		}
	}
	return false
}
