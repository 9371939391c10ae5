using System.Diagnostics;

namespace Periscope.Functions.Tests.AlertRules;

/// <summary>Runs Debian's <c>promtool</c> (package prometheus) on files, with a deadline; CI installs it.</summary>
internal static class Promtool
{
    public const string Binary = "/usr/bin/promtool";

    /// <summary><c>promtool check rules FILE</c>; fails the test with promtool's output unless it exits 0.</summary>
    public static Task CheckRulesAsync(string file) => RunAsync("check", "rules", file);

    /// <summary><c>promtool test rules FILE</c>: the unit tests in FILE against the rule files it names.</summary>
    public static Task TestRulesAsync(string file) => RunAsync("test", "rules", file);

    /// <summary>Writes <paramref name="yaml"/> to a temporary file, checks it, and deletes it.</summary>
    public static async Task CheckRulesTextAsync(string yaml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"periscope-rules-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, yaml);
        try
        {
            await CheckRulesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install Debian's prometheus package.");
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(deadline.Token);
        Assert.True(process.ExitCode == 0, $"promtool {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
    }
}
