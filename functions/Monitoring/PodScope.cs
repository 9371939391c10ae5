namespace Periscope.Functions.Monitoring;

/// <summary>Which pods a query covers: a namespace, one pod, one container, or everything when all are null. Values are validated before.</summary>
internal sealed record PodScope(string? Namespace, string? Pod = null, string? Container = null)
{
    public IEnumerable<LabelMatcher?> Matchers(bool withContainer = true) => new LabelMatcher?[]
    {
        Namespace is null ? null : LabelMatcher.Equal("namespace", Namespace),
        Pod is null ? null : LabelMatcher.Equal("pod", Pod),
        Container is null || !withContainer ? null : LabelMatcher.Equal("container", Container),
    };
}
