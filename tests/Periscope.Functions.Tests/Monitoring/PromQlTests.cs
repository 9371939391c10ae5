using System.Text.RegularExpressions;
using Periscope.Functions.Monitoring;
using Periscope.Functions.Tests.Monitoring.Doubles;

namespace Periscope.Functions.Tests.Monitoring;

public sealed class PromQlTests
{
    /// <summary>Injection attempts a caller could send as a label value.</summary>
    public static TheoryData<string> Hostile =>
    [
        "\"} or vector(1) #",
        "\\\"",
        "a\"}[5m]) or on() vector(1) or x{a=\"",
        "line\nbreak\r\ttab",
        "=~\".*\"",
        ".*",
        "\\",
        "trailing\\",
        "{}()|[]^$+?",
        "\u0000\u001f\u007f",
        "名前",
    ];

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("\u0001", "\"\\u0001\"")]
    public void String_SpecialCharacters_AreEscaped(string value, string expected) => Assert.Equal(expected, PromQl.String(value));

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Selector_HostileValue_StaysOneMatcherWithThatValue(string value)
    {
        var selector = Selector.For("node_load1", LabelMatcher.Equal("job", "node"), LabelMatcher.Equal("instance", value), LabelMatcher.NotEqual("device", value)).ToString();

        var matchers = SelectorParser.Matchers(selector);

        Assert.Equal([("job", "=", "node"), ("instance", "=", value), ("device", "!=", value)], matchers);
        Assert.DoesNotContain('\n', selector);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Exactly_HostileValue_MatchesOnlyThatValue(string value)
    {
        var matcher = SelectorParser.Matchers(Selector.For("m", LabelMatcher.Exactly("operation", [value, "other"])).ToString()).Single();

        // RE2 and .NET agree on QuoteMeta's escapes; PromQL anchors the pattern at both ends.
        var pattern = new Regex("^(?:" + matcher.Value + ")$", RegexOptions.CultureInvariant);
        Assert.Equal("=~", matcher.Op);
        Assert.Matches(pattern, value);
        Assert.Matches(pattern, "other");
        Assert.DoesNotMatch(pattern, value + "x");
        Assert.DoesNotMatch(pattern, "anything");
    }

    [Theory]
    [InlineData("instance", true)]
    [InlineData("_x9", true)]
    [InlineData("9x", false)]
    [InlineData("a-b", false)]
    [InlineData("a\"", false)]
    [InlineData("", false)]
    public void IsLabelName_Names_FollowTheDataModel(string name, bool expected) => Assert.Equal(expected, PromQl.IsLabelName(name));

    [Fact]
    public void Duration_FiveMinutes_IsWholeMilliseconds() => Assert.Equal("300000ms", PromQl.Duration(TimeSpan.FromMinutes(5)));

    [Fact]
    public void LabelMatcher_BadName_Throws() => Assert.Throws<ArgumentException>(() => LabelMatcher.Equal("a=\"b\",c", "x"));
}
