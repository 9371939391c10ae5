using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class ChannelUrlRedactorTests
{
    [Theory]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc123", "https://oapi.dingtalk.com/robot/send?access_token=***")]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1&debug=1", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***&debug=***")]
    [InlineData("https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e", "https://open.feishu.cn/open-apis/bot/v2/hook/***")]
    [InlineData("http://127.0.0.1:8080/alerts", "http://127.0.0.1:8080/alerts")]
    public void Redact_RobotUrls_MasksTokens(string url, string expected) => Assert.Equal(expected, ChannelUrlRedactor.Redact(url));

    [Fact]
    public void Scrub_ErrorNamingUrlTokenAndSecret_MasksAll()
    {
        var channel = new NotificationChannel(
            "c", "dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=tok-0123456789", new Dictionary<string, string>(), "SECsecret-value",
            "en", ChannelRoute.All, true, false, default, default);

        var scrubbed = ChannelUrlRedactor.Scrub("POST https://oapi.dingtalk.com/robot/send?access_token=tok-0123456789 failed; tok-0123456789 SECsecret-value", channel);

        Assert.Equal("POST *** failed; *** ***", scrubbed);
    }
}
