using System.Text;
using Periscope.Functions.Notifications;

namespace Periscope.Functions.Tests.Notifications;

public sealed class MessageFitterTests
{
    [Fact]
    public void Fit_TooLong_HalvesListedUntilItFits()
    {
        var tried = new List<int>();

        var text = MessageFitter.Fit(listed => { tried.Add(listed); return new string('x', listed * 100); }, total: 1000, maxListed: 40, maxBytes: 1000);

        Assert.Equal([40, 20, 10], tried);
        Assert.Equal(1000, text.Length);
    }

    [Fact]
    public void Truncate_ChineseText_CutsAtCharacterBoundary()
    {
        var text = MessageFitter.Truncate(new string('告', 100), 50);

        Assert.InRange(Encoding.UTF8.GetByteCount(text), 47, 50);
        Assert.EndsWith("告…", text, StringComparison.Ordinal);
    }
}
