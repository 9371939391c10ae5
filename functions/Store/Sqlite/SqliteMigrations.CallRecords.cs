namespace Periscope.Functions.Store.Sqlite;

internal static partial class SqliteMigrations
{
    // 4: one row per invocation through the gateway (issue 4). Times are SqliteDatabase.Timestamp text (UTC,
    // fixed width), so they compare in time order. Every index ends in time and, implicitly, the rowid
    // (each index entry carries it: sqlite.org/queryplanner.html, "Lookup By Index"), so "newest first" is an index walk backwards, with or without a
    // filter, and keyset paging on (time, id) seeks instead of skipping.
    private const string CallRecordsSchema =
        """
        CREATE TABLE call_records (
            id INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            key_id TEXT,
            namespace TEXT NOT NULL,
            app_id TEXT NOT NULL,
            operation_key TEXT,
            method TEXT NOT NULL,
            path_template TEXT NOT NULL,
            status INTEGER NOT NULL,
            latency_ms REAL NOT NULL,
            request_bytes INTEGER NOT NULL,
            response_bytes INTEGER NOT NULL,
            trace_id TEXT,
            error TEXT,
            request_headers_json TEXT,
            request_body TEXT,
            response_body TEXT,
            bodies_truncated INTEGER NOT NULL DEFAULT 0,
            body_encoding TEXT);
        CREATE INDEX call_records_by_time ON call_records (time);
        CREATE INDEX call_records_by_service ON call_records (namespace, app_id, time);
        CREATE INDEX call_records_by_operation ON call_records (operation_key, time);
        CREATE INDEX call_records_by_key ON call_records (key_id, time);
        """;
}
