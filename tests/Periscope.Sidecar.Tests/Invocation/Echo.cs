namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>What <see cref="EchoApp"/> answers.</summary>
internal sealed record Echo(string Name, string Method, string Target, Dictionary<string, string> Headers, string Body);
