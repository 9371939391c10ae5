using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class InvokeOptionsValidatorTests
{
    private static readonly InvokeOptions Valid = new() { DaprHttpEndpoint = "http://127.0.0.1:3500" };

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new InvokeOptionsValidator().Validate(null, Valid).Succeeded);

    [Theory]
    [InlineData("Invoke:DaprHttpEndpoint")]
    [InlineData("Invoke:DaprApiToken")]
    [InlineData("Invoke:Timeout")]
    [InlineData("Invoke:MaxRequestBodyBytes")]
    [InlineData("Invoke:MaxRetries")]
    [InlineData("FailureRatio")]
    [InlineData("MinimumThroughput")]
    [InlineData("SamplingDuration")]
    [InlineData("BreakDuration")]
    public void Validate_BadSetting_FailsNamingTheKey(string key)
    {
        var options = key switch
        {
            "Invoke:DaprHttpEndpoint" => Valid with { DaprHttpEndpoint = "localhost:3500" },
            "Invoke:DaprApiToken" => Valid with { DaprApiToken = "two words" },
            "Invoke:Timeout" => Valid with { Timeout = TimeSpan.Zero },
            "Invoke:MaxRequestBodyBytes" => Valid with { MaxRequestBodyBytes = 0 },
            "Invoke:MaxRetries" => Valid with { MaxRetries = -1 },
            "FailureRatio" => Valid with { CircuitBreaker = new() { FailureRatio = 0 } },
            "MinimumThroughput" => Valid with { CircuitBreaker = new() { MinimumThroughput = 1 } },
            "SamplingDuration" => Valid with { CircuitBreaker = new() { SamplingDuration = TimeSpan.FromMilliseconds(100) } },
            _ => Valid with { CircuitBreaker = new() { BreakDuration = TimeSpan.Zero } },
        };

        var result = new InvokeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }
}
