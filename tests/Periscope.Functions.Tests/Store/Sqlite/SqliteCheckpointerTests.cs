using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
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
    public async Task CheckpointAsync_LargeLogWrittenToMeanwhile_CopiesThoseFramesTooSoTheNextWriteRestartsTheLog()
    {
        var checkpointer = new SqliteCheckpointer(_database, _options, NullLogger<SqliteCheckpointer>.Instance);
        await WriteAsync(rows: 5_000);

        // A write that began before the checkpoint and commits while it runs, as under back-to-back writes.
        await using (var connection = _database.Open())
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO filler (text) SELECT text FROM filler LIMIT 10";
            await insert.ExecuteNonQueryAsync();
            checkpointer.BetweenPasses = () => transaction.CommitAsync();

            var (log, checkpointed) = await checkpointer.CheckpointAsync(default);

            Assert.True(log >= SqliteCheckpointer.RestartFrames, $"the writes should fill the log past {SqliteCheckpointer.RestartFrames} frames; log {log}");
            Assert.Equal(log, checkpointed);
        }

        checkpointer.BetweenPasses = null;
        await WriteAsync(rows: 10);
        var (logAfter, _) = await checkpointer.CheckpointAsync(default);

        Assert.True(logAfter < 100, $"the write after the checkpoint should have started the log over; it holds {logAfter} frames");
    }

    [Fact]
    public async Task Service_OnEachTick_CheckpointsWritesWithoutBeingAsked()
    {
        // The interval's ticks come from the test, so nothing depends on how busy the machine is.
        var clock = new TimerWatchingClock();
        var checkpointer = new SqliteCheckpointer(_database, _options, NullLogger<SqliteCheckpointer>.Instance, clock);
        await checkpointer.StartAsync(default);
        try
        {
            // ExecuteAsync starts on the thread pool: tick once its timer exists.
            await clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30));
            await WriteAsync(rows: 200);
            clock.Advance(_options.Value.CheckpointInterval);

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (checkpointer.Last is not ({ } last and { LogFrames: > 0 }) || last.CheckpointedFrames != last.LogFrames)
            {
                Assert.False(timeout.IsCancellationRequested, $"no complete checkpoint after a tick; the latest: {checkpointer.Last}");
                await Task.Delay(20, CancellationToken.None);
            }
        }
        finally
        {
            await checkpointer.StopAsync(default);
        }
    }

    /// <summary>FakeTimeProvider cannot tell a test when a timer has been created (an Advance before then fires nothing), so this adds that signal.</summary>
    private sealed class TimerWatchingClock : FakeTimeProvider
    {
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _created.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _created.TrySetResult();
            return timer;
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
