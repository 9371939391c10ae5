using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<ReportOutcome>))]
public enum ReportOutcome
{
    /// <summary>Nothing changed: the same report was already applied.</summary>
    [JsonStringEnumMemberName("unchanged")] Unchanged,

    /// <summary>The heartbeat or endpoint changed; the document did not.</summary>
    [JsonStringEnumMemberName("heartbeat")] Heartbeat,

    /// <summary>A new document was stored (and parsed, or stored with its diagnostics).</summary>
    [JsonStringEnumMemberName("documentUpdated")] DocumentUpdated,

    /// <summary>The heartbeat named a document hash the catalog does not hold: send the document.</summary>
    [JsonStringEnumMemberName("documentRequired")] DocumentRequired,
}
