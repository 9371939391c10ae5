namespace Periscope.Kubernetes.Credentials;

/// <summary>A kubeconfig user's <c>exec</c> section (client.authentication.k8s.io).</summary>
internal sealed record ExecCredentialSettings(
    string Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    string ApiVersion,
    string? WorkingDirectory);
