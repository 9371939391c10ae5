namespace Periscope.Functions.Store.Sqlite;

internal static partial class SqliteMigrations
{
    // 7: threshold alert rules (issue 6). The selector is JSON: it is only ever read whole, to render the rule.
    private const string AlertRulesSchema =
        """
        CREATE TABLE alert_rules (
            name TEXT PRIMARY KEY,
            target TEXT NOT NULL,
            metric TEXT NOT NULL,
            selector_json TEXT NOT NULL,
            threshold REAL NOT NULL,
            comparison TEXT NOT NULL,
            for_duration TEXT NOT NULL,
            severity TEXT NOT NULL,
            summary TEXT,
            description TEXT,
            runbook_url TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT) WITHOUT ROWID;
        """;
}
