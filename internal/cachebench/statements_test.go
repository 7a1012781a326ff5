package cachebench

import "testing"

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		name, query string
		want        group
	}{
		{"GetProfile", `SELECT p.slug, v.version, v.document::text FROM profiles p JOIN profile_versions v ON v.slug = p.slug WHERE p.slug = $1`, gProfileRead},
		{"PutProfile upsert", `WITH p AS ( INSERT INTO profiles AS p (slug) VALUES ($1::text) ON CONFLICT (slug) DO UPDATE SET current_version = p.current_version + $2 RETURNING p.current_version ) SELECT 1`, gProfileWrite},
		{"advisory lock", `SELECT pg_advisory_xact_lock(hashtextextended($1 || $2, $3))`, gOtherWrite},
		{"metadata select for update", `SELECT v.version FROM profiles p JOIN profile_versions v USING (slug) WHERE p.slug = $1 FOR UPDATE`, gProfileWrite},
		{"profile update", `UPDATE profiles SET current_version = $1, updated_at = now() WHERE slug = $2`, gProfileWrite},
		{"GetSession", `SELECT id, profile_slug FROM sessions WHERE id = $1 AND expires_at > $2`, gSessionRead},
		{"Messages", `SELECT seq, role FROM messages WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, gSessionRead},
		{"AppendTurn", "WITH s AS (\n\tUPDATE sessions\n\tSET last_seq = last_seq + cardinality($2::text[])\n\tWHERE id = $1 RETURNING last_seq) INSERT INTO messages (session_id) SELECT $1 FROM s", gSessionWrite},
		{"session delete", `DELETE FROM sessions WHERE expires_at <= $1`, gSessionWrite},
		{"begin", `BEGIN`, gTxControl},
		{"commit", `commit`, gTxControl},
		{"ping", `SELECT $1`, gOtherRead},
		{"set", `SET application_name = $1`, gUtility},
		{"column named updated_at is not an UPDATE", `SELECT updated_at FROM profiles WHERE slug = $1`, gProfileRead},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := classify(c.query); got != c.want {
				t.Errorf("classify(%q) = %s, want %s", c.query, groupNames[got], groupNames[c.want])
			}
		})
	}
}
