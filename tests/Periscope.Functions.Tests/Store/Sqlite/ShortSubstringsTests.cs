using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Store.Sqlite;

public sealed class ShortSubstringsTests
{
    [Theory]
    [InlineData("查询订单", "查 查询 询 询订 订 订单 单")]
    [InlineData("List", "l li i is s st t")]
    [InlineData("GET /v2", "g ge e et t v v2 2")]
    [InlineData("Orders orders", "o or r rd d de e er rs s")]
    [InlineData("订 单", "订 单")]
    [InlineData("订a", "订 订a a")]
    [InlineData("café", "c ca a af f")]
    [InlineData("注文を", "注 注文 文 文を を")]
    [InlineData("주문", "주 주문 문")]
    [InlineData("-_./ ", "")]
    [InlineData("", "")]
    public void Of_OneText_GivesEachSubstringOfOneAndTwoOnce(string text, string expected) =>
        Assert.Equal(expected, ShortSubstrings.Of(text));

    [Fact]
    public void Of_SeveralTexts_PairsNeverSpanTwoOfThem() =>
        Assert.Equal("查 查询 询 订 订单 单 a b ab", ShortSubstrings.Of("查询", null, "订单", "查询", "a", "b", "AB"));

    [Theory]
    [InlineData("订单", true)]
    [InlineData("单", true)]
    [InlineData("アイ", true)]
    [InlineData("한국", true)]
    [InlineData("or", true)]
    [InlineData("V2", true)]
    [InlineData("q", true)]
    [InlineData("7", true)]
    [InlineData("订a", true)]
    [InlineData("订单列", false)]
    [InlineData("", false)]
    [InlineData("é", false)] // unicode61 folds the accent: left to the scan, where LIKE decides
    [InlineData("a-", false)]
    [InlineData("-", false)]
    [InlineData("・ア", false)] // a katakana middle dot is punctuation to unicode61
    [InlineData("\uD840\uDC00", false)] // one Extension B ideograph: a surrogate pair, left to the scan
    [InlineData("鿿", false)] // U+9FFF is newer than unicode61's tables
    public void IsIndexed_OnlyOneOrTwoCharactersThatUnicode61KeepsInAWord(string term, bool expected) =>
        Assert.Equal(expected, ShortSubstrings.IsIndexed(term));
}
