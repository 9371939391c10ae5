using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting;

public sealed class FunctionsHostBuilderExtensionsTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("periscope-builder-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void AddFunctionsHost_NoUrlsConfigured_ListensOnPort7071()
    {
        var builder = WebApplication.CreateSlimBuilder(["--Functions:HostJson", HostJson("{}")]);

        builder.AddFunctionsHost();

        Assert.Equal("http://0.0.0.0:7071", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void AddFunctionsHost_UrlsGiven_KeepsThem()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--Functions:HostJson", HostJson("{}")]);

        builder.AddFunctionsHost();

        Assert.Equal("http://127.0.0.1:0", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Fact]
    public void AddFunctionsHost_ValidHostJson_RegistersItsOptions()
    {
        var builder = WebApplication.CreateSlimBuilder(["--Functions:HostJson", HostJson("""{ "functionTimeout": "00:00:42" }""")]);

        builder.AddFunctionsHost();

        using var services = builder.Services.BuildServiceProvider();
        Assert.Equal(TimeSpan.FromSeconds(42), services.GetRequiredService<HostJsonOptions>().FunctionTimeout);
    }

    [Fact]
    public void AddFunctionsHost_InvalidHostJson_FailsStartUpWithOneMessage()
    {
        var path = HostJson("""{ "functionTimeout": "00:00:30", """);
        var builder = WebApplication.CreateSlimBuilder(["--Functions:HostJson", path]);

        var error = Assert.Throws<InvalidOperationException>(builder.AddFunctionsHost);

        Assert.StartsWith($"Invalid host.json ({path}): it is not valid JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFunctionsHost_NonPositiveReadinessTimeout_FailsStartUp()
    {
        var builder = WebApplication.CreateSlimBuilder(["--Functions:HostJson", HostJson("{}"), "--Functions:ReadinessTimeout", "00:00:00"]);

        var error = Assert.Throws<InvalidOperationException>(builder.AddFunctionsHost);

        Assert.Equal("Invalid Functions configuration: Functions:ReadinessTimeout must be positive; got 00:00:00.", error.Message);
    }

    private string HostJson(string json)
    {
        var path = Path.Combine(directory.FullName, "host.json");
        File.WriteAllText(path, json);
        return path;
    }
}
