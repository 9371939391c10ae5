using System.Net;
using System.Net.Http.Json;
using System.Text;
using Periscope.EndToEnd.Tests.Infrastructure;

namespace Periscope.EndToEnd.Tests.Catalog;

/// <summary>Bad reports and bad reads over real HTTP: clear problem+json answers, and nothing stored is lost.</summary>
public sealed class ReportErrorTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();
    private FunctionsServer _functions = null!;
    private HttpClient _client = null!;
    private HttpClient _reader = null!;
    private HttpClient _anonymous = null!;

    public async Task InitializeAsync()
    {
        _functions = await FunctionsServer.StartAsync(_data.Path, "--Catalog:MaxDocumentBytes=4096");
        _client = _functions.CreateClient(FunctionsCredential.ReportToken);
        _reader = _functions.CreateClient();
        _anonymous = _functions.CreateClient(FunctionsCredential.None);
        using var seeded = await _client.PostReportAsync(ReportBuilder.WithDocument("existing", ReportBuilder.MinimalDocument));
        Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _reader.Dispose();
        _anonymous.Dispose();
        await _functions.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task PostReport_NoToken_Answers401AndStoresNothing()
    {
        using var response = await _anonymous.PostReportAsync(ReportBuilder.WithDocument("intruder", ReportBuilder.MinimalDocument));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", (string?)(await response.ReadProblemAsync())["detail"], StringComparison.Ordinal);
        await AssertOnlyExistingServiceAsync();
    }

    [Fact]
    public async Task PostReport_WrongToken_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/catalog/reports") { Content = JsonContent.Create(ReportBuilder.WithDocument("x", ReportBuilder.MinimalDocument)) };
        request.Headers.Authorization = new("Bearer", "not-the-token-at-all-0000");
        using var response = await _anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertOnlyExistingServiceAsync();
    }

    [Theory]
    [InlineData("{\"appId\": \"x\", ", "application/json", "not valid JSON")]
    [InlineData("[1, 2]", "application/json", "not valid JSON")]
    [InlineData("appId=x", "application/x-www-form-urlencoded", "Content-Type")]
    [InlineData("{}", "text/plain", "Content-Type")]
    public async Task PostReport_MalformedBody_Answers400WithDetail(string body, string contentType, string detailMentions)
    {
        using var response = await _client.PostAsync("api/catalog/reports", new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detailMentions, (string?)(await response.ReadProblemAsync())["detail"], StringComparison.Ordinal);
        await AssertOnlyExistingServiceAsync();
    }

    [Theory]
    [InlineData("appId", "")]
    [InlineData("appId", "../etc")]
    [InlineData("appId", "Orders")]
    [InlineData("namespace", "a/b")]
    [InlineData("namespace", "%2e%2e")]
    [InlineData("pod", "pod name")]
    [InlineData("container", "app\u0000")]
    public async Task PostReport_BadName_Answers400NamingTheField(string field, string value)
    {
        var report = ReportBuilder.WithDocument("named", ReportBuilder.MinimalDocument);
        report = field switch
        {
            "appId" => report with { AppId = value },
            "namespace" => report with { Namespace = value },
            "pod" => report with { Pod = value },
            _ => report with { Container = value },
        };

        using var response = await _client.PostReportAsync(report);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]![field]);
        await AssertOnlyExistingServiceAsync();
    }

    [Fact]
    public async Task PostReport_MissingIdentity_ListsEveryMissingField()
    {
        using var response = await _client.PostAsync("api/catalog/reports", new StringContent("{}", Encoding.UTF8, "application/json"));

        var errors = (await response.ReadProblemAsync())["errors"]!.AsObject();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Superset(new HashSet<string> { "appId", "namespace", "pod", "container", "endpoint.address", "endpoint.port", "heartbeatAt" }, errors.Select(e => e.Key).ToHashSet());
    }

    [Fact]
    public async Task PostReport_DocumentServedAsHtml_Answers400()
    {
        using var response = await _client.PostReportAsync(ReportBuilder.WithDocument("html", "<html></html>", "text/html"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["document.contentType"]);
    }

    [Fact]
    public async Task PostReport_DocumentOverLimit_Answers413()
    {
        var large = ReportBuilder.MinimalDocument.Replace("\"Minimal\"", "\"" + new string('x', 5000) + "\"", StringComparison.Ordinal);

        using var response = await _client.PostReportAsync(ReportBuilder.WithDocument("large", large));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxDocumentBytes", (string?)(await response.ReadProblemAsync())["detail"], StringComparison.Ordinal);
        await AssertOnlyExistingServiceAsync();
    }

    [Fact]
    public async Task PostReport_HashDoesNotMatchContent_Answers400()
    {
        var report = ReportBuilder.WithDocument("existing", ReportBuilder.MinimalDocument) with { DocumentHash = "sha256:" + new string('0', 64) };

        using var response = await _client.PostReportAsync(report);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["documentHash"]);
    }

    [Fact]
    public async Task PostReport_SameReportTwice_SecondChangesNothing()
    {
        var report = ReportBuilder.WithDocument("twice", ReportBuilder.MinimalDocument);
        using var first = await _client.PostReportAsync(report);
        var before = await _reader.GetJsonAsync("api/services/default/twice");

        using var second = await _client.PostReportAsync(report);
        var after = await _reader.GetJsonAsync("api/services/default/twice");

        Assert.Equal("documentUpdated", (string?)(await first.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["outcome"]);
        Assert.Equal("unchanged", (string?)(await second.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["outcome"]);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task PostReport_HeartbeatWithUnknownHash_AsksForTheDocument()
    {
        using var response = await _client.PostReportAsync(ReportBuilder.HeartbeatOnly("existing", "sha256:" + new string('a', 64)));

        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>();
        Assert.Equal("documentRequired", (string?)body!["outcome"]);
        Assert.Equal(1, (long)body["documentVersion"]!);
    }

    [Fact]
    public async Task PostReport_BrokenDocument_IsStoredWithDiagnosticsAndOpenApiAnswers422()
    {
        using var response = await _client.PostReportAsync(ReportBuilder.WithDocument("broken", "openapi: 3.0.0\ninfo: [unclosed\n", "application/yaml"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var detail = await _reader.GetJsonAsync("api/services/default/broken");
        Assert.Equal("failed", (string?)detail["document"]!["status"]);
        Assert.NotEmpty(detail["document"]!["diagnostics"]!.AsArray());
        using var openapi = await _reader.GetAsync("api/services/default/broken/openapi");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, openapi.StatusCode);
        using var raw = await _reader.GetAsync("api/services/default/broken/openapi?format=raw");
        Assert.Equal("openapi: 3.0.0\ninfo: [unclosed\n", await raw.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostReport_NewDocumentVersion_ReplacesOperations()
    {
        var changed = ReportBuilder.MinimalDocument.Replace("getItem", "fetchItem", StringComparison.Ordinal);
        using var response = await _client.PostReportAsync(ReportBuilder.WithDocument("existing", changed) with { HeartbeatAt = ReportBuilder.Heartbeat.AddMinutes(1) });

        var operations = await _reader.GetJsonAsync("api/services/default/existing/operations");
        Assert.Equal(["default.existing.fetchItem"], operations["items"]!.AsArray().Select(item => (string)item!["operationKey"]!));
        using var old = await _reader.GetAsync("api/operations/default.existing.getItem");
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Theory]
    [InlineData("api/services/default/missing", HttpStatusCode.NotFound)]
    [InlineData("api/services/default/missing/operations", HttpStatusCode.NotFound)]
    [InlineData("api/services/default/missing/openapi", HttpStatusCode.NotFound)]
    [InlineData("api/operations/default.existing.noSuchOperation", HttpStatusCode.NotFound)]
    [InlineData("api/operations/not-a-key", HttpStatusCode.BadRequest)]
    [InlineData("api/services/Default/existing", HttpStatusCode.BadRequest)]
    [InlineData("api/services/default/..%2F..%2Fetc", HttpStatusCode.BadRequest)]
    [InlineData("api/services?namespace=a_b", HttpStatusCode.BadRequest)]
    [InlineData("api/services?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("api/services?limit=abc", HttpStatusCode.BadRequest)]
    [InlineData("api/services?continue=forged", HttpStatusCode.BadRequest)]
    [InlineData("api/search", HttpStatusCode.BadRequest)]
    [InlineData("api/services/default/existing/openapi?format=xml", HttpStatusCode.BadRequest)]
    [InlineData("api/no-such-function", HttpStatusCode.NotFound)]
    public async Task Get_BadOrUnknownTarget_AnswersProblem(string path, HttpStatusCode expected)
    {
        using var response = await _reader.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)(await response.ReadProblemAsync())["detail"]));
    }

    [Fact]
    public async Task Get_NoCredentials_Answers401WithBearerChallenge()
    {
        using var response = await _anonymous.GetAsync("api/services");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("API key", (string?)(await response.ReadProblemAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ReportToken_Answers403()
    {
        using var sidecar = _functions.CreateClient(FunctionsCredential.ReportToken);

        using var response = await sidecar.GetAsync("api/services");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ListServices_Paged_ContinueWalksEveryService()
    {
        foreach (var app in new[] { "page-a", "page-b", "page-c" })
        {
            using var posted = await _client.PostReportAsync(ReportBuilder.WithDocument(app, ReportBuilder.MinimalDocument));
        }

        var first = await _reader.GetJsonAsync("api/services?limit=2");
        var second = await _reader.GetJsonAsync("api/services?limit=2&continue=" + Uri.EscapeDataString((string)first["continue"]!));

        var names = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(item => (string)item!["appId"]!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Superset(new HashSet<string> { "existing", "page-a", "page-b", "page-c" }, names.ToHashSet());
    }

    private async Task AssertOnlyExistingServiceAsync()
    {
        var services = await _reader.GetJsonAsync("api/services");
        Assert.Equal(["existing"], services["items"]!.AsArray().Select(item => (string)item!["appId"]!));
        Assert.Equal(1, (long)services["items"]![0]!["documentVersion"]!);
    }
}
