namespace Periscope.Functions.Monitoring;

/// <summary>A metric name and its label matchers, rendered as <c>name{a="b", ...}</c>.</summary>
internal sealed record Selector(string Metric, IReadOnlyList<LabelMatcher> Matchers)
{
    public static Selector For(string metric, params IEnumerable<LabelMatcher?> matchers) =>
        new(metric, matchers.OfType<LabelMatcher>().ToList());

    public Selector With(params IEnumerable<LabelMatcher?> matchers) => this with { Matchers = [.. Matchers, .. matchers.OfType<LabelMatcher>()] };

    public Selector Named(string metric) => this with { Metric = metric };

    public override string ToString() => Metric + "{" + string.Join(", ", Matchers) + "}";
}
