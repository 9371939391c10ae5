using System.Text.RegularExpressions;

namespace Periscope.Webhook.Injection;

/// <summary>
/// Whether a string is a container image reference, by the grammar of distribution/reference (regexp.go):
/// [domain[:port]/]path-component[/path-component…][:tag][@digest].
/// </summary>
internal static partial class ImageReference
{
    private const int MaxLength = 255 + 128 + 72;

    public static bool IsValid(string? reference) =>
        !string.IsNullOrEmpty(reference) && reference.Length <= MaxLength && ReferencePattern().IsMatch(reference);

    [GeneratedRegex(
        @"^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?/)?"
        + @"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
        + @"(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
