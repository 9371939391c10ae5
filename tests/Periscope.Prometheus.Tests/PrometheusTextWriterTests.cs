using System.Text;

namespace Periscope.Prometheus.Tests;

public sealed class PrometheusTextWriterTests
{
    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.0005, "0.0005")]
    [InlineData(42.0, "42")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(1e-7, "1E-07")]
    public void FormatValue_Double_IsGoParsable(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextWriter.FormatValue(value));

    [Fact]
    public void EscapeHelp_BackslashNewlineAndQuote_EscapesOnlyBackslashAndNewline() =>
        Assert.Equal("a \\\\ b\\nc \"d\"", PrometheusTextWriter.EscapeHelp("a \\ b\nc \"d\""));

    [Fact]
    public void AppendEscapedLabelValue_BackslashQuoteNewline_AreEscaped()
    {
        var builder = new StringBuilder();

        PrometheusTextWriter.AppendEscapedLabelValue(builder, "C:\\dir \"x\"\nnext");

        Assert.Equal("C:\\\\dir \\\"x\\\"\\nnext", builder.ToString());
    }

    [Fact]
    public void WriteSample_NoLabels_WritesNameSpaceValue()
    {
        using var text = new StringWriter();

        new PrometheusTextWriter(text).WriteSample("up", string.Empty, 1);

        Assert.Equal("up 1\n", text.ToString());
    }
}
