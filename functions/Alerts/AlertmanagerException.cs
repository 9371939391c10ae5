namespace Periscope.Functions.Alerts;

/// <summary>
/// Alertmanager could not do what was asked; <see cref="Status"/> is what the function answers: 503 when it is not
/// configured, unreachable or slow; 400 or 404 when it refused the request; 502 when it failed or answered nonsense.
/// </summary>
internal sealed class AlertmanagerException(int status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;
}
