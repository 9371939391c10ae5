namespace Periscope.Monitoring.Stack.Tests;

public sealed class StackProcessTests
{
    [Fact]
    public async Task StartAsync_ProcessExitsEarly_ThrowsWithItsOutput()
    {
        var error = await Assert.ThrowsAsync<StackStartException>(() => StackProcess.StartAsync(
            "failing", "/bin/sh", _ => ["-c", "echo 'config is broken' >&2; exit 3"], "-/ready", TimeSpan.FromSeconds(10), default));

        Assert.Contains("exited with code 3", error.Message);
        Assert.Contains("config is broken", error.Message);
    }

    [Fact]
    public async Task StartAsync_PortTakenOnce_RetriesOnAnotherPort()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"periscope-port-race-{Guid.NewGuid():N}");
        try
        {
            // The first launch fails the way a Go server does when its port was taken meanwhile.
            var script = $"if [ ! -e '{marker}' ]; then touch '{marker}'; echo 'listen tcp 127.0.0.1:$1: bind: address already in use'; exit 1; fi; "
                + $"exec '{StackBinaries.NodeExporter}' --web.listen-address=127.0.0.1:$1 --collector.disable-defaults";

            await using var process = await StackProcess.StartAsync(
                "racing", "/bin/sh", port => ["-c", script, "sh", port.ToString()], "metrics", TimeSpan.FromSeconds(10), default);

            Assert.True(File.Exists(marker));
            Assert.Equal(200, (int)(await new HttpClient().GetAsync(new Uri(process.BaseAddress, "metrics"))).StatusCode);
        }
        finally
        {
            File.Delete(marker);
        }
    }
}
