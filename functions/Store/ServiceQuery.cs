namespace Periscope.Functions.Store;

/// <summary>Filters of the service list: an exact namespace and/or a text contained in the app-id or title.</summary>
internal sealed record ServiceQuery(string? Namespace, string? Text, PageRequest Page);
