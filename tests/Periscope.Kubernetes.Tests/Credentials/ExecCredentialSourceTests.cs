using Periscope.Kubernetes.Configuration;
using Periscope.Kubernetes.Credentials;

namespace Periscope.Kubernetes.Tests.Credentials;

// The plugin contract of Kubernetes docs, "client-go credential plugins": an ExecCredential on stdout,
// cached until status.expirationTimestamp. Every test here starts a process, so they stay in one class
// (no parallel fork while another test still holds a freshly written script open: ETXTBSY).
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the plugins are /bin/sh scripts
public sealed class ExecCredentialSourceTests
{
    // Counts its runs in a file next to itself and prints "<prefix>-<run>" as the token; EXPIRES, when set,
    // becomes status.expirationTimestamp. It also fails unless client-go's KUBERNETES_EXEC_INFO is set.
    private const string Plugin = """
        #!/bin/sh
        [ -n "$KUBERNETES_EXEC_INFO" ] || { echo "no KUBERNETES_EXEC_INFO" >&2; exit 3; }
        echo run >> "$(dirname "$0")/runs"
        n=$(wc -l < "$(dirname "$0")/runs" | tr -d ' ')
        extra=""
        [ -n "$EXPIRES" ] && extra=",\"expirationTimestamp\":\"$EXPIRES\""
        printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s-%s"%s}}\n' "$1" "$n" "$extra"
        """;

    private static string WritePlugin(TempDirectory dir)
    {
        var path = dir.Write("bin/plugin.sh", Plugin.Replace("\r\n", "\n", StringComparison.Ordinal));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static ExecCredentialSource Source(string plugin, string? expires)
        => new(new ExecCredentialSettings(
            plugin,
            ["tok"],
            expires is null ? [] : [new("EXPIRES", expires)],
            "client.authentication.k8s.io/v1",
            null));

    [Fact]
    public async Task GetAsync_NoExpiry_RunsPluginOnceAndCaches()
    {
        using var dir = new TempDirectory();
        using var source = Source(WritePlugin(dir), expires: null);

        var first = await source.GetAsync(CancellationToken.None);
        var second = await source.GetAsync(CancellationToken.None);

        Assert.Equal("tok-1", first.Token);
        Assert.Equal("tok-1", second.Token);
        Assert.Single(File.ReadAllLines(Path.Combine(dir.Path, "bin", "runs")));
    }

    [Fact]
    public async Task GetAsync_ExpiredToken_RunsPluginAgainOnNextUse()
    {
        using var dir = new TempDirectory();
        using var source = Source(WritePlugin(dir), expires: "2000-01-01T00:00:00Z");

        var first = await source.GetAsync(CancellationToken.None);
        var second = await source.GetAsync(CancellationToken.None);

        Assert.Equal("tok-1", first.Token);
        Assert.Equal("tok-2", second.Token);
    }

    [Fact]
    public async Task GetAsync_FutureExpiry_KeepsTokenUntilInvalidated()
    {
        using var dir = new TempDirectory();
        using var source = Source(WritePlugin(dir), expires: DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("tok-1", (await source.GetAsync(CancellationToken.None)).Token);
        Assert.Equal("tok-1", (await source.GetAsync(CancellationToken.None)).Token);
        source.Invalidate();

        Assert.Equal("tok-2", (await source.GetAsync(CancellationToken.None)).Token);
    }

    [Fact]
    public async Task ToConnection_ExecWithRelativeCommand_RunsPluginNextToKubeconfig()
    {
        using var dir = new TempDirectory();
        WritePlugin(dir);
        var kubeconfig = dir.Write("config", """
            apiVersion: v1
            kind: Config
            current-context: ctx
            clusters:
            - name: c
              cluster:
                server: https://one:6443
            users:
            - name: u
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/plugin.sh
                  args: [from-kubeconfig]
                  env:
                  - name: EXPIRES
                    value: "2000-01-01T00:00:00Z"
            contexts:
            - name: ctx
              context:
                cluster: c
                user: u
            """);

        var connection = KubeConfig.Load([kubeconfig]).ToConnection();

        Assert.Equal("from-kubeconfig-1", (await connection.Credentials!.GetAsync(CancellationToken.None)).Token);
        Assert.Equal("from-kubeconfig-2", (await connection.Credentials.GetAsync(CancellationToken.None)).Token);
    }

    [Fact]
    public async Task GetAsync_PluginFails_ThrowsWithItsStderr()
    {
        using var dir = new TempDirectory();
        var script = dir.Write("fail.sh", "#!/bin/sh\necho 'login required' >&2\nexit 1\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var source = Source(script, expires: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetAsync(CancellationToken.None).AsTask());

        Assert.Contains("login required", error.Message, StringComparison.Ordinal);
    }
}
