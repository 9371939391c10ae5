using System.Globalization;

namespace Periscope.Bench.LoadGenerator;

/// <summary>
/// Command-line options: <c>--url U [--rate N] [--duration S] [--warmup S] [--body-size B] [--method M]
/// [--timeout S] [--label L] [--header "Name: value"]... [--watch NAME=PID]...</c>.
/// </summary>
/// <param name="Url">Where every request goes.</param>
/// <param name="Rate">Requests per second, started on schedule whatever the answers do.</param>
/// <param name="Duration">The measured part.</param>
/// <param name="WarmUp">Requests before the measured part, on the same schedule, not recorded (JIT, connections).</param>
/// <param name="BodySize">The request body's size for POST and PUT; the answer must be this long too (an echo).</param>
/// <param name="Method">POST by default.</param>
/// <param name="Timeout">A request without its whole answer by then is an error.</param>
/// <param name="Label">Names the run in the human summary.</param>
/// <param name="Watched">Processes whose CPU time and peak RSS are measured over the measured part.</param>
/// <param name="Headers">Sent with every request (the gateway path's API key).</param>
internal sealed record LoadOptions(
    Uri Url,
    int Rate,
    TimeSpan Duration,
    TimeSpan WarmUp,
    int BodySize,
    HttpMethod Method,
    TimeSpan Timeout,
    string Label,
    IReadOnlyList<WatchedProcess> Watched,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public int WarmUpRequests => (int)Math.Round(WarmUp.TotalSeconds * Rate);

    public int MeasuredRequests => (int)Math.Round(Duration.TotalSeconds * Rate);

    public bool SendsBody => Method == HttpMethod.Post || Method == HttpMethod.Put;

    public static LoadOptions FromArgs(IReadOnlyList<string> args)
    {
        Uri? url = null;
        var rate = 1000;
        var duration = TimeSpan.FromSeconds(60);
        var warmUp = TimeSpan.FromSeconds(5);
        var bodySize = 1024;
        var method = HttpMethod.Post;
        var timeout = TimeSpan.FromSeconds(10);
        string? label = null;
        var watched = new List<WatchedProcess>();
        var headers = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url":
                    url = new Uri(value, UriKind.Absolute);
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
                    label = value;
                    break;
                case "--header":
                    headers.Add(Header(value));
                    break;
                case "--watch":
                    watched.Add(WatchedProcess.Parse(value));
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown option {args[i]}; use --url, --rate, --duration, --warmup, --body-size, --method, --timeout, --label, --header \"Name: value\", --watch NAME=PID.");
            }
        }

        if (url is null)
        {
            throw new ArgumentException("--url is required.");
        }

        return new LoadOptions(url, rate, duration, warmUp, bodySize, method, timeout, label ?? url.ToString(), watched, headers);
    }

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
