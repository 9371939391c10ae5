using System.Diagnostics;
using System.Text.Json.Nodes;
using Periscope.Webhook.Configuration;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Admission;

/// <summary>
/// Answers one AdmissionReview body, without HTTP: what /mutate does after it has the bytes, and what the benchmark
/// measures in process.
/// </summary>
/// <remarks>
/// The flow, marked in the code:
/// 1. read the review; a body that is not one is refused (4xx) — the only answer that is not <c>allowed: true</c>;
/// 2. anything but the CREATE of a Pod is allowed unchanged (the registration's rules should send nothing else);
/// 3. the pod is reviewed with the namespace from request.namespace (a controller's pod has no
///    metadata.namespace) — dryRun changes nothing, since injection has no side effects (sideEffects: None);
/// 4. whatever fails inside the review is answered <c>allowed: true</c> with a warning, as Istio's injector answers
///    its own failures (pkg/kube/inject/webhook.go): a webhook must never be why a pod cannot start.
/// </remarks>
internal sealed class AdmissionHandler(
    InjectionOptionsSource options, IPodReviewer reviewer, AdmissionMetrics metrics, ILogger<AdmissionHandler> logger)
{
    public const string InternalErrorWarning = "periscope: injection skipped: internal error";

    /// <summary>Longest pod name or namespace put in a log line: a DNS subdomain's 253 characters.</summary>
    private const int MaxLoggedName = 253;

    public AdmissionReply Handle(ReadOnlySpan<byte> body)
    {
        var started = Stopwatch.GetTimestamp();

        // 1.
        AdmissionRequestInfo request;
        try
        {
            request = AdmissionReviewReader.Read(body);
        }
        catch (MalformedReviewException e)
        {
            return Refused(e.Reason, ProblemReply.BadRequest(e.Message), e.Message);
        }

        // 2.
        if (!request.IsPodCreate)
        {
            var reason = request.Kind != "Pod" || request.Group.Length != 0 || request.Version != "v1" ? AdmissionResults.OtherKind
                : !string.IsNullOrEmpty(request.SubResource) ? AdmissionResults.SubResource
                : AdmissionResults.OtherOperation;
            AdmissionLog.NotPod(logger, request.Operation, $"{request.Group}/{request.Version}/{request.Kind}", Short(request.Name), Short(request.Namespace), reason, request.Uid);
            return Answer(request.Uid, null, [], AdmissionResults.NotPod, reason, started);
        }

        var pod = (JsonObject)request.Object!;
        var ns = request.Namespace ?? PodName.Namespace(pod) ?? "";
        var name = Short(PodName.ForLog(request.Name, pod));
        try
        {
            // 3.
            var context = new InjectionContext(options.Current, request.Name);
            var decision = reviewer.Review(pod, ns, context);
            var warnings = decision.Warnings.Select(w => "periscope: " + w).ToList();
            foreach (var warning in warnings)
            {
                AdmissionLog.Warning(logger, name, Short(ns), warning);
            }

            if (decision.Inject)
            {
                AdmissionLog.Injected(logger, name, Short(ns), decision.Reason, request.Uid, warnings.Count);
                var mode = context.Options.UsesNativeSidecar ? AdmissionResults.NativeSidecar : AdmissionResults.SidecarContainer;
                return Answer(request.Uid, decision.Patch, warnings, AdmissionResults.Injected, mode, started);
            }

            AdmissionLog.Skipped(logger, name, Short(ns), decision.Reason, request.Uid);
            return Answer(request.Uid, null, warnings, AdmissionResults.Skipped, decision.Reason, started);
        }
        catch (Exception e)
        {
            // 4.
            AdmissionLog.Failed(logger, e, name, Short(ns), request.Uid);
            return Answer(request.Uid, null, [InternalErrorWarning], AdmissionResults.Error, AdmissionResults.InternalError, started);
        }
    }

    /// <summary>A refusal of what is not an AdmissionReview: counted and logged; <paramref name="reply"/> is the answer.</summary>
    public AdmissionReply Refused(string reason, AdmissionReply reply, string detail)
    {
        metrics.Malformed(reason);
        AdmissionLog.Malformed(logger, reason, detail);
        return reply;
    }

    private AdmissionReply Answer(string uid, JsonArray? patch, IReadOnlyList<string> warnings, string result, string reason, long started)
    {
        var body = AdmissionResponseWriter.Write(uid, patch, warnings);
        metrics.Admitted(result, reason, Stopwatch.GetElapsedTime(started));
        return new AdmissionReply(StatusCodes.Status200OK, AdmissionReply.Json, body);
    }

    private static string Short(string? text) =>
        string.IsNullOrEmpty(text) ? "(none)" : text.Length <= MaxLoggedName ? text : text[..MaxLoggedName] + "…";
}
