using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Access;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>API keys in the shared embedded database; writes hold <see cref="SqliteDatabase.WriteLock"/>.</summary>
internal sealed class SqliteKeyStore(SqliteDatabase database) : IKeyStore
{
    private const string Columns =
        "id, name, role, scopes_json, salt, hash, created_at, created_by, expires_at, revoked_at, last_used_at";

    /// <summary>Active Admin-or-better keys at <c>$now</c>.</summary>
    private const string ActiveAdminsWhere =
        "role IN ('Admin', 'ClusterOwner') AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $now)";

    public async Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            return await InsertAsync(connection, null, key, cancellationToken);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM api_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<Page<ApiKeyRecord>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        var after = "";
        if (page.Continue is { } token)
        {
            var last = ContinueToken.Decode(token, 2);
            after = "WHERE (created_at, id) > ($afterCreated, $afterId)";
            command.Parameters.AddWithValue("$afterCreated", last[0]);
            command.Parameters.AddWithValue("$afterId", last[1]);
        }

        command.CommandText = $"SELECT {Columns} FROM api_keys {after} ORDER BY created_at, id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", page.Limit + 1);
        var keys = new List<ApiKeyRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }

        if (keys.Count <= page.Limit)
        {
            return new Page<ApiKeyRecord>(keys, null);
        }

        keys.RemoveAt(keys.Count - 1);
        var lastKey = keys[^1];
        return new Page<ApiKeyRecord>(keys, ContinueToken.Encode(SqliteDatabase.Timestamp(lastKey.CreatedAt), lastKey.Id));
    }

    public async Task<KeyRevocation> RevokeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = connection.BeginTransaction();
            var key = await FindAsync(connection, transaction, id, cancellationToken);
            if (key is null)
            {
                return KeyRevocation.NotFound;
            }

            if (key.RevokedAt is not null)
            {
                return KeyRevocation.AlreadyRevoked;
            }

            if (key.Role >= Role.Admin && key.IsActive(now) && await CountActiveAdminsAsync(connection, transaction, now, cancellationToken) <= 1)
            {
                return KeyRevocation.LastAdmin;
            }

            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE api_keys SET revoked_at = $at WHERE id = $id";
            update.Parameters.AddWithValue("$at", SqliteDatabase.Timestamp(now));
            update.Parameters.AddWithValue("$id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return KeyRevocation.Revoked;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task<bool> CreateIfNoActiveAdminAsync(ApiKeyRecord candidate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            // BeginTransaction is BEGIN IMMEDIATE in Microsoft.Data.Sqlite: it takes SQLite's write lock
            // before the count, so another process starting on the same file waits rather than also inserting.
            await using var connection = database.Open();
            await using var transaction = connection.BeginTransaction();
            if (await CountActiveAdminsAsync(connection, transaction, now, cancellationToken) > 0
                || !await InsertAsync(connection, transaction, candidate, cancellationToken))
            {
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    public async Task RecordUseAsync(IReadOnlyCollection<KeyValuePair<string, DateTimeOffset>> uses, CancellationToken cancellationToken)
    {
        if (uses.Count == 0)
        {
            return;
        }

        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var transaction = connection.BeginTransaction();
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE api_keys SET last_used_at = $at WHERE id = $id AND (last_used_at IS NULL OR last_used_at < $at)";
            var id = update.Parameters.Add("$id", SqliteType.Text);
            var at = update.Parameters.Add("$at", SqliteType.Text);
            foreach (var use in uses)
            {
                id.Value = use.Key;
                at.Value = SqliteDatabase.Timestamp(use.Value);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    /// <summary>Active Admin-or-better keys; for tests and the start-up check.</summary>
    public async Task<int> CountActiveAdminsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        return await CountActiveAdminsAsync(connection, null, now, cancellationToken);
    }

    private static async Task<int> CountActiveAdminsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = $"SELECT COUNT(*) FROM api_keys WHERE {ActiveAdminsWhere}";
        count.Parameters.AddWithValue("$now", SqliteDatabase.Timestamp(now));
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<ApiKeyRecord?> FindAsync(
        SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM api_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static async Task<bool> InsertAsync(
        SqliteConnection connection, SqliteTransaction? transaction, ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO api_keys ({Columns})
            VALUES ($id, $name, $role, $scopes, $salt, $hash, $created, $createdBy, $expires, NULL, NULL)
            ON CONFLICT (id) DO NOTHING
            """;
        insert.Parameters.AddWithValue("$id", key.Id);
        insert.Parameters.AddWithValue("$name", key.Name);
        insert.Parameters.AddWithValue("$role", key.Role.ToString());
        insert.Parameters.AddWithValue("$scopes", JsonSerializer.Serialize(key.Scopes, SqliteKeyStoreJsonContext.Default.IReadOnlyListString));
        insert.Parameters.AddWithValue("$salt", key.Salt);
        insert.Parameters.AddWithValue("$hash", key.Hash);
        insert.Parameters.AddWithValue("$created", SqliteDatabase.Timestamp(key.CreatedAt));
        insert.Parameters.AddWithValue("$createdBy", key.CreatedBy);
        insert.Parameters.AddWithValue("$expires", key.ExpiresAt is { } expires ? SqliteDatabase.Timestamp(expires) : DBNull.Value);
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static ApiKeyRecord Read(SqliteDataReader reader) => new(
        Id: reader.GetString(0),
        Name: reader.GetString(1),
        Role: Enum.Parse<Role>(reader.GetString(2)),
        Scopes: JsonSerializer.Deserialize(reader.GetString(3), SqliteKeyStoreJsonContext.Default.IReadOnlyListString) ?? [],
        Salt: (byte[])reader.GetValue(4),
        Hash: (byte[])reader.GetValue(5),
        CreatedAt: SqliteDatabase.ParseTimestamp(reader.GetString(6)),
        CreatedBy: reader.GetString(7),
        ExpiresAt: OptionalTimestamp(reader, 8),
        RevokedAt: OptionalTimestamp(reader, 9),
        LastUsedAt: OptionalTimestamp(reader, 10));

    private static DateTimeOffset? OptionalTimestamp(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteDatabase.ParseTimestamp(reader.GetString(ordinal));
}
