using Microsoft.Data.Sqlite;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// The schema, as an ordered list of migrations. Each runs once, in its own transaction, and records
/// its number in <c>schema_version</c>; a store opened by an older build refuses a newer schema rather
/// than guessing.
/// </summary>
internal static partial class SqliteMigrations
{
    private static readonly string[] Steps =
    [
        // 1: services, document versions, endpoints, operations and their search index.
        """
        CREATE TABLE services (
            id INTEGER PRIMARY KEY,
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            current_hash TEXT,
            document_version INTEGER NOT NULL DEFAULT 0,
            document_status TEXT NOT NULL DEFAULT 'None',
            title TEXT,
            api_version TEXT,
            operation_count INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            UNIQUE (namespace, app_id));
        CREATE TABLE documents (
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            hash TEXT NOT NULL,
            version INTEGER NOT NULL,
            content_type TEXT NOT NULL,
            source_path TEXT,
            raw_content TEXT NOT NULL,
            status TEXT NOT NULL,
            source_version TEXT,
            title TEXT,
            api_version TEXT,
            description TEXT,
            normalized_json TEXT,
            diagnostics_json TEXT NOT NULL,
            received_at TEXT NOT NULL,
            PRIMARY KEY (namespace, app_id, hash));
        CREATE TABLE endpoints (
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            pod TEXT NOT NULL,
            container TEXT NOT NULL,
            address TEXT NOT NULL,
            port INTEGER NOT NULL,
            document_hash TEXT,
            last_heartbeat TEXT NOT NULL,
            sidecar_version TEXT,
            PRIMARY KEY (namespace, app_id, pod, container)) WITHOUT ROWID;
        CREATE TABLE operations (
            id INTEGER PRIMARY KEY,
            op_key TEXT NOT NULL UNIQUE,
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            operation_id TEXT,
            summary TEXT,
            tags_json TEXT NOT NULL,
            deprecated INTEGER NOT NULL,
            documented INTEGER NOT NULL,
            view_json TEXT NOT NULL);
        CREATE INDEX operations_by_service ON operations (namespace, app_id, path, method);
        -- Trigram tokens match any substring of three or more characters in any script (zh-CN summaries
        -- included), which word tokenizers cannot do for Chinese text. sqlite.org/fts5.html#the_trigram_tokenizer
        CREATE VIRTUAL TABLE search USING fts5 (
            kind UNINDEXED, namespace, app_id, op_key UNINDEXED, method, path, operation_id, summary, tags, title,
            tokenize = 'trigram');
        """,

        // 2: traffic totals per service and operation, and the traffic summaries already applied (issue 3).
        // latency_counts is a JSON array: one count per bound of LatencyHistogram.StandardBoundsSeconds, then +Inf.
        """
        CREATE TABLE traffic (
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            path TEXT NOT NULL,
            method TEXT NOT NULL,
            inferred INTEGER NOT NULL,
            requests_1xx INTEGER NOT NULL,
            requests_2xx INTEGER NOT NULL,
            requests_3xx INTEGER NOT NULL,
            requests_4xx INTEGER NOT NULL,
            requests_5xx INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            latency_counts TEXT NOT NULL,
            latency_sum_seconds REAL NOT NULL,
            request_bytes INTEGER NOT NULL,
            response_bytes INTEGER NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (namespace, app_id, path, method, inferred)) WITHOUT ROWID;
        CREATE TABLE traffic_services (
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            unattributed_requests INTEGER NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            PRIMARY KEY (namespace, app_id)) WITHOUT ROWID;
        CREATE TABLE traffic_sequences (
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            pod TEXT NOT NULL,
            instance TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            applied_at TEXT NOT NULL,
            PRIMARY KEY (namespace, app_id, pod, instance)) WITHOUT ROWID;
        """,

        // 3: API keys (issue 4), in SqliteMigrations.Access.cs.
        AccessSchema,

        // 4: call records (issue 4), in SqliteMigrations.CallRecords.cs.
        CallRecordsSchema,

        // 5: alerts from Alertmanager (issue 6), in SqliteMigrations.Alerts.cs.
        AlertsSchema,

        // 6: notification channels and deliveries (issue 6), in SqliteMigrations.Notifications.cs.
        NotificationsSchema,

        // 7: threshold alert rules (issue 6), in SqliteMigrations.AlertRules.cs.
        AlertRulesSchema,

        // 8: the CJK pairs of each search row, so that two-character Chinese terms are answered from an index rather
        // than a scan; rows without any have no pairs row. Migration 9 rebuilds and fills it, so a store from before
        // 8 is filled once, there.
        "CREATE VIRTUAL TABLE search_pairs USING fts5 (pairs, tokenize = 'unicode61');",

        // 9: the pairs index rebuilt with every one- and two-character substring of ASCII letters, digits and CJK
        // letters (ShortSubstrings), so that one or two Latin letters and one Chinese character stop scanning every
        // row, and with detail=none: each is one word, found by rowid alone, so the index keeps no positions
        // (sqlite.org/fts5.html#the_detail_option). Filled from the search rows already there.
        $"""
        DROP TABLE search_pairs;
        CREATE VIRTUAL TABLE search_pairs USING fts5 (pairs, tokenize = 'unicode61', detail = 'none');
        INSERT INTO search_pairs (rowid, pairs)
            SELECT rowid, pairs FROM (SELECT rowid, {PairsFunction}(namespace, app_id, method, path, operation_id, summary, tags, title) AS pairs FROM search)
            WHERE pairs <> '';
        """,

        // 10: the alerts' occurrence key as (starts_at, fingerprint), in SqliteMigrations.Alerts.cs.
        AlertsOccurrenceKeyByStart,
    ];

