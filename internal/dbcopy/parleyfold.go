package dbcopy

import (
	"slices"
	"strings"
)

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

// Since its migration 00007 the store appends turns to message_journal, a
// table without an index that its committer moves into messages in bulk
// (internal/store/sqlite/journal.go); a session's rows there are its
// newest. Parley's PostgreSQL store has no journal. A Parley source's
// messages are read as messages and the journal together, and the
// journal is not copied as a table of its own: its rows land in
// PostgreSQL's messages, verify counts them there, and the source is not
// written to. The journal has no foreign key: rows of a session deleted
// since (which the next fold would drop) are left out.

// journalTable is the SQLite store's turn journal.
const journalTable = "message_journal"

// foldParleySessions sets the folding SELECT expressions on the sessions
// table of s, a Parley SQLite source, when its messages carry states (a
// source not yet migrated to 00005 keeps its rows current and is copied as
// it is), and reads its turn journal (00007) as part of messages.
func foldParleySessions(s *Schema) {
	var sessions, messages, journal *Table
	for _, t := range s.Tables {
		switch t.Name {
		case "sessions":
			sessions = t
		case "messages":
			messages = t
		case journalTable:
			journal = t
		}
	}
	if journal != nil {
		s.Tables = slices.DeleteFunc(s.Tables, func(t *Table) bool { return t == journal })
		if messages != nil && sessions != nil {
			messages.from = journalUnion(messages)
		}
	}
	if sessions == nil || messages == nil || column(messages, "state") == nil {
		return
	}
	// The journal is read first: a session's rows there are its newest
	// (as the store's newestStateSQL and newestSeqSQL read them).
	state := `(SELECT m.state FROM messages m
			WHERE m.session_id = sessions.id AND m.seq > sessions.last_seq AND m.state IS NOT NULL
			ORDER BY m.seq DESC LIMIT 1)`
	seq := `(SELECT max(m.seq) FROM messages m WHERE m.session_id = sessions.id)`
	if journal != nil {
		state = `(SELECT j.state FROM ` + journalTable + ` j
			WHERE j.session_id = sessions.id AND j.seq > sessions.last_seq AND j.state IS NOT NULL
			ORDER BY j.seq DESC LIMIT 1), ` + state
		seq = `(SELECT max(j.seq) FROM ` + journalTable + ` j WHERE j.session_id = sessions.id), ` + seq
	}
	if c := column(sessions, "state"); c != nil {
		c.read = `coalesce(` + state + `, sessions.state)`
	}
	if c := column(sessions, "last_seq"); c != nil {
		c.read = `max(sessions.last_seq, coalesce(` + seq + `, 0))`
	}
}

// journalUnion is the FROM item reading messages' columns from messages
// and from the journal, which has the same ones.
func journalUnion(messages *Table) string {
	cols := make([]string, len(messages.Columns))
	for i, c := range messages.Columns {
		cols[i] = sqQuote(c.Name)
	}
	list := strings.Join(cols, ", ")
	return `(SELECT ` + list + ` FROM messages UNION ALL SELECT ` + list + ` FROM ` + journalTable +
		` WHERE session_id IN (SELECT id FROM sessions)) AS messages`
}

func column(t *Table, name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}
