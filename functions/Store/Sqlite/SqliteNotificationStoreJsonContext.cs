using System.Text.Json.Serialization;
using Periscope.Functions.Alerts;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>Source-generated JSON for the notification store's columns: settings, routes and queued notices.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(ChannelRoute))]
[JsonSerializable(typeof(AlertGroupNotice))]
internal sealed partial class SqliteNotificationStoreJsonContext : JsonSerializerContext;
