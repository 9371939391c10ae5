using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Functions.Notifications;

/// <summary>Source-generated JSON for the webhook body.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(WebhookPayload))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
