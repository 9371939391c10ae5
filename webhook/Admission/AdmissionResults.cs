namespace Periscope.Webhook.Admission;

/// <summary>The <c>result</c> label of <c>periscope_webhook_admissions_total</c>, and the reasons that are not skip reasons.</summary>
internal static class AdmissionResults
{
    public const string Injected = "injected";
    public const string Skipped = "skipped";
    public const string Error = "error";
    public const string NotPod = "not_pod";

    public const string NativeSidecar = "native-sidecar";
    public const string SidecarContainer = "sidecar-container";
    public const string InternalError = "internal-error";
    public const string OtherKind = "other-kind";
    public const string OtherOperation = "other-operation";
    public const string SubResource = "subresource";
}
