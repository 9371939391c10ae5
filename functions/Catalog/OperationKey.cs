using System.Text.RegularExpressions;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// The stable, URL-safe key of one operation: <c>{namespace}.{appId}.{slug}</c>. Namespaces and app-ids
/// are RFC 1123 labels and hold no dots, so the first two dots split the key unambiguously; the slug
/// (the operationId, or method and a hash of the path) may hold dots of its own.
/// </summary>
internal static partial class OperationKey
{
    [GeneratedRegex("^[A-Za-z0-9_.\\-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    public static string Compose(ServiceKey service, string slug) => $"{service.Namespace}.{service.AppId}.{slug}";

    /// <summary>True when <paramref name="key"/> has the key's shape; nothing is looked up.</summary>
    public static bool IsWellFormed(string key)
    {
        var parts = key.Split('.', 3);
        return parts.Length == 3
            && ResourceNames.IsLabel(parts[0])
            && ResourceNames.IsLabel(parts[1])
            && Slug().IsMatch(parts[2]);
    }
}
