using Microsoft.Extensions.Configuration;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting;

public sealed class HostJsonReaderTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("periscope-hostjson-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void Load_VersionOnly_ReturnsDocumentedDefaults()
    {
        var options = Load("""{ "version": "2.0" }""");

        Assert.Equal("api", options.RoutePrefix);
        Assert.Equal(TimeSpan.FromMinutes(5), options.FunctionTimeout);
        Assert.Equal(100, options.MaxConcurrentRequests);
        Assert.Equal(200, options.MaxOutstandingRequests);
    }

    [Fact]
    public void Load_AllKeys_ReadsEachAndIgnoresOthers()
    {
        var options = Load("""
            {
              "version": "2.0",
              "functionTimeout": "00:00:30",
              "logging": { "logLevel": { "default": "Information" } },
              "extensions": {
                "http": {
                  "routePrefix": "/v1/functions/",
                  "maxConcurrentRequests": 10,
                  "maxOutstandingRequests": 20,
                  "dynamicThrottlesEnabled": true,
                  "customHeaders": { "X-Content-Type-Options": "nosniff" }
                }
              }
            }
            """);

        Assert.Equal("v1/functions", options.RoutePrefix);
        Assert.Equal(TimeSpan.FromSeconds(30), options.FunctionTimeout);
        Assert.Equal(10, options.MaxConcurrentRequests);
        Assert.Equal(20, options.MaxOutstandingRequests);
        Assert.Equal(Path.Combine(directory.FullName, "host.json"), options.Source);
    }

    [Fact]
    public void Load_EmptyRoutePrefix_PutsFunctionsAtTheRoot() =>
        Assert.Equal(string.Empty, Load("""{ "extensions": { "http": { "routePrefix": "" } } }""").RoutePrefix);

    [Fact]
    public void Load_MinusOne_MeansUnbounded()
    {
        var options = Load("""
            { "functionTimeout": "-1", "extensions": { "http": { "maxConcurrentRequests": -1, "maxOutstandingRequests": -1 } } }
            """);

        Assert.Null(options.FunctionTimeout);
        Assert.Equal(-1, options.MaxConcurrentRequests);
        Assert.Equal(-1, options.MaxOutstandingRequests);
    }

    [Fact]
    public void Load_ConcurrencyBoundedOutstandingUnbounded_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load("""
            { "extensions": { "http": { "maxConcurrentRequests": 4, "maxOutstandingRequests": -1 } } }
            """));

        Assert.Contains("without bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_KeysInAnotherCaseWithCommentsAndTrailingCommas_AreRead()
    {
        var options = Load("""
            {
              // as the Functions host, case and comments are tolerated
              "FunctionTimeout": "00:01:00",
              "Extensions": { "HTTP": { "RoutePrefix": "fn", }, },
            }
            """);

        Assert.Equal("fn", options.RoutePrefix);
        Assert.Equal(TimeSpan.FromMinutes(1), options.FunctionTimeout);
    }

    [Fact]
    public void Load_AzureFunctionsJobHostSetting_OverridesTheFile()
    {
        var options = Load(
            """{ "functionTimeout": "00:00:30", "extensions": { "http": { "routePrefix": "api" } } }""",
            new Dictionary<string, string?>
            {
                ["AzureFunctionsJobHost:extensions:http:routePrefix"] = "v2",
                ["AzureFunctionsJobHost:functionTimeout"] = "00:00:10",
            });

        Assert.Equal("v2", options.RoutePrefix);
        Assert.Equal(TimeSpan.FromSeconds(10), options.FunctionTimeout);
    }

    [Fact]
    public void Load_NotConfigured_ReadsTheRootHostJsonCopiedNextToTheApp()
    {
        var options = HostJsonReader.Load(new ConfigurationBuilder().Build(), configuredPath: null);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "host.json"), options.Source);
        Assert.Equal("api", options.RoutePrefix);
        var root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!;
        Assert.Equal(TimeSpan.Parse((string)root["functionTimeout"]!, System.Globalization.CultureInfo.InvariantCulture), options.FunctionTimeout);
    }

    [Fact]
    public void Load_ConfiguredFileMissing_Throws()
    {
        var missing = Path.Combine(directory.FullName, "absent.json");

        var error = Assert.Throws<InvalidOperationException>(() => HostJsonReader.Load(new ConfigurationBuilder().Build(), missing));

        Assert.Equal($"host.json not found at {missing} (set by Functions:HostJson).", error.Message);
    }

    [Theory]
    [InlineData("""{ "version": "2.0", """, "it is not valid JSON")]
    [InlineData("""[1, 2]""", "it is not valid JSON")]
    [InlineData("""{ "functionTimeout": "-00:00:05" }""", "functionTimeout must be a positive time span")]
    [InlineData("""{ "functionTimeout": "00:00:00" }""", "functionTimeout must be a positive time span")]
    [InlineData("""{ "functionTimeout": "soon" }""", "functionTimeout must be a time span such as \"00:05:00\", or -1 for none; got \"soon\".")]
    [InlineData("""{ "version": "1.0" }""", "version must be \"2.0\"")]
    [InlineData("""{ "extensions": { "http": { "maxConcurrentRequests": 10, "maxOutstandingRequests": 5 } } }""", "maxOutstandingRequests (5) must not be less than maxConcurrentRequests (10)")]
    [InlineData("""{ "extensions": { "http": { "maxConcurrentRequests": 0 } } }""", "maxConcurrentRequests must be at least 1, or -1 for no limit; got 0.")]
    [InlineData("""{ "extensions": { "http": { "maxOutstandingRequests": -5 } } }""", "maxOutstandingRequests must be at least 1, or -1 for no limit; got -5.")]
    [InlineData("""{ "extensions": { "http": { "maxOutstandingRequests": "many" } } }""", "extensions.http.maxOutstandingRequests must be a whole number")]
    [InlineData("""{ "extensions": { "http": { "routePrefix": "{tenant}" } } }""", "routePrefix must be a literal path")]
    public void Load_InvalidHostJson_ThrowsNamingTheFileAndTheProblem(string json, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load(json));

        Assert.StartsWith($"Invalid host.json ({Path.Combine(directory.FullName, "host.json")}): ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsAllInOneMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load("""
            { "functionTimeout": "-00:00:01", "extensions": { "http": { "maxConcurrentRequests": 4, "maxOutstandingRequests": 2 } } }
            """));

        Assert.Contains("functionTimeout must be a positive time span", error.Message, StringComparison.Ordinal);
        Assert.Contains("maxOutstandingRequests (2) must not be less than maxConcurrentRequests (4)", error.Message, StringComparison.Ordinal);
    }

    private HostJsonOptions Load(string json, Dictionary<string, string?>? settings = null)
    {
        var path = Path.Combine(directory.FullName, "host.json");
        File.WriteAllText(path, json);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return HostJsonReader.Load(configuration, path);
    }
}
