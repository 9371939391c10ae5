using Periscope.Sidecar.Configuration;

namespace Periscope.Sidecar.Tests.Configuration;

public sealed class SidecarCommandLineTests
{
    [Fact]
    public async Task InvokeAsync_ValidOptions_RunsWithThemAndReturnsZero()
    {
        SidecarOptions? ran = null;
        using var error = new StringWriter();

        var exitCode = await SidecarCommandLine.InvokeAsync(
            ["--app-id", "orders", "--app-port", "5000", "--catalog", "http://127.0.0.1:7071"],
            (options, _) => { ran = options; return Task.CompletedTask; },
            static _ => null,
            error);

        Assert.Equal(0, exitCode);
        Assert.Equal("orders", ran?.AppId);
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData("--app-id", "Orders", "--app-port", "5000", "--catalog", "http://127.0.0.1:7071")]
    [InlineData("--app-id", "orders", "--app-port", "5000", "--catalog", "http://127.0.0.1:7071", "--bogus")]
    [InlineData("--app-id", "orders", "--app-port", "5000", "--catalog")]
    public async Task InvokeAsync_BadInput_WritesOneLineAndReturnsUsageError(params string[] args)
    {
        var ran = false;
        using var error = new StringWriter();

        var exitCode = await SidecarCommandLine.InvokeAsync(args, (_, _) => { ran = true; return Task.CompletedTask; }, static _ => null, error);

        Assert.Equal(SidecarCommandLine.UsageError, exitCode);
        Assert.False(ran);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("periscope-sidecar: ", line, StringComparison.Ordinal);
    }
}
