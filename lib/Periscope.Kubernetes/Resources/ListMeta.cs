namespace Periscope.Kubernetes.Resources;

/// <summary>
/// meta/v1 ListMeta. <see cref="ResourceVersion"/> is where a watch starts after a list;
/// <see cref="Continue"/> asks for the next page (API concepts, "Retrieving large results sets in chunks").
/// </summary>
internal sealed class ListMeta
{
    public string? ResourceVersion { get; set; }

    public string? Continue { get; set; }

    public long? RemainingItemCount { get; set; }
}
