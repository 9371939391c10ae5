using System.Text.Json;
using System.Text.Json.Serialization;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Reporting;

/// <summary>Source-generated serialization of the report contract: no reflection at start-up.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CatalogReport))]
[JsonSerializable(typeof(ReportResponse))]
internal sealed partial class ReportingJsonContext : JsonSerializerContext;
