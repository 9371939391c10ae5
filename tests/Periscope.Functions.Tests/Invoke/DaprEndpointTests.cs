using Microsoft.Extensions.Configuration;
using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class DaprEndpointTests
{
    [Theory]
    [InlineData(null, null, "http://127.0.0.1:3500")]
    [InlineData(null, "3600", "http://127.0.0.1:3600")]
    [InlineData("https://dapr.internal:443", "3600", "https://dapr.internal:443")]
    public void Default_DaprEnvironment_FollowsDaprsSdks(string? endpoint, string? port, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DAPR_HTTP_ENDPOINT"] = endpoint, ["DAPR_HTTP_PORT"] = port })
            .Build();

        Assert.Equal(expected, DaprEndpoint.Default(configuration));
    }

    [Theory]
    [InlineData("http://127.0.0.1:3500")]
    [InlineData("http://127.0.0.1:3500/")]
    [InlineData("https://dapr.internal")]
    public void Check_SchemeHostAndPort_Accepts(string value) => Assert.Null(DaprEndpoint.Check(value));

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:3500")]
    [InlineData("ftp://127.0.0.1:3500")]
    [InlineData("http://127.0.0.1:3500/v1.0")]
    [InlineData("http://127.0.0.1:3500/?x=1")]
    [InlineData("http://user:secret@127.0.0.1:3500")]
    public void Check_AnythingElse_Refuses(string value) => Assert.NotNull(DaprEndpoint.Check(value));
}
