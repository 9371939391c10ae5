using Periscope.OpenApi.Reading;

namespace Periscope.OpenApi.Tests.Reading;

public sealed class SourceReaderTests
{
    private readonly List<ParseDiagnostic> _diagnostics = [];

    [Fact]
    public void Read_JsonWithByteOrderMark_ReadsTheObject()
    {
        var root = SourceReader.Read("\uFEFF{\"a\":[1,true,null]}", ContentFormat.Json, _diagnostics, CancellationToken.None);

        Assert.Equal("{\"a\":[1,true,null]}", root!.ToJsonString());
    }

    [Fact]
    public void Read_JsonSyntaxError_ReportsOneBasedLineAndColumn()
    {
        var exception = Assert.Throws<SourceSyntaxException>(() =>
            SourceReader.Read("{\n  \"a\": 1,\n  \"b\": }", ContentFormat.Json, _diagnostics, CancellationToken.None));

        Assert.Equal("line 3, column 8: '}' is an invalid start of a value.", exception.Message);
    }

    [Fact]
    public void Read_JsonDuplicateProperty_IsASyntaxError()
    {
        var exception = Assert.Throws<SourceSyntaxException>(() =>
            SourceReader.Read("{\"openapi\":\"3.0.0\",\"openapi\":\"3.1.0\"}", ContentFormat.Json, _diagnostics, CancellationToken.None));

        Assert.Contains("Duplicate property 'openapi'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Yaml_ReadsTheMapping()
    {
        var root = SourceReader.Read("openapi: 3.1.0\ninfo:\n  title: T\n", ContentFormat.Yaml, _diagnostics, CancellationToken.None);

        Assert.Equal("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"T\"}}", root!.ToJsonString());
    }

    [Fact]
    public void Read_CancelledYaml_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SourceReader.Read("a: 1", ContentFormat.Yaml, _diagnostics, cancellation.Token));
    }
}
