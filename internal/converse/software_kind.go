package converse

// softwareStem is the stem of "software", the modifier of "a software
// engineer" and "a software developer".
var softwareStem = stem("software")

// softwareKinds are words of a title that make it a software one although
// it does not say "software": a Backend Engineer, an iOS Developer and a
// Full Stack Developer are software engineers and developers.
var softwareKinds = setOf(`backend frontend fullstack stack web mobile ios android`)
