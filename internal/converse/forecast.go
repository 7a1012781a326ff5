package converse

// asksForecast reports a request to predict something that is not the
// person ("what will phoenix house prices do next year", "predict the
// stock market"): no profile says what markets will do, whatever words
// (a city, "prices") it shares with the question. "What will she do next
// year" and "is he good at forecasting" are about the person.
func asksForecast(q *query) bool {
	if q.person || q.anaph || len(q.ts) < 2 {
		return false
	}
	switch q.ts[0] {
	case "predict", "forecast":
		return true // an order to predict, not a question about her
	}
	var will, ahead, market bool
	for i, t := range q.ts {
		switch t {
		case "predict", "forecast":
			if at(q.ts, i-1) == "you" {
				return true // "can you predict the stock market"
			}
		case "will", "gonna":
			will = true
		case "price", "prices", "market", "markets", "stock", "stocks", "economy", "inflation", "rates", "recession":
			market = true
		case "tomorrow", "future":
			ahead = true
		case "next":
			switch at(q.ts, i+1) {
			case "year", "month", "week", "decade", "quarter":
				ahead = true
			}
		}
	}
	// "will the msn be finished next year" names an entry of hers, whose
	// dates the profile may give; prices and markets are no one's entry
	// even when a word of them names one ("prices": a pricing certificate).
	return will && ahead && (market || len(q.ents) == 0 && len(q.techs) == 0)
}
