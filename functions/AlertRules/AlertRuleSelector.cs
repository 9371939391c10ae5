namespace Periscope.Functions.AlertRules;

/// <summary>
/// Which series a rule watches: each field, when set, is an exact-match label matcher. Which fields a target
/// accepts is in <see cref="AlertRuleVocabulary"/>; <see cref="Labels"/> adds matchers on the watched metric itself.
/// </summary>
internal sealed record AlertRuleSelector
{
    public string? Namespace { get; init; }

    public string? Node { get; init; }

    public string? Pod { get; init; }

    public string? Container { get; init; }

    public string? App { get; init; }

    /// <summary>The operation's path template (<c>/orders/{id}</c>), optionally after its method (<c>GET /orders/{id}</c>).</summary>
    public string? Operation { get; init; }

    public Dictionary<string, string>? Labels { get; init; }
}
