using System.Security.Cryptography;
using System.Text;
using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Tests.Discovery;

/// <summary>The managed SHA-256 behind document hashes against FIPS 180-4's examples and against OpenSSL's.</summary>
public sealed class Sha256Tests
{
    // NIST's SHA-256 examples (csrc.nist.gov, "Examples with Intermediate Values": SHA256.pdf, SHA2_Additional.pdf).
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
    public void HashData_NistExamples(string message, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(Sha256.HashData(Encoding.ASCII.GetBytes(message))));

    [Fact]
    public void HashData_MillionAs_NistExample() =>
        Assert.Equal(
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
            Convert.ToHexStringLower(Sha256.HashData(Enumerable.Repeat((byte)'a', 1_000_000).ToArray())));

    [Fact]
    public void HashData_EveryLengthAroundTheBlockAndPaddingBoundaries_SameAsOpenSsl()
    {
        // Lengths 0–300 cover 55/56 (padding in one block or two), 63/64/65 and several whole blocks.
        var random = new Random(7);
        for (var length = 0; length <= 300; length++)
        {
            var content = new byte[length];
            random.NextBytes(content);
            Assert.Equal(SHA256.HashData(content), Sha256.HashData(content));
        }
    }

    [Fact]
    public void HashData_LargeDocument_SameAsOpenSsl()
    {
        var content = new byte[(3 * 1024 * 1024) + 17];
        new Random(11).NextBytes(content);
        Assert.Equal(SHA256.HashData(content), Sha256.HashData(content));
    }

    [Fact]
    public void DocumentHash_PrefixAndLowercaseHex() =>
        Assert.Equal("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DocumentHash.Of("abc"));
}
