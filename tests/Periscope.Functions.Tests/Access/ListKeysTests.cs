using System.Net;
using System.Text.Json;
using Periscope.Functions.Access;
using Periscope.Functions.Tests.Hosting;

namespace Periscope.Functions.Tests.Access;

public sealed class ListKeysTests(AccessHostFixture fixture) : IClassFixture<AccessHostFixture>
{
    [Fact]
    public async Task RunAsync_Paged_ListsEveryKeyWithoutSecretsHashesOrSalts()
    {
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await fixture.Host.CreateKeyAsync(Role.Viewer, $"listed-{i}")).Id);
        }

        using var admin = fixture.Host.CreateClient(AccessHost.AdminKey);
        var ids = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var text = await admin.GetStringAsync("/api/keys?limit=2" + (next is null ? "" : "&continue=" + Uri.EscapeDataString(next)));
            Assert.DoesNotContain("psk_", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"hash\"", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"salt\"", text, StringComparison.OrdinalIgnoreCase);
            using var page = JsonDocument.Parse(text);
            ids.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
            next = page.RootElement.TryGetProperty("continue", out var token) ? token.GetString() : null;
            pages++;
        }
        while (next is not null && pages < 100);

        Assert.Superset(created.ToHashSet(), ids.ToHashSet());
        Assert.True(pages >= 2, $"{ids.Count} keys in {pages} pages of 2");
    }

    [Fact]
    public async Task RunAsync_ForgedContinue_Answers400()
    {
        using var admin = fixture.Host.CreateClient(AccessHost.AdminKey);

        using var response = await admin.GetAsync("/api/keys?continue=forged");

        await ProblemJson.ReadAsync(response, HttpStatusCode.BadRequest);
    }
}
