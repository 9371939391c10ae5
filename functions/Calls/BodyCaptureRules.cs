using Periscope.Catalog.Contracts;

namespace Periscope.Functions.Calls;

/// <summary>The services whose bodies are recorded (<see cref="CallRecordsOptions.CaptureBodies"/>): <c>namespace/appId</c> or <c>namespace/*</c>.</summary>
internal sealed class BodyCaptureRules
{
    private const string AnyApp = "*";

    private readonly HashSet<string> _entries;

    public BodyCaptureRules(IEnumerable<string> entries) =>
        _entries = new HashSet<string>(entries.Select(entry => entry.Trim()), StringComparer.Ordinal);

    public bool Captures(string @namespace, string appId) =>
        _entries.Count > 0 && (_entries.Contains(@namespace + "/" + appId) || _entries.Contains(@namespace + "/" + AnyApp));

    /// <summary>Null when <paramref name="entry"/> is well formed, else what is wrong with it.</summary>
    public static string? Check(string? entry)
    {
        var parts = (entry ?? "").Trim().Split('/');
        if (parts.Length != 2)
        {
            return $"'{entry}' must read 'namespace/appId' or 'namespace/*'.";
        }

        return ResourceNames.CheckLabel("namespace", parts[0]) ?? (parts[1] == AnyApp ? null : ResourceNames.CheckLabel("appId", parts[1]));
    }
}
