using System.Text.Json;

namespace Periscope.JsonSchema.Tests;

/// <summary>
/// Cases ported from the official JSON-Schema-Test-Suite (draft 2020-12), kept as files under TestSuite/ —
/// see TestSuite/README.md for the source and licence.
/// </summary>
public sealed class JsonSchemaTestSuiteTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestSuite");

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(Folder, path).Replace('\\', '/');
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            foreach (var group in document.RootElement.EnumerateArray())
            {
                foreach (var test in group.GetProperty("tests").EnumerateArray())
                {
                    data.Add(file, group.GetProperty("description").GetString()!, test.GetProperty("description").GetString()!);
                }
            }
        }

        return data;
    }

    [Fact]
    public void Cases_AreFound_AtLeastSixHundred()
    {
        Assert.True(Cases().Count >= 600, $"only {Cases().Count} cases were found under {Folder}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_TestSuiteCase_MatchesExpectedValidity(string file, string group, string test)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        var groupElement = document.RootElement.EnumerateArray().Single(g => g.GetProperty("description").GetString() == group);
        var testElement = groupElement.GetProperty("tests").EnumerateArray().First(t => t.GetProperty("description").GetString() == test);
        var validator = JsonSchemaValidator.Compile(groupElement.GetProperty("schema"));

        var errors = validator.Validate(testElement.GetProperty("data"));

        var expected = testElement.GetProperty("valid").GetBoolean();
        Assert.True(expected == (errors.Count == 0), expected
            ? $"expected valid, got: {string.Join("; ", errors.Select(e => $"{e.InstancePath} {e.Keyword}: {e.Message}"))}"
            : "expected invalid, got no error");
    }
}
