using System.Text.Json;
using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>Adds <c>"unusedOperations": ["GET /legacy"]</c> to the metadata, as traffic capture might.</summary>
internal sealed class OperationsContributor : IMetadataContributor
{
    public void WriteProperties(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("unusedOperations");
        writer.WriteStringValue("GET /legacy");
        writer.WriteEndArray();
    }
}
