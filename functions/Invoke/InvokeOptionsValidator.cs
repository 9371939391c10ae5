using Microsoft.Extensions.Options;

namespace Periscope.Functions.Invoke;

/// <summary>Checks <see cref="InvokeOptions"/> at start-up, so a bad setting stops the host naming the key.</summary>
internal sealed class InvokeOptionsValidator : IValidateOptions<InvokeOptions>
{
    // Polly refuses smaller values (CircuitBreakerStrategyOptions: MinimumThroughput ≥ 2, durations ≥ 0.5 s).
    private static readonly TimeSpan PollyMinimumDuration = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, InvokeOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Errors(InvokeOptions options)
    {
        if (DaprEndpoint.Check(options.DaprHttpEndpoint) is { } endpointError)
        {
            yield return $"Invoke:DaprHttpEndpoint {endpointError}";
        }

        if (options.DaprApiToken is { Length: > 0 } token && token.Any(c => c < 0x21 || c > 0x7e))
        {
            yield return "Invoke:DaprApiToken must be visible ASCII characters (it is sent as a header value).";
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromDays(1))
        {
            yield return $"Invoke:Timeout must be positive and at most a day; got {options.Timeout:c}.";
        }

        if (options.MaxRequestBodyBytes < 1)
        {
            yield return $"Invoke:MaxRequestBodyBytes must be at least 1; got {options.MaxRequestBodyBytes}.";
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            yield return $"Invoke:MaxRetries must be 0–10; got {options.MaxRetries}.";
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromSeconds(30))
        {
            yield return $"Invoke:RetryDelay must be 0–30 s; got {options.RetryDelay:c}.";
        }

        var breaker = options.CircuitBreaker;
        if (!(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1))
        {
            yield return $"Invoke:CircuitBreaker:FailureRatio must be above 0 and at most 1; got {breaker.FailureRatio}.";
        }

        if (breaker.MinimumThroughput < 2)
        {
            yield return $"Invoke:CircuitBreaker:MinimumThroughput must be at least 2; got {breaker.MinimumThroughput}.";
        }

        if (breaker.SamplingDuration < PollyMinimumDuration || breaker.SamplingDuration > TimeSpan.FromDays(1))
        {
            yield return $"Invoke:CircuitBreaker:SamplingDuration must be 0.5 s to a day; got {breaker.SamplingDuration:c}.";
        }

        if (breaker.BreakDuration < PollyMinimumDuration || breaker.BreakDuration > TimeSpan.FromDays(1))
        {
            yield return $"Invoke:CircuitBreaker:BreakDuration must be 0.5 s to a day; got {breaker.BreakDuration:c}.";
        }
    }
}
