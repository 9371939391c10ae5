using System.Globalization;
using System.Text.Json;

namespace Periscope.Functions.Hosting;

/// <summary>
/// Finds and reads <c>host.json</c> at start-up.
/// </summary>
/// <remarks>
/// 1. The file is <c>Functions:HostJson</c> when configured (it must exist), else <c>host.json</c> next to
///    the app (<see cref="AppContext.BaseDirectory"/>), else in the current directory, else none.
/// 2. As in Azure Functions, app settings under <c>AzureFunctionsJobHost</c> override its values
///    (<c>AzureFunctionsJobHost__extensions__http__routePrefix=v1</c>); keys are case-insensitive.
/// 3. Every problem found is gathered into one <see cref="InvalidOperationException"/>, so start-up
///    fails once, naming the file and each bad key.
/// </remarks>
internal static class HostJsonReader
{
    public const string FileName = "host.json";
    public const string OverrideSection = "AzureFunctionsJobHost";

    public static HostJsonOptions Load(IConfiguration configuration, string? configuredPath)
    {
        // 1.
        var path = Locate(configuredPath);

        // 2.
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        builder.AddInMemoryCollection(configuration.GetSection(OverrideSection)
            .AsEnumerable(makePathsRelative: true)
            .Where(setting => setting.Value is not null));

        IConfigurationRoot settings;
        try
        {
            settings = builder.Build();
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException)
        {
            throw Invalid(path, $"it is not valid JSON: {ParserMessage(exception)}");
        }

        // 3.
        var errors = new List<string>();
        var defaults = new HostJsonOptions();
        if (settings["version"] is { Length: > 0 } version && version != "2.0")
        {
            errors.Add($"version must be \"2.0\", the schema of Functions 2.x and later; got \"{version}\".");
        }

        var options = new HostJsonOptions
        {
            Source = path,
            RoutePrefix = settings["extensions:http:routePrefix"]?.Trim().Trim('/') ?? defaults.RoutePrefix,
            FunctionTimeout = ReadTimeout(settings["functionTimeout"], defaults.FunctionTimeout, errors),
            MaxConcurrentRequests = ReadLimit(settings, "extensions:http:maxConcurrentRequests", defaults.MaxConcurrentRequests, errors),
            MaxOutstandingRequests = ReadLimit(settings, "extensions:http:maxOutstandingRequests", defaults.MaxOutstandingRequests, errors),
        };

        // Values that failed to parse were left at their defaults; validating those would only add noise.
        if (errors.Count == 0)
        {
            errors.AddRange(options.Validate());
        }

        return errors.Count == 0 ? options : throw Invalid(path, string.Join(" ", errors));
    }

    private static string? Locate(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var full = Path.GetFullPath(configuredPath);
            return File.Exists(full)
                ? full
                : throw new InvalidOperationException($"host.json not found at {full} (set by {FunctionsHostOptions.Section}:HostJson).");
        }

        return new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Select(directory => Path.Combine(directory, FileName))
            .FirstOrDefault(File.Exists);
    }

    private static TimeSpan? ReadTimeout(string? value, TimeSpan? fallback, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (value.Trim() == "-1")
        {
            return null;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var timeout))
        {
            return timeout;
        }

        errors.Add($"functionTimeout must be a time span such as \"00:05:00\", or -1 for none; got \"{value}\".");
        return fallback;
    }

    private static int ReadLimit(IConfiguration settings, string key, int fallback, List<string> errors)
    {
        var value = settings[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var limit))
        {
            return limit;
        }

        errors.Add($"{key.Replace(':', '.')} must be a whole number, or -1 for no limit; got \"{value}\".");
        return fallback;
    }

    private static string ParserMessage(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException)
            {
                return inner.Message;
            }
        }

        return exception.InnerException?.Message ?? exception.Message;
    }

    private static InvalidOperationException Invalid(string? path, string reason) =>
        new($"Invalid host.json ({path ?? $"no file; {OverrideSection} settings"}): {reason}");
}
