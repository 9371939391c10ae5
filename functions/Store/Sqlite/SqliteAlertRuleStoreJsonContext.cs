using System.Text.Json;
using System.Text.Json.Serialization;
using Periscope.Functions.AlertRules;

namespace Periscope.Functions.Store.Sqlite;

/// <summary>The stored form of a rule's selector.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AlertRuleSelector))]
internal sealed partial class SqliteAlertRuleStoreJsonContext : JsonSerializerContext;
