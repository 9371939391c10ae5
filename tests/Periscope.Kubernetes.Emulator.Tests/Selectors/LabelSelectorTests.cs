using System.Text.Json.Nodes;
using Periscope.Kubernetes.Emulator.Api;
using Periscope.Kubernetes.Emulator.Selectors;

namespace Periscope.Kubernetes.Emulator.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "web", ["tier"] = "front" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app = web , tier==front", true)]
    [InlineData("app!=web", false)]
    [InlineData("env!=prod", true)]
    [InlineData("tier in (front, back)", true)]
    [InlineData("tier notin (front)", false)]
    [InlineData("env notin (prod)", true)]
    [InlineData("env", false)]
    [InlineData("!env", true)]
    [InlineData("!app", false)]
    public void Parse_Text_MatchesAsKubernetesDoes(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches(Labels));
    }

    [Fact]
    public void Parse_InWithoutParentheses_ThrowsBadRequest()
    {
        var error = Assert.Throws<ApiError>(() => LabelSelector.Parse("app in web"));

        Assert.Equal(400, error.Code);
    }

    [Theory]
    [InlineData("""{"matchLabels":{"app":"web"}}""", true)]
    [InlineData("""{"matchLabels":{"app":"db"}}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"In","values":["front"]}]}""", true)]
    [InlineData("""{"matchExpressions":[{"key":"tier","operator":"NotIn","values":["front"]}]}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"DoesNotExist"}]}""", true)]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"Exists"}]}""", false)]
    [InlineData("{}", true)]
    [InlineData("null", true)]
    public void FromObject_LabelSelectorObject_Matches(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.FromObject(JsonNode.Parse(selector)).Matches(Labels));
    }
}
