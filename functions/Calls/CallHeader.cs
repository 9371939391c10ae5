namespace Periscope.Functions.Calls;

/// <summary>One request header as stored (a name may repeat, in the order the request had them).</summary>
internal sealed record CallHeader(string Name, string Value);
