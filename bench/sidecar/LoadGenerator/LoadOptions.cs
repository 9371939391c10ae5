using System.Globalization;

namespace Periscope.Bench.LoadGenerator;

/// <summary>
/// Command-line options: <c>--url U [--label L] [--header "Name: value"]... [--url U2 ...]... [--rate N]
/// [--duration S] [--warmup S] [--body-size B] [--method M] [--timeout S] [--watch NAME=PID]...</c>.
/// <c>--label</c> and <c>--header</c> belong to the <c>--url</c> before them; with several URLs the requests take
/// turns (request i goes to URL i mod n), so the paths are measured under the same conditions.
/// </summary>
/// <param name="Targets">Where the requests go, taking turns.</param>
/// <param name="Rate">Requests per second in all, started on schedule whatever the answers do.</param>
/// <param name="Duration">The measured part.</param>
/// <param name="WarmUp">Requests before the measured part, on the same schedule, not recorded (JIT, connections).</param>
/// <param name="BodySize">The request body's size for POST and PUT; the answer must be this long too (an echo).</param>
/// <param name="Method">POST by default.</param>
/// <param name="Timeout">A request without its whole answer by then is an error.</param>
/// <param name="Watched">Processes whose CPU time and peak RSS are measured over the measured part.</param>
internal sealed record LoadOptions(
    IReadOnlyList<LoadTarget> Targets,
    int Rate,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int BodySize,
    HttpMethod Method,
    TimeSpan Timeout,
    IReadOnlyList<WatchedProcess> Watched)
{
    public int WarmUpRequests => (int)Math.Round(WarmUp.TotalSeconds * Rate);

    public int MeasuredRequests => (int)Math.Round(Duration.TotalSeconds * Rate);

    public bool SendsBody => Method == HttpMethod.Post || Method == HttpMethod.Put;

    public static LoadOptions FromArgs(IReadOnlyList<string> args)
    {
        var targets = new List<(Uri Url, string? Label, List<KeyValuePair<string, string>> Headers)>();
        var rate = 1000;
        var duration = TimeSpan.FromSeconds(60);
        var warmUp = TimeSpan.FromSeconds(5);
        var bodySize = 1024;
        var method = HttpMethod.Post;
        var timeout = TimeSpan.FromSeconds(10);
        var watched = new List<WatchedProcess>();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url":
                    targets.Add((new Uri(value, UriKind.Absolute), null, []));
                    break;
                case "--rate":
                    rate = Positive(args[i], int.Parse(value, CultureInfo.InvariantCulture));
                    break;
                case "--duration":
                    duration = Seconds(value);
                    break;
                case "--warmup":
                    warmUp = Seconds(value);
                    break;
                case "--body-size":
                    bodySize = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--method":
                    method = HttpMethod.Parse(value);
                    break;
                case "--timeout":
                    timeout = Seconds(value);
                    break;
                case "--label":
                    targets[LastTarget(targets.Count, args[i])] = targets[^1] with { Label = value };
                    break;
                case "--header":
                    targets[LastTarget(targets.Count, args[i])].Headers.Add(Header(value));
                    break;
                case "--watch":
                    watched.Add(WatchedProcess.Parse(value));
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown option {args[i]}; use --url, --label, --header \"Name: value\", --rate, --duration, --warmup, --body-size, --method, --timeout, --watch NAME=PID.");
            }
        }

        if (targets.Count == 0)
        {
            throw new ArgumentException("--url is required.");
        }

        return new LoadOptions(
            [.. targets.Select(t => new LoadTarget(t.Url, t.Label ?? t.Url.ToString(), t.Headers))],
            rate, duration, warmUp, bodySize, method, timeout, watched);
    }

    private static int LastTarget(int count, string option) =>
        count > 0 ? count - 1 : throw new ArgumentException($"{option} belongs to a --url; give the --url first.");

    private static KeyValuePair<string, string> Header(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            ? new(value[..colon].Trim(), value[(colon + 1)..].Trim())
            : throw new ArgumentException($"--header takes \"Name: value\", not '{value}'.");
    }

    private static TimeSpan Seconds(string value) =>
        TimeSpan.FromSeconds(double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture));

    private static int Positive(string name, int value) =>
        value > 0 ? value : throw new ArgumentException($"{name} must be positive.");
}
