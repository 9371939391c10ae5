namespace Periscope.Functions.Invoke;

/// <summary>
/// The app's path and query of an <c>/api/invoke/{namespace}/{appId}/{**path}</c> request, taken from the raw
/// request target (<c>IHttpRequestFeature.RawTarget</c>) so they are forwarded with the caller's exact
/// escaping: a proxy forwards the target it received (RFC 9110 §7.6), and routing's decoded path would lose
/// the difference between <c>/a%3Fb</c> and <c>/a?b</c>.
/// </summary>
internal static class InvokeTarget
{
    /// <param name="rawTarget">The request target as received.</param>
    /// <param name="leadingSegments">Segments before the app's path: the route prefix's, <c>invoke</c>, namespace and app-id.</param>
    /// <param name="appPathAndQuery">The app's path (starting with '/') and the query ('?' included), escaped as received.</param>
    /// <returns>Null when the target can be forwarded, else why not.</returns>
    public static string? TryParse(string rawTarget, int leadingSegments, out string appPathAndQuery)
    {
        appPathAndQuery = string.Empty;
        if (!rawTarget.StartsWith('/'))
        {
            return "the request target must be a path (RFC 9112 §3.2.1 origin-form); absolute URLs are not accepted";
        }

        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? rawTarget : rawTarget[..question];
        var query = question < 0 ? string.Empty : rawTarget[question..];

        // The whole path is checked, not only the app's part: routing matched the host's normalised path, so
        // a dot segment before the app's part would make the raw segments disagree with the route values.
        if (InvokePathGuard.Check(path) is { } problem)
        {
            return problem;
        }

        if (query.Any(c => c is < '!' or > '~' || c == '#'))
        {
            return "the query holds a control, space, non-ASCII or '#' character; percent-encode data (RFC 3986 §3.4)";
        }

        var position = 0;
        for (var i = 0; i < leadingSegments && position >= 0; i++)
        {
            position = path.IndexOf('/', position + 1);
        }

        var appPath = position < 0 ? string.Empty : path[position..];
        if (appPath.Length <= 1)
        {
            return "name a path on the app after the app-id, e.g. /api/invoke/default/orders/orders: Dapr service invocation has no method without one";
        }

        appPathAndQuery = appPath + query;
        return null;
    }
}
