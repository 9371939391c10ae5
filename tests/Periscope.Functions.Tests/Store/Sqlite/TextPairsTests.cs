using Periscope.Functions.Store.Sqlite;

namespace Periscope.Functions.Tests.Store.Sqlite;

public sealed class TextPairsTests
{
    [Theory]
    [InlineData("查询订单列表", "查询 询订 订单 单列 列表")]
    [InlineData("List orders", "li is st or rd de er rs")]
    [InlineData("GET /v2/Orders", "ge et v2 or rd de er rs")]
    [InlineData("订单 GET /orders 订单", "订单 ge et or rd de er rs")]
    [InlineData("订 单", "")]
    [InlineData("订a单", "订a a单")]
    [InlineData("café", "ca af")]
    [InlineData("注文を検索", "注文 文を を検 検索")]
    [InlineData("주문 조회", "주문 조회")]
    [InlineData("a-b_c.d", "")]
    [InlineData("", "")]
    public void Of_OneText_GivesEachAdjacentPairOnce(string text, string expected) =>
        Assert.Equal(expected, TextPairs.Of(text));

    [Fact]
    public void Of_SeveralTexts_PairsNeverSpanTwoOfThem() =>
        Assert.Equal("查询 订单 ab", TextPairs.Of("查询", null, "订单", "查询", "a", "b", "AB"));

    [Theory]
    [InlineData("订单", true)]
    [InlineData("アイ", true)]
    [InlineData("한국", true)]
    [InlineData("or", true)]
    [InlineData("V2", true)]
    [InlineData("订a", true)]
    [InlineData("订", false)]
    [InlineData("订单列", false)]
    [InlineData("o", false)]
    [InlineData("é1", false)] // unicode61 folds the accent: left to the scan, where LIKE decides
    [InlineData("a-", false)]
    [InlineData("・ア", false)] // a katakana middle dot is punctuation to unicode61
    [InlineData("\uD840\uDC00", false)] // one Extension B ideograph: a surrogate pair, left to the scan
    [InlineData("鿿一", false)] // U+9FFF is newer than unicode61's tables
    public void IsPair_OnlyTwoCharactersThatUnicode61KeepsTogether(string term, bool expected) =>
        Assert.Equal(expected, TextPairs.IsPair(term));
}
