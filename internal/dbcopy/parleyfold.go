package dbcopy

// Parley's SQLite store (since its migration 00005) does not update a
// session's row on every turn: the follow-up state rides on the turn's last
// message (messages.state), the sequence continues from the newest message,
// and the row's state and last_seq are a checkpoint, refreshed only when the
// session's expiry slides. Parley's PostgreSQL store reads both from the
// row and numbers a turn from last_seq. A copy of the rows as they are would
// lose the newest follow-up state and make the next PostgreSQL turn collide
// with the copied messages.
//
// So a Parley source's sessions are read folded: state is the newest one a
// message after the checkpoint carries, else the row's; last_seq is at least
// the newest message's number. The fold happens in the source's SELECT, not
// as an UPDATE of the target afterwards, so that copy, resume and verify all
// see the same rows (verify would otherwise report every folded session as
// a difference), and a resumed or repeated run needs no extra step.

// foldParleySessions sets the folding SELECT expressions on the sessions
// table of s, a Parley SQLite source, when its messages carry states (a
// source not yet migrated to 00005 keeps its rows current and is copied as
// it is).
func foldParleySessions(s *Schema) {
	var sessions, messages *Table
	for _, t := range s.Tables {
		switch t.Name {
		case "sessions":
			sessions = t
		case "messages":
			messages = t
		}
	}
	if sessions == nil || messages == nil || column(messages, "state") == nil {
		return
	}
	if c := column(sessions, "state"); c != nil {
		c.read = `coalesce((SELECT m.state FROM messages m
			WHERE m.session_id = sessions.id AND m.seq > sessions.last_seq AND m.state IS NOT NULL
			ORDER BY m.seq DESC LIMIT 1), sessions.state)`
	}
	if c := column(sessions, "last_seq"); c != nil {
		c.read = `max(sessions.last_seq, coalesce((SELECT max(m.seq) FROM messages m WHERE m.session_id = sessions.id), 0))`
	}
}

func column(t *Table, name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}
