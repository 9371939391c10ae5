using System.Text.Json;
using System.Text.Json.Serialization;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Invocation;

/// <summary>Source-generated reading of the catalog's endpoints answer: no reflection on the invocation path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ServiceEndpoints))]
internal sealed partial class InvocationJsonContext : JsonSerializerContext;
