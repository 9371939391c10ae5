using System.Diagnostics.Metrics;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary>
/// The access check's outcomes, on the functions' meter (<see cref="FunctionMetrics.MeterName"/>), exposed on
/// <c>/metrics</c> as <c>periscope_access_admitted_total{kind="anonymous|sidecar|api_key|alertmanager"}</c> and
/// <c>periscope_access_denied_total{reason}</c>, reason one of <c>no_credentials</c>,
/// <c>invalid_credentials</c>, <c>role</c>, <c>credential_kind</c>, <c>rate_limited</c>,
/// <c>no_requirement</c>. No label carries a key id: keys are unbounded, label values must not be.
/// </summary>
internal sealed class AccessMetrics
{
    public const string RateLimited = "rate_limited";
    public const string NoRequirement = "no_requirement";

    private readonly Counter<long> _admitted;
    private readonly Counter<long> _denied;

    public AccessMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(FunctionMetrics.MeterName);
        _admitted = meter.CreateCounter<long>("periscope.access.admitted", "{request}", "Function requests the access check admitted, by credential kind.");
        _denied = meter.CreateCounter<long>("periscope.access.denied", "{request}", "Function requests the access check refused (401, 403, 429, 500), by reason.");
    }

    public void RecordAdmitted(CallerKind kind) => _admitted.Add(1, new KeyValuePair<string, object?>("kind", kind switch
    {
        CallerKind.Anonymous => "anonymous",
        CallerKind.Sidecar => "sidecar",
        CallerKind.Alertmanager => "alertmanager",
        _ => "api_key",
    }));

    public void RecordDenied(string reason) => _denied.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
