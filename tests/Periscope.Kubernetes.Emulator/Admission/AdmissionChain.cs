using System.Text;
using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Api;
using Periscope.Kubernetes.Emulator.Patching;
using Periscope.Kubernetes.Emulator.Resources;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Admission;

/// <summary>
/// The MutatingAdmissionWebhook plugin for CREATE, after kube-apiserver's dispatcher
/// (kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/):
/// (1) configurations in name order, webhooks in listed order; (2) skip unless rules, namespaceSelector
/// (on the namespace's labels; ignored for cluster-scoped kinds) and objectSelector match; (3) POST an
/// admission.k8s.io/v1 AdmissionReview with timeoutSeconds (default 10); (4) allowed:false rejects with the
/// webhook's message, a JSONPatch response mutates the object; (5) a failed call is ignored or, under
/// failurePolicy Fail (the default), rejects with 500; (6) a webhook with reinvocationPolicy IfNeeded is
/// called once more when a later webhook changed the object. matchConditions (CEL) are not evaluated.
/// </summary>
internal sealed class AdmissionChain(KubernetesApiEmulatorOptions options, ObjectStore store)
{
    private readonly Lock _gate = new();
    private readonly List<AdmissionCall> _calls = [];

    public IReadOnlyList<AdmissionCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public async Task<JsonObject> AdmitCreateAsync(
        ResourceKind kind, string? ns, JsonObject obj, IReadOnlyDictionary<string, string>? namespaceLabels, bool dryRun, CancellationToken cancellationToken)
    {
        // (1), (2)
        var (configurations, _) = store.List(ResourceCatalog.MutatingWebhookConfigurations, null);
        var webhooks = configurations
            .SelectMany(c => (c.Object["webhooks"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(w => (Configuration: Json.Str(c.Object["metadata"]?["name"]) ?? "", Webhook: w)))
            .Where(x => WebhookRules.Match(x.Webhook["rules"], "CREATE", kind)
                && (namespaceLabels is null || Selectors.LabelSelector.FromObject(x.Webhook["namespaceSelector"]).Matches(namespaceLabels))
                && Selectors.LabelSelector.FromObject(x.Webhook["objectSelector"]).Matches(Json.Labels(obj)))
            .ToList();

        var lastChange = -1;
        for (var i = 0; i < webhooks.Count; i++)
        {
            var before = obj;
            obj = await InvokeAsync(webhooks[i].Configuration, webhooks[i].Webhook, kind, ns, obj, dryRun, reinvocation: false, cancellationToken);
            if (!JsonNode.DeepEquals(before, obj))
            {
                lastChange = i;
            }
        }

        // (6)
        for (var i = 0; i < webhooks.Count; i++)
        {
            if (Json.Str(webhooks[i].Webhook["reinvocationPolicy"]) == "IfNeeded" && lastChange > i)
            {
                obj = await InvokeAsync(webhooks[i].Configuration, webhooks[i].Webhook, kind, ns, obj, dryRun, reinvocation: true, cancellationToken);
            }
        }

        return obj;
    }

    private async Task<JsonObject> InvokeAsync(
        string configuration, JsonObject webhook, ResourceKind kind, string? ns, JsonObject obj, bool dryRun, bool reinvocation, CancellationToken cancellationToken)
    {
        var name = Json.Str(webhook["name"]) ?? "";
        var uid = Guid.NewGuid().ToString();
        var review = Review(uid, kind, ns, obj, dryRun);
        var failClosed = Json.Str(webhook["failurePolicy"]) != "Ignore";
        Uri? url = null;
        JsonObject? response = null;
        try
        {
            // (3)
            url = WebhookCaller.Resolve(webhook["clientConfig"] as JsonObject, options.ResolveWebhookService);
            var timeout = TimeSpan.FromSeconds(Json.Long(webhook["timeoutSeconds"]) ?? 10);
            response = await WebhookCaller.PostAsync(url, webhook["clientConfig"] as JsonObject, review, timeout, cancellationToken);
            var result = response["response"] as JsonObject ?? throw new WebhookCallException("the response has no \"response\"");
            if (Json.Str(response["apiVersion"]) != "admission.k8s.io/v1" || Json.Str(response["kind"]) != "AdmissionReview")
            {
                throw new WebhookCallException("expected response of kind AdmissionReview in admission.k8s.io/v1");
            }

            if (Json.Str(result["uid"]) != uid)
            {
                throw new WebhookCallException($"expected response.uid=\"{uid}\", got \"{Json.Str(result["uid"])}\"");
            }

            Record(new AdmissionCall(configuration, name, url, review, response, null, reinvocation));

            // (4)
            if (result["allowed"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
            {
                throw Denied(name, result["status"] as JsonObject);
            }

            if (Json.Str(result["patch"]) is { Length: > 0 } patch)
            {
                if (Json.Str(result["patchType"]) != "JSONPatch")
                {
                    throw new WebhookCallException($"unsupported patch type \"{Json.Str(result["patchType"])}\"");
                }

                return JsonPatch.Apply(obj, JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(patch))));
            }

            return obj;
        }
        catch (Exception e) when (e is WebhookCallException or HttpRequestException or TaskCanceledException or FormatException or PatchException
            or System.Text.Json.JsonException or InvalidOperationException or UriFormatException)
        {
            // (5) Messages worded as the apiserver's dispatcher words them, e.g. in open-policy-agent/kube-mgmt#197:
            // failed calling webhook "x": failed to call webhook: ...
            var message = $"failed calling webhook \"{name}\": failed to call webhook: {e.Message}";
            Record(new AdmissionCall(configuration, name, url ?? new Uri("about:blank"), review, response, message, reinvocation));
            if (!failClosed)
            {
                return obj;
            }

            var details = new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) };
            throw new ApiError(500, "InternalError", $"Internal error occurred: {message}", details);
        }
    }

