using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite database in WAL mode (readers never wait for the writer), writes
/// serialised in-process so they never meet SQLITE_BUSY from each other, each report one transaction.
/// </summary>
internal sealed partial class SqliteCatalogStore : ICatalogStore, IDisposable
{
    private readonly string _connectionString;
    private readonly int _maxTrafficOperations;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public SqliteCatalogStore(IOptions<StoreOptions> options)
    {
        var settings = options.Value;
        _maxTrafficOperations = settings.MaxTrafficOperations;
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

    public string DatabasePath { get; }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_version";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose() => _writeLock.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // synchronous=NORMAL is durable across application crashes in WAL mode (sqlite.org/pragma.html#pragma_synchronous).
        Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O");

    private static DateTimeOffset ParseTimestamp(string value) => DateTimeOffset.Parse(value, null, System.Globalization.DateTimeStyles.RoundtripKind);
}
