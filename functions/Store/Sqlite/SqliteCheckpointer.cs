using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file every <see cref="StoreOptions.CheckpointInterval"/>,
/// off the request path. SQLite's automatic checkpoint runs inside whichever commit crosses its threshold: a
/// 1,000-alert payload paid 15–25 ms for it in its commit (bench/alerts/run.sh). A PASSIVE checkpoint never
/// waits for, and never blocks, readers or the writer (sqlite.org/c3ref/wal_checkpoint_v2.html), so it runs on
/// its own connection without the write lock. The automatic checkpoint stays on at a higher threshold
/// (<see cref="SqliteDatabase.AutoCheckpointPages"/>) in case this one falls behind.
/// </summary>
internal sealed partial class SqliteCheckpointer(
    SqliteDatabase database, IOptions<StoreOptions> options, ILogger<SqliteCheckpointer> logger, TimeProvider? clock = null)
    : BackgroundService
{
    /// <summary>The outcome of the latest checkpoint: frames in the log and frames copied back, or null before the first.</summary>
    public (long LogFrames, long CheckpointedFrames)? Last { get; private set; }

    /// <summary>One PASSIVE checkpoint now.</summary>
    public async Task<(long LogFrames, long CheckpointedFrames)> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        reader.Read();

        // Columns: busy (always 0 for PASSIVE), frames in the log, frames checkpointed; -1 when not in WAL mode.
        var result = (reader.GetInt64(1), reader.GetInt64(2));
        Last = result;
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, clock ?? TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryCheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // What the last writes left in the log, before the host stops.
        await TryCheckpointAsync(CancellationToken.None);
    }

    private async Task TryCheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckpointAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            // The next tick tries again, and the automatic checkpoint bounds the log meanwhile.
            LogCheckpointFailed(logger, exception, database.DatabasePath);
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "WAL checkpoint of {Path} failed; retrying at the next interval")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception, string path);
}
