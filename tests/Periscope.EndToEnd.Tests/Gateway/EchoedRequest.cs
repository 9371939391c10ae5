namespace Periscope.EndToEnd.Tests.Gateway;

/// <summary>A request as <see cref="EchoApp"/> received it; header names lower-cased.</summary>
internal sealed record EchoedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
