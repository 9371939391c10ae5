namespace Periscope.Functions.AlertRules;

internal static partial class AlertRulesLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Wrote {Count} threshold rules to {Path}")]
    public static partial void RuleFileWritten(ILogger logger, int count, string path);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Could not write the rule file {Path}")]
    public static partial void RuleFileFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Prometheus at {Url} did not reload its rules: {Cause}")]
    public static partial void ReloadFailed(ILogger logger, Uri url, string cause);

    [LoggerMessage(EventId = 6204, Level = LogLevel.Information, Message = "Applied PrometheusRule {Namespace}/{Name} with {Count} threshold rules")]
    public static partial void Applied(ILogger logger, string @namespace, string name, int count);

    [LoggerMessage(EventId = 6205, Level = LogLevel.Warning, Message = "Could not apply PrometheusRule {Namespace}/{Name}")]
    public static partial void ApplyFailed(ILogger logger, string @namespace, string name, Exception exception);

    [LoggerMessage(EventId = 6206, Level = LogLevel.Information, Message = "Threshold rule {Name} {Change} by {Caller}")]
    public static partial void RuleChanged(ILogger logger, string name, string change, string caller);
}
