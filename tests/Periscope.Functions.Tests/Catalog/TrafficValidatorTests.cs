using Periscope.Catalog.Contracts;
using Periscope.Functions.Catalog;

namespace Periscope.Functions.Tests.Catalog;

public sealed class TrafficValidatorTests
{
    private static readonly TrafficSummary Valid = CatalogReports.Summary(
        "0123456789abcdef0123456789abcdef", 1, CatalogReports.Calls("GET", "/items/{id}", ok: 3), CatalogReports.Calls("OTHER", "/legacy/{id}", ok: 1, inferred: true));

    [Fact]
    public void Validate_CompleteSummary_HasNoErrors() => Assert.Empty(Validate(Valid));

    [Fact]
    public void Validate_NoOperations_HasNoErrors() => Assert.Empty(Validate(Valid with { Operations = [] }));

    [Theory]
    [InlineData("instance empty", "traffic.instance")]
    [InlineData("instance with a space", "traffic.instance")]
    [InlineData("instance of 65 characters", "traffic.instance")]
    [InlineData("sequence 0", "traffic.sequence")]
    [InlineData("no from", "traffic.from")]
    [InlineData("to before from", "traffic.to")]
    [InlineData("unattributed negative", "traffic.unattributedRequests")]
    [InlineData("1001 operations", "traffic.operations")]
    [InlineData("method lower-case", "traffic.operations[0].method")]
    [InlineData("method with a space", "traffic.operations[0].method")]
    [InlineData("method missing", "traffic.operations[0].method")]
    [InlineData("path relative", "traffic.operations[0].pathTemplate")]
    [InlineData("path of 2049 characters", "traffic.operations[0].pathTemplate")]
    [InlineData("path with a newline", "traffic.operations[0].pathTemplate")]
    [InlineData("status 200 as a key", "traffic.operations[0].requests")]
    [InlineData("status class 6xx", "traffic.operations[0].requests")]
    [InlineData("requests negative", "traffic.operations[0].requests")]
    [InlineData("errors negative", "traffic.operations[0].errors")]
    [InlineData("request bytes negative", "traffic.operations[0].requestBytes")]
    [InlineData("response bytes negative", "traffic.operations[0].responseBytes")]
    [InlineData("latency missing", "traffic.operations[0].latency")]
    [InlineData("latency other bounds", "traffic.operations[0].latency")]
    [InlineData("latency one count short", "traffic.operations[0].latency")]
    [InlineData("latency count negative", "traffic.operations[0].latency")]
    [InlineData("latency sum negative", "traffic.operations[0].latency")]
    public void Validate_InvalidField_IsListedByName(string change, string field)
    {
        var errors = Validate(Change(change));

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Validate_ManyInvalidOperations_ListsTheFirstTwenty()
    {
        var bad = CatalogReports.Calls("get", "/items", ok: 1);

        var errors = Validate(Valid with { Operations = Enumerable.Repeat(bad, 50).ToList() });

        Assert.Equal(21, errors.Count);
        Assert.Contains("traffic.operations[19].method", errors.Keys);
        Assert.Contains("traffic.operations", errors.Keys);
    }

    private static Dictionary<string, string[]> Validate(TrafficSummary traffic)
    {
        var errors = new Dictionary<string, string[]>();
        TrafficValidator.Validate(traffic, errors);
        return errors;
    }

    private static TrafficSummary Change(string change)
    {
        var operation = Valid.Operations![0];
        var latency = operation.Latency!;
        return change switch
        {
            "instance empty" => Valid with { Instance = "" },
            "instance with a space" => Valid with { Instance = "a b" },
            "instance of 65 characters" => Valid with { Instance = new string('a', 65) },
            "sequence 0" => Valid with { Sequence = 0 },
            "no from" => Valid with { From = null },
            "to before from" => Valid with { To = Valid.From!.Value.AddTicks(-1) },
            "unattributed negative" => Valid with { UnattributedRequests = -1 },
            "1001 operations" => Valid with { Operations = Enumerable.Repeat(operation, 1001).ToList() },
            _ => Valid with { Operations = [ChangeOperation(change, operation, latency)] },
        };
    }

    private static OperationTraffic ChangeOperation(string change, OperationTraffic operation, LatencyHistogram latency) => change switch
    {
        "method lower-case" => operation with { Method = "get" },
        "method with a space" => operation with { Method = "GET /" },
        "method missing" => operation with { Method = null },
        "path relative" => operation with { PathTemplate = "items" },
        "path of 2049 characters" => operation with { PathTemplate = "/" + new string('a', 2048) },
        "path with a newline" => operation with { PathTemplate = "/items\n" },
        "status 200 as a key" => operation with { Requests = new Dictionary<string, long> { ["200"] = 1 } },
        "status class 6xx" => operation with { Requests = new Dictionary<string, long> { ["6xx"] = 1 } },
        "requests negative" => operation with { Requests = new Dictionary<string, long> { ["2xx"] = -1 } },
        "errors negative" => operation with { Errors = -1 },
        "request bytes negative" => operation with { RequestBytes = -1 },
        "response bytes negative" => operation with { ResponseBytes = -1 },
        "latency missing" => operation with { Latency = null },
        "latency other bounds" => operation with { Latency = latency with { BoundsSeconds = [.. latency.BoundsSeconds!.Skip(1), 20] } },
        "latency one count short" => operation with { Latency = latency with { Counts = [.. latency.Counts!.Skip(1)] } },
        "latency count negative" => operation with { Latency = latency with { Counts = [-1, .. latency.Counts!.Skip(1)] } },
        "latency sum negative" => operation with { Latency = latency with { SumSeconds = -0.1 } },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "no such change"),
    };
}
