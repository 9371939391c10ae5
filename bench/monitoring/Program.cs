using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Periscope.Bench.Monitoring;

// Arguments: <prometheus base URL> <functions base URL> <API key> <node> [iterations]
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: Periscope.Bench.Monitoring <prometheus-url> <functions-url> <api-key> <node> [iterations]");
    return 2;
}

var iterations = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 200;
using var prometheus = new HttpClient { BaseAddress = new Uri(args[0]) };
using var functions = new HttpClient { BaseAddress = new Uri(args[1]) };
functions.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", args[2]);
var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5;

Console.WriteLine($"{iterations} iterations per side, alternating direct and function; one client each, keep-alive; times in ms.");
Console.WriteLine();
Console.WriteLine("| case | direct median | direct p90 | function median | function p90 | ratio median | ratio p90 |");
Console.WriteLine("|:--|--:|--:|--:|--:|--:|--:|");
var misses = new List<string>();
foreach (var benchCase in BenchCases.Create(args[3], time))
{
    async Task<double> DirectAsync()
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(benchCase.DirectUrls.Select(async url => await ReadAsync(prometheus, url)));
        return watch.Elapsed.TotalMilliseconds;
    }

    async Task<double> FunctionAsync()
    {
        var watch = Stopwatch.StartNew();
        await ReadAsync(functions, benchCase.FunctionUrl);
        return watch.Elapsed.TotalMilliseconds;
    }

    for (var i = 0; i < 20; i++)
    {
        await DirectAsync();
        await FunctionAsync();
    }

    var direct = new List<double>(iterations);
    var function = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        direct.Add(await DirectAsync());
        function.Add(await FunctionAsync());
    }

    var (dm, d90, fm, f90) = (Percentile(direct, 0.5), Percentile(direct, 0.9), Percentile(function, 0.5), Percentile(function, 0.9));
    Console.WriteLine(benchCase.DirectUrls.Count == 0
        ? string.Create(CultureInfo.InvariantCulture, $"| {benchCase.Name} | - | - | {fm:0.000} | {f90:0.000} | - | - |")
        : string.Create(CultureInfo.InvariantCulture, $"| {benchCase.Name} | {dm:0.000} | {d90:0.000} | {fm:0.000} | {f90:0.000} | {fm / dm:0.00} | {f90 / d90:0.00} |"));
    if (benchCase.DirectUrls.Count > 0 && fm / dm > 1.10)
    {
        misses.Add(string.Create(CultureInfo.InvariantCulture, $"{benchCase.Name}: median {fm / dm:0.00}x (+{fm - dm:0.000} ms)"));
    }
}

Console.WriteLine();
Console.WriteLine(misses.Count == 0 ? "PASS  every function's median within 10% of Prometheus's own" : "MISS  within 10% of Prometheus's own: " + string.Join("; ", misses));
return 0;

static async Task ReadAsync(HttpClient client, string url)
{
    using var response = await client.GetAsync(url);
    var body = await response.Content.ReadAsByteArrayAsync();
    if (!response.IsSuccessStatusCode && !url.EndsWith("target=none", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
    }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
