using System.Text.Json;
using System.Text.Json.Nodes;

namespace Periscope.Webhook.Admission;

/// <summary>
/// Reads an admission.k8s.io/v1 AdmissionReview request
/// (kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request) and refuses what is not
/// one, naming the field: the webhook registers <c>admissionReviewVersions: [v1]</c>, so anything else is a
/// misconfiguration or not kube-apiserver at all.
/// </summary>
internal static class AdmissionReviewReader
{
    public const string ApiVersion = "admission.k8s.io/v1";
    public const string ReviewKind = "AdmissionReview";

    /// <summary>
    /// kube-apiserver never sends a key twice; a body that does is not its JSON, and which value would win differs
    /// between parsers. 64 levels is System.Text.Json's default depth and well above a Pod's.
    /// </summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false, MaxDepth = 64 };

    /// <exception cref="MalformedReviewException">The body is not JSON, or not an AdmissionReview v1 request.</exception>
    public static AdmissionRequestInfo Read(ReadOnlySpan<byte> body)
    {
        // System.Text.Json checks a string's UTF-8 only when the string is read, deep inside the injector.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw new MalformedReviewException("json", "The body is not valid UTF-8 (RFC 8259 §8.1).");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new MalformedReviewException("json", $"The body is not valid JSON: {e.Message}");
        }

        if (root is not JsonObject review)
        {
            throw new MalformedReviewException("json", $"The body must be a JSON object (an {ReviewKind}); got {Describe(root)}.");
        }

        var apiVersion = Text(review, "apiVersion");
        if (apiVersion != ApiVersion)
        {
            throw new MalformedReviewException(
                "api-version",
                $"apiVersion must be {ApiVersion} (register the webhook with admissionReviewVersions: [v1]); got {Quote(apiVersion, review["apiVersion"])}.");
        }

        if (Text(review, "kind") != ReviewKind)
        {
            throw new MalformedReviewException("kind", $"kind must be {ReviewKind}; got {Quote(Text(review, "kind"), review["kind"])}.");
        }

        if (review["request"] is not JsonObject request)
        {
            throw new MalformedReviewException("request", $"request must be an object (the AdmissionRequest); got {Describe(review["request"])}.");
        }

        if (Text(request, "uid") is not { Length: > 0 } uid)
        {
            throw new MalformedReviewException("uid", $"request.uid must be a non-empty string (the response echoes it); got {Describe(request["uid"])}.");
        }

        if (request["kind"] is not JsonObject kind
            || Text(kind, "version") is not { } version || Text(kind, "kind") is not { } kindName)
        {
            throw new MalformedReviewException(
                "request-kind", $"request.kind must be a GroupVersionKind object with string version and kind; got {Describe(request["kind"])}.");
        }

        if (Text(request, "operation") is not { Length: > 0 } operation)
        {
            throw new MalformedReviewException("operation", $"request.operation must be CREATE, UPDATE, DELETE or CONNECT; got {Describe(request["operation"])}.");
        }

        var info = new AdmissionRequestInfo(
            uid,
            Text(kind, "group") ?? "",
            version,
            kindName,
            operation,
            Text(request, "subResource"),
            Text(request, "namespace"),
            Text(request, "name"),
            request["object"]);
        if (info.IsPodCreate && info.Object is not JsonObject)
        {
            throw new MalformedReviewException("object", $"request.object must be the Pod being created; got {Describe(info.Object)}.");
        }

        return info;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Quote(string? text, JsonNode? node) => text is null ? Describe(node) : $"\"{Shorten(text)}\"";

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "nothing",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(node.GetValue<string>())}\"",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
