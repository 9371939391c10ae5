namespace Periscope.Functions.Store.Sqlite;

internal static partial class SqliteMigrations
{
    // API keys (issue 4): only a salted SHA-256 of each secret (see Access/ApiKeyTokens.cs). role is the
    // Role's name; scopes_json a JSON array of strings; times are ISO 8601 UTC, so they sort as text.
    private const string AccessSchema =
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            scopes_json TEXT NOT NULL,
            salt BLOB NOT NULL,
            hash BLOB NOT NULL,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            expires_at TEXT,
            revoked_at TEXT,
            last_used_at TEXT) WITHOUT ROWID;
        CREATE INDEX api_keys_by_created ON api_keys (created_at, id);
        """;
}
