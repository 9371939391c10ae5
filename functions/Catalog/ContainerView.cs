namespace Periscope.Functions.Catalog;

/// <summary>A container name and the pods that run it.</summary>
internal sealed record ContainerView(string Name, IReadOnlyList<string> Pods);
