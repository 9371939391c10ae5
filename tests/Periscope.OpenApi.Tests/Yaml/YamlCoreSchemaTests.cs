using System.Text.Json.Nodes;
using Periscope.OpenApi.Yaml;

namespace Periscope.OpenApi.Tests.Yaml;

public sealed class YamlCoreSchemaTests
{
    [Theory]
    [InlineData("", "null")]
    [InlineData("~", "null")]
    [InlineData("null", "null")]
    [InlineData("NULL", "null")]
    [InlineData("true", "true")]
    [InlineData("True", "true")]
    [InlineData("FALSE", "false")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("n", "\"n\"")]
    [InlineData("123", "123")]
    [InlineData("-7", "-7")]
    [InlineData("+7", "7")]
    [InlineData("007", "7")]
    [InlineData("0o17", "15")]
    [InlineData("0x1F", "31")]
    [InlineData("0x", "\"0x\"")]
    [InlineData("0o9", "\"0o9\"")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("1.5", "1.5")]
    [InlineData("1.50", "1.50")]
    [InlineData(".5", "0.5")]
    [InlineData("1e3", "1000")]
    [InlineData("-2.5E-3", "-0.0025")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData(".NaN", "\".NaN\"")]
    [InlineData("1.0.0", "\"1.0.0\"")]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("Lamp", "\"Lamp\"")]
    [InlineData("nullable", "\"nullable\"")]
    [InlineData("true story", "\"true story\"")]
    public void ResolvePlain_Scalar_HasCoreSchemaType(string text, string expectedJson)
    {
        var value = YamlCoreSchema.ResolvePlain(text);

        Assert.Equal(expectedJson, value?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("tag:yaml.org,2002:str", "007", true, "\"007\"")]
    [InlineData("tag:yaml.org,2002:int", "42", false, "42")]
    [InlineData("tag:yaml.org,2002:null", "", true, "null")]
    [InlineData("!custom", "true", true, "true")]
    [InlineData("!custom", "true", false, "\"true\"")]
    public void ResolveTagged_Scalar_FollowsTheTag(string tag, string text, bool plain, string expectedJson)
    {
        var value = YamlCoreSchema.ResolveTagged(tag, text, plain);

        Assert.Equal(expectedJson, value?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("Off", true)]
    [InlineData("null", true)]
    [InlineData("~", true)]
    [InlineData("123", true)]
    [InlineData("1.0.0", true)]
    [InlineData("1_000", true)]
    [InlineData("2001-12-14", true)]
    [InlineData("<<", true)]
    [InlineData("Lamp", false)]
    [InlineData("application/json", false)]
    [InlineData("v1.0", false)]
    public void NeedsQuotes_String_QuotesWhatAReaderWouldRetype(string text, bool expected)
    {
        Assert.Equal(expected, YamlCoreSchema.NeedsQuotes(text));
    }

    [Fact]
    public void ResolvePlain_Integer_IsALongValue()
    {
        var value = Assert.IsAssignableFrom<JsonValue>(YamlCoreSchema.ResolvePlain("64"));

        Assert.True(value.TryGetValue<long>(out var number));
        Assert.Equal(64, number);
    }
}
