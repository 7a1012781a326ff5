package converse

// timeAfterAt are nouns that, after "at" or "from" (and "the"), make a time
// or a state, never the name of a place: "at the moment", "at present",
// "at the time", "from the start", "at night", "at work". A question
// that has them names no school or employer there, so nothing is
// "not mentioned".
var timeAfterAt = setOf(`moment present minute time times night nights weekend weekends end start beginning outset age point
	same least most once first last home work heart all`)
