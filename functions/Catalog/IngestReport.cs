using Periscope.Catalog.Contracts;
using Periscope.Functions.Access;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Catalog;

/// <summary>
/// <c>POST /api/catalog/reports</c>: a sidecar's report of its app's identity, endpoint, OpenAPI document and
/// traffic. Sidecars only: the access check admits the catalog's report token and nothing else.
/// </summary>
internal sealed class IngestReport : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPost(CatalogRoutes.Reports, RunAsync).RequireSidecar();

    private static async Task<IResult> RunAsync(
        HttpRequest request, ReportReader reader, CatalogIngestion ingestion, CancellationToken cancellationToken)
    {
        var (report, problem) = await reader.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (ReportValidator.Validate(report!) is { Count: > 0 } errors)
        {
            return Problems.BadRequest("The report is not valid; see 'errors'.", errors);
        }

        var result = await ingestion.IngestAsync(report!, cancellationToken);
        return result.Error is { } error
            ? Problems.BadRequest(error.Value, new Dictionary<string, string[]> { [error.Key] = [error.Value] })
            : TypedResults.Ok(new ReportResponse { Outcome = result.Outcome, DocumentVersion = result.DocumentVersion });
    }
}
