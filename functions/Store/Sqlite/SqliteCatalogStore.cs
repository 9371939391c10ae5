using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>The catalog in the embedded database: each report one transaction.</summary>
internal sealed partial class SqliteCatalogStore(SqliteDatabase database, IOptions<StoreOptions> options) : ICatalogStore
{
    private readonly int _maxTrafficOperations = options.Value.MaxTrafficOperations;
    private readonly SemaphoreSlim _writeLock = database.WriteLock;

    public string DatabasePath => database.DatabasePath;

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_version";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private SqliteConnection Open() => database.Open();

    /// <summary>Runs <paramref name="write"/> in one transaction under the write lock every store shares; commits when it returns.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var result = write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static void Execute(SqliteConnection connection, string sql) => SqliteDatabase.Execute(connection, sql);

    private static string Timestamp(DateTimeOffset value) => SqliteDatabase.Timestamp(value);

    private static DateTimeOffset ParseTimestamp(string value) => SqliteDatabase.ParseTimestamp(value);
}