    /// <summary>As apiserver's webhookerrors.ToStatusErr: a code below 400 becomes 400, the message is prefixed.</summary>
    private static ApiError Denied(string webhook, JsonObject? status)
    {
        var code = (int)(Json.Long(status?["code"]) ?? 0);
        var reason = Json.Str(status?["reason"]) ?? "";
        var message = Json.Str(status?["message"]) is { Length: > 0 } m
            ? $"admission webhook \"{webhook}\" denied the request: {m}"
            : $"admission webhook \"{webhook}\" denied the request without explanation";
        return new ApiError(code < 400 ? 400 : code, reason, message);
    }

    private JsonObject Review(string uid, ResourceKind kind, string? ns, JsonObject obj, bool dryRun)
    {
        var gvk = new JsonObject { ["group"] = kind.Group, ["version"] = kind.Version, ["kind"] = kind.Kind };
        var gvr = new JsonObject { ["group"] = kind.Group, ["version"] = kind.Version, ["resource"] = kind.Resource };
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = gvk,
            ["resource"] = gvr,
            ["requestKind"] = gvk.DeepClone(),
            ["requestResource"] = gvr.DeepClone(),
            ["name"] = Json.Str(obj["metadata"]?["name"]) ?? "",
        };
        if (ns is not null)
        {
            request["namespace"] = ns;
        }

        request["operation"] = "CREATE";
        request["userInfo"] = options.UserInfo.DeepClone();
        var sent = (JsonObject)obj.DeepClone();
        sent["kind"] = kind.Kind;
        sent["apiVersion"] = kind.ApiVersion;
        request["object"] = sent;
        request["oldObject"] = null;
        request["dryRun"] = dryRun;
        request["options"] = new JsonObject { ["kind"] = "CreateOptions", ["apiVersion"] = "meta.k8s.io/v1" };
        return new JsonObject { ["kind"] = "AdmissionReview", ["apiVersion"] = "admission.k8s.io/v1", ["request"] = request };
    }

    private void Record(AdmissionCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }
}
