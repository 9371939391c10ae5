using System.Text.Json.Serialization;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>Source-generated JSON for the key store's <c>scopes_json</c> column.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class SqliteKeyStoreJsonContext : JsonSerializerContext;
