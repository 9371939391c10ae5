namespace Periscope.Sidecar.Tests.Forwarding;

/// <summary>A response as it came over the wire: every header line in order, the body as UTF-8 text.</summary>
internal sealed record RawResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public IReadOnlyList<string> Values(string name) =>
        [.. Headers.Where(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value)];
}
