using System.Security.Cryptography;
using System.Text;
using Periscope.OpenApi.Operations;

namespace Periscope.OpenApi.Tests.Operations;

public sealed class OperationSlugTests
{
    [Fact]
    public void Assign_UniqueSafeOperationId_UsesIt()
    {
        var slugs = OperationSlug.Assign([("GET", "/pets", "listPets"), ("POST", "/pets", "pets.create-v2_beta")]);

        Assert.Equal(["listPets", "pets.create-v2_beta"], slugs);
    }

    [Fact]
    public void Assign_DuplicateOperationId_FallsBackForEveryHolder()
    {
        var slugs = OperationSlug.Assign([("GET", "/a", "fetch"), ("GET", "/b", "fetch"), ("GET", "/c", "other")]);

        Assert.Equal([Expected("get", "/a"), Expected("get", "/b"), "other"], slugs);
    }

    [Theory]
    [InlineData("has spaces")]
    [InlineData("slash/inside")]
    [InlineData("pet{id}")]
    [InlineData("宠物")]
    [InlineData("")]
    public void Assign_UnsafeOperationId_FallsBack(string operationId)
    {
        Assert.Equal(Expected("put", "/pets/{id}"), OperationSlug.Assign([("PUT", "/pets/{id}", operationId)])[0]);
    }

    [Fact]
    public void Assign_OperationIdLongerThan128_FallsBack()
    {
        Assert.Equal("a".PadRight(128, 'a'), OperationSlug.Assign([("GET", "/x", new string('a', 128))])[0]);
        Assert.Equal(Expected("get", "/x"), OperationSlug.Assign([("GET", "/x", new string('a', 129))])[0]);
    }

    [Fact]
    public void Assign_NoOperationId_UsesMethodAndPathHash()
    {
        Assert.Equal("get-844ba1763e35", OperationSlug.Assign([("GET", "/pets/{id}", null)])[0]);
    }

    [Fact]
    public void Assign_OtherOperationsAdded_SlugsUnchanged()
    {
        var before = OperationSlug.Assign([("GET", "/a", null), ("GET", "/b", "getB")]);
        var after = OperationSlug.Assign([("POST", "/z", "create"), ("GET", "/a", null), ("DELETE", "/a", null), ("GET", "/b", "getB")]);

        Assert.Equal(before[0], after[1]);
        Assert.Equal(before[1], after[3]);
    }

    private static string Expected(string method, string path) =>
        method + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];
}
