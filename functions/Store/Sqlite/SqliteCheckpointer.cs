using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// Copies the write-ahead log back into the database file every <see cref="StoreOptions.CheckpointInterval"/>,
/// off the request path, and keeps the log from growing. SQLite's automatic checkpoint runs inside whichever commit
/// crosses its threshold: a 1,000-alert payload paid 15–80 ms for it in its commit (bench/alerts/run.sh).
/// </summary>
/// <remarks>
/// 1. A PASSIVE checkpoint never waits for, and never blocks, readers or the writer
///    (sqlite.org/c3ref/wal_checkpoint_v2.html), so the bulk of the copying runs on its own connection without the
///    write lock.
/// 2. SQLite starts the log over from its beginning only when a writer begins while every frame is already copied
///    back (sqlite.org/wal.html, "Avoiding Excessively Large WAL Files"). Under back-to-back writes one always commits
///    during step 1, so the log kept growing until the automatic checkpoint copied it all inside a commit (found with
///    a 1,000-alert payload every 20 ms: 50–80 ms commits). So once the log holds <see cref="RestartFrames"/>, the
///    frames committed meanwhile are copied under the write lock, which writers wait for as they wait for each
///    other: the next write then restarts the log. That pass copies only those frames (20–40 ms under that storm).
///    (channable/opsqueue#85 met the same growth and runs RESTART checkpoints instead; RESTART also waits for every
///    reader, in SQLite's sleeping busy handler.)
/// 3. The automatic checkpoint stays on at a higher threshold (<see cref="SqliteDatabase.AutoCheckpointPages"/>) in
///    case this one falls behind.
/// </remarks>
internal sealed partial class SqliteCheckpointer(
    SqliteDatabase database, IOptions<StoreOptions> options, ILogger<SqliteCheckpointer> logger, TimeProvider? clock = null)
    : BackgroundService
{
    /// <summary>The log's size, in frames (pages), from which step 2 makes sure the next write restarts it: SQLite's own default checkpoint threshold.</summary>
    public const int RestartFrames = 1_000;

    /// <summary>The outcome of the latest checkpoint: frames in the log and frames copied back, or null before the first.</summary>
    public (long LogFrames, long CheckpointedFrames)? Last { get; private set; }

    /// <summary>Runs between steps 1 and 2, for tests that write while a checkpoint runs.</summary>
    internal Func<Task>? BetweenPasses { get; set; }

    /// <summary>One checkpoint now: steps 1 and, when the log is large, 2.</summary>
    public async Task<(long LogFrames, long CheckpointedFrames)> CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();

        // 1.
        var result = await PassiveAsync(connection, cancellationToken);
        if (BetweenPasses is { } betweenPasses)
        {
            await betweenPasses();
        }

        // 2.
        if (result.LogFrames >= RestartFrames)
        {
            await database.WriteLock.WaitAsync(cancellationToken);
            try
            {
                result = await PassiveAsync(connection, cancellationToken);
            }
            finally
            {
                database.WriteLock.Release();
            }
        }

        Last = result;
        return result;
    }

    /// <summary>Columns: busy (always 0 for PASSIVE), frames in the log, frames checkpointed; -1 when not in WAL mode.</summary>
    private static async Task<(long LogFrames, long CheckpointedFrames)> PassiveAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        reader.Read();
        return (reader.GetInt64(1), reader.GetInt64(2));
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
