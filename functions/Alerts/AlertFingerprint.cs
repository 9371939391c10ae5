using System.Globalization;
using System.Text;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Alertmanager's fingerprint of a label set, for payloads that lack one (senders other than Alertmanager, or
/// hand-written ones): FNV-1a 64 over the labels sorted by name, each name and value followed by the byte 0xFF,
/// printed as 16 hex digits — prometheus/common model/signature.go <c>labelSetToFingerprint</c>, and
/// <c>Fingerprint.String</c> (<c>%016x</c>) in model/fingerprinting.go.
/// </summary>
internal static class AlertFingerprint
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const byte Separator = 0xFF;

    public static string Of(IReadOnlyDictionary<string, string> labels)
    {
        var hash = Offset;
        foreach (var name in labels.Keys.Order(StringComparer.Ordinal))
        {
            hash = Add(Add(hash, name), labels[name]);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return (hash ^ Separator) * Prime;
    }
}
