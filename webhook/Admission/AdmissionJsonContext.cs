using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Periscope.Webhook.Admission;

[JsonSerializable(typeof(JsonArray))]
internal sealed partial class AdmissionJsonContext : JsonSerializerContext;
