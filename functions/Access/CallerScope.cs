namespace Periscope.Functions.Access;

/// <summary>The scope syntax of API keys: <c>namespace</c>, <c>namespace/*</c> or <c>namespace/appId</c>.</summary>
internal static class CallerScope
{
    public static bool Covers(string scope, string @namespace, string appId)
    {
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return string.Equals(scope, @namespace, StringComparison.Ordinal);
        }

        var scopeNamespace = scope.AsSpan(0, slash);
        var scopeApp = scope.AsSpan(slash + 1);
        return scopeNamespace.SequenceEqual(@namespace)
            && (scopeApp.SequenceEqual("*") || scopeApp.SequenceEqual(appId));
    }
}
