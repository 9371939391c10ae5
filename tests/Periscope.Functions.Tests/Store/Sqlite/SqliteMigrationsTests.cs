using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Store.Sqlite;

/// <summary>Stores left by an older build, brought up to date when this one opens them.</summary>
public sealed class SqliteMigrationsTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("periscope-migrations-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public void Open_AlertsKeyedByFingerprintFirst_RekeyedByStartKeepingAlertsHistoryAndIds()
    {
        using (var old = OpenFile())
        {
            SqliteMigrations.Apply(old, upTo: 9);
            Execute(old, """
                INSERT INTO alerts (id, fingerprint, starts_at, status, labels_json, annotations_json, group_key, receiver, first_seen, last_seen, changed_at)
                VALUES (7, 'f1', '2026-11-22T08:00:00.0000000+00:00', 'firing', '{}', '{}', 'g', 'r', 't', 't', 't'),
                       (9, 'f2', '2026-11-22T08:01:00.0000000+00:00', 'resolved', '{}', '{}', 'g', 'r', 't', 't', 't');
                INSERT INTO alert_history (alert_id, state, time, recorded_at) VALUES (7, 'firing', 't', 't'), (9, 'firing', 't', 't'), (9, 'resolved', 't', 't');
                """);
            Assert.Equal(["fingerprint", "starts_at"], OccurrenceKey(old));
        }

        using var database = new SqliteDatabase(Options.Create(new StoreOptions { DataDirectory = _directory.FullName }));

        using var connection = database.Open();
        Assert.Equal(SqliteMigrations.Latest, SqliteMigrations.CurrentVersion(connection));
        Assert.Equal(["starts_at", "fingerprint"], OccurrenceKey(connection));
        Assert.Equal("7 f1 firing, 9 f2 resolved", Scalar(connection, "SELECT group_concat(id || ' ' || fingerprint || ' ' || status, ', ') FROM (SELECT * FROM alerts ORDER BY id)"));
        Assert.Equal("7 firing, 9 firing, 9 resolved", Scalar(connection, "SELECT group_concat(alert_id || ' ' || state, ', ') FROM (SELECT * FROM alert_history ORDER BY id)"));
        Assert.Equal(["alerts_by_name", "alerts_by_namespace", "alerts_by_start", "alerts_by_status"], Indexes(connection, "alerts").Where(name => !name.StartsWith("sqlite_autoindex", StringComparison.Ordinal)).Order());
        Assert.Equal(1L, Scalar(connection, "PRAGMA foreign_keys"));
        Execute(connection, "DELETE FROM alerts WHERE id = 9");
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM alert_history"));
    }

    [Fact]
    public void Open_StepThatWouldBreakAForeignKey_RefusedAndNothingChanged()
    {
        using (var old = OpenFile())
        {
            SqliteMigrations.Apply(old, upTo: 9);
            Execute(old, "PRAGMA foreign_keys = OFF; INSERT INTO alert_history (alert_id, state, time, recorded_at) VALUES (42, 'firing', 't', 't');");
        }

        var refused = Assert.Throws<InvalidOperationException>(
            () => new SqliteDatabase(Options.Create(new StoreOptions { DataDirectory = _directory.FullName })));

        Assert.Contains("migration 10", refused.Message);
        Assert.Contains("alert_history", refused.Message);
        using var connection = OpenFile();
        Assert.Equal(9, SqliteMigrations.CurrentVersion(connection));
        Assert.Equal(["fingerprint", "starts_at"], OccurrenceKey(connection));
    }

    private SqliteConnection OpenFile()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.FullName, "catalog.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>The columns of the alerts table's UNIQUE constraint, in order.</summary>
    private static List<string> OccurrenceKey(SqliteConnection connection)
    {
        var unique = Indexes(connection, "alerts").Single(name => name.StartsWith("sqlite_autoindex", StringComparison.Ordinal));
        return Strings(connection, $"SELECT name FROM pragma_index_info('{unique}') ORDER BY seqno");
    }

    private static List<string> Indexes(SqliteConnection connection, string table) =>
        Strings(connection, $"SELECT name FROM pragma_index_list('{table}')");

    /// <summary>The first column of every row.</summary>
    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql) => Scalar(connection, sql);
}
