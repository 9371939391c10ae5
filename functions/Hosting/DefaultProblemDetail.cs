namespace Periscope.Functions.Hosting;

/// <summary>
/// A <c>detail</c> for problems the framework writes without one (status code pages for unmatched
/// routes and wrong methods), so that every error says what was wrong (RFC 9457 §3.1.4).
/// </summary>
internal static class DefaultProblemDetail
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        problem.Instance ??= request.Path;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status404NotFound => $"Nothing answers {request.Method} {request.Path}: no function has that route.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Path} exists but does not accept {request.Method}.",
            _ => null,
        };
    }
}
