namespace Periscope.JsonSchema.Evaluation;

/// <summary>
/// Which properties and items of one instance the keywords that passed have evaluated, for
/// <c>unevaluatedProperties</c> and <c>unevaluatedItems</c> (JSON Schema Core 2020-12 §11). Only created where
/// such a keyword can see it, so schemas without them pay nothing.
/// </summary>
internal sealed class Annotations
{
    private HashSet<string>? _properties;
    private HashSet<int>? _items;

    /// <summary>Items before this index were evaluated (<c>prefixItems</c>).</summary>
    public int ItemPrefix { get; private set; }

    /// <summary>Every item was evaluated (<c>items</c>, <c>unevaluatedItems</c>).</summary>
    public bool AllItems { get; set; }

    public void AddProperty(string name) => (_properties ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    public bool HasProperty(string name) => _properties is not null && _properties.Contains(name);

    public void AddItem(int index) => (_items ??= []).Add(index);

    public void ExtendItemPrefix(int count) => ItemPrefix = Math.Max(ItemPrefix, count);

    public bool HasItem(int index) => AllItems || index < ItemPrefix || (_items is not null && _items.Contains(index));

    /// <summary>Takes in what a subschema that passed, applied to the same instance, evaluated.</summary>
    public void Merge(Annotations other)
    {
        if (other._properties is not null)
        {
            (_properties ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(other._properties);
        }

        if (other._items is not null)
        {
            (_items ??= []).UnionWith(other._items);
        }

        ItemPrefix = Math.Max(ItemPrefix, other.ItemPrefix);
        AllItems |= other.AllItems;
    }
}
