using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// The embedded database every SQLite store shares: one file in WAL mode (readers never wait for the
/// writer), its schema migrated once at start, and one in-process write lock so that writers never
/// meet SQLITE_BUSY from each other.
/// </summary>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;

    public SqliteDatabase(IOptions<StoreOptions> options)
    {
        var settings = options.Value;
        var directory = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(directory);
        DatabasePath = Path.Combine(directory, "catalog.db");
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds),
        }.ToString();

        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode = WAL");
        SqliteMigrations.Apply(connection);
    }

    /// <summary>
    /// SQLite's automatic checkpoint threshold in pages (4 KiB each; SQLite's default is 1,000). Above the default
    /// so that <see cref="SqliteCheckpointer"/>, off the request path, normally gets there first; still bounded.
    /// </summary>
    public const int AutoCheckpointPages = 10_000;

    public string DatabasePath { get; }

    /// <summary>Held by every write transaction, whichever store makes it.</summary>
    public SemaphoreSlim WriteLock { get; } = new(1, 1);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // synchronous=NORMAL is durable across application crashes in WAL mode (sqlite.org/pragma.html#pragma_synchronous).
        Execute(connection, $"PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = {AutoCheckpointPages}");
        return connection;
    }

    public void Dispose() => WriteLock.Dispose();

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O");

    public static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.Parse(value, null, System.Globalization.DateTimeStyles.RoundtripKind);
}
