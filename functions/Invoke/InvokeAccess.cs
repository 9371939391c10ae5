using Periscope.Functions.Access;
using Periscope.Functions.Hosting;
using Periscope.Functions.Store;

namespace Periscope.Functions.Invoke;

/// <summary>The scope check every invocation makes after the role check the access middleware made.</summary>
internal static class InvokeAccess
{
    /// <summary>Null when the caller's key may invoke <paramref name="target"/>, else the 403 naming its scopes.</summary>
    public static IResult? Check(Caller caller, ServiceKey target) =>
        caller.MayInvoke(target.Namespace, target.AppId)
            ? null
            : Problems.Forbidden(
                $"The API key '{caller.Name}' may invoke only {string.Join(", ", caller.Scopes.Select(scope => $"'{scope}'"))}; '{target}' is outside its scopes.");
}
