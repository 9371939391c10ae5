namespace Periscope.Functions.Hosting;

/// <summary>A result that sets one response header before another result runs (a problem's <c>Retry-After</c>, say).</summary>
internal sealed class HeaderedResult(IResult inner, string header, string value) : IResult, IStatusCodeHttpResult
{
    public IResult Inner => inner;

    public string Header => header;

    public string Value => value;

    public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers[header] = value;
        return inner.ExecuteAsync(httpContext);
    }
}
