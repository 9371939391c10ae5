using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Periscope.Kubernetes.Emulator.Resources;
using Periscope.Kubernetes.Emulator.Storage;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// create, in kube-apiserver's order: (1) decode and check kind and namespace against the URL, (2) the
/// namespace must exist (NamespaceLifecycle admission), (3) mutating admission webhooks, (4) name
/// generation and validation (422 Invalid), (5) system fields, (6) store (409 AlreadyExists), 201 Created.
/// </summary>
internal sealed partial class ApiHandler
{
    // apimachinery's names.SimpleNameGenerator alphabet: no vowels, no confusable digits.
    private const string GeneratedNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private async Task CreateAsync(HttpContext context, RequestPath path)
    {
        var obj = await ReadObjectAsync(context.Request);
        var dryRun = context.Request.Query["dryRun"] is ["All"];
        var created = await CreateObjectAsync(path, obj, dryRun, context.RequestAborted);
        await WriteJsonAsync(context, 201, created);
    }

    internal async Task<JsonObject> CreateObjectAsync(RequestPath path, JsonObject obj, bool dryRun, CancellationToken cancellationToken)
    {
        // (1)
        var kind = path.Kind;
        CheckKind(kind, obj);
        var metadata = Json.Metadata(obj);
        var ns = path.Namespace;
        if (Json.Str(metadata["namespace"]) is { Length: > 0 } bodyNs && kind.Namespaced && bodyNs != ns)
        {
            throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        // (2)
        if (kind.Namespaced && store.Get(ResourceCatalog.Namespaces, null, ns!) is null)
        {
            throw ApiError.NotFound(ResourceCatalog.Namespaces, ns!);
        }

        // (3)
        if (kind != ResourceCatalog.MutatingWebhookConfigurations)
        {
            var nsLabels = kind.Namespaced ? Json.Labels(store.Get(ResourceCatalog.Namespaces, null, ns!)) : null;
            obj = await admission.AdmitCreateAsync(kind, ns, obj, nsLabels, dryRun, cancellationToken);
            metadata = Json.Metadata(obj);
        }

        // (4)
        var name = Json.Str(metadata["name"]) ?? "";
        if (name.Length == 0 && Json.Str(metadata["generateName"]) is { Length: > 0 } prefix)
        {
            name = prefix + string.Concat(Enumerable.Range(0, 5).Select(_ => GeneratedNameAlphabet[RandomNumberGenerator.GetInt32(GeneratedNameAlphabet.Length)]));
            metadata["name"] = name;
        }

        if (name.Length == 0)
        {
            throw ApiError.Invalid(kind, "", "metadata.name", "FieldValueRequired", "Required value: name or generateName is required");
        }

        var labelName = kind == ResourceCatalog.Namespaces || kind.Resource == "services";
        if (NameValidation.Validate(name, labelName) is { } problem)
        {
            throw ApiError.Invalid(kind, name, "metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": {problem}");
        }

        // (5)
        obj["kind"] = kind.Kind;
        obj["apiVersion"] = kind.ApiVersion;
        if (kind.Namespaced)
        {
            metadata["namespace"] = ns;
        }

        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = Timestamp(DateTimeOffset.UtcNow);
        metadata.Remove("resourceVersion");
        if (obj.ContainsKey("spec"))
        {
            metadata["generation"] = 1;
        }

        Defaults(kind, obj, name);

        // (6)
        if (dryRun)
        {
            return obj;
        }

        return store.Create(kind, ns, name, obj);
    }

    internal static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private static void CheckKind(ResourceKind kind, JsonObject obj)
    {
        if (Json.Str(obj["apiVersion"]) is { } apiVersion && apiVersion != kind.ApiVersion)
        {
            throw ApiError.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({kind.ApiVersion})");
        }

        if (Json.Str(obj["kind"]) is { } k && k != kind.Kind)
        {
            throw ApiError.BadRequest($"the kind in the data ({k}) does not match the expected kind ({kind.Kind})");
        }
    }

    /// <summary>The few defaults clients look at: a new pod is Pending, a namespace Active and self-labelled.</summary>
    private static void Defaults(ResourceKind kind, JsonObject obj, string name)
    {
        if (kind == ResourceCatalog.Pods && obj["status"]?["phase"] is null)
        {
            obj["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = "BestEffort" };
        }

        if (kind == ResourceCatalog.Namespaces)
        {
            // Since 1.21 every namespace carries this immutable label (kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-metadata-name).
            var metadata = Json.Metadata(obj);
            if (metadata["labels"] is not JsonObject labels)
            {
                metadata["labels"] = labels = [];
            }

            labels["kubernetes.io/metadata.name"] = name;
            obj["spec"] ??= new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
    }
}
