namespace Periscope.Monitoring.Stack;

/// <summary>How a one-shot tool (promtool, amtool) ended: its exit code and everything it wrote.</summary>
public sealed record StackToolResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
