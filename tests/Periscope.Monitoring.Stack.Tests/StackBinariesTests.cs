namespace Periscope.Monitoring.Stack.Tests;

public sealed class StackBinariesTests
{
    [Fact]
    public void Require_MissingBinary_NamesDebianPackage()
    {
        var error = Assert.Throws<FileNotFoundException>(
            () => StackBinaries.Require("/nonexistent/prometheus", "prometheus"));

        Assert.Contains("apt-get install prometheus", error.Message);
    }

    [Fact]
    public void Require_InstalledBinary_ReturnsPath()
    {
        Assert.Equal(StackBinaries.Prometheus, StackBinaries.Require(StackBinaries.Prometheus, "prometheus"));
    }
}
