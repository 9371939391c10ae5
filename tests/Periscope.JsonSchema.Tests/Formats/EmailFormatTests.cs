using Periscope.JsonSchema.Formats;

namespace Periscope.JsonSchema.Tests.Formats;

public sealed class EmailFormatTests
{
    [Theory]
    [InlineData("ops@example.com", true)]
    [InlineData("first.last+tag@sub.example.co", true)]
    [InlineData("\"quoted \\\" escape\"@example.com", true)]
    [InlineData("user@[IPv6:2001:db8::1]", true)]
    [InlineData("user@localhost", true)]
    [InlineData("user@-bad.example", false)]
    [InlineData("user@example..com", false)]
    [InlineData("@example.com", false)]
    [InlineData("user@", false)]
    [InlineData("用户@example.com", false)]
    [InlineData("a b@example.com", false)]
    public void IsEmail_SimpleMailboxes(string text, bool valid)
    {
        Assert.Equal(valid, EmailFormat.IsEmail(text));
    }

    [Fact]
    public void IsEmail_LocalPartLongerThan64_IsRefused()
    {
        Assert.False(EmailFormat.IsEmail(new string('a', 65) + "@example.com"));
    }
}
