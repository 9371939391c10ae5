using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Periscope.Bench.Monitoring;

// Arguments: see usage. run.sh starts Prometheus on the synthetic cluster's blocks with the query log on.
if (args.Length < 12)
{
    Console.Error.WriteLine(
        "usage: Periscope.Bench.Monitoring <prometheus-url> <functions-url> <api-key> <query-log> <prometheus-config> <config-without-query-log> " +
        "<node> <namespace> <time> <range-minutes> <step-seconds> <iterations>");
    return 2;
}

var (prometheusUrl, functionsUrl, key, queryLogPath, configPath, quietConfigPath) = (args[0], args[1], args[2], args[3], args[4], args[5]);
var (node, @namespace) = (args[6], args[7]);
var time = long.Parse(args[8], CultureInfo.InvariantCulture);
var (rangeMinutes, step, iterations) = (int.Parse(args[9], CultureInfo.InvariantCulture), int.Parse(args[10], CultureInfo.InvariantCulture), int.Parse(args[11], CultureInfo.InvariantCulture));
using var prometheus = new HttpClient { BaseAddress = new Uri(prometheusUrl) };
using var functions = new HttpClient { BaseAddress = new Uri(functionsUrl) };
functions.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

// 1. What each function asks Prometheus, from the query log; then the log goes off, so that writing it is
// no part of what is measured on either side.
var cases = BenchCases.Create(node, @namespace, time, rangeMinutes, step);
var log = new QueryLog(queryLogPath);
foreach (var benchCase in cases)
{
    log.Mark();
    await ReadAsync(functions, benchCase.FunctionUrl, benchCase.FunctionUrl.EndsWith("target=none", StringComparison.Ordinal));
    benchCase.DirectUrls = log.Since();
}

File.Copy(quietConfigPath, configPath, overwrite: true);
(await prometheus.PostAsync("-/reload", null)).EnsureSuccessStatusCode();

// 2. Alternating, one client each, kept alive.
Console.WriteLine(
    $"{iterations} iterations per side, alternating direct and function, after warming each case up until the functions host compiles " +
    $"no more code for it (batches of {HostWarmUp.BatchSize} pairs and {HostWarmUp.BatchTime.TotalSeconds} s at least); times in ms.");
Console.WriteLine();
Console.WriteLine("| case | queries | direct median | direct p90 | function median | function p90 | added median | ratio median | ratio p90 |");
Console.WriteLine("|:--|--:|--:|--:|--:|--:|--:|--:|--:|");
var misses = new List<string>();
var notQuiet = new List<string>();
var warmUp = new HostWarmUp(functions);
foreach (var benchCase in cases)
{
    async Task<double> DirectAsync()
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(benchCase.DirectUrls.Select(url => ReadAsync(prometheus, url, expectError: false)));
        return watch.Elapsed.TotalMilliseconds;
    }

    async Task<double> FunctionAsync()
    {
        var watch = Stopwatch.StartNew();
        await ReadAsync(functions, benchCase.FunctionUrl, expectError: benchCase.DirectUrls.Count == 0);
        return watch.Elapsed.TotalMilliseconds;
    }

    var (warmUpPairs, quiet) = await warmUp.RunAsync(async () =>
    {
        await DirectAsync();
        await FunctionAsync();
    });
    if (!quiet)
    {
        notQuiet.Add(benchCase.Name);
    }

    var direct = new List<double>(iterations);
    var function = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        direct.Add(await DirectAsync());
        function.Add(await FunctionAsync());
    }

    var (dm, d90, fm, f90) = (Percentile(direct, 0.5), Percentile(direct, 0.9), Percentile(function, 0.5), Percentile(function, 0.9));
    var queries = benchCase.DirectUrls.Count;
    Console.WriteLine(queries == 0
        ? string.Create(CultureInfo.InvariantCulture, $"| {benchCase.Name} | 0 | - | - | {fm:0.000} | {f90:0.000} | - | - | - |")
        : string.Create(CultureInfo.InvariantCulture, $"| {benchCase.Name} | {queries} | {dm:0.000} | {d90:0.000} | {fm:0.000} | {f90:0.000} | {fm - dm:+0.000;-0.000} | {fm / dm:0.00} | {f90 / d90:0.00} |"));
    Console.Error.WriteLine($"  ({benchCase.Name}: {warmUpPairs} warm-up pairs{(quiet ? "" : ", and the host was still compiling")})");
    if (queries > 0 && fm / dm > 1.10)
    {
        misses.Add(string.Create(CultureInfo.InvariantCulture, $"{benchCase.Name}: median {fm / dm:0.00}x (+{fm - dm:0.000} ms)"));
    }
}

Console.WriteLine();
if (notQuiet.Count > 0)
{
    Console.WriteLine($"Note: the host was still compiling code after {HostWarmUp.MaxBatches} warm-up batches for: {string.Join("; ", notQuiet)}.");
}

Console.WriteLine(misses.Count == 0
    ? "PASS  every function's median within 10% of Prometheus's own time for the same PromQL (issue 6)"
    : "MISS  within 10% of Prometheus's own time for the same PromQL (issue 6): " + string.Join("; ", misses));
return 0;

static async Task ReadAsync(HttpClient client, string url, bool expectError)
{
    using var response = await client.GetAsync(url);
    var body = await response.Content.ReadAsByteArrayAsync();
    if (response.IsSuccessStatusCode == expectError)
    {
        throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
    }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
