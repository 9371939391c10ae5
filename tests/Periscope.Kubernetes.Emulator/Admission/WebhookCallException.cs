namespace Periscope.Kubernetes.Emulator.Admission;

/// <summary>A webhook answered, but not with a usable AdmissionReview.</summary>
internal sealed class WebhookCallException : Exception
{
    public WebhookCallException()
    {
    }

    public WebhookCallException(string message)
        : base(message)
    {
    }

    public WebhookCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
