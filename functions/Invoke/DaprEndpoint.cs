namespace Periscope.Functions.Invoke;

/// <summary>
/// Where the Dapr sidecar's HTTP API is: the one socket target of the gateway. Its default follows Dapr's SDKs
/// (docs.dapr.io, "Environment variable reference": <c>DAPR_HTTP_ENDPOINT</c> wins over <c>DAPR_HTTP_PORT</c>;
/// the port defaults to 3500 on localhost).
/// </summary>
internal static class DaprEndpoint
{
    public const int DefaultPort = 3500;

    /// <summary>The default endpoint from <paramref name="configuration"/>'s environment variables.</summary>
    public static string Default(IConfiguration configuration)
    {
        if (configuration["DAPR_HTTP_ENDPOINT"] is { Length: > 0 } endpoint)
        {
            return endpoint.Trim();
        }

        var port = configuration["DAPR_HTTP_PORT"] is { Length: > 0 } text ? text.Trim() : DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>Null when <paramref name="value"/> is usable, else why not (a sentence ending with a full stop).</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is required.";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"must be an absolute http or https URL such as http://127.0.0.1:3500; got '{value}'.";
        }

        return uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0
            ? $"must name only scheme, host and port (Dapr's API paths are fixed); got '{value}'."
            : null;
    }

    /// <summary>Scheme, host and port of a valid endpoint.</summary>
    public static Uri Parse(string value) => new(new Uri(value).GetLeftPart(UriPartial.Authority));
}
