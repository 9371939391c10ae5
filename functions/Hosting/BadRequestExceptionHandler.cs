using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Periscope.Functions.Hosting;

/// <summary>
/// Answers a <see cref="BadHttpRequestException"/> — a body that is not valid JSON, a parameter that does
/// not bind, a body over Kestrel's size limit — with its own status (400, 413, 415, …) and what went wrong
/// in <c>detail</c>, including the JSON parser's message with its line and position. Minimal APIs throw it
/// because <see cref="RouteHandlerOptions.ThrowOnBadRequest"/> is on; otherwise they would answer an empty
/// 400 and the reason would reach only the debug log.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var detail = badRequest.InnerException is JsonException json ? $"{badRequest.Message} {json.Message}" : badRequest.Message;
        LogBadRequest(logger, badRequest.StatusCode, detail);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = Problems.Create(badRequest.StatusCode, detail),
            Exception = exception,
        });
    }

    [LoggerMessage(EventId = 1020, Level = LogLevel.Debug, Message = "Bad request ({StatusCode}): {Detail}")]
    private static partial void LogBadRequest(ILogger logger, int statusCode, string detail);
}
