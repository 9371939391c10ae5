using System.Text.Json;
using Microsoft.Data.Sqlite;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>
/// Notification channels, the outbox and delivery attempts in the shared embedded database; writes hold
/// <see cref="SqliteDatabase.WriteLock"/>. Secrets are stored as given: the database file is as sensitive as the
/// configuration it stands beside.
/// </summary>
internal sealed partial class SqliteNotificationStore(SqliteDatabase database) : INotificationStore
{
    private const string ChannelColumns = "name, type, url, settings_json, secret, language, route_json, enabled, created_at, updated_at";

    public async Task<IReadOnlyList<NotificationChannel>> ListChannelsAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChannelColumns} FROM notification_channels ORDER BY name";
        var channels = new List<NotificationChannel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(ReadChannel(reader));
        }

        return channels;
    }

    public async Task<NotificationChannel?> FindChannelAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ChannelColumns} FROM notification_channels WHERE name = $name";
        command.Parameters.AddWithValue("$name", name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadChannel(reader) : null;
    }

    public Task<bool> CreateChannelAsync(NotificationChannel channel, CancellationToken cancellationToken) =>
        WriteChannelAsync(
            channel,
            $"INSERT INTO notification_channels ({ChannelColumns}) VALUES ($name, $type, $url, $settings, $secret, $language, $route, $enabled, $created, $updated) ON CONFLICT (name) DO NOTHING",
            cancellationToken);

    public Task<bool> UpdateChannelAsync(NotificationChannel channel, CancellationToken cancellationToken) =>
        WriteChannelAsync(
            channel,
            "UPDATE notification_channels SET type = $type, url = $url, settings_json = $settings, secret = $secret, language = $language, route_json = $route, enabled = $enabled, updated_at = $updated WHERE name = $name",
            cancellationToken);

    public async Task<bool> DeleteChannelAsync(string name, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM notification_channels WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    private async Task<bool> WriteChannelAsync(NotificationChannel channel, string sql, CancellationToken cancellationToken)
    {
        await database.WriteLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$name", channel.Name);
            command.Parameters.AddWithValue("$type", channel.Type);
            command.Parameters.AddWithValue("$url", (object?)channel.Url ?? DBNull.Value);
            command.Parameters.AddWithValue(
                "$settings", JsonSerializer.Serialize(new Dictionary<string, string>(channel.Settings), SqliteNotificationStoreJsonContext.Default.DictionaryStringString));
            command.Parameters.AddWithValue("$secret", (object?)channel.Secret ?? DBNull.Value);
            command.Parameters.AddWithValue("$language", channel.Language);
            command.Parameters.AddWithValue("$route", JsonSerializer.Serialize(channel.Route, SqliteNotificationStoreJsonContext.Default.ChannelRoute));
            command.Parameters.AddWithValue("$enabled", channel.Enabled ? 1 : 0);
            command.Parameters.AddWithValue("$created", SqliteDatabase.Timestamp(channel.CreatedAt));
            command.Parameters.AddWithValue("$updated", SqliteDatabase.Timestamp(channel.UpdatedAt));
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        finally
        {
            database.WriteLock.Release();
        }
    }

    private static NotificationChannel ReadChannel(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        JsonSerializer.Deserialize(reader.GetString(3), SqliteNotificationStoreJsonContext.Default.DictionaryStringString) ?? [],
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        JsonSerializer.Deserialize(reader.GetString(6), SqliteNotificationStoreJsonContext.Default.ChannelRoute) ?? ChannelRoute.All,
        reader.GetInt64(7) != 0,
        ReadOnly: false,
        SqliteDatabase.ParseTimestamp(reader.GetString(8)),
        SqliteDatabase.ParseTimestamp(reader.GetString(9)));
}
