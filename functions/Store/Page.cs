namespace Periscope.Functions.Store;

/// <summary>
/// A page of a list and the opaque token for the next one, the way Kubernetes lists page
/// (<c>limit</c> and <c>continue</c>, API conventions "List and watch"): a token, not an offset,
/// so a table-storage backend can page with its own continuation tokens.
/// </summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? Continue);
