using Periscope.Functions.Invoke;

namespace Periscope.Functions.Tests.Invoke;

public sealed class InvokePathGuardTests
{
    [Theory]
    [InlineData("/orders")]
    [InlineData("/orders/")]
    [InlineData("/orders/42/status")]
    [InlineData("/files/report.v2.pdf")]
    [InlineData("/files/...")]
    [InlineData("/a%20b/%E4%B8%AD%E6%96%87")]
    [InlineData("/a%3Fb/c%23d")]
    [InlineData("/users/me@example.com")]
    [InlineData("/x/a%25b")]
    public void Check_OrdinaryPath_Accepts(string path) => Assert.Null(InvokePathGuard.Check(path));

    [Theory]
    [InlineData("/..", "'.' or '..'")]
    [InlineData("/orders/../../v1.0/state/x", "'.' or '..'")]
    [InlineData("/orders/./x", "'.' or '..'")]
    [InlineData("/orders/%2e%2e/%2E%2E/v1.0/state", "'.' or '..'")]
    [InlineData("/orders/.%2e/x", "'.' or '..'")]
    [InlineData("/orders/..%2Fv1.0%2Fstate", "encoded slash")]
    [InlineData("/orders/%2f%2fevil.example", "encoded slash")]
    [InlineData("/orders/..%5Cx", "encoded slash or backslash")]
    [InlineData("/orders\\..\\x", "backslash")]
    [InlineData("//evil.example/x", "empty segment")]
    [InlineData("/orders//x", "empty segment")]
    [InlineData("/http://evil.example/x", "'://'")]
    [InlineData("/orders/%252e%252e/x", "twice-encoded")]
    [InlineData("/orders/%252F", "twice-encoded")]
    [InlineData("/orders/%00", "control")]
    [InlineData("/orders/%0d%0aHost:%20evil", "control")]
    [InlineData("/orders/%7F", "control")]
    [InlineData("/orders/x#y", "'#'")]
    [InlineData("/orders/a b", "control, space")]
    [InlineData("/orders/中文", "non-ASCII")]
    [InlineData("/orders/%zz", "'%'")]
    [InlineData("/orders/%4", "'%'")]
    public void Check_UnsafePath_RefusesSayingWhy(string path, string reason)
    {
        var problem = InvokePathGuard.Check(path);

        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
