package converse

// placedWords say where someone was put to work ("where was he
// stationed", "where was she posted"): they ask for a place, and name no
// role ("Gas Station Attendant", "Postmaster") whose word they stem to.
var placedWords = setOf(`stationed posted located situated`)
