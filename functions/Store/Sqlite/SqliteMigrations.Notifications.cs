namespace Periscope.Functions.Store.Sqlite;

internal static partial class SqliteMigrations
{
    // 6: notification channels, the delivery outbox and every delivery attempt (issue 6). The outbox is the
    // transactional-outbox pattern (microservices.io/patterns/data/transactional-outbox.html): the notifier only
    // inserts, a dispatcher sends, so a notice survives a crash between the two. Times are SqliteDatabase.Timestamp
    // text (UTC, fixed width), so they compare in time order. notification_outbox_alerts lets deliveries be found
    // by alert id without parsing notice_json.
    private const string NotificationsSchema =
        """
        CREATE TABLE notification_channels (
            name TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            url TEXT,
            settings_json TEXT NOT NULL,
            secret TEXT,
            language TEXT NOT NULL,
            route_json TEXT NOT NULL,
            enabled INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE notification_outbox (
            id INTEGER PRIMARY KEY,
            channel TEXT NOT NULL,
            group_key TEXT NOT NULL,
            status TEXT NOT NULL,
            notice_json TEXT NOT NULL,
            alert_count INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            next_attempt_at TEXT,
            completed_at TEXT,
            last_error TEXT);
        CREATE INDEX notification_outbox_due ON notification_outbox (status, next_attempt_at);
        CREATE INDEX notification_outbox_by_channel ON notification_outbox (channel, id);
        CREATE INDEX notification_outbox_finished ON notification_outbox (completed_at);
        CREATE TABLE notification_outbox_alerts (
            alert_id INTEGER NOT NULL,
            outbox_id INTEGER NOT NULL,
            PRIMARY KEY (alert_id, outbox_id)) WITHOUT ROWID;
        CREATE INDEX notification_outbox_alerts_by_outbox ON notification_outbox_alerts (outbox_id);
        CREATE TABLE notification_attempts (
            id INTEGER PRIMARY KEY,
            outbox_id INTEGER NOT NULL,
            time TEXT NOT NULL,
            channel TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            status_code INTEGER,
            errcode INTEGER,
            error TEXT,
            latency_ms REAL NOT NULL);
        CREATE INDEX notification_attempts_by_outbox ON notification_attempts (outbox_id, id);
        """;
}
