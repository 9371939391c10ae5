namespace Periscope.Monitoring.Stack;

/// <summary>
/// What the generated alertmanager.yml says: one route to one webhook receiver at <paramref name="WebhookUrl"/>,
/// with send_resolved and max_alerts 0 (all alerts of a group in one payload). Timings are short for tests.
/// </summary>
public sealed record AlertmanagerSetup(Uri WebhookUrl)
{
    /// <summary>http_config.authorization (Bearer). Set this or <see cref="BasicAuth"/>, not both.</summary>
    public string? BearerToken { get; init; }

    public AlertmanagerBasicAuth? BasicAuth { get; init; }

    /// <summary>route.group_by; ["..."] groups by every label (one alert per group).</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = ["alertname"];

    public TimeSpan GroupWait { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan GroupInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RepeatInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>global.resolve_timeout: how long an alert posted without endsAt stays firing.</summary>
    public TimeSpan ResolveTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
