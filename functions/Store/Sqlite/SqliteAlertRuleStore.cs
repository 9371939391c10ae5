using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.AlertRules;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>Threshold rules in the shared embedded database; writes hold <see cref="SqliteDatabase.WriteLock"/>.</summary>
internal sealed class SqliteAlertRuleStore(SqliteDatabase database) : IAlertRuleStore
{
    private const string Columns =
        "name, target, metric, selector_json, threshold, comparison, for_duration, severity, summary, description, runbook_url, created_at, updated_at, updated_by";

    private const string Values =
        "$name, $target, $metric, $selector, $threshold, $comparison, $for, $severity, $summary, $description, $runbook, $created, $updated, $by";

    public async Task<bool> CreateAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO alert_rules ({Columns}) VALUES ({Values}) ON CONFLICT (name) DO NOTHING";
            Bind(insert, rule);
            return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<bool> UpsertAsync(AlertRule rule, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var exists = connection.CreateCommand();
            exists.Transaction = transaction;
            exists.CommandText = "SELECT 1 FROM alert_rules WHERE name = $name";
            exists.Parameters.AddWithValue("$name", rule.Name);
            var created = await exists.ExecuteScalarAsync(cancellationToken) is null;

            await using var write = connection.CreateCommand();
            write.Transaction = transaction;
            write.CommandText = $"""
                INSERT INTO alert_rules ({Columns}) VALUES ({Values})
                ON CONFLICT (name) DO UPDATE SET
                    target = excluded.target, metric = excluded.metric, selector_json = excluded.selector_json,
                    threshold = excluded.threshold, comparison = excluded.comparison, for_duration = excluded.for_duration,
                    severity = excluded.severity, summary = excluded.summary, description = excluded.description,
                    runbook_url = excluded.runbook_url, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """;
            Bind(write, rule);
            await write.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM alert_rules WHERE name = $name";
            delete.Parameters.AddWithValue("$name", name);
            return await delete.ExecuteNonQueryAsync(cancellationToken) == 1;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<AlertRule?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM alert_rules WHERE name = $name";
        query.Parameters.AddWithValue("$name", name);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<AlertRule>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM alert_rules ORDER BY name";
        var rules = new List<AlertRule>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(Read(reader));
        }

        return rules;
    }

    private static void Bind(SqliteCommand command, AlertRule rule)
    {
        command.Parameters.AddWithValue("$name", rule.Name);
        command.Parameters.AddWithValue("$target", rule.Target);
        command.Parameters.AddWithValue("$metric", rule.Metric);
        command.Parameters.AddWithValue("$selector", JsonSerializer.Serialize(rule.Selector, SqliteAlertRuleStoreJsonContext.Default.AlertRuleSelector));
        command.Parameters.AddWithValue("$threshold", rule.Threshold);
        command.Parameters.AddWithValue("$comparison", rule.Comparison);
        command.Parameters.AddWithValue("$for", rule.For);
        command.Parameters.AddWithValue("$severity", rule.Severity);
        command.Parameters.AddWithValue("$summary", (object?)rule.Summary ?? DBNull.Value);
        command.Parameters.AddWithValue("$description", (object?)rule.Description ?? DBNull.Value);
        command.Parameters.AddWithValue("$runbook", (object?)rule.RunbookUrl ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", SqliteDatabase.Timestamp(rule.CreatedAt));
        command.Parameters.AddWithValue("$updated", SqliteDatabase.Timestamp(rule.UpdatedAt));
        command.Parameters.AddWithValue("$by", (object?)rule.UpdatedBy ?? DBNull.Value);
    }

    private static AlertRule Read(SqliteDataReader reader) => new(
        Name: reader.GetString(0),
        Target: reader.GetString(1),
        Metric: reader.GetString(2),
        Selector: JsonSerializer.Deserialize(reader.GetString(3), SqliteAlertRuleStoreJsonContext.Default.AlertRuleSelector) ?? new AlertRuleSelector(),
        Threshold: reader.GetDouble(4),
        Comparison: reader.GetString(5),
        For: reader.GetString(6),
        Severity: reader.GetString(7),
        Summary: Nullable(reader, 8),
        Description: Nullable(reader, 9),
        RunbookUrl: Nullable(reader, 10),
        CreatedAt: SqliteDatabase.ParseTimestamp(reader.GetString(11)),
        UpdatedAt: SqliteDatabase.ParseTimestamp(reader.GetString(12)),
        UpdatedBy: Nullable(reader, 13));

    private static string? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
