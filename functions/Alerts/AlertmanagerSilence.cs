namespace Periscope.Functions.Alerts;

/// <summary>A silence as Alertmanager's <c>GET /api/v2/silences</c> answers it (<c>gettableSilence</c>); also what the silence functions return.</summary>
internal sealed record AlertmanagerSilence(
    string Id,
    SilenceStatus? Status,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<SilenceMatcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment);
