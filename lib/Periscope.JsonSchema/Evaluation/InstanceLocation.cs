using System.Text;

namespace Periscope.JsonSchema.Evaluation;

/// <summary>
/// Where the evaluation stands in the instance: a chain of property names and item indexes, turned into an
/// RFC 6901 JSON Pointer only when an error needs one.
/// </summary>
internal sealed class InstanceLocation
{
    public static readonly InstanceLocation Root = new(null, null, -1);

    private readonly InstanceLocation? _parent;
    private readonly string? _property;
    private readonly int _index;

    private InstanceLocation(InstanceLocation? parent, string? property, int index)
    {
        _parent = parent;
        _property = property;
        _index = index;
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>How many containers enclose this location; the root is 0.</summary>
    public int Depth { get; }

    public InstanceLocation Property(string name) => new(this, name, -1);

    public InstanceLocation Item(int index) => new(this, null, index);

    /// <summary>The JSON Pointer; "~" is written "~0" and "/" is written "~1" (RFC 6901 §3).</summary>
    public override string ToString()
    {
        if (_parent is null)
        {
            return string.Empty;
        }

        var segments = new Stack<InstanceLocation>();
        for (var location = this; location._parent is not null; location = location._parent)
        {
            segments.Push(location);
        }

        var pointer = new StringBuilder();
        foreach (var segment in segments)
        {
            pointer.Append('/');
            if (segment._property is { } name)
            {
                pointer.Append(name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
            else
            {
                pointer.Append(segment._index);
            }
        }

        return pointer.ToString();
    }
}
