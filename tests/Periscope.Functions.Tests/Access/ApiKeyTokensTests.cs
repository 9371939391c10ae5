using System.Security.Cryptography;
using System.Text;
using Periscope.Functions.Access;

namespace Periscope.Functions.Tests.Access;

public sealed class ApiKeyTokensTests
{
    [Fact]
    public void Generate_NewKey_ParsesBackToItsIdAndVerifies()
    {
        var key = ApiKeyTokens.Generate();

        Assert.Matches("^psk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key.Token);
        Assert.True(ApiKeyTokens.TryParse(key.Token, out var id, out var secret));
        Assert.Equal(key.Id, id);
        Assert.True(ApiKeyTokens.Verify(key.Salt, secret, key.Hash));
    }

    [Fact]
    public void Generate_TwoKeys_DifferInIdSecretAndSalt()
    {
        var first = ApiKeyTokens.Generate();
        var second = ApiKeyTokens.Generate();

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Token, second.Token);
        Assert.NotEqual(first.Salt, second.Salt);
        Assert.Equal(16, first.Salt.Length);
    }

    [Fact]
    public void Generate_Hash_IsSha256OfSaltThenSecret()
    {
        var key = ApiKeyTokens.Generate();
        Assert.True(ApiKeyTokens.TryParse(key.Token, out _, out var secret));

        var expected = SHA256.HashData([.. key.Salt, .. Encoding.UTF8.GetBytes(secret)]);

        Assert.Equal(expected, key.Hash);
    }

    [Fact]
    public void Verify_OtherSecretOrSalt_Fails()
    {
        var key = ApiKeyTokens.Generate();
        var other = ApiKeyTokens.Generate();
        Assert.True(ApiKeyTokens.TryParse(key.Token, out _, out var secret));
        Assert.True(ApiKeyTokens.TryParse(other.Token, out _, out var otherSecret));

        Assert.False(ApiKeyTokens.Verify(key.Salt, otherSecret, key.Hash));
        Assert.False(ApiKeyTokens.Verify(other.Salt, secret, key.Hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("psk_")]
    [InlineData("bearer-token-of-some-other-kind-0123456789abcdef")]
    [InlineData("psk_0123456789ab_short")]
    [InlineData("psk_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("psk_0123456789ab-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("psk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("sk_0123456789abc_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParse_NotAKey_ReturnsFalse(string presented)
    {
        Assert.False(ApiKeyTokens.TryParse(presented, out _, out _));
    }

    [Theory]
    [InlineData("0123456789ab", true)]
    [InlineData("0123456789AB", false)]
    [InlineData("0123456789a", false)]
    [InlineData("../../etc/pa", false)]
    public void IsId_Value_AcceptsOnlyGeneratedShape(string value, bool expected)
    {
        Assert.Equal(expected, ApiKeyTokens.IsId(value));
    }
}
