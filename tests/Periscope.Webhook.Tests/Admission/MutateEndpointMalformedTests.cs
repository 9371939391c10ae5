using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Periscope.Webhook.Tests.Hosting;
using Periscope.Webhook.Tests.Injection;

namespace Periscope.Webhook.Tests.Admission;

/// <summary>Every way a request to /mutate is refused: 4xx problem details naming what is wrong, counted, never a 500.</summary>
public sealed class MutateEndpointMalformedTests : IAsyncLifetime
{
    private const int Limit = 16384;
    private WebhookTestServer _server = null!;
    private HttpClient _client = null!;

    public static TheoryData<string, string, string, string> Bodies()
    {
        var valid = AdmissionReviews.ForPod(TestPods.Pod());
        return new TheoryData<string, string, string, string>
        {
            { "not json {", "json", "not valid JSON", "non-JSON" },
            { "[1, 2]", "json", "must be a JSON object", "an array" },
            { "\"AdmissionReview\"", "json", "must be a JSON object", "a string" },
            { Without(valid, "apiVersion"), "api-version", "apiVersion must be admission.k8s.io/v1", "no apiVersion" },
            { With(valid, r => r["apiVersion"] = "admission.k8s.io/v1beta1"), "api-version", "got \"admission.k8s.io/v1beta1\"", "v1beta1" },
            { With(valid, r => r["apiVersion"] = 1), "api-version", "got a number", "apiVersion number" },
            { With(valid, r => r["kind"] = "Pod"), "kind", "kind must be AdmissionReview", "wrong kind" },
            { Without(valid, "kind"), "kind", "kind must be AdmissionReview", "no kind" },
            { Without(valid, "request"), "request", "request must be an object", "no request" },
            { With(valid, r => r["request"] = new JsonArray()), "request", "got an array", "request array" },
            { With(valid, r => r["request"]!.AsObject().Remove("uid")), "uid", "request.uid must be a non-empty string", "no uid" },
            { With(valid, r => r["request"]!["uid"] = ""), "uid", "request.uid", "empty uid" },
            { With(valid, r => r["request"]!["uid"] = 42), "uid", "got a number", "uid number" },
            { With(valid, r => r["request"]!.AsObject().Remove("kind")), "request-kind", "request.kind must be a GroupVersionKind", "no request kind" },
            { With(valid, r => r["request"]!["kind"] = "Pod"), "request-kind", "got the string \"Pod\"", "request kind string" },
            { With(valid, r => r["request"]!.AsObject().Remove("operation")), "operation", "request.operation", "no operation" },
            { With(valid, r => r["request"]!["object"] = null), "object", "request.object must be the Pod", "no object" },
            { With(valid, r => r["request"]!["object"] = "pod"), "object", "request.object must be the Pod", "object string" },
            { "{\"apiVersion\":\"admission.k8s.io/v1\",\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}", "json", "not valid JSON", "duplicate key" },
            { new string('[', 200) + new string(']', 200), "json", "not valid JSON", "too deep" },
        };
    }

    public async Task InitializeAsync()
    {
        _server = await WebhookTestServer.StartAsync([$"--Webhook:MaxRequestBodyBytes={Limit}"]);
        _client = _server.CreateHttpsClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Mutate_MalformedReview_BadRequestNamingTheProblem(string body, string reason, string detail, string caseName)
    {
        var (status, contentType, answer) = await WebhookTestServer.PostAsync(_client, body);

        Assert.True(status == 400, $"{caseName}: {status} {answer}");
        AssertProblem(contentType, answer, 400, detail);
        Assert.Contains($"periscope_webhook_malformed_requests_total{{reason=\"{reason}\"}} 1", await _server.MetricsAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/yaml")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/jsonx")]
    public async Task Mutate_WrongContentType_UnsupportedMediaType(string? contentType)
    {
        var (status, problemType, answer) = await WebhookTestServer.PostAsync(_client, AdmissionReviews.ForPod(TestPods.Pod()).ToJsonString(), contentType);

        Assert.Equal(415, status);
        AssertProblem(problemType, answer, 415, "Content-Type must be application/json");
        Assert.Contains("periscope_webhook_malformed_requests_total{reason=\"content-type\"}", await _server.MetricsAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    public async Task Mutate_JsonWithParameters_Accepted(string contentType)
    {
        var (status, _, answer) = await WebhookTestServer.PostAsync(_client, AdmissionReviews.ForPod(TestPods.Pod()).ToJsonString(), contentType);

        Assert.True(status == 200, answer);
    }

    [Fact]
    public async Task Mutate_EmptyBody_BadRequest()
    {
        var (status, contentType, answer) = await WebhookTestServer.PostAsync(_client, "");

        Assert.Equal(400, status);
        AssertProblem(contentType, answer, 400, "The body is empty");
    }

    [Fact]
    public async Task Mutate_ContentLengthAboveLimit_PayloadTooLarge()
    {
        var (status, contentType, answer) = await WebhookTestServer.PostAsync(_client, Big());

        Assert.Equal(413, status);
        AssertProblem(contentType, answer, 413, $"larger than {Limit} bytes");
    }

    [Fact]
    public async Task Mutate_ChunkedBodyAboveLimit_PayloadTooLarge()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Big())));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mutate") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("periscope_webhook_malformed_requests_total{reason=\"too-large\"}", await _server.MetricsAsync(), StringComparison.Ordinal);
    }

    private static string Big()
    {
        var pod = TestPods.Pod($"\"filler\": \"{new string('x', Limit)}\"");
        return AdmissionReviews.ForPod(pod).ToJsonString();
    }

    private static void AssertProblem(string contentType, string body, int status, string detail)
    {
        Assert.Equal("application/problem+json", contentType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.StartsWith("https://periscope.dev/problems/", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Without(JsonObject review, string key) => With(review, r => r.Remove(key));

    private static string With(JsonObject review, Action<JsonObject> change)
    {
        var copy = review.DeepClone().AsObject();
        change(copy);
        return copy.ToJsonString();
    }
}
