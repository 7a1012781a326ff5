package turn

// ReplyPrefix is the blob key prefix of spoken replies: the audio
// retention (lifecycle rule or sweep) applies to it alone.
const ReplyPrefix = "replies/"
