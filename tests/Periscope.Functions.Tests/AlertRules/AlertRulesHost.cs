using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>
/// The functions host with threshold rules written to a rule file in its own folder, an Admin key on
/// <see cref="Client"/> and a Viewer key on <see cref="Viewer"/>. Tests share one and use rule names of their own.
/// Extra settings (Prometheus reload) are for hosts a test starts itself with <see cref="StartAsync"/>.
/// </summary>
public sealed class AlertRulesHost : IAsyncLifetime
{
    public const string AdminKey = "rules-tests-bootstrap-key-0123456789abcdef";

    private FunctionsTestServer? _server;

    public HttpClient Client { get; private set; } = new();

    public HttpClient Viewer { get; private set; } = new();

    public HttpClient Anonymous { get; private set; } = new();

    public string RuleFilePath { get; private set; } = "";

    internal FunctionsTestServer Server => _server!;

    public async Task InitializeAsync()
    {
        (_server, RuleFilePath) = await StartAsync([]);
        Client = _server.CreateClient(AdminKey);
        Anonymous = _server.CreateClient(null);
        using var response = await Client.PostAsJsonAsync("/api/keys", new { name = "rules-viewer", role = "Viewer" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/keys: {(int)response.StatusCode} {body}");
        using var created = JsonDocument.Parse(body);
        Viewer = _server.CreateClient(created.RootElement.GetProperty("key").GetString());
    }

    /// <summary>A host whose rule file is <c>rules/periscope.yml</c> in its data folder, with <paramref name="settings"/> added.</summary>
    internal static async Task<(FunctionsTestServer Server, string RuleFile)> StartAsync(IEnumerable<string> settings)
    {
        var data = Directory.CreateTempSubdirectory("periscope-rules-");
        var ruleFile = Path.Combine(data.FullName, "rules", "periscope.yml");
        var server = await FunctionsTestServer.StartAsync(
        [
            "--Catalog:ReportToken=rules-tests-report-token-0123456789",
            $"--Access:BootstrapKey={AdminKey}",
            $"--AlertRules:RuleFilePath={ruleFile}",
            "--AlertRules:PublishTimeout=00:00:05",
            .. settings,
        ]);
        return (server, ruleFile);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Viewer.Dispose();
        Anonymous.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(RuleFilePath)!)!, recursive: true);
        }
    }
}
