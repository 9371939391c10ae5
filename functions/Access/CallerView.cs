using System.Text.Json.Serialization;

namespace Periscope.Functions.Access;

/// <summary>The body of <c>GET /api/access/me</c>: who the credential says the caller is.</summary>
internal sealed record CallerView(
    string Id,
    string Name,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CallerKind>))] CallerKind Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Role>))] Role? Role,
    IReadOnlyList<string> Scopes)
{
    public static CallerView From(Caller caller) => new(caller.Id, caller.Name, caller.Kind, caller.Role, caller.Scopes);
}
