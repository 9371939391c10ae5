using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class ChannelValidatorTests
{
    [Theory]
    [InlineData("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=t", null)]
    [InlineData("dingtalk", "https://oapi.dingtalk.com/robot/send", "url")]
    [InlineData("dingtalk", "http://oapi.dingtalk.com/robot/send?access_token=t", "url")]
    [InlineData("dingtalk", "http://127.0.0.1:8080/robot/send?access_token=t", null)]
    [InlineData("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", null)]
    [InlineData("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", "url")]
    [InlineData("feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/abc", null)]
    [InlineData("feishu", "https://open.feishu.cn/open-apis/bot/v2/", "url")]
    [InlineData("webhook", "https://user:pass@hooks.example.com/x", "url")]
    [InlineData("webhook", "http://[::1]:9000/x", null)]
    [InlineData("pager", "https://x.example.com", "type")]
    public void Validate_Url_HttpsExceptLoopbackAndRobotShape(string type, string url, string? invalidField)
    {
        var (channel, errors) = ChannelValidator.Validate(new ChannelRequest("c", type, url, null, null, null, null, null), existingSecret: null);

        if (invalidField is null)
        {
            Assert.Empty(errors);
            Assert.Equal("zh-CN", channel!.Language);
        }
        else
        {
            Assert.Null(channel);
            Assert.Contains(invalidField, errors.Keys);
        }
    }

    [Theory]
    [InlineData("smtp.example.com", "starttls", "pw", null)]
    [InlineData("smtp.example.com", "none", "pw", "settings.tls")]
    [InlineData("127.0.0.1", "none", "pw", null)]
    [InlineData("smtp.example.com", "tls", null, "settings.tls")]
    public void Validate_Email_PasswordNeverInClearExceptLoopback(string host, string tls, string? password, string? invalidField)
    {
        var settings = new Dictionary<string, string> { ["host"] = host, ["tls"] = tls, ["from"] = "a@example.com", ["to"] = "b@example.com,c@example.com" };

        var (_, errors) = ChannelValidator.Validate(new ChannelRequest("mail", "email", null, settings, password, "en", null, null), existingSecret: null);

        Assert.Equal(invalidField is null ? [] : [invalidField], errors.Keys);
    }

    [Fact]
    public void Validate_UnknownSetting_Refused()
    {
        var (_, errors) = ChannelValidator.Validate(
            new ChannelRequest("c", "wecom", "https://q.example.com/send?key=k", new() { ["mentions"] = "all" }, null, null, null, null), existingSecret: null);

        Assert.Equal(["settings.mentions"], errors.Keys);
    }
}
