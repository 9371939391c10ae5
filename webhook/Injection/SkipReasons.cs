namespace Periscope.Webhook.Injection;

/// <summary>Stable reason strings for a skipped pod: logged, counted in /metrics, asserted by tests.</summary>
internal static class SkipReasons
{
    public const string AlreadyInjected = "already-injected";
    public const string OptedOut = "opted-out";
    public const string DaprEnabled = "dapr-enabled";
    public const string HostNetwork = "host-network";
    public const string SystemNamespace = "system-namespace";
    public const string NoContainers = "no-containers";

    /// <summary>
    /// Neither <c>periscope.dev/app-port</c> nor a TCP <c>containerPort</c> on the first container: the sidecar needs
    /// --app-port, and a native sidecar that crash-loops would hold back the app's own start.
    /// </summary>
    public const string NoAppPort = "no-app-port";
}
