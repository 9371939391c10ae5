namespace Periscope.Functions.Hosting;

/// <summary>
/// Admits function requests through <see cref="FunctionConcurrencyLimit"/>; a request beyond
/// <c>maxOutstandingRequests</c> gets 429 with <c>Retry-After</c> straight away, as the Azure Functions
/// HTTP extension answers ("429 Too Busy") so that callers can back off and retry.
/// </summary>
internal sealed partial class FunctionConcurrencyMiddleware(
    RequestDelegate next,
    FunctionConcurrencyLimit limit,
    FunctionMetrics metrics,
    FunctionsHostOptions options,
    ILogger<FunctionConcurrencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (limit.Limiter is not { } limiter || FunctionEndpointMetadata.FunctionName(context) is not { } function)
        {
            await next(context);
            return;
        }

        using var lease = await limiter.AcquireAsync(1, context.RequestAborted);
        if (!lease.IsAcquired)
        {
            metrics.RecordRejected(function, "concurrency");
            LogRejected(logger, function, limit.MaxOutstanding);
            await Problems.TooManyRequests(
                    $"{limit.MaxOutstanding} requests are already executing or waiting (host.json extensions.http.maxOutstandingRequests); retry later.",
                    options.RetryAfter)
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Refused a request for {Function}: {MaxOutstanding} requests are outstanding")]
    private static partial void LogRejected(ILogger logger, string function, int maxOutstanding);
}
