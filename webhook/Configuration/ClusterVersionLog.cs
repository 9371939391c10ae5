namespace Periscope.Webhook.Configuration;

internal static partial class ClusterVersionLog
{
    [LoggerMessage(5280, LogLevel.Information, "The API server {Server} runs Kubernetes 1.{Minor}")]
    public static partial void Read(ILogger logger, Uri server, int minor);

    [LoggerMessage(5281, LogLevel.Warning, "No Kubernetes cluster configured ({Reason}) and Injection:ClusterMinorVersion unset; assuming 1.{Minor}")]
    public static partial void NoCluster(ILogger logger, string reason, int minor);

    [LoggerMessage(5282, LogLevel.Warning, "Could not read the version of the API server {Server}; assuming 1.{Minor}")]
    public static partial void Failed(ILogger logger, Exception exception, Uri server, int minor);
}
