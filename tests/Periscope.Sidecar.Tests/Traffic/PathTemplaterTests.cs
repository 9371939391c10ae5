using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class PathTemplaterTests
{
    private static readonly PathTemplater Templater = new();

    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("//", "/")]
    [InlineData("*", "/{value}")]
    [InlineData("/orders", "/orders")]
    [InlineData("/orders/", "/orders")]
    [InlineData("/orders//lines", "/orders/lines")]
    [InlineData("/orders?page=2", "/orders")]
    [InlineData("/orders/42", "/orders/{id}")]
    [InlineData("/orders/7/lines/3", "/orders/{id}/lines/{id2}")]
    [InlineData("/v2/orders", "/v2/orders")]
    [InlineData("/api/v1.2/users", "/api/v1.2/users")]
    [InlineData("/packages/1.2.3", "/packages/{id}")]
    [InlineData("/users/123e4567-e89b-12d3-a456-426614174000", "/users/{uuid}")]
    [InlineData("/commits/9fceb02d0ae598e95dc970b74767f19372d61af8", "/commits/{hex}")]
    [InlineData("/objects/507f1f77bcf86cd799439011", "/objects/{hex}")]
    [InlineData("/colors/deadbeef", "/colors/deadbeef")]
    [InlineData("/reports/2024-05-01", "/reports/{date}")]
    [InlineData("/reports/2024-05-01T10:00:00Z/summary", "/reports/{date}/summary")]
    [InlineData("/users/alice@example.com", "/users/{email}")]
    [InlineData("/users/alice%40example.com", "/users/{email}")]
    [InlineData("/keys/sk_live_4eC39HqLyjWDarjtT1zdp7dc", "/keys/{token}")]
    [InlineData("/tokens/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc", "/tokens/{token}")]
    [InlineData("/blobs/QUJDREVGR0hJSktMTU5PUFFSU1RVVg", "/blobs/{token}")]
    [InlineData("/api/getUserAccountSettingsNow", "/api/getUserAccountSettingsNow")]
    [InlineData("/search/hello%20world", "/search/{value}")]
    [InlineData("/matrix;color=red", "/{value}")]
    [InlineData("/a{b}", "/{value}")]
    [InlineData("/user-profile/settings", "/user-profile/settings")]
    [InlineData("/商品/列表", "/商品/列表")]
    [InlineData("/%E5%95%86%E5%93%81", "/商品")]
    [InlineData("/a/b/c/d/e/f/g/h", "/a/b/c/d/e/f/g/h")]
    [InlineData("/a/b/c/d/e/f/g/h/i", "/a/b/c/d/e/f/g/h/{rest}")]
    [InlineData("/a/b/c/d/e/f/g/h/i/j/k/l", "/a/b/c/d/e/f/g/h/{rest}")]
    public void Template_RawPath_ReplacesValueSegments(string path, string template) =>
        Assert.Equal(template, Templater.Template(path));

    [Fact]
    public void Template_OverlongSegment_IsAValue()
    {
        Assert.Equal("/files/{value}", Templater.Template("/files/" + new string('a', PathTemplater.DefaultMaxSegmentLength + 1)));
        Assert.Equal("/files/" + new string('a', PathTemplater.DefaultMaxSegmentLength), Templater.Template("/files/" + new string('a', PathTemplater.DefaultMaxSegmentLength)));
        Assert.Equal("/files/{value}", Templater.Template("/files/" + string.Concat(Enumerable.Repeat("%41", 100))));
    }

    [Fact]
    public void Write_WorstCasePath_FitsMaxLength()
    {
        var segment = new string('w', PathTemplater.DefaultMaxSegmentLength);
        var path = string.Concat(Enumerable.Repeat("/" + segment, 20));
        var buffer = new char[Templater.MaxLength];
        var written = Templater.Write(path, buffer);
        Assert.Equal(Templater.MaxLength, written);
        Assert.EndsWith("/{rest}", new string(buffer, 0, written), StringComparison.Ordinal);

        var numbered = Templater.Template("/1/2/3/4/5/6/7/8");
        Assert.Equal("/{id}/{id2}/{id3}/{id4}/{id5}/{id6}/{id7}/{id8}", numbered);
    }

    [Fact]
    public void Write_ShortDestination_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Templater.Write("/x", new char[Templater.MaxLength - 1]));

    [Fact]
    public void Template_CustomLimits_AreApplied()
    {
        var templater = new PathTemplater(maxSegments: 2, maxSegmentLength: 5);
        Assert.Equal("/abcde/{value}/{rest}", templater.Template("/abcde/abcdef/x"));
    }

    [Theory]
    [InlineData("GET", "GET")]
    [InlineData("PATCH", "PATCH")]
    [InlineData("CONNECT", "CONNECT")]
    [InlineData("get", "OTHER")]
    [InlineData("PURGE", "OTHER")]
    [InlineData("X-RANDOM-METHOD-1234", "OTHER")]
    public void NormalizeMethod_Method_KnownOrOther(string method, string normalized) =>
        Assert.Equal(normalized, PathTemplater.NormalizeMethod(method));
}
