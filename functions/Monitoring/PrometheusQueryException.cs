namespace Periscope.Functions.Monitoring;

/// <summary>A query Prometheus did not answer, or answered with an error; <see cref="Status"/> is what the function answers with.</summary>
internal sealed class PrometheusQueryException(int status, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int Status { get; } = status;
}
