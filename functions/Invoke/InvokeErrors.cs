namespace Periscope.Functions.Invoke;

/// <summary>The <c>Error</c> values of call records: why the gateway answered a call itself.</summary>
internal static class InvokeErrors
{
    public const string CircuitOpen = "circuit-open";
    public const string Timeout = "timeout";
    public const string Connect = "connect";
    public const string DaprError = "dapr-error";
    public const string Upstream = "upstream";
    public const string BrokenAnswer = "broken-answer";
    public const string BodyTooLarge = "body-too-large";
    public const string BodyRead = "body-read";
    public const string ClientAborted = "client-aborted";
    public const string UnknownService = "unknown-service";
    public const string UnknownOperation = "unknown-operation";
    public const string Forbidden = "forbidden";
    public const string InvalidRequest = "invalid-request";
    public const string InvalidInput = "invalid-input";

    /// <summary>nginx's "client closed request", for metrics and records only.</summary>
    public const int ClientClosedRequest = 499;
}
