namespace Periscope.Functions.Alerts;

/// <summary>
/// A silence's matcher as Alertmanager's API v2 has it (<c>matcher</c> in api/v2/openapi.yaml): <see cref="IsEqual"/>
/// false negates it (<c>!=</c>, <c>!~</c>); absent means true, as Alertmanager reads it.
/// </summary>
internal sealed record SilenceMatcher(string Name, string Value, bool IsRegex, bool? IsEqual);
