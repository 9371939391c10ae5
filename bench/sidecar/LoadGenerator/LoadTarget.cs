namespace Periscope.Bench.LoadGenerator;

/// <summary>Where some of the requests go: with several targets, request i goes to target i mod n.</summary>
/// <param name="Url">The request URL.</param>
/// <param name="Label">Names the target in the human summary.</param>
/// <param name="Headers">Sent with every request to this target (the gateway path's API key).</param>
internal sealed record LoadTarget(Uri Url, string Label, IReadOnlyList<KeyValuePair<string, string>> Headers);
