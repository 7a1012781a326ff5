package store

// Both stores keep a chat turn, a question and its reply, as one row since
// their migration 00006: the reply's row, numbered as before, carries the
// question's text (messages.question), and the question is message
// Seq-1 with the reply's time and nothing else. One row per turn instead of
// two halves a turn's index insertions. Rows written before, and turns of
// any other shape, stay one row per message; readers take both.

// Folds reports whether msgs is a turn stored as one row: a question that
// has nothing but its text, and its reply, stamped with one time.
func Folds(msgs []Message) bool {
	if len(msgs) != 2 {
		return false
	}
	q, a := msgs[0], msgs[1]
	return q.Role == "user" && q.Intent == "" && !q.Refused && (len(q.Citations) == 0 || string(q.Citations) == "[]") &&
		q.LatencyMicros == 0 && q.PromptVersion == "" && a.Role == "assistant" &&
		!q.CreatedAt.IsZero() && q.CreatedAt.Equal(a.CreatedAt)
}

// AppendRow appends to out the messages a stored row m holds after number
// afterSeq, without letting out grow past limit: m alone, or, for a folded
// turn (question non-nil), its question first. It reports whether out is
// full.
func AppendRow(out []Message, m Message, question *string, afterSeq, limit int) ([]Message, bool) {
	if question != nil && m.Seq-1 > afterSeq && len(out) < limit {
		out = append(out, Message{SessionID: m.SessionID, Seq: m.Seq - 1, Role: "user", Text: *question,
			Citations: []byte("[]"), CreatedAt: m.CreatedAt})
	}
	if len(out) < limit {
		out = append(out, m)
	}
	return out, len(out) >= limit
}
