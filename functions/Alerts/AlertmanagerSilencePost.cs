namespace Periscope.Functions.Alerts;

/// <summary>The body of Alertmanager's <c>POST /api/v2/silences</c> (<c>postableSilence</c>).</summary>
internal sealed record AlertmanagerSilencePost(
    IReadOnlyList<SilenceMatcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment);
