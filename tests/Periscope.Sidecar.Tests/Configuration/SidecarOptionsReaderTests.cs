using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Tests.Configuration;

public sealed class SidecarOptionsReaderTests
{
    private static readonly string[] Required = ["--app-id", "orders", "--app-port", "5000", "--catalog", "http://127.0.0.1:7071"];

    /// <summary>The required options with <paramref name="option"/> set to <paramref name="value"/>, given once.</summary>
    private static string[] With(string option, string value)
    {
        var args = Required.ToList();
        var index = args.IndexOf(option);
        if (index < 0)
        {
            args.AddRange([option, value]);
        }
        else
        {
            args[index + 1] = value;
        }

        return [.. args];
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;

    [Fact]
    public void Read_RequiredOptionsOnly_AppliesDocumentedDefaults()
    {
        var options = SidecarCommandLine.Parse(Required, Environment());

        Assert.Equal("orders", options.AppId);
        Assert.Equal(5000, options.AppPort);
        Assert.Equal(new Uri("http://127.0.0.1:7071"), options.CatalogUrl);
        Assert.Equal("127.0.0.1", options.AppChannelAddress);
        Assert.Null(options.OpenApiPath);
        Assert.Equal("api", options.CatalogRoutePrefix);
        Assert.Null(options.CatalogToken);
        Assert.Equal("default", options.Namespace);
        Assert.Equal(PodNames.FromHostName(System.Environment.MachineName), options.Pod);
        Assert.Equal("app", options.Container);
        Assert.Equal("127.0.0.1", options.EndpointAddress);
        Assert.Equal(3501, options.EndpointPort);
        Assert.Equal(3500, options.DaprHttpPort);
        Assert.Equal(3501, options.InboundPort);
        Assert.Equal(9090, options.MetricsPort);
        Assert.Equal("127.0.0.1", options.DaprListenAddress);
        Assert.Equal("0.0.0.0", options.ListenAddress);
        Assert.Equal(TimeSpan.FromSeconds(60), options.AppTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), options.InvokeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ResolutionTtl);
        Assert.Equal(LoadBalancingPolicy.RoundRobin, options.LoadBalancing);
        Assert.Equal(100, options.MaxInferredOperations);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RefreshInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.HeartbeatInterval);
        Assert.Equal(10 * 1024 * 1024, options.MaxDocumentSize);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryInitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RetryMaxDelay);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), options.AppUrl);
    }

    [Fact]
    public void Read_EnvironmentOnly_ReadsEveryVariable()
    {
        var options = SidecarCommandLine.Parse([], Environment(
            ("APP_ID", "orders"),
            ("APP_PORT", "8080"),
            ("APP_CHANNEL_ADDRESS", "::1"),
            ("PERISCOPE_CATALOG_URL", "https://catalog.periscope.svc"),
            ("PERISCOPE_CATALOG_ROUTE_PREFIX", "/gateway/api/"),
            ("PERISCOPE_CATALOG_TOKEN", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"),
            ("PERISCOPE_OPENAPI_PATH", "/docs/openapi.json"),
            ("POD_NAMESPACE", "shop"),
            ("POD_NAME", "orders-7d9f-abcde"),
            ("PERISCOPE_APP_CONTAINER", "orders"),
            ("POD_IP", "10.244.1.17"),
            ("PERISCOPE_ENDPOINT_PORT", "3601"),
            ("PERISCOPE_DAPR_HTTP_PORT", "3600"),
            ("PERISCOPE_INBOUND_PORT", "3602"),
            ("PERISCOPE_METRICS_PORT", "9191"),
            ("PERISCOPE_DAPR_LISTEN_ADDRESS", "0.0.0.0"),
            ("PERISCOPE_LISTEN_ADDRESS", "::"),
            ("PERISCOPE_APP_TIMEOUT", "2s"),
            ("PERISCOPE_INVOKE_TIMEOUT", "3s"),
            ("PERISCOPE_RESOLUTION_TTL", "500ms"),
            ("PERISCOPE_LOAD_BALANCING", "power-of-two-choices"),
            ("PERISCOPE_MAX_INFERRED_OPERATIONS", "7"),
            ("PERISCOPE_REFRESH_INTERVAL", "1m"),
            ("PERISCOPE_HEARTBEAT_INTERVAL", "15s"),
            ("PERISCOPE_MAX_DOCUMENT_SIZE", "2MiB"),
            ("PERISCOPE_REQUEST_TIMEOUT", "3s"),
            ("PERISCOPE_RETRY_INITIAL_DELAY", "250ms"),
            ("PERISCOPE_RETRY_MAX_DELAY", "1m")));

        Assert.Equal("orders", options.AppId);
        Assert.Equal(8080, options.AppPort);
        Assert.Equal(new Uri("http://[::1]:8080/"), options.AppUrl);
        Assert.Equal(new Uri("https://catalog.periscope.svc"), options.CatalogUrl);
        Assert.Equal("gateway/api", options.CatalogRoutePrefix);
        Assert.Equal("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln", options.CatalogToken);
        Assert.Equal("/docs/openapi.json", options.OpenApiPath);
        Assert.Equal("shop", options.Namespace);
        Assert.Equal("orders-7d9f-abcde", options.Pod);
        Assert.Equal("orders", options.Container);
        Assert.Equal("10.244.1.17", options.EndpointAddress);
        Assert.Equal(3601, options.EndpointPort);
        Assert.Equal(3600, options.DaprHttpPort);
        Assert.Equal(3602, options.InboundPort);
        Assert.Equal(9191, options.MetricsPort);
        Assert.Equal("0.0.0.0", options.DaprListenAddress);
        Assert.Equal("::", options.ListenAddress);
        Assert.Equal(TimeSpan.FromSeconds(2), options.AppTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.InvokeTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.ResolutionTtl);
        Assert.Equal(LoadBalancingPolicy.PowerOfTwoChoices, options.LoadBalancing);
        Assert.Equal(7, options.MaxInferredOperations);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RefreshInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), options.HeartbeatInterval);
        Assert.Equal(2 * 1024 * 1024, options.MaxDocumentSize);
        Assert.Equal(TimeSpan.FromSeconds(3), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryInitialDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RetryMaxDelay);
    }

    [Fact]
    public void Read_CommandLineAndEnvironment_CommandLineWins()
    {
        var options = SidecarCommandLine.Parse(
            [.. Required, "--namespace", "shop"],
            Environment(("APP_ID", "payments"), ("NAMESPACE", "billing"), ("APP_PORT", "6000")));

        Assert.Equal("orders", options.AppId);
        Assert.Equal(5000, options.AppPort);
        Assert.Equal("shop", options.Namespace);
    }

    [Fact]
    public void Read_InboundPortWithoutEndpointPort_ReportsTheInboundPort()
    {
        var options = SidecarCommandLine.Parse([.. Required, "--inbound-port", "4501"], Environment());

        Assert.Equal(4501, options.EndpointPort);
    }

    [Fact]
    public void Read_NamespaceAndPodNamespace_NamespaceWins()
    {
        var options = SidecarCommandLine.Parse(Required, Environment(("NAMESPACE", "shop"), ("POD_NAMESPACE", "billing")));

        Assert.Equal("shop", options.Namespace);
    }

    [Fact]
    public void Read_BlankEnvironmentVariable_CountsAsUnset()
    {
        var options = SidecarCommandLine.Parse(Required, Environment(("NAMESPACE", " "), ("POD_NAMESPACE", "billing")));

        Assert.Equal("billing", options.Namespace);
    }

    [Theory]
    [InlineData("--app-id", "Orders", "'--app-id' must be an RFC 1123 label")]
    [InlineData("--app-id", "orders_v2", "'--app-id' must be an RFC 1123 label")]
    [InlineData("--app-port", "0", "'--app-port' must be a port number from 1 to 65535; got '0'.")]
    [InlineData("--app-port", "65536", "'--app-port' must be a port number")]
    [InlineData("--app-port", "http", "'--app-port' must be a port number")]
    [InlineData("--catalog", "catalog:7071", "'--catalog' must be an absolute http or https URL")]
    [InlineData("--catalog", "ftp://catalog", "'--catalog' must be an absolute http or https URL")]
    [InlineData("--catalog", "/relative", "'--catalog' must be an absolute http or https URL")]
    [InlineData("--namespace", "Shop", "'--namespace' must be an RFC 1123 label")]
    [InlineData("--container", "-app", "'--container' must be an RFC 1123 label")]
    [InlineData("--pod", "orders/../x", "'--pod' must be an RFC 1123 subdomain")]
    [InlineData("--openapi-path", "openapi.json", "'--openapi-path' must be a path on the app starting with '/'")]
    [InlineData("--openapi-path", "//evil.example/openapi.json", "'--openapi-path' must be a path on the app")]
    [InlineData("--endpoint-port", "99999", "'--endpoint-port' must be a port number")]
    [InlineData("--endpoint-address", "10.0.0.1:80", "'--endpoint-address' must be an IP address or a host name")]
    [InlineData("--refresh-interval", "30", "'--refresh-interval' must be a positive duration")]
    [InlineData("--heartbeat-interval", "0s", "'--heartbeat-interval' must be a positive duration")]
    [InlineData("--max-document-size", "10MB", "'--max-document-size' must be a positive size")]
    [InlineData("--catalog-route-prefix", "api?x=1", "'--catalog-route-prefix' must be path segments")]
    [InlineData("--catalog-token", "two words", "'--catalog-token' must be a bearer token")]
    [InlineData("--inbound-port", "5000", "'--app-port', '--inbound-port' must be different ports; all are 5000.")]
    [InlineData("--metrics-port", "3500", "'--dapr-http-port', '--metrics-port' must be different ports; all are 3500.")]
    [InlineData("--load-balancing", "random", "'--load-balancing' must be round-robin or power-of-two-choices; got 'random'.")]
    [InlineData("--max-inferred-operations", "-1", "'--max-inferred-operations' must be a whole number from 0 to 10000")]
    [InlineData("--app-timeout", "0s", "'--app-timeout' must be a positive duration")]
    [InlineData("--listen-address", "0.0.0.0:80", "'--listen-address' must be an IP address or a host name")]
    [InlineData("--retry-initial-delay", "1m", "'--retry-initial-delay' must not be longer than '--retry-max-delay'.")]
    public void Read_BadValue_ThrowsNamingTheOption(string option, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SidecarCommandLine.Parse(With(option, value), Environment()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadEnvironmentVariable_ThrowsNamingTheVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => SidecarCommandLine.Parse([], Environment(
            ("APP_ID", "orders"), ("APP_PORT", "eighty"), ("PERISCOPE_CATALOG_URL", "http://catalog"))));

        Assert.StartsWith("'APP_PORT' must be a port number from 1 to 65535; got 'eighty'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NothingGiven_ListsEveryRequiredSettingWithItsVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => SidecarCommandLine.Parse([], Environment()));

        Assert.Contains("'--app-id' is required (or set APP_ID).", error.Message, StringComparison.Ordinal);
        Assert.Contains("'--app-port' is required (or set APP_PORT).", error.Message, StringComparison.Ordinal);
        Assert.Contains("'--catalog' is required (or set PERISCOPE_CATALOG_URL).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadToken_KeepsTheTokenOutOfTheMessage()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SidecarCommandLine.Parse(With("--catalog-token", "s3cret value"), Environment()));

        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}
