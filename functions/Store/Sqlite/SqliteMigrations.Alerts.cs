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

    // 10: the occurrence key's columns swapped to (starts_at, fingerprint). Fingerprints are hashes, so keyed by them
    // first each new alert went to a random page of the index: 1,000 new alerts dirtied most of its pages, and the
    // log grew by up to 10,000 frames a second under a storm of 1,000-alert payloads (bench/alerts/run.sh). The
    // alerts of a payload share a few startsAt values, so they now land on a few pages at the end. Lookups are by
    // both columns, so either order serves them. A UNIQUE constraint is part of its table: rebuilt as
    // sqlite.org/lang_altertable.html#otheralter describes, foreign keys off (SqliteMigrations.Apply) so that
    // dropping the old table does not cascade to alert_history. The columns repeat migration 5's on purpose: a step
    // that has run must never change, so neither shares text with a later one.
    private const string AlertsOccurrenceKeyByStart =
        """
        CREATE TABLE alerts_rebuilt (
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
            UNIQUE (starts_at, fingerprint));
        INSERT INTO alerts_rebuilt (id, fingerprint, starts_at, status, ends_at, alertname, severity, namespace, labels_json,
                annotations_json, generator_url, group_key, receiver, first_seen, last_seen, changed_at, acknowledged_at,
                acknowledged_by)
            SELECT id, fingerprint, starts_at, status, ends_at, alertname, severity, namespace, labels_json,
                annotations_json, generator_url, group_key, receiver, first_seen, last_seen, changed_at, acknowledged_at,
                acknowledged_by
            FROM alerts;
        DROP TABLE alerts;
        ALTER TABLE alerts_rebuilt RENAME TO alerts;
        CREATE INDEX alerts_by_start ON alerts (starts_at);
        CREATE INDEX alerts_by_status ON alerts (status, starts_at);
        CREATE INDEX alerts_by_namespace ON alerts (namespace, starts_at);
        CREATE INDEX alerts_by_name ON alerts (alertname, starts_at);
        """;
}
