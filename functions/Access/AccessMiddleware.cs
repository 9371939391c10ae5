using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary>
/// The access check in front of every function, after routing so that the endpoint's
/// <see cref="AccessRequirement"/> is known. Host endpoints (<c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>)
/// and requests no function matched pass untouched.
/// </summary>
/// <remarks>
/// 1. A function without an <see cref="AccessRequirement"/> is refused with 500: forgetting one fails closed.
/// 2. The credential is authenticated (<see cref="CallerAuthenticator"/>; on the Alertmanager receiver, first
///    <see cref="AlertmanagerCredential"/>).
/// 3. The caller's rate limit is taken — before a bad credential is answered, so guessing keys is limited too.
/// 4. Refused credentials are 401 (400 for two at once); the caller is checked against the requirement.
/// 5. The caller is set on the request for the function, and an API key's use is noted.
/// </remarks>
internal sealed partial class AccessMiddleware(
    RequestDelegate next,
    CallerAuthenticator authenticator,
    CallerRateLimiter rateLimiter,
    AccessPolicy policy,
    AlertmanagerCredential alertmanager,
    AccessMetrics metrics,
    KeyUsageRecorder usage,
    ILogger<AccessMiddleware> logger)
{
    /// <summary>The challenge of every 401 (RFC 6750 §3, RFC 9110 §11.6.1).</summary>
    public const string Challenge = "Bearer realm=\"periscope\"";

    public async Task InvokeAsync(HttpContext context)
    {
        if (FunctionEndpointMetadata.FunctionName(context) is not { } function)
        {
            await next(context);
            return;
        }

        // 1.
        if (context.GetEndpoint()!.Metadata.GetMetadata<AccessRequirement>() is not { } requirement)
        {
            metrics.RecordDenied(AccessMetrics.NoRequirement);
            LogNoRequirement(logger, function);
            await Problems.Problem(
                    StatusCodes.Status500InternalServerError,
                    $"{function} declares no access requirement, so it is refused to every caller; its Map must call RequireReader, RequireRole, RequireSidecar or RequireSidecarOrReader.",
                    "no-access-requirement",
                    "The function declares no access requirement.")
                .ExecuteAsync(context);
            return;
        }

        // 2.
        var authentication = requirement.AdmitsAlertmanager && alertmanager.Matches(context.Request)
            ? Authentication.As(Caller.Alertmanager)
            : await authenticator.AuthenticateAsync(context.Request, context.RequestAborted);
        var caller = authentication.Caller;

        // 3.
        if (rateLimiter.TryAcquire(caller, context) is { } retryAfter)
        {
            metrics.RecordDenied(AccessMetrics.RateLimited);
            LogRateLimited(logger, function, caller.Id);
            var who = caller.Kind == CallerKind.ApiKey ? $"API key {caller.Id}" : "this address";
            await Problems.TooManyRequests(
                    $"{who} is over its rate limit (Access:RateLimit: PermitsPerSecond, Burst); retry after the time in Retry-After.",
                    retryAfter)
                .ExecuteAsync(context);
            return;
        }

        // 4.
        var denial = authentication.Succeeded
            ? policy.Check(requirement, caller)
            : new AccessDenial(
                authentication.ErrorCode == Authentication.InvalidRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status401Unauthorized,
                AccessPolicy.InvalidCredentials,
                authentication.Failure!,
                authentication.ErrorCode);
        if (denial is not null)
        {
            metrics.RecordDenied(denial.Reason);
            LogDenied(logger, function, caller.Id, denial.Status, denial.Reason);
            await Deny(denial).ExecuteAsync(context);
            return;
        }

        // 5.
        metrics.RecordAdmitted(caller.Kind);
        context.SetCaller(caller);
        if (caller.Kind == CallerKind.ApiKey && !CallerAuthenticator.IsBootstrap(caller))
        {
            usage.Touch(caller.Id);
        }

        await next(context);
    }

    private static IResult Deny(AccessDenial denial)
    {
        var challenge = denial.ErrorCode is { } error ? $"{Challenge}, error=\"{error}\"" : Challenge;
        return denial.Status switch
        {
            StatusCodes.Status401Unauthorized => Problems.Unauthorized(denial.Detail, challenge),
            StatusCodes.Status400BadRequest => new HeaderedResult(Problems.BadRequest(denial.Detail), "WWW-Authenticate", challenge),
            _ when denial.ErrorCode is not null => new HeaderedResult(Problems.Forbidden(denial.Detail), "WWW-Authenticate", challenge),
            _ => Problems.Forbidden(denial.Detail),
        };
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "{Function} declares no access requirement; refused the request (fail closed)")]
    private static partial void LogNoRequirement(ILogger logger, string function);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "Refused {Function} to {Caller}: {Status} {Reason}")]
    private static partial void LogDenied(ILogger logger, string function, string caller, int status, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Rate-limited {Function} for {Caller}")]
    private static partial void LogRateLimited(ILogger logger, string function, string caller);
}
