using Periscope.Functions.Monitoring;

namespace Periscope.Functions.Tests.Monitoring;

public sealed class QueryRangeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000);

    [Fact]
    public void TryCreate_Nothing_LastHourInAbout240Points()
    {
        var range = QueryRange.TryCreate(null, null, null, Now, new Dictionary<string, string[]>());

        Assert.Equal(new QueryRange(Now.AddHours(-1), Now, TimeSpan.FromSeconds(15)), range);
    }

    [Theory]
    [InlineData("2026-11-22T10:00:00Z", "2026-11-22T11:00:00+01:00", "1m", 60)]
    [InlineData("1795000000", "1795000600.5", "0.5", 0.5)]
    [InlineData("1795000000", "1795086400", "1m30s", 90)]
    public void TryCreate_Forms_AreRead(string start, string end, string step, double stepSeconds)
    {
        var range = QueryRange.TryCreate(start, end, step, Now, new Dictionary<string, string[]>());

        Assert.Equal(stepSeconds, range!.Step.TotalSeconds);
    }

    [Theory]
    [InlineData("1795000000", "1795086400", "1", "step")]
    [InlineData("1795000000", "1794000000", null, "end")]
    [InlineData("yesterday", null, null, "start")]
    [InlineData(null, "2026-11-22T10:00:00", null, "end")]
    [InlineData(null, null, "-5", "step")]
    [InlineData(null, null, "5x", "step")]
    public void TryCreate_Wrong_NamesTheParameter(string? start, string? end, string? step, string field)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(QueryRange.TryCreate(start, end, step, Now, errors));
        Assert.Contains(field, errors.Keys);
    }
}
