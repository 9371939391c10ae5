using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Periscope.OpenApi.Operations;

/// <summary>Gives each operation an id that is stable across re-parses of the same document.</summary>
/// <remarks>
/// The operationId is the natural id (OpenAPI 3.1 §4.8.10.1: "MUST be unique among all operations"), but
/// documents break that rule and some ids are not safe in a URL. Such operations fall back to
/// <c>{method}-{first 12 hex digits of SHA-256(path template)}</c>, which depends only on the operation
/// itself, so adding other operations never changes it (unless one of them duplicates an operationId).
/// </remarks>
internal static partial class OperationSlug
{
    public static string[] Assign(IReadOnlyList<(string Method, string Path, string? OperationId)> operations)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, _, operationId) in operations)
        {
            if (operationId is not null)
            {
                counts[operationId] = counts.GetValueOrDefault(operationId) + 1;
            }
        }

        var slugs = new string[operations.Count];
        for (var i = 0; i < operations.Count; i++)
        {
            var (method, path, operationId) = operations[i];
            slugs[i] = operationId is not null && counts[operationId] == 1 && SafeOperationId().IsMatch(operationId)
                ? operationId
                : Fallback(method, path);
        }

        return slugs;
    }

    /// <summary>The slug of an operation whose operationId cannot serve: method and a hash of the path template.</summary>
    public static string Fallback(string method, string path)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(path));
        return method.ToLowerInvariant() + "-" + Convert.ToHexStringLower(hash, 0, 6);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeOperationId();
}
