using System.ComponentModel.DataAnnotations;

namespace Periscope.Functions.Alerts;

/// <summary>Configuration section <c>Alerts</c>: the Alertmanager receiver, links, and where silences go. Validated at start-up.</summary>
internal sealed record AlertsOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary><c>Alerts:Receiver</c>: who may post to <c>POST /api/alerts/alertmanager</c>, and how much.</summary>
    public AlertReceiverOptions Receiver { get; init; } = new();

    /// <summary>
    /// <c>Alerts:AlertmanagerUrl</c>: Alertmanager's base URL (for example <c>http://alertmanager:9093</c>), where
    /// silences are created, listed and expired through its API v2. Default none: the silence functions answer 503.
    /// </summary>
    public Uri? AlertmanagerUrl { get; init; }

    /// <summary><c>Alerts:AlertmanagerTimeout</c>: longest wait for Alertmanager's API. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AlertmanagerTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <c>Alerts:PortalUrl</c>: the portal's base URL; each alert's enrichment links to its subject there
    /// (<c>{PortalUrl}/services/{namespace}/{appId}</c>, else <c>{PortalUrl}/alerts/{id}</c>). Default none: no portal links.
    /// </summary>
    public Uri? PortalUrl { get; init; }

    /// <summary>
    /// <c>Alerts:UseKubernetes</c>: whether enrichment reads the pod an alert names (labels <c>namespace</c> and
    /// <c>pod</c>) from the cluster for its container's status and restart count, through section <c>Kubernetes</c>.
    /// Default false. When true, a missing or unusable Kubernetes configuration stops start-up; an unreachable API
    /// server only leaves the two fields null.
    /// </summary>
    public bool UseKubernetes { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AlertmanagerUrl is { } alertmanager && (!alertmanager.IsAbsoluteUri || alertmanager.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"{Section}:AlertmanagerUrl must be an absolute http or https URL; got '{alertmanager}'.");
        }

        if (PortalUrl is { } portal && (!portal.IsAbsoluteUri || portal.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"{Section}:PortalUrl must be an absolute http or https URL; got '{portal}'.");
        }

        foreach (var error in Receiver.Validate())
        {
            yield return new ValidationResult(error);
        }
    }
}
