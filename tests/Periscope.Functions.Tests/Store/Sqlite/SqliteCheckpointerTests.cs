using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Periscope.Functions.Store;
using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Store.Sqlite;

public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("periscope-checkpoint-");
    private readonly IOptions<StoreOptions> _options;
    private readonly SqliteDatabase _database;

    public SqliteCheckpointerTests()
    {
        _options = Options.Create(new StoreOptions { DataDirectory = _directory.FullName, CheckpointInterval = TimeSpan.FromMilliseconds(100) });
        _database = new SqliteDatabase(_options);
    }

    public void Dispose()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public void Open_RaisesSqlitesOwnCheckpointThreshold()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";

        Assert.Equal((long)SqliteDatabase.AutoCheckpointPages, command.ExecuteScalar());
    }

    [Fact]
    public async Task CheckpointAsync_AfterWrites_CopiesEveryFrameBack()
    {
        var checkpointer = new SqliteCheckpointer(_database, _options, NullLogger<SqliteCheckpointer>.Instance);
        await WriteAsync(rows: 200);

        var (log, checkpointed) = await checkpointer.CheckpointAsync(default);

        Assert.True(log > 0, $"the writes should have left frames in the log; log {log}");
        Assert.Equal(log, checkpointed);
    }

    [Fact]
    public async Task Service_Running_CheckpointsWritesWithoutBeingAsked()
    {
        var checkpointer = new SqliteCheckpointer(_database, _options, NullLogger<SqliteCheckpointer>.Instance);
        await checkpointer.StartAsync(default);
        try
        {
            await WriteAsync(rows: 200);

            // Every 100 ms; wait for a checkpoint that found the writes' frames and copied them all.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (checkpointer.Last is not ({ } last and { LogFrames: > 0 }) || last.CheckpointedFrames != last.LogFrames)
            {
                await Task.Delay(20, timeout.Token);
            }
        }
        finally
        {
            await checkpointer.StopAsync(default);
        }
    }

    private async Task WriteAsync(int rows)
    {
        await using var connection = _database.Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
            WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
            INSERT INTO filler (text) SELECT printf('%.1000c', 'x') FROM n;
            """;
        command.Parameters.AddWithValue("$rows", rows);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
