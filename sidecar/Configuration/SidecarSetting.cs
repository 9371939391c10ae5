using System.CommandLine;

namespace Periscope.Sidecar.Configuration;

/// <summary>
/// One command-line option and the environment variables that stand in for it, first one set wins.
/// In Kubernetes the webhook sets the variables from the downward API; locally the options are shorter.
/// </summary>
/// <remarks>
/// The option takes its value as text: <see cref="SidecarOptionsReader"/> converts and checks values
/// from both sources the same way, so an error names where the bad value came from.
/// </remarks>
internal sealed class SidecarSetting
{
    public SidecarSetting(string name, string helpName, string description, params string[] environmentVariables)
    {
        EnvironmentVariables = environmentVariables;
        var environment = environmentVariables.Length == 0 ? "" : $" [env: {string.Join(", ", environmentVariables)}]";
        Option = new Option<string>(name) { HelpName = helpName, Description = description + environment };
    }

    public Option<string> Option { get; }

    public IReadOnlyList<string> EnvironmentVariables { get; }

    public string Name => Option.Name;
}