    /// <summary>A SQL function over <see cref="ShortSubstrings.Of"/>, for migration 9 to fill the index from existing rows.</summary>
    private const string PairsFunction = "periscope_short_substrings";

    public static int Latest => Steps.Length;

    /// <summary>Brings the schema to <paramref name="upTo"/> (tests: a store as an older build left it), by default the latest.</summary>
    public static void Apply(SqliteConnection connection, int? upTo = null)
    {
        var target = upTo ?? Latest;
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        connection.CreateFunction(
            PairsFunction,
            (string? a, string? b, string? c, string? d, string? e, string? f, string? g, string? h) => ShortSubstrings.Of(a, b, c, d, e, f, g, h),
            isDeterministic: true);
        var current = CurrentVersion(connection);
        if (current > Latest)
        {
            throw new InvalidOperationException(
                $"The store's schema is version {current}, newer than this build knows ({Latest}); use a newer Periscope or another data directory.");
        }

        if (current >= target)
        {
            return;
        }

        // A step that rebuilds a table drops the old one, which with foreign keys on would delete what references it
        // (ON DELETE CASCADE). The setting cannot change inside a transaction (sqlite.org/foreignkeys.html), so it is off
        // around all the steps, and each step checks the keys itself before it commits.
        var foreignKeys = Convert.ToInt64(Scalar(connection, "PRAGMA foreign_keys"));
        SqliteDatabase.Execute(connection, "PRAGMA foreign_keys = OFF");
        try
        {
            for (var version = current + 1; version <= target; version++)
            {
                ApplyStep(connection, version);
            }
        }
        finally
        {
            SqliteDatabase.Execute(connection, $"PRAGMA foreign_keys = {foreignKeys}");
        }
    }

    private static void ApplyStep(SqliteConnection connection, int version)
    {
        using var transaction = connection.BeginTransaction();
        using var step = connection.CreateCommand();
        step.Transaction = transaction;
        step.CommandText = Steps[version - 1];
        step.ExecuteNonQuery();
        step.CommandText = "PRAGMA foreign_key_check";
        using (var violations = step.ExecuteReader())
        {
            if (violations.Read())
            {
                throw new InvalidOperationException(
                    $"Schema migration {version} would leave a row of {violations.GetString(0)} referring to a missing row of {violations.GetString(2)}; nothing was changed.");
            }
        }

        step.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at)";
        step.Parameters.AddWithValue("$v", version);
        step.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
        step.ExecuteNonQuery();
        transaction.Commit();
    }

    public static int CurrentVersion(SqliteConnection connection) =>
        Convert.ToInt32(Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version"));

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var query = connection.CreateCommand();
        query.CommandText = sql;
        return query.ExecuteScalar();
    }
}
