package sqlite

// afterGroup is what the committer does after a group, by row count only
// (no clock), for BenchmarkCommitGroups.
func afterGroup(db *DB, n int) {
	if db.journalRows += n; db.journalRows >= foldRows {
		db.foldJournal()
	}
}
