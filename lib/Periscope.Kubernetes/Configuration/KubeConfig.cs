using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Periscope.Kubernetes.Configuration;

/// <summary>
/// One or more kubeconfig files merged by kubectl's rules (Kubernetes docs, "Organizing Cluster Access
/// Using kubeconfig Files", "Merging kubeconfig files"): files are read in order, the first file to set
/// current-context wins, and for clusters, users and contexts the first file to define a name wins.
/// Files listed but missing are skipped, as kubectl does.
/// </summary>
internal sealed partial class KubeConfig
{
    private readonly Dictionary<string, KubeConfigEntry> _clusters = [];
    private readonly Dictionary<string, KubeConfigEntry> _users = [];
    private readonly Dictionary<string, KubeConfigEntry> _contexts = [];

    public string? CurrentContext { get; private set; }

    public IReadOnlyList<string> Files { get; private set; } = [];

    public IReadOnlyDictionary<string, KubeConfigEntry> Clusters => _clusters;

    public IReadOnlyDictionary<string, KubeConfigEntry> Users => _users;

    public IReadOnlyDictionary<string, KubeConfigEntry> Contexts => _contexts;

    public static KubeConfig Load(IEnumerable<string> paths)
    {
        var config = new KubeConfig();
        var read = new List<string>();
        foreach (var path in paths.Where(p => p.Length > 0).Select(p => Path.GetFullPath(p)).Distinct())
        {
            if (File.Exists(path))
            {
                config.Merge(path);
                read.Add(path);
            }
        }

        config.Files = read;
        return config;
    }

    private void Merge(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new KubeConfigException($"{file}: not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode)
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubeConfigException($"{file}: a kubeconfig must be a YAML mapping.");
        }

        if (CurrentContext is null && root.Children.TryGetValue(new YamlScalarNode("current-context"), out var current)
            && current is YamlScalarNode { Value: { Length: > 0 } name })
        {
            CurrentContext = name;
        }

        MergeNamed(root, file, "clusters", "cluster", _clusters);
        MergeNamed(root, file, "users", "user", _users);
        MergeNamed(root, file, "contexts", "context", _contexts);
    }

    private static void MergeNamed(YamlMappingNode root, string file, string listKey, string bodyKey, Dictionary<string, KubeConfigEntry> into)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(listKey), out var listNode) || listNode is YamlScalarNode)
        {
            return;
        }

        if (listNode is not YamlSequenceNode list)
        {
            throw new KubeConfigException($"{file}: {listKey} must be a list (line {listNode.Start.Line}).");
        }

        foreach (var item in list)
        {
            if (item is not YamlMappingNode entry
                || !entry.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode)
                || nameNode is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw new KubeConfigException($"{file}: an entry of {listKey} has no name (line {item.Start.Line}).");
            }

            if (!entry.Children.TryGetValue(new YamlScalarNode(bodyKey), out var body) || body is not YamlMappingNode mapping)
            {
                mapping = new YamlMappingNode();
            }

            into.TryAdd(name, new KubeConfigEntry(name, mapping, file));
        }
    }
}
