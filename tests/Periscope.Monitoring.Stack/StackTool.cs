using System.Diagnostics;

namespace Periscope.Monitoring.Stack;

/// <summary>
/// Runs promtool or amtool to completion, e.g. <c>promtool check rules FILE</c> or
/// <c>amtool check-config FILE</c>, with a deadline; the process tree is killed if it passes.
/// </summary>
public static class StackTool
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static Task<StackToolResult> PromtoolAsync(params string[] arguments) =>
        RunAsync(StackBinaries.Require(StackBinaries.Promtool, "prometheus"), arguments);

    public static Task<StackToolResult> AmtoolAsync(params string[] arguments) =>
        RunAsync(StackBinaries.Require(StackBinaries.Amtool, "prometheus-alertmanager"), arguments);

    public static async Task<StackToolResult> RunAsync(string binary, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var startInfo = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"{binary} did not start.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return new StackToolResult(process.ExitCode, (await output) + (await error));
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{binary} {string.Join(' ', startInfo.ArgumentList)} did not finish within {Deadline.TotalSeconds:0} s.");
        }
    }
}
