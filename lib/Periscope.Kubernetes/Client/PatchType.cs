namespace Periscope.Kubernetes.Client;

/// <summary>The four patch content types of API concepts, "Patch operations" and "Server-Side Apply".</summary>
internal enum PatchType
{
    /// <summary>RFC 6902, application/json-patch+json.</summary>
    JsonPatch,

    /// <summary>RFC 7386, application/merge-patch+json.</summary>
    MergePatch,

    /// <summary>application/strategic-merge-patch+json (built-in kinds only).</summary>
    StrategicMergePatch,

    /// <summary>Server-side apply, application/apply-patch+yaml (JSON is valid YAML); needs a field manager.</summary>
    Apply,
}
