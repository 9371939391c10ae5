using System.Net;
using System.Text;

namespace Periscope.Functions.Tests.Hosting;

public sealed class FunctionsHostApplicationExtensionsTests
{
    [Fact]
    public async Task UseFunctionsHost_UnknownRoute_Answers404Problem()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");

        using var response = await host.Client.GetAsync("/api/no-such-function");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task UseFunctionsHost_WrongMethod_Answers405ProblemWithAllow()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");

        using var response = await host.Client.DeleteAsync("/api/echo/hi");

        await ProblemJson.ReadAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task UseFunctionsHost_UnhandledException_Answers500ProblemWithTraceIdAndNothingElse()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");

        using var response = await host.Client.GetAsync("/api/fails");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.InternalServerError);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        var body = problem.GetRawText();
        Assert.DoesNotContain(Doubles.Fails.Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseFunctionsHost_MalformedJsonBody_Answers400ProblemWithTheParserMessage()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");
        using var body = new StringContent("""{ "name": "gear", "size": }""", Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("/api/widgets", body);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("https://periscope.dev/problems/invalid-request", problem.GetProperty("type").GetString());
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("Widget widget", detail, StringComparison.Ordinal);
        Assert.Contains("'}' is an invalid start of a value. Path: $.size | LineNumber: 0 | BytePositionInLine: 26.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseFunctionsHost_BodyOfWrongMediaType_Answers415Problem()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");
        using var body = new StringContent("name=gear", Encoding.UTF8, "text/plain");

        using var response = await host.Client.PostAsync("/api/widgets", body);

        // Minimal APIs answer this one without an exception; the status code pages give it its body.
        await ProblemJson.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task UseFunctionsHost_FunctionReturnsValidationProblem_AnswersErrorsByField()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");
        using var body = new StringContent("""{ "name": "", "size": 3 }""", Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("/api/widgets", body);

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("A widget needs a name.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task UseFunctionsHost_FunctionReturnsNotFound_AnswersPeriscopeProblemWithInstance()
    {
        await using var host = await FunctionsTestHost.StartAsync("{}");

        using var response = await host.Client.GetAsync("/api/widgets/gear");

        var problem = await ProblemJson.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("https://periscope.dev/problems/not-found", problem.GetProperty("type").GetString());
        Assert.Equal("The resource was not found.", problem.GetProperty("title").GetString());
        Assert.Equal("No widget is named 'gear'.", problem.GetProperty("detail").GetString());
        Assert.Equal("/api/widgets/gear", problem.GetProperty("instance").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
