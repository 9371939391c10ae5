using YamlDotNet.RepresentationModel;

namespace Periscope.Kubernetes.Configuration;

/// <summary>A named cluster, user or context and the file it came from (relative paths resolve against it).</summary>
internal sealed record KubeConfigEntry(string Name, YamlMappingNode Body, string File)
{
    public string Field(string field) => $"{File}: {Name}.{field}";

    public string? Text(string key)
        => Body.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
            ? value
            : null;

    public bool Flag(string key) => Text(key) is { } value && bool.TryParse(value, out var flag) && flag;

    public YamlNode? Node(string key) => Body.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>A path as written, made absolute against the directory of the file that set it (kubectl's rule).</summary>
    public string? Path(string key)
        => Text(key) is { } path ? System.IO.Path.GetFullPath(path, System.IO.Path.GetDirectoryName(File) ?? ".") : null;
}
