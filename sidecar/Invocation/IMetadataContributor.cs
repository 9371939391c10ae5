using System.Text.Json;

namespace Periscope.Sidecar.Invocation;

/// <summary>Adds what a part of the sidecar knows (e.g. inferred and unused operations) to <c>/v1.0/metadata</c>'s <c>periscope</c> object.</summary>
internal interface IMetadataContributor
{
    /// <summary>Writes properties (name, value) into the open <c>periscope</c> object; names must not clash with other contributors'.</summary>
    void WriteProperties(Utf8JsonWriter writer);
}
