using System.Text;

namespace Periscope.Kubernetes.Client;

/// <summary>Builds a path with an escaped query string, skipping parameters that are not set.</summary>
internal sealed class QueryBuilder(string path)
{
    private readonly StringBuilder _builder = new(path);
    private bool _first = true;

    public QueryBuilder Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _first = false;
        return this;
    }

    public QueryBuilder Add(string name, long? value) => Add(name, value?.ToString());

    public QueryBuilder Add(string name, bool value) => value ? Add(name, "true") : this;

    public QueryBuilder Add(ListOptions? options) => options is null
        ? this
        : Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector)
            .Add("limit", options.Limit)
            .Add("continue", options.Continue)
            .Add("resourceVersion", options.ResourceVersion)
            .Add("resourceVersionMatch", options.ResourceVersionMatch);

    public override string ToString() => _builder.ToString();
}
