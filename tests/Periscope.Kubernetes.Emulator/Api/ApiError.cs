using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Resources;

namespace Periscope.Kubernetes.Emulator.Api;

/// <summary>
/// A failure that becomes a metav1 Status body, shaped as kube-apiserver's k8s.io/apimachinery
/// pkg/api/errors builds them (api-conventions.md, "Response Status Kind").
/// </summary>
internal sealed class ApiError : Exception
{
    public ApiError()
        : this(500, "InternalError", "internal error")
    {
    }

    public ApiError(string message)
        : this(500, "InternalError", message)
    {
    }

    public ApiError(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = 500;
        Reason = "InternalError";
    }

    public ApiError(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }

    public string Reason { get; } = "InternalError";

    public JsonObject? Details { get; }

    public static ApiError NotFound(ResourceKind kind, string name) =>
        new(404, "NotFound", $"{kind.QualifiedResource} \"{name}\" not found", Describe(kind, name));

    public static ApiError AlreadyExists(ResourceKind kind, string name) =>
        new(409, "AlreadyExists", $"{kind.QualifiedResource} \"{name}\" already exists", Describe(kind, name));

    public static ApiError Conflict(ResourceKind kind, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {kind.QualifiedResource} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            Describe(kind, name));

    public static ApiError Invalid(ResourceKind kind, string name, string field, string causeReason, string detail)
    {
        var details = Describe(kind, name);
        details["kind"] = kind.Kind;
        details["causes"] = new JsonArray(new JsonObject { ["reason"] = causeReason, ["message"] = detail, ["field"] = field });
        return new(422, "Invalid", $"{kind.Kind} \"{name}\" is invalid: {field}: {detail}", details);
    }

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    /// <summary>410 with reason Expired: a too-old resourceVersion or continue token (api-concepts, "Efficient detection of changes").</summary>
    public static ApiError Expired(string message) => new(410, "Expired", message);

    public static ApiError Unprocessable(string detail) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: {detail}");

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    private static JsonObject Describe(ResourceKind kind, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (kind.Group.Length > 0)
        {
            details["group"] = kind.Group;
        }

        details["kind"] = kind.Resource;
        return details;
    }
}
