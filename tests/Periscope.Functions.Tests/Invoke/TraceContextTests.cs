using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class TraceContextTests
{
    private const string Parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    [Fact]
    public void From_ValidTraceparent_PassesItThroughUnchanged()
    {
        var headers = new HeaderDictionary { ["traceparent"] = Parent, ["tracestate"] = "congo=t61rcWkgMzE" };

        var trace = TraceContext.From(headers, current: null);

        Assert.Equal(Parent, trace.TraceParent);
        Assert.Equal("congo=t61rcWkgMzE", trace.TraceState);
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", trace.TraceId);
    }

    [Fact]
    public void From_NoTraceparent_UsesTheHostsActivity()
    {
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        var trace = TraceContext.From(new HeaderDictionary(), activity);

        Assert.Equal(activity.Id, trace.TraceParent);
        Assert.Equal(activity.TraceId.ToHexString(), trace.TraceId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01")]
    public void From_NoUsableTraceparentNorActivity_StartsATrace(string? traceparent)
    {
        var headers = new HeaderDictionary();
        if (traceparent is not null)
        {
            headers["traceparent"] = traceparent;
        }

        var trace = TraceContext.From(headers, current: null);

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", trace.TraceParent);
        Assert.Equal(trace.TraceParent[3..35], trace.TraceId);
    }
}
