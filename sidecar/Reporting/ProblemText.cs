using System.Text;
using System.Text.Json;

namespace Periscope.Sidecar.Reporting;

/// <summary>
/// One log-friendly line from an error response: the title and detail of a problem details body
/// (RFC 9457 §3.1), else the start of whatever text came back.
/// </summary>
internal static class ProblemText
{
    private const int MaxLength = 500;
    private static readonly string[] SummaryFields = ["title", "detail"];

    public static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await ReadStartAsync(response.Content, cancellationToken);
        return FromBody(text) ?? (response.ReasonPhrase ?? "no detail");
    }

    internal static string? FromBody(string text)
    {
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                var parts = SummaryFields
                    .Select(name => problem.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
                    .Where(part => !string.IsNullOrWhiteSpace(part));
                var summary = string.Join(": ", parts);
                if (summary.Length > 0)
                {
                    return OneLine(summary);
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details: fall back to the text itself.
        }

        return string.IsNullOrWhiteSpace(text) ? null : OneLine(text);
    }

    private static async Task<string> ReadStartAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Enough for any problem document; a catalog answering megabytes of HTML gets cut short.
        var buffer = new byte[16 * 1024];
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= MaxLength ? line : line[..MaxLength] + "…";
    }
}
