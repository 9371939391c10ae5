using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>
/// One Polly pipeline per target namespace/app-id: a circuit breaker around retries. The breaker sees one
/// outcome per call (after its retries), so a call that failed to connect three times counts once.
/// </summary>
/// <remarks>
/// Targets are cataloged services only (checked before a pipeline is made), so the number of pipelines is
/// bounded by the catalog. Retries (<see cref="InvokeOptions.MaxRetries"/>) happen only when no connection
/// to the sidecar could be made and the method is idempotent (<see cref="DaprExchange.Retryable"/>):
/// nothing was sent, so nothing can run twice, and a streamed body was never read.
/// </remarks>
internal sealed partial class InvokeResilience(
    IOptions<InvokeOptions> options, InvokeMetrics metrics, TimeProvider time, ILogger<InvokeResilience> logger)
{
    private readonly ConcurrentDictionary<ServiceKey, ResiliencePipeline<DaprExchange>> pipelines = new();

    public TimeSpan BreakDuration => options.Value.CircuitBreaker.BreakDuration;

    public ResiliencePipeline<DaprExchange> For(ServiceKey target) => pipelines.GetOrAdd(target, Create);

    private ResiliencePipeline<DaprExchange> Create(ServiceKey target)
    {
        var settings = options.Value;
        var breaker = settings.CircuitBreaker;
        var builder = new ResiliencePipelineBuilder<DaprExchange> { Name = $"invoke {target}", TimeProvider = time };
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<DaprExchange>
        {
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
            ShouldHandle = static arguments => ValueTask.FromResult(arguments.Outcome.Result?.CountsAgainstTarget == true),
            OnOpened = arguments =>
            {
                metrics.CircuitOpened(target);
                LogOpened(logger, target, arguments.BreakDuration, arguments.Outcome.Result?.Kind);
                return default;
            },
            OnHalfOpened = _ =>
            {
                LogHalfOpened(logger, target);
                return default;
            },
            OnClosed = _ =>
            {
                LogClosed(logger, target);
                return default;
            },
        });
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<DaprExchange>
            {
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static arguments => ValueTask.FromResult(arguments.Outcome.Result?.Retryable == true),
                OnRetry = arguments =>
                {
                    LogRetrying(logger, target, arguments.AttemptNumber + 1, arguments.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Circuit to {Target} opened for {BreakDuration} after {Kind}: calls are answered 503 until a trial call succeeds")]
    private static partial void LogOpened(ILogger logger, ServiceKey target, TimeSpan breakDuration, ExchangeKind? kind);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Circuit to {Target} half-open: letting one trial call through")]
    private static partial void LogHalfOpened(ILogger logger, ServiceKey target);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Circuit to {Target} closed")]
    private static partial void LogClosed(ILogger logger, ServiceKey target);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Debug, Message = "Could not connect to the sidecar for {Target}; retry {Attempt} in {Delay}")]
    private static partial void LogRetrying(ILogger logger, ServiceKey target, int attempt, TimeSpan delay);
}
