using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class YamlOutlineReaderTests
{
    [Fact]
    public void Read_AliasedPathItemAndOperation_CountsBoth()
    {
        var outline = YamlOutlineReader.Read("""
            openapi: 3.0.0
            x-anchors:
              shared: &elsewhere { operationId: unseen }
            paths:
              /a: &item
                get: &op { operationId: getA }
                put: { operationId: putA }
              /b: *item
              /c:
                post: *op
                delete: *elsewhere
            """);
        Assert.NotNull(outline);
        Assert.Equal(
            ["GET /a getA", "PUT /a putA", "GET /b getA", "PUT /b putA", "POST /c getA", "DELETE /c "],
            outline.Operations.Select(o => $"{o.Method} {o.PathTemplate} {o.OperationId}"));
    }

    [Fact]
    public void Read_MergeKey_AddsAnchoredOperationsOwnKeysWin()
    {
        var outline = YamlOutlineReader.Read("""
            swagger: "2.0"
            paths:
              /base: &base
                get: { operationId: baseGet }
                delete: { operationId: baseDelete }
              /derived:
                <<: *base
                get: { operationId: derivedGet }
            """);
        Assert.NotNull(outline);
        Assert.Equal(
            ["GET /base baseGet", "DELETE /base baseDelete", "GET /derived derivedGet", "DELETE /derived baseDelete"],
            outline.Operations.Select(o => $"{o.Method} {o.PathTemplate} {o.OperationId}"));
    }

    [Fact]
    public void Read_BillionLaughs_IsNotExpanded()
    {
        var lines = new List<string> { "openapi: 3.0.0", "x-lol:", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i < 30; i++)
        {
            lines.Add($"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }

        lines.AddRange(["paths:", "  /x:", "    get: {}"]);
        var outline = YamlOutlineReader.Read(string.Join('\n', lines));
        Assert.Equal("GET /x", outline?.Operations.Select(o => $"{o.Method} {o.PathTemplate}").Single());
    }

    [Fact]
    public void Read_NestingWithinLimit_IsSkipped()
    {
        const int depth = YamlOutlineReader.MaxDepth - 1;
        var outline = YamlOutlineReader.Read($"openapi: 3.0.0\nx: {new string('[', depth)}{new string(']', depth)}\npaths:\n  /x:\n    get: {{}}\n");
        Assert.Equal("/x", Assert.Single(outline!.Operations).PathTemplate);
    }

    [Fact]
    public void Read_NestingBeyondLimit_RefusedWithoutReadingItAll()
    {
        // YamlDotNet's scanner works harder the deeper it is: this took minutes before the limit.
        const int depth = 200_000;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        Assert.Throws<YamlDotNet.Core.YamlException>(() =>
            YamlOutlineReader.Read($"openapi: 3.0.0\nx: {new string('[', depth)}{new string(']', depth)}\npaths: {{}}\n"));
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Read_ComplexKeysAndOddValues_AreSkipped()
    {
        var outline = YamlOutlineReader.Read("""
            openapi: 3.1.0
            ? [complex, key]
            : value
            servers: not-a-list
            paths:
              ? { complex: path }
              : get: {}
              /x: null
              /y:
                get: ~
                ? [k]
                : v
                post:
                  operationId: [not, a, scalar]
            """);
        Assert.NotNull(outline);
        Assert.Equal(string.Empty, outline.PathPrefix);
        var operation = Assert.Single(outline.Operations);
        Assert.Equal(("POST", "/y", (string?)null), (operation.Method, operation.PathTemplate, operation.OperationId));
    }

    [Fact]
    public void Read_SecondDocumentInStream_IsIgnored()
    {
        var outline = YamlOutlineReader.Read("openapi: 3.0.0\npaths:\n  /one:\n    get: {}\n---\nopenapi: 3.0.0\npaths:\n  /two:\n    get: {}\n");
        Assert.Equal("/one", Assert.Single(outline!.Operations).PathTemplate);
    }
}
