using System.Collections.Concurrent;
using System.Diagnostics;

namespace Periscope.EndToEnd.Tests.Infrastructure;

/// <summary>A real process (the sidecar, the sample app) with its output kept for failure messages; killed on dispose.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process, bool readStandardOutput)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        if (readStandardOutput)
        {
            _process.BeginOutputReadLine();
        }

        _process.BeginErrorReadLine();
    }

    public string Output => string.Join(Environment.NewLine, _output);

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public static ChildProcess StartDotnet(string assemblyName, params string[] arguments) =>
        Start("dotnet", [RepositoryPaths.Assembly(assemblyName), .. arguments], NoEnvironment, readStandardOutput: true);

    /// <summary>
    /// The sidecar as deployed when <c>PERISCOPE_SIDECAR_EXECUTABLE</c> names its Native AOT binary (test.sh
    /// publishes it and sets the variable), else the framework-dependent build next to the tests.
    /// </summary>
    public static ChildProcess StartSidecar(params string[] arguments) => StartSidecar(arguments, NoEnvironment, readStandardOutput: true);

    /// <summary>
    /// As <see cref="StartDotnet"/>, but nothing reads the process's standard output: once the pipe's buffer (64 KiB on
    /// Linux) is full, every write to it blocks, as when a container runtime stops draining a container's log pipe.
    /// </summary>
    public static ChildProcess StartDotnetWithStalledOutput(string assemblyName, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start("dotnet", [RepositoryPaths.Assembly(assemblyName), .. arguments], environment, readStandardOutput: false);

    /// <summary>As <see cref="StartSidecar(string[])"/>, with its standard output stalled (<see cref="StartDotnetWithStalledOutput"/>).</summary>
    public static ChildProcess StartSidecarWithStalledOutput(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        StartSidecar(arguments, environment, readStandardOutput: false);

    private static ChildProcess StartSidecar(string[] arguments, IReadOnlyDictionary<string, string> environment, bool readStandardOutput) =>
        SidecarExecutable.Path is { } executable
            ? Start(executable, arguments, environment, readStandardOutput)
            : Start("dotnet", [RepositoryPaths.Assembly("Periscope.Sidecar"), .. arguments], environment, readStandardOutput);

    private static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, bool readStandardOutput)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException(fileName + " did not start"), readStandardOutput);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }
}
