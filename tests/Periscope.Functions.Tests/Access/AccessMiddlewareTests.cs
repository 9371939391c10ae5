using System.Net;
using System.Net.Http.Json;
using Periscope.Functions.Access;
using Periscope.Functions.Tests.Catalog;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

public sealed class AccessMiddlewareTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    private AccessHost Host => fixture.Host;

    [Fact]
    public async Task InvokeAsync_NoCredentialsOnRead_Answers401SayingWhatIsNeeded()
    {
        using var response = await Host.Client.GetAsync("/api/services");

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"periscope\"", AccessProblems.Challenge(response));
        Assert.Equal("https://periscope.dev/problems/unauthenticated", problem.GetProperty("type").GetString());
        Assert.Contains("role Viewer or better", AccessProblems.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("Access:AnonymousReads", AccessProblems.Detail(problem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("psk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-key-at-all-but-long-enough-0123456789")]
    public async Task InvokeAsync_UnknownCredential_Answers401InvalidTokenWithoutEchoingIt(string credential)
    {
        using var client = Host.CreateClient(credential);

        using var response = await client.GetAsync("/api/services");

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"periscope\", error=\"invalid_token\"", AccessProblems.Challenge(response));
        Assert.DoesNotContain(credential, problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ValidKeyInEitherHeader_IsAdmitted()
    {
        var (_, key) = await Host.CreateKeyAsync(Role.Viewer);
        using var bearer = Host.CreateClient(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/services");
        request.Headers.Add("X-API-Key", key);

        using var viaBearer = await bearer.GetAsync("/api/services");
        using var viaHeader = await Host.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (viaBearer.StatusCode, viaHeader.StatusCode));
    }

    [Fact]
    public async Task InvokeAsync_KeyInBothHeaders_Answers400InvalidRequest()
    {
        var (_, key) = await Host.CreateKeyAsync(Role.Viewer);
        using var client = Host.CreateClient(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/services");
        request.Headers.Add("X-API-Key", key);

        using var response = await client.SendAsync(request);

        await AccessProblems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Bearer realm=\"periscope\", error=\"invalid_request\"", AccessProblems.Challenge(response));
    }

    [Fact]
    public async Task InvokeAsync_BasicScheme_Answers401WithoutErrorCode()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/services");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String("user:password"u8.ToArray()));

        using var response = await Host.Client.SendAsync(request);

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer realm=\"periscope\"", AccessProblems.Challenge(response));
        Assert.Contains("Only the Bearer scheme", AccessProblems.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ExpiredKey_Answers401SayingItExpired()
    {
        var generated = ApiKeyTokens.Generate();
        var expired = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Host.Get<IKeyStore>().CreateAsync(
            new ApiKeyRecord(generated.Id, "expired", Role.Admin, [], generated.Salt, generated.Hash, expired.AddDays(-1), "tests", expired, null, null),
            default);
        using var client = Host.CreateClient(generated.Token);

        using var response = await client.GetAsync("/api/services");

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", AccessProblems.Challenge(response), StringComparison.Ordinal);
        Assert.Contains($"API key {generated.Id} expired", AccessProblems.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_RightIdWrongSecret_Answers401LikeAnUnknownKey()
    {
        var (id, key) = await Host.CreateKeyAsync(Role.Viewer);
        var forged = $"{ApiKeyTokens.Prefix}{id}_{new string('A', key.Length - ApiKeyTokens.Prefix.Length - id.Length - 1)}";
        using var client = Host.CreateClient(forged);

        using var response = await client.GetAsync("/api/services");

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is not valid.", AccessProblems.Detail(problem));
    }

    [Fact]
    public async Task InvokeAsync_ViewerKeyOnAdminFunction_Answers403NamingBothRoles()
    {
        var (_, key) = await Host.CreateKeyAsync(Role.Viewer);
        using var client = Host.CreateClient(key);

        using var response = await client.GetAsync("/api/keys");

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Requires role Admin; this key has Viewer.", AccessProblems.Detail(problem));
        Assert.Equal("Bearer realm=\"periscope\", error=\"insufficient_scope\"", AccessProblems.Challenge(response));
    }

    [Fact]
    public async Task InvokeAsync_ReportTokenOnRead_Answers403()
    {
        using var client = Host.CreateClient(AccessHost.ReportToken);

        using var response = await client.GetAsync("/api/services");

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("report token admits sidecars'", AccessProblems.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ReportTokenOnEndpointLookup_IsAdmitted()
    {
        using var client = Host.CreateClient(AccessHost.ReportToken);

        using var response = await client.GetAsync("/api/services/default/no-such-app/endpoints");

        await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvokeAsync_AdminKeyOnReports_Answers403()
    {
        using var client = Host.CreateClient(AccessHost.AdminKey);

        using var response = await client.PostAsJsonAsync("/api/catalog/reports", CatalogReports.Heartbeat("access-admin-report"));

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("only the catalog's report token", AccessProblems.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_NoCredentialsOnReports_Answers401NamingTheReportToken()
    {
        using var response = await Host.Client.PostAsJsonAsync("/api/catalog/reports", CatalogReports.Heartbeat("access-anonymous-report"));

        var problem = await AccessProblems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer <Catalog:ReportToken>", AccessProblems.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_ReportTokenOnReports_IsAdmitted()
    {
        using var client = Host.CreateClient(AccessHost.ReportToken);

        using var response = await client.PostAsJsonAsync("/api/catalog/reports", CatalogReports.WithDocument("access-sidecar-report"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/metrics")]
    public async Task InvokeAsync_HostEndpoint_NeedsNoCredentials(string path)
    {
        using var response = await Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_UnknownRoute_Answers404NotAuthentication()
    {
        using var response = await Host.Client.GetAsync("/api/no-such-function");

        await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvokeAsync_Denials_AreCountedByReason()
    {
        (await Host.Client.GetAsync("/api/services")).Dispose();

        await Eventually.TrueAsync(
            async () => (await Host.Client.GetStringAsync("/metrics")).Contains("periscope_access_denied_total{reason=\"no_credentials\"}", StringComparison.Ordinal),
            "periscope_access_denied_total{reason=\"no_credentials\"} on /metrics");
    }
}
