using Microsoft.Extensions.Configuration;
using Periscope.Webhook.Configuration;
using Periscope.Webhook.Hosting;
using Periscope.Webhook.Injection;

namespace Periscope.Webhook.Tests.Configuration;

public sealed class InjectionOptionsReaderTests
{
    [Fact]
    public void Read_Nothing_Defaults()
    {
        var options = InjectionOptionsReader.Read(Config());

        Assert.Equal(InjectionOptionsReader.DefaultImage, options.Image);
        Assert.Equal(InjectionOptionsReader.DefaultCatalogUrl, options.CatalogUrl);
        Assert.Equal(InjectionOptions.DefaultClusterMinorVersion, options.ClusterMinorVersion);
        Assert.False(options.UsesNativeSidecar);
        Assert.Equal("IfNotPresent", options.ImagePullPolicy);
        Assert.Null(options.ReportTokenSecretName);
    }

    [Fact]
    public void Read_AllKeys_Applied()
    {
        var options = InjectionOptionsReader.Read(Config(
            ("Image", "registry.local:5000/periscope/sidecar:2.1"), ("CatalogUrl", "https://catalog.example"), ("ImagePullPolicy", "Always"),
            ("CpuRequest", "50m"), ("CpuLimit", "1"), ("MemoryRequest", "64Mi"), ("MemoryLimit", "256Mi"), ("LogLevel", "debug"),
            ("ReportTokenSecretName", "token"), ("ReportTokenSecretKey", "value"), ("ClusterMinorVersion", "31")));

        Assert.Equal("registry.local:5000/periscope/sidecar:2.1", options.Image);
        Assert.Equal("1", options.CpuLimit);
        Assert.Equal("Debug", options.LogLevel);
        Assert.Equal(31, options.ClusterMinorVersion);
        Assert.True(options.UsesNativeSidecar);
        Assert.Equal("value", options.ReportTokenSecretKey);
    }

    [Theory]
    [InlineData("Image", "Not An Image")]
    [InlineData("CatalogUrl", "catalog:7071")]
    [InlineData("CatalogUrl", "ftp://catalog")]
    [InlineData("ImagePullPolicy", "sometimes")]
    [InlineData("CpuRequest", "lots")]
    [InlineData("MemoryLimit", "0")]
    [InlineData("MemoryRequest", "512Mi")]
    [InlineData("LogLevel", "verbose")]
    [InlineData("ClusterMinorVersion", "1.30")]
    public void Read_InvalidValue_ThrowsNamingTheKey(string key, string value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => InjectionOptionsReader.Read(Config((key, value))));

        Assert.Contains($"Injection:{key}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30", 30)]
    [InlineData("30+", 30)]
    [InlineData("28-eks", 28)]
    public void ParseMinor_ManagedClusterSuffix_Stripped(string minor, int expected) =>
        Assert.Equal(expected, ClusterVersionProbe.ParseMinor(minor));

    [Theory]
    [InlineData("Port", "70000")]
    [InlineData("MetricsPort", "x")]
    [InlineData("ListenAddress", "localhost")]
    [InlineData("MaxRequestBodyBytes", "10")]
    public void WebhookOptionsRead_InvalidValue_ThrowsNamingTheKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new($"Webhook:{key}", value)]).Build();

        var e = Assert.Throws<InvalidOperationException>(() => WebhookOptions.Read(configuration));

        Assert.Contains($"Webhook:{key}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookOptionsRead_SamePortTwice_Throws()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Webhook:Port", "9090")]).Build();

        Assert.Throws<InvalidOperationException>(() => WebhookOptions.Read(configuration));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"Injection:{v.Key}", v.Value))).Build();
}
