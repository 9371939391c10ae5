using System.Text.Json.Nodes;

namespace Periscope.Webhook.Injection;

/// <summary>What the injector decided for one pod: a JSON Patch to apply, or why the pod is left alone.</summary>
/// <param name="Patch">RFC 6902 operations; null when skipped.</param>
/// <param name="Reason">One of <see cref="SkipReasons"/> when skipped; a summary of the injection otherwise.</param>
/// <param name="Warnings">Annotations that were ignored and why; the host returns them as admission warnings.</param>
internal sealed record InjectionDecision(JsonArray? Patch, string Reason, IReadOnlyList<string> Warnings)
{
    public bool Inject => Patch is not null;

    public static InjectionDecision Injected(JsonArray patch, string reason, IReadOnlyList<string> warnings) => new(patch, reason, warnings);

    public static InjectionDecision Skip(string reason, IReadOnlyList<string>? warnings = null) => new(null, reason, warnings ?? []);
}
