using Microsoft.Extensions.Options;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Invoke;

/// <summary><see cref="InvokeOptions"/> resolved once: the sidecar's address parsed and the timeout capped by host.json.</summary>
internal sealed class InvokeSettings
{
    public InvokeSettings(IOptions<InvokeOptions> options, HostJsonOptions hostJson)
    {
        var value = options.Value;
        DaprEndpoint = Invoke.DaprEndpoint.Parse(value.DaprHttpEndpoint!);
        DaprApiToken = string.IsNullOrEmpty(value.DaprApiToken) ? null : value.DaprApiToken;
        MaxRequestBodyBytes = value.MaxRequestBodyBytes;
        Timeout = Cap(value.Timeout, hostJson.FunctionTimeout);
    }

    /// <summary>Scheme, host and port of the sidecar's HTTP API.</summary>
    public Uri DaprEndpoint { get; }

    public string? DaprApiToken { get; }

    public long MaxRequestBodyBytes { get; }

    /// <summary>The effective timeout: <see cref="InvokeOptions.Timeout"/>, capped below <c>functionTimeout</c>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// A timeout that reaches host.json's functionTimeout is cut to end a little before it (a tenth of it, at
    /// most a second), so the gateway answers 504 naming the target rather than the host answering 503.
    /// </summary>
    public static TimeSpan Cap(TimeSpan timeout, TimeSpan? functionTimeout) =>
        functionTimeout is { } limit && timeout >= limit
            ? limit - TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, limit.Ticks / 10))
            : timeout;
}
