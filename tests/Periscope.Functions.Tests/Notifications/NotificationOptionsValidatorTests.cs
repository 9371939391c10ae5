using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class NotificationOptionsValidatorTests
{
    [Fact]
    public void Validate_BadZoneAndConfiguredChannel_ReportsEach()
    {
        var options = new NotificationOptions
        {
            TimeZone = "Mars/Olympus_Mons",
            Channels = new() { ["ops"] = new ConfiguredChannel { Type = "wecom", Url = "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" } },
        };

        var result = new NotificationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Notifications:Channels:ops: url: Must be https", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeeds() => Assert.True(new NotificationOptionsValidator().Validate(null, new NotificationOptions()).Succeeded);
}
