using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Periscope.Functions.Hosting;

namespace Periscope.Functions.Tests.Hosting;

public sealed class ProblemsTests
{
    public static TheoryData<Func<string, IResult>, int, string> Helpers => new()
    {
        { d => Problems.BadRequest(d), 400, "invalid-request" },
        { d => Problems.Forbidden(d), 403, "forbidden" },
        { d => Problems.NotFound(d), 404, "not-found" },
        { d => Problems.Conflict(d), 409, "conflict" },
        { d => Problems.PayloadTooLarge(d), 413, "payload-too-large" },
        { d => Problems.UnsupportedMediaType(d), 415, "unsupported-media-type" },
        { d => Problems.BadGateway(d), 502, "bad-gateway" },
        { d => Problems.ServiceUnavailable(d), 503, "unavailable" },
        { d => Problems.GatewayTimeout(d), 504, "gateway-timeout" },
    };

    [Theory]
    [MemberData(nameof(Helpers))]
    public void Helper_Detail_GivesStatusTypeTitleAndDetail(Func<string, IResult> helper, int status, string slug)
    {
        var problem = Assert.IsType<ProblemHttpResult>(helper("what went wrong")).ProblemDetails;

        Assert.Equal(status, problem.Status);
        Assert.Equal("https://periscope.dev/problems/" + slug, problem.Type);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.Equal("what went wrong", problem.Detail);
    }

    [Fact]
    public void BadRequest_WithErrors_CarriesThemByField()
    {
        var result = Assert.IsType<ProblemHttpResult>(Problems.BadRequest("invalid", new Dictionary<string, string[]> { ["appId"] = ["too long"] }));

        var problem = Assert.IsType<HttpValidationProblemDetails>(result.ProblemDetails);
        Assert.Equal(["too long"], problem.Errors["appId"]);
        Assert.Equal(400, result.StatusCode);
    }

    [Fact]
    public void Unauthorized_Detail_ChallengesWithBearer()
    {
        var result = Assert.IsType<HeaderedResult>(Problems.Unauthorized("token rejected"));

        Assert.Equal(("WWW-Authenticate", "Bearer"), (result.Header, result.Value));
        Assert.Equal(401, result.StatusCode);
        Assert.Equal("https://periscope.dev/problems/unauthenticated", Assert.IsType<ProblemHttpResult>(result.Inner).ProblemDetails.Type);
    }

    [Fact]
    public void TooManyRequests_FractionalRetryAfter_RoundsUpToWholeSeconds()
    {
        var result = Assert.IsType<HeaderedResult>(Problems.TooManyRequests("busy", TimeSpan.FromMilliseconds(1500)));

        Assert.Equal(("Retry-After", "2"), (result.Header, result.Value));
        Assert.Equal(429, result.StatusCode);
    }

    [Fact]
    public void Problem_CustomSlugAndExtensions_AreKept()
    {
        var result = Assert.IsType<ProblemHttpResult>(Problems.Problem(
            503, "store: down", "not-ready", "Not ready.", new Dictionary<string, object?> { ["checks"] = "x" }));

        Assert.Equal("https://periscope.dev/problems/not-ready", result.ProblemDetails.Type);
        Assert.Equal("Not ready.", result.ProblemDetails.Title);
        Assert.Equal("x", result.ProblemDetails.Extensions["checks"]);
    }
}
