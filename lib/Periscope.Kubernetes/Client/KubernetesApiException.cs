using System.Net;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Client;

/// <summary>
/// An API call the server refused. <see cref="Status"/> is the server's own meta/v1 Status when it
/// sent one, or one built from the HTTP status and body when it did not (a proxy's HTML page, say).
/// Reasons are the StatusReason values of the API conventions ("Response Status Kind").
/// </summary>
internal sealed class KubernetesApiException : Exception
{
    public KubernetesApiException(Status status)
        : base(Describe(status))
    {
        Status = status;
    }

    public KubernetesApiException()
        : this(new Status { Code = 0, Message = "Unknown Kubernetes API error." })
    {
    }

    public KubernetesApiException(string message)
        : this(new Status { Code = 0, Message = message })
    {
    }

    public KubernetesApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = new Status { Code = 0, Message = message };
    }

    public Status Status { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Status.Code;

    public string? Reason => Status.Reason;

    public bool IsNotFound => Is("NotFound", HttpStatusCode.NotFound);

    public bool IsAlreadyExists => Status.Reason == "AlreadyExists";

    /// <summary>A resourceVersion conflict on update (409 reason Conflict), not AlreadyExists.</summary>
    public bool IsConflict => Status.Reason == "Conflict" || (Status.Code == 409 && Status.Reason is null);

    /// <summary>The requested resourceVersion is too old: re-list (reason Expired or Gone, code 410).</summary>
    public bool IsGone => Status.Code == 410 || Status.Reason is "Expired" or "Gone";

    public bool IsInvalid => Is("Invalid", HttpStatusCode.UnprocessableEntity);

    public bool IsForbidden => Is("Forbidden", HttpStatusCode.Forbidden);

    public bool IsUnauthorized => Is("Unauthorized", HttpStatusCode.Unauthorized);

    private bool Is(string reason, HttpStatusCode code) => Status.Reason == reason || Status.Code == (int)code;

    private static string Describe(Status status)
    {
        var reason = status.Reason is null ? "" : $" {status.Reason}";
        return $"Kubernetes API error {status.Code}{reason}: {status.Message}";
    }
}
