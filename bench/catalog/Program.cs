using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Periscope.Bench.Catalog;
using Periscope.Bench.Monitoring;

// Arguments: see usage. run.sh starts the functions host on an empty store.
if (args.Length < 6)
{
    Console.Error.WriteLine("usage: Periscope.Bench.Catalog <functions-url> <report-token> <api-key> <services> <operations-per-service> <iterations>");
    return 2;
}

const double TargetP99Ms = 20;
var (functionsUrl, reportToken, key) = (args[0], args[1], args[2]);
var (services, operations, iterations) = (Number(args[3]), Number(args[4]), Number(args[5]));
var catalog = new SyntheticCatalog(services, operations);

using var sidecars = new HttpClient { BaseAddress = new Uri(functionsUrl), Timeout = TimeSpan.FromMinutes(2) };
sidecars.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reportToken);
using var reader = new HttpClient { BaseAddress = new Uri(functionsUrl) };
reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

// 1. Fill the catalog the way sidecars do: one report per service with its document, four at a time.
var filling = Stopwatch.StartNew();
var next = -1;
var heartbeat = DateTimeOffset.UtcNow;
await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
{
    int service;
    while ((service = Interlocked.Increment(ref next)) < services)
    {
        using var response = await sidecars.PostAsJsonAsync("api/catalog/reports", catalog.Report(service, heartbeat));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"report {service}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}));
filling.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Catalog: {services:N0} services, {services * operations:N0} operations, reported in {filling.Elapsed.TotalSeconds:0.0} s ({services / filling.Elapsed.TotalSeconds:0} reports/s, 4 at a time, each parsed, normalised and stored)."));

// 2. Searches, each warmed up until the host compiles no more code for it, then timed one after another.
(string Name, string Query)[] cases =
[
    ("host floor (400: empty q)", ""),
    ("one common English word", "refund"),
    ("two words", "approve invoice"),
    ("an operationId", $"getOrder{0}"),
    ("an app-id", SyntheticCatalog.AppId(services / 2)),
    ("a Chinese word of two characters (the pairs index)", "订单"),
    ("two Chinese characters matching nothing", "审计"),
    ("a Chinese phrase of four characters", "查询订单"),
    ("matches nothing", "zqxjkv"),
    ("one Chinese character (the short substrings' index)", "单"),
    ("two Latin letters (the short substrings' index)", "ap"),
    ("two Latin letters matching nothing", "zq"),
    ("one letter matching nothing", "q"),
    ("punctuation matching nothing (a whole scan)", "~"),
];
Console.WriteLine();
Console.WriteLine($"GET /api/search?q=…&limit=20, {iterations} times each after warm-up; times in ms, measured on the client over loopback.");
Console.WriteLine();
Console.WriteLine("| search | q | hits on page 1 | p50 | p90 | p99 | max |");
Console.WriteLine("|:--|:--|--:|--:|--:|--:|--:|");
var misses = new List<string>();
var warmUp = new HostWarmUp(reader);
foreach (var (name, query) in cases)
{
    var floor = query.Length == 0;
    var url = $"api/search?limit=20&q={Uri.EscapeDataString(query)}";
    async Task<(double Ms, int Hits)> SearchAsync()
    {
        var watch = Stopwatch.StartNew();
        using var response = await reader.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        if (response.IsSuccessStatusCode == floor)
        {
            throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        }

        var hits = floor ? 0 : JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength();
        return (watch.Elapsed.TotalMilliseconds, hits);
    }

    var (_, quiet) = await warmUp.RunAsync(async () => await SearchAsync());
    var times = new List<double>(iterations);
    var hitCount = 0;
    for (var i = 0; i < iterations; i++)
    {
        var (ms, hits) = await SearchAsync();
        times.Add(ms);
        hitCount = hits;
    }

    times.Sort();
    var (p50, p90, p99) = (Percentile(times, 0.50), Percentile(times, 0.90), Percentile(times, 0.99));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name}{(quiet ? "" : " (host still compiling)")} | `{query}` | {(floor ? "-" : hitCount.ToString(CultureInfo.InvariantCulture))} | {p50:0.00} | {p90:0.00} | {p99:0.00} | {times[^1]:0.00} |"));
    if (!floor && p99 > TargetP99Ms)
    {
        misses.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: p99 {p99:0.0} ms"));
    }
}

Console.WriteLine();
Console.WriteLine(misses.Count == 0
    ? $"PASS  every search's p99 within {TargetP99Ms} ms at {services:N0} services / {services * operations:N0} operations (ARCHITECTURE.md, catalog)"
    : $"MISS  search p99 within {TargetP99Ms} ms at {services:N0} services / {services * operations:N0} operations (ARCHITECTURE.md, catalog): " + string.Join("; ", misses));
return 0;

static int Number(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
