namespace Periscope.Functions.Tests.Invoke.Doubles;

/// <summary>A request as the fake sidecar received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawTarget">The request target exactly as sent, escaping intact.</param>
/// <param name="Headers">Every header, names lower-cased, values joined by commas.</param>
/// <param name="Body">The body's bytes.</param>
internal sealed record SidecarRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
