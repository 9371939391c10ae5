using Periscope.Functions.Hosting;

namespace Periscope.Functions.Access;

/// <summary>
/// <c>POST /api/keys</c> (Admin): a new API key, <c>{name, role, scopes?, expiresAt?}</c>. Answers 201 with
/// <c>Location</c> and the key itself in <c>key</c> — the only time it is shown — or 403 for a role above the
/// caller's own.
/// </summary>
internal sealed class CreateKey : IFunction
{
    public static RouteHandlerBuilder Map(IEndpointRouteBuilder api) => api.MapPost("keys", RunAsync).RequireRole(Role.Admin);

    private static async Task<IResult> RunAsync(
        CreateKeyRequest request, HttpContext context, KeyIssuer issuer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (role, errors) = CreateKeyValidator.Validate(request, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The key request is not valid; see 'errors'.", errors);
        }

        var caller = context.GetCaller();
        if (!KeyPermissions.MayManage(caller, role))
        {
            return Problems.Forbidden(KeyPermissions.Refusal(caller, role, "create"));
        }

        var scopes = (request.Scopes ?? []).Distinct(StringComparer.Ordinal).ToList();
        var (key, token) = await issuer.IssueAsync(request.Name!.Trim(), role, scopes, request.ExpiresAt, caller, cancellationToken);
        var location = $"{context.Request.PathBase}{context.Request.Path.Value?.TrimEnd('/')}/{key.Id}";
        return TypedResults.Created(location, KeyView.From(key, clock.GetUtcNow(), token));
    }
}
