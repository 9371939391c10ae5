namespace Periscope.Functions.Alerts;

/// <summary>
/// <c>Alerts:Receiver</c>: the credential Alertmanager's <c>http_config</c> presents (a bearer token through
/// <c>authorization</c>, and/or <c>basic_auth</c>; prometheus.io/docs/alerting/latest/configuration/#http_config),
/// and the body limit. Until one credential is set the receiver answers 503: an open receiver would let anyone
/// write alerts and trigger notifications.
/// </summary>
internal sealed record AlertReceiverOptions
{
    /// <summary>Shortest secret accepted: guessing must stay out of reach of an attacker who can post freely.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary><c>Alerts:Receiver:BearerToken</c> (env <c>Alerts__Receiver__BearerToken</c>). Default none.</summary>
    public string? BearerToken { get; init; }

    /// <summary><c>Alerts:Receiver:BasicUsername</c>. Default none.</summary>
    public string? BasicUsername { get; init; }

    /// <summary><c>Alerts:Receiver:BasicPassword</c> (env <c>Alerts__Receiver__BasicPassword</c>). Default none.</summary>
    public string? BasicPassword { get; init; }

    /// <summary>
    /// <c>Alerts:Receiver:MaxBodyBytes</c>: the largest payload read. Default 8 MiB: a group of 1,000 alerts with
    /// their labels and annotations is 1–2 MB, and Alertmanager's <c>max_alerts</c> is unlimited by default.
    /// </summary>
    public long MaxBodyBytes { get; init; } = 8 * 1024 * 1024;

    public bool HasBearer => !string.IsNullOrEmpty(BearerToken);

    public bool HasBasic => !string.IsNullOrEmpty(BasicUsername) && !string.IsNullOrEmpty(BasicPassword);

    public bool IsConfigured => HasBearer || HasBasic;

    public IEnumerable<string> Validate()
    {
        if (BearerToken is { Length: > 0 and < MinimumSecretLength })
        {
            yield return $"Alerts:Receiver:BearerToken must be at least {MinimumSecretLength} characters.";
        }

        if (string.IsNullOrEmpty(BasicUsername) != string.IsNullOrEmpty(BasicPassword))
        {
            yield return "Alerts:Receiver:BasicUsername and Alerts:Receiver:BasicPassword must be set together.";
        }

        if (BasicPassword is { Length: > 0 and < MinimumSecretLength })
        {
            yield return $"Alerts:Receiver:BasicPassword must be at least {MinimumSecretLength} characters.";
        }

        if (MaxBodyBytes is < 1024 or > 256L * 1024 * 1024)
        {
            yield return $"Alerts:Receiver:MaxBodyBytes must be from 1024 to 268435456; got {MaxBodyBytes}.";
        }
    }
}
