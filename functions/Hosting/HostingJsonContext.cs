using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Functions.Hosting;

/// <summary>Source-generated JSON for the host's own bodies: no reflection on the cold-start path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
