namespace Periscope.Webhook.Injection;

/// <summary>Who the sidecar speaks for: the inferred app-id and port, the app container's name, the annotated OpenAPI path.</summary>
internal sealed record SidecarIdentity(string AppId, int AppPort, string AppContainer, string? OpenApiPath);
