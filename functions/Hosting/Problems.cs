using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Periscope.Functions.Hosting;

/// <summary>
/// Problem details (RFC 9457) with Periscope's problem types, for functions and for the host's own
/// answers. Each <c>type</c> is <c>https://periscope.dev/problems/&lt;slug&gt;</c> with a fixed title, as
/// RFC 9457 §3.1.3 asks ("SHOULD NOT change from occurrence to occurrence"); what differs between
/// occurrences goes in <c>detail</c>. The problem details service adds <c>traceId</c>.
/// </summary>
internal static class Problems
{
    public const string TypeBase = "https://periscope.dev/problems/";

    private static readonly Dictionary<int, (string Slug, string Title)> ByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = ("invalid-request", "The request is not valid."),
        [StatusCodes.Status401Unauthorized] = ("unauthenticated", "The request lacks valid credentials."),
        [StatusCodes.Status403Forbidden] = ("forbidden", "The caller is not allowed to do this."),
        [StatusCodes.Status404NotFound] = ("not-found", "The resource was not found."),
        [StatusCodes.Status405MethodNotAllowed] = ("method-not-allowed", "The resource does not support this method."),
        [StatusCodes.Status408RequestTimeout] = ("request-timeout", "The request did not arrive in time."),
        [StatusCodes.Status409Conflict] = ("conflict", "The request conflicts with the resource's current state."),
        [StatusCodes.Status413PayloadTooLarge] = ("payload-too-large", "The request body is too large."),
        [StatusCodes.Status415UnsupportedMediaType] = ("unsupported-media-type", "The request body's media type is not supported."),
        [StatusCodes.Status429TooManyRequests] = ("too-many-requests", "The functions host is busy."),
        [StatusCodes.Status500InternalServerError] = ("internal-error", "An unexpected error occurred."),
        [StatusCodes.Status502BadGateway] = ("bad-gateway", "The upstream service failed."),
        [StatusCodes.Status503ServiceUnavailable] = ("unavailable", "The service is unavailable."),
        [StatusCodes.Status504GatewayTimeout] = ("gateway-timeout", "The upstream service did not answer in time."),
    };

    /// <summary>400, with per-field messages as RFC 9457 §3.2's <c>errors</c> extension when given.</summary>
    public static IResult BadRequest(string detail, IDictionary<string, string[]>? errors = null)
    {
        if (errors is null)
        {
            return TypedResults.Problem(Create(StatusCodes.Status400BadRequest, detail));
        }

        var problem = new HttpValidationProblemDetails(errors);
        Fill(problem, StatusCodes.Status400BadRequest, detail);
        return TypedResults.Problem(problem);
    }

    /// <summary>401 with the <c>WWW-Authenticate</c> challenge RFC 9110 §15.5.2 requires.</summary>
    public static IResult Unauthorized(string detail, string challenge = "Bearer") =>
        new HeaderedResult(TypedResults.Problem(Create(StatusCodes.Status401Unauthorized, detail)), "WWW-Authenticate", challenge);

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, detail);

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, detail);

    public static IResult PayloadTooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, detail);

    public static IResult UnsupportedMediaType(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, detail);

    /// <summary>429 with <c>Retry-After</c> in whole seconds (RFC 9110 §10.2.3), rounded up.</summary>
    public static IResult TooManyRequests(string detail, TimeSpan retryAfter) =>
        new HeaderedResult(
            TypedResults.Problem(Create(StatusCodes.Status429TooManyRequests, detail)),
            "Retry-After",
            ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    public static IResult BadGateway(string detail) => Problem(StatusCodes.Status502BadGateway, detail);

    public static IResult ServiceUnavailable(string detail) => Problem(StatusCodes.Status503ServiceUnavailable, detail);

    public static IResult GatewayTimeout(string detail) => Problem(StatusCodes.Status504GatewayTimeout, detail);

    /// <summary>A problem of any status, typed by the status unless a slug and title are given.</summary>
    public static IResult Problem(
        int status, string? detail, string? slug = null, string? title = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = Create(status, detail, slug, title);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemDetails Create(int status, string? detail, string? slug = null, string? title = null)
    {
        var problem = new ProblemDetails();
        Fill(problem, status, detail, slug, title);
        return problem;
    }

    private static void Fill(ProblemDetails problem, int status, string? detail, string? slug = null, string? title = null)
    {
        var known = ByStatus.TryGetValue(status, out var entry);
        problem.Status = status;
        problem.Detail = detail;
        problem.Type = (slug ?? (known ? entry.Slug : null)) is { } name ? TypeBase + name : null;
        problem.Title = title ?? (known ? entry.Title : null);
    }
}
