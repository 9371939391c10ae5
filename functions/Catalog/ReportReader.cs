using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Periscope.Catalog.Contracts;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Catalog;

/// <summary>
/// Reads a report body with the checks that come before any field is looked at: media type, size limits
/// (of the request, then of the document inside it) and JSON syntax. Each failure is a problem result;
/// nothing has been stored by then.
/// </summary>
internal sealed class ReportReader(IOptions<CatalogOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(CatalogReport? Report, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (!ReportValidator.IsJsonMediaType(request.ContentType))
        {
            return (null, Problems.BadRequest($"A report must be sent as application/json; the request's Content-Type is '{request.ContentType}'."));
        }

        if (request.ContentLength > limits.MaxReportBytes)
        {
            return (null, TooLarge(limits));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxReportBytes;
        }

        CatalogReport? report;
        try
        {
            report = await JsonSerializer.DeserializeAsync<CatalogReport>(request.Body, Json, cancellationToken);
        }
        catch (JsonException exception)
        {
            return (null, Problems.BadRequest($"The report is not valid JSON: {exception.Message}"));
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limits));
        }

        if (report is null)
        {
            return (null, Problems.BadRequest("The report is empty: send a JSON object."));
        }

        if (report.Document?.Content is { } content && System.Text.Encoding.UTF8.GetByteCount(content) > limits.MaxDocumentBytes)
        {
            return (null, Problems.PayloadTooLarge($"The OpenAPI document is larger than the catalog accepts ({limits.MaxDocumentBytes} bytes, Catalog:MaxDocumentBytes)."));
        }

        return (report, null);
    }

    private static IResult TooLarge(CatalogOptions limits) =>
        Problems.PayloadTooLarge($"The report is larger than the catalog accepts ({limits.MaxReportBytes} bytes for a document of at most {limits.MaxDocumentBytes} bytes, Catalog:MaxDocumentBytes).");
}
