namespace Periscope.Functions.Store.Sqlite;

internal static partial class SqliteMigrations
{
    // 5: alerts received from Alertmanager, their state and history (issue 6). An alert is one occurrence:
    // Alertmanager's fingerprint (the label set's identity) and its startsAt, since an alert that resolves and
    // fires again is sent with a new startsAt. namespace, alertname and severity are copied out of the labels
    // for the list's filters; other labels are matched with json_extract. Times are SqliteDatabase.Timestamp
    // text (UTC, fixed width), so they compare in time order, and every index ends in starts_at (then the rowid)
    // so "newest first" with keyset paging is an index walk.
    private const string AlertsSchema =
        """
        CREATE TABLE alert_groups (
            group_key TEXT PRIMARY KEY,
            receiver TEXT NOT NULL,
            status TEXT NOT NULL,
            group_labels_json TEXT NOT NULL,
            common_labels_json TEXT NOT NULL,
            common_annotations_json TEXT NOT NULL,
            external_url TEXT,
            truncated_alerts INTEGER NOT NULL,
            note TEXT,
            first_received TEXT NOT NULL,
            last_received TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            status TEXT NOT NULL,
            ends_at TEXT,
            alertname TEXT,
            severity TEXT,
            namespace TEXT,
            labels_json TEXT NOT NULL,
            annotations_json TEXT NOT NULL,
            generator_url TEXT,
            group_key TEXT NOT NULL,
            receiver TEXT NOT NULL,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            acknowledged_at TEXT,
            acknowledged_by TEXT,
            UNIQUE (fingerprint, starts_at));
        CREATE INDEX alerts_by_start ON alerts (starts_at);
        CREATE INDEX alerts_by_status ON alerts (status, starts_at);
        CREATE INDEX alerts_by_namespace ON alerts (namespace, starts_at);
        CREATE INDEX alerts_by_name ON alerts (alertname, starts_at);
        CREATE TABLE alert_history (
            id INTEGER PRIMARY KEY,
            alert_id INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
            state TEXT NOT NULL,
            time TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            actor TEXT,
            comment TEXT);
        CREATE INDEX alert_history_by_alert ON alert_history (alert_id, id);
        """;
}
