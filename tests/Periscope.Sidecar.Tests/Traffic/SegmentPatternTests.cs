using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class SegmentPatternTests
{
    [Theory]
    [InlineData("{name}.{ext}", "a.b", true)]
    [InlineData("{name}.{ext}", "a.b.c", true)]
    [InlineData("{name}.{ext}", "a.", false)]
    [InlineData("{name}.{ext}", ".b", false)]
    [InlineData("{name}.{ext}", "ab", false)]
    [InlineData("report.{format}", "report.json", true)]
    [InlineData("report.{format}", "report.", false)]
    [InlineData("report.{format}", "Report.json", false)]
    [InlineData("v{major}", "v2", true)]
    [InlineData("v{major}", "v", false)]
    [InlineData("{a}{b}", "xy", true)]
    [InlineData("{a}{b}", "x", false)]
    [InlineData("{a}-{b}-{c}", "1-2-3", true)]
    [InlineData("{a}-{b}-{c}", "1--3", false)]
    [InlineData("{a}-{b}-{c}", "1-2-3-4", true)]
    [InlineData("x%20{a}", "x y", true)]
    public void IsMatch_Segment_MatchesWhenEveryVariableTakesACharacter(string template, string segment, bool expected) =>
        Assert.Equal(expected, SegmentPattern.TryParse(template)!.IsMatch(segment));

    [Theory]
    [InlineData("plain")]
    [InlineData("{unclosed")]
    [InlineData("closed}")]
    [InlineData("{a{b}}")]
    public void TryParse_NoWellFormedVariable_ReturnsNull(string template) =>
        Assert.Null(SegmentPattern.TryParse(template));

    [Fact]
    public void TryParse_SameShapeOtherNames_HaveOneShape()
    {
        Assert.Equal(SegmentPattern.TryParse("{name}.{ext}")!.Shape, SegmentPattern.TryParse("{file}.{type}")!.Shape);
        Assert.True(SegmentPattern.IsWholeVariable("{id}"));
        Assert.False(SegmentPattern.IsWholeVariable("{id}.json"));
    }

    [Fact]
    public void IsMatch_AdversarialSegment_StaysFast()
    {
        var pattern = SegmentPattern.TryParse("{a}.{b}.{c}.{d}x")!;
        var text = new string('.', 8000);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Assert.False(pattern.IsMatch(text));
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1));
    }
}
