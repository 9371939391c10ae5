using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;

namespace Periscope.Kubernetes.Tests.Client;

public sealed class KubernetesApiExceptionTests
{
    // Status bodies as kube-apiserver writes them (API conventions, "Response Status Kind").
    public static TheoryData<int, string, string> Statuses => new()
    {
        { 404, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"grafana\" not found","reason":"NotFound","details":{"name":"grafana","kind":"pods"},"code":404}""", "NotFound" },
        { 409, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \"c\" already exists","reason":"AlreadyExists","details":{"name":"c","kind":"configmaps"},"code":409}""", "AlreadyExists" },
        { 409, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on configmaps \"c\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"c","kind":"configmaps"},"code":409}""", "Conflict" },
        { 410, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (2)","reason":"Expired","code":410}""", "Gone" },
        { 422, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \"x\" is invalid: spec.containers: Required value","reason":"Invalid","details":{"name":"x","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers"}]},"code":422}""", "Invalid" },
        { 403, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}""", "Forbidden" },
        { 401, """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""", "Unauthorized" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task GetAsync_StatusBody_ThrowsRecognisableException(int code, string body, string kind)
    {
        await using var server = await FakeApiServer.StartAsync(c =>
        {
            c.Response.StatusCode = code;
            c.Response.ContentType = "application/json";
            return c.Response.WriteAsync(body);
        });
        using var client = TestClients.For(server);

        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync(KubernetesResources.ConfigMaps, "c", "ns"));

        Assert.Equal(code, e.Status.Code);
        var flags = new Dictionary<string, bool>
        {
            ["NotFound"] = e.IsNotFound,
            ["AlreadyExists"] = e.IsAlreadyExists,
            ["Conflict"] = e.IsConflict,
            ["Gone"] = e.IsGone,
            ["Invalid"] = e.IsInvalid,
            ["Forbidden"] = e.IsForbidden,
            ["Unauthorized"] = e.IsUnauthorized,
        };
        Assert.Equal(kind, Assert.Single(flags, f => f.Value).Key);
        Assert.Contains(e.Status.Message!, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_InvalidStatus_CarriesCauses()
    {
        await using var server = await FakeApiServer.StartAsync(c =>
        {
            c.Response.StatusCode = 422;
            return c.Response.WriteAsync(Statuses.Skip(4).First()[1].ToString()!);
        });
        using var client = TestClients.For(server);

        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync(KubernetesResources.Pods, "x", "ns"));

        Assert.Equal("spec.containers", Assert.Single(e.Status.Details!.Causes!).Field);
    }

    [Fact]
    public async Task GetAsync_HtmlErrorPage_GivesCodeAndBody()
    {
        await using var server = await FakeApiServer.StartAsync(c =>
        {
            c.Response.StatusCode = 502;
            return c.Response.WriteAsync("<html><body>Bad Gateway from proxy</body></html>");
        });
        using var client = TestClients.For(server);

        var e = await Assert.ThrowsAsync<KubernetesApiException>(() => client.GetAsync(KubernetesResources.Nodes, "n"));

        Assert.Equal(502, e.Status.Code);
        Assert.Contains("Bad Gateway from proxy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryGetAsync_NotFound_ReturnsNull()
    {
        await using var server = await FakeApiServer.StartAsync(c =>
        {
            c.Response.StatusCode = 404;
            return c.Response.WriteAsync("404 page not found");
        });
        using var client = TestClients.For(server);

        Assert.Null(await client.TryGetAsync(KubernetesResources.Secrets, "s", "ns"));
    }
}
