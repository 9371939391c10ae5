using System.Text.Json;
using Periscope.JsonSchema.Json;

namespace Periscope.JsonSchema.Formats;

/// <summary>How one format is checked, and the noun a message uses for it.</summary>
internal sealed record FormatCheck(string Noun, Func<JsonElement, bool> Accepts)
{
    /// <summary>The formats this library asserts; any other name is an annotation only (Validation 2020-12 §7.2.3).</summary>
    public static FormatCheck? Find(string format) => format switch
    {
        "date-time" => ForStrings("date-time (RFC 3339)", DateTimeFormats.IsDateTime),
        "date" => ForStrings("date (RFC 3339 full-date)", text => DateTimeFormats.IsDate(text)),
        "time" => ForStrings("time with offset (RFC 3339 full-time)", text => DateTimeFormats.IsTime(text)),
        "email" => ForStrings("email address", EmailFormat.IsEmail),
        "uuid" => ForStrings("UUID", UuidFormat.IsUuid),
        "uri" => ForStrings("absolute URI", AbsoluteUriFormat.IsUri),
        "ipv4" => ForStrings("IPv4 address", text => IpAddressFormats.IsIPv4(text)),
        "ipv6" => ForStrings("IPv6 address", text => IpAddressFormats.IsIPv6(text)),
        "int32" => ForNumbers("32-bit integer (int32)", NumericFormats.IsInt32),
        "int64" => ForNumbers("64-bit integer (int64)", NumericFormats.IsInt64),
        "float" => ForNumbers("32-bit floating-point number (float)", NumericFormats.IsFloat),
        "double" => ForNumbers("64-bit floating-point number (double)", NumericFormats.IsDouble),
        _ => null,
    };

    // A format applies only to instances of its type; others pass (Validation 2020-12 §7.1).
    private static FormatCheck ForStrings(string noun, Func<string, bool> accepts) =>
        new(noun, instance => instance.ValueKind != JsonValueKind.String || accepts(instance.GetString()!));

    private static FormatCheck ForNumbers(string noun, Func<JsonNumber, bool> accepts) =>
        new(noun, instance => instance.ValueKind != JsonValueKind.Number || accepts(JsonNumber.From(instance)));
}
