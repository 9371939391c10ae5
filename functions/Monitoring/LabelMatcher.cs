namespace Periscope.Functions.Monitoring;

/// <summary>
/// One label matcher of a selector (prometheus.io/docs/prometheus/latest/querying/basics/, "Time series
/// selectors"). The name comes from code; the value is rendered as a literal, for <c>=~</c> and <c>!~</c> either
/// a quoted value (<see cref="Exactly"/>) or a pattern written by the template itself.
/// </summary>
internal sealed record LabelMatcher
{
    private LabelMatcher(string name, string op, string literal)
    {
        if (!PromQl.IsLabelName(name))
        {
            throw new ArgumentException($"'{name}' is not a label name.", nameof(name));
        }

        Name = name;
        Operator = op;
        Literal = literal;
    }

    public string Name { get; }

    /// <summary><c>=</c>, <c>!=</c>, <c>=~</c> or <c>!~</c>.</summary>
    public string Operator { get; }

    /// <summary>The value as a PromQL string literal, quotes and escapes included.</summary>
    public string Literal { get; }

    public static LabelMatcher Equal(string name, string value) => new(name, "=", PromQl.String(value));

    public static LabelMatcher NotEqual(string name, string value) => new(name, "!=", PromQl.String(value));

    /// <summary><c>=~</c> with a pattern the template wrote; never a caller's value (use <see cref="Exactly"/>).</summary>
    public static LabelMatcher Matches(string name, string pattern) => new(name, "=~", PromQl.String(pattern));

    /// <summary><c>=~</c> matching one of <paramref name="values"/> exactly: each is regex-quoted, then the whole is one string literal.</summary>
    public static LabelMatcher Exactly(string name, IEnumerable<string> values) =>
        new(name, "=~", PromQl.String(string.Join('|', values.Select(PromQl.QuoteMeta))));

    public override string ToString() => Name + Operator + Literal;
}
