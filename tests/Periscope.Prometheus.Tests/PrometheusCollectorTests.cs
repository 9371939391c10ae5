using System.Diagnostics.Metrics;
using System.Text;

namespace Periscope.Prometheus.Tests;

public sealed class PrometheusCollectorTests : IDisposable
{
    private readonly Meter meter = new("Periscope.Tests." + Guid.NewGuid().ToString("N"));

    public void Dispose() => meter.Dispose();

    [Fact]
    public void Scrape_Counter_WritesHelpTypeAndTotalPerTagSet()
    {
        using var collector = Collect();
        var counter = meter.CreateCounter<long>("orders.created", "{order}", "Orders created.");

        counter.Add(2, new KeyValuePair<string, object?>("status", "ok"));
        counter.Add(3, new KeyValuePair<string, object?>("status", "ok"));
        counter.Add(1, new KeyValuePair<string, object?>("status", "failed"));

        Assert.Equal(
            """
            # HELP orders_created_total Orders created.
            # TYPE orders_created_total counter
            orders_created_total{status="failed"} 1
            orders_created_total{status="ok"} 5

            """,
            collector.Scrape());
    }

    [Fact]
    public void Scrape_Histogram_WritesCumulativeBucketsWithInfSumAndCount()
    {
        using var collector = Collect();
        var histogram = meter.CreateHistogram<double>(
            "request.duration",
            "s",
            "Request duration.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.125, 0.5, 1] });
        var tag = new KeyValuePair<string, object?>("function", "ListServices");

        histogram.Record(0.0625, tag);
        histogram.Record(0.125, tag);
        histogram.Record(0.25, tag);
        histogram.Record(2, tag);

        Assert.Equal(
            """
            # HELP request_duration_seconds Request duration.
            # TYPE request_duration_seconds histogram
            request_duration_seconds_bucket{function="ListServices",le="0.125"} 2
            request_duration_seconds_bucket{function="ListServices",le="0.5"} 3
            request_duration_seconds_bucket{function="ListServices",le="1"} 3
            request_duration_seconds_bucket{function="ListServices",le="+Inf"} 4
            request_duration_seconds_sum{function="ListServices"} 2.4375
            request_duration_seconds_count{function="ListServices"} 4

            """,
            collector.Scrape());
    }

    [Fact]
    public void Scrape_HistogramWithoutAdvice_UsesDefaultBuckets()
    {
        using var collector = Collect();
        var histogram = meter.CreateHistogram<int>("payload", "By");

        histogram.Record(3);

        var lines = collector.Scrape().Split('\n');
        var buckets = lines.Where(l => l.StartsWith("payload_bytes_bucket", StringComparison.Ordinal)).ToList();
        Assert.Equal(PrometheusCollectorOptions.PrometheusDefaultBuckets.Count + 1, buckets.Count);
        Assert.Equal("payload_bytes_bucket{le=\"0.005\"} 0", buckets[0]);
        Assert.Equal("payload_bytes_bucket{le=\"2.5\"} 0", buckets[8]);
        Assert.Equal("payload_bytes_bucket{le=\"5\"} 1", buckets[9]);
        Assert.Equal("payload_bytes_bucket{le=\"+Inf\"} 1", buckets[^1]);
        Assert.Contains("# TYPE payload_bytes histogram", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("# HELP", StringComparison.Ordinal));
    }

    [Fact]
    public void Scrape_LabelValueWithBackslashQuoteAndNewline_IsEscaped()
    {
        using var collector = Collect();
        var counter = meter.CreateCounter<int>("hits");

        counter.Add(1, new KeyValuePair<string, object?>("path", "C:\\dir \"x\"\nnext"));

        Assert.Contains("hits_total{path=\"C:\\\\dir \\\"x\\\"\\nnext\"} 1\n", collector.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_HelpWithBackslashAndNewline_IsEscaped()
    {
        using var collector = Collect();
        meter.CreateCounter<int>("hits", description: "Counts \"hits\"\nbelow C:\\temp").Add(1);

        Assert.StartsWith("# HELP hits_total Counts \"hits\"\\nbelow C:\\\\temp\n", collector.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_TagKeysWithDotsAndMixedValueTypes_AreSanitisedAndFormatted()
    {
        using var collector = Collect();
        var counter = meter.CreateCounter<double>("calls");

        counter.Add(
            1.5,
            new KeyValuePair<string, object?>("http.response.status_code", 200),
            new KeyValuePair<string, object?>("retried", true),
            new KeyValuePair<string, object?>("ignored", null));

        Assert.Contains("calls_total{http_response_status_code=\"200\",retried=\"true\"} 1.5\n", collector.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_SameTagsInAnotherOrder_ShareOneSeries()
    {
        using var collector = Collect();
        var counter = meter.CreateCounter<long>("calls");
        KeyValuePair<string, object?> a = new("a", "1"), b = new("b", "2");

        counter.Add(1, a, b);
        counter.Add(1, b, a);

        Assert.Equal(
            """
            # TYPE calls_total counter
            calls_total{a="1",b="2"} 2

            """,
            collector.Scrape());
    }

    [Fact]
    public void Scrape_UpDownCounter_IsGaugeOfRunningSum()
    {
        using var collector = Collect();
        var inFlight = meter.CreateUpDownCounter<int>("requests.in_flight", "{request}");

        inFlight.Add(3);
        inFlight.Add(-1);

        Assert.Equal("# TYPE requests_in_flight gauge\nrequests_in_flight 2\n", collector.Scrape());
    }

    [Fact]
    public void Scrape_ObservableInstruments_ReportCurrentValuesAndDropStaleSeries()
    {
        using var collector = Collect();
        var queues = new Dictionary<string, int> { ["a"] = 4, ["b"] = 7 };
        meter.CreateObservableGauge("queue.length", () => queues.Select(q => new Measurement<int>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))));
        meter.CreateObservableCounter("jobs.done", () => 12L);

        var first = collector.Scrape();
        queues.Remove("a");
        queues["b"] = 1;
        var second = collector.Scrape();

        Assert.Equal(
            """
            # TYPE jobs_done_total counter
            jobs_done_total 12
            # TYPE queue_length gauge
            queue_length{queue="a"} 4
            queue_length{queue="b"} 7

            """,
            first);
        Assert.Equal(
            """
            # TYPE jobs_done_total counter
            jobs_done_total 12
            # TYPE queue_length gauge
            queue_length{queue="b"} 1

            """,
            second);
    }

    [Fact]
    public void Scrape_FamilyWithoutMeasurements_IsOmitted()
    {
        using var collector = Collect();
        meter.CreateCounter<long>("never.used");

        Assert.Equal(string.Empty, collector.Scrape());
    }

    [Fact]
    public void Scrape_MeterNotListed_IsIgnored()
    {
        using var collector = new PrometheusCollector(new PrometheusCollectorOptions { MeterNames = ["Somebody.Else"], IncludeProcessMetrics = false });
        meter.CreateCounter<long>("calls").Add(1);

        Assert.Equal(string.Empty, collector.Scrape());
    }

    [Fact]
    public void Scrape_WildcardMeterName_MatchesPrefix()
    {
        using var collector = new PrometheusCollector(new PrometheusCollectorOptions { MeterNames = ["Periscope.Tests.*"], IncludeProcessMetrics = false });
        meter.CreateCounter<long>("calls").Add(1);

        Assert.Contains("calls_total 1\n", collector.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_MeterFilterRejectsScope_IsIgnored()
    {
        var scope = new object();
        using var scoped = new Meter(new MeterOptions(meter.Name) { Scope = scope });
        using var collector = new PrometheusCollector(new PrometheusCollectorOptions
        {
            MeterNames = [meter.Name],
            MeterFilter = m => ReferenceEquals(m.Scope, scope),
            IncludeProcessMetrics = false,
        });

        meter.CreateCounter<long>("calls").Add(1);
        scoped.CreateCounter<long>("calls").Add(5);

        Assert.Contains("calls_total 5\n", collector.Scrape(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_TwoMetersSameInstrumentName_MergeIntoOneFamily()
    {
        using var twin = new Meter(meter.Name);
        using var collector = Collect();

        meter.CreateCounter<long>("calls").Add(1);
        twin.CreateCounter<long>("calls").Add(2);

        Assert.Equal("# TYPE calls_total counter\ncalls_total 3\n", collector.Scrape());
    }

    [Fact]
    public void Scrape_ProcessMetricsEnabled_WritesStandardProcessFamilies()
    {
        using var collector = new PrometheusCollector(meter.Name);

        var text = collector.Scrape();

        Assert.Contains("# TYPE process_cpu_seconds_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_resident_memory_bytes gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_start_time_seconds gauge\n", text, StringComparison.Ordinal);
        var rss = text.Split('\n').Single(l => l.StartsWith("process_resident_memory_bytes ", StringComparison.Ordinal));
        Assert.True(double.Parse(rss["process_resident_memory_bytes ".Length..], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Scrape_RuntimeMeter_WritesGcCountersAndThreadPoolGauges()
    {
        using var collector = new PrometheusCollector(new PrometheusCollectorOptions { MeterNames = ["System.Runtime"], IncludeProcessMetrics = false });
        GC.Collect(0);

        var text = collector.Scrape();

        Assert.Contains("# TYPE dotnet_gc_collections_total counter\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\ndotnet_gc_collections_total\{gc_heap_generation=""gen0""\} [1-9]", text);
        Assert.Contains("# TYPE dotnet_gc_heap_total_allocated_bytes_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_gc_pause_time_seconds_total counter\n", text, StringComparison.Ordinal);
        // Declared as ObservableCounter by .NET 10 (dotnet/runtime#126167), yet they fall: gauges, without _total.
        Assert.Contains("# TYPE dotnet_thread_pool_queue_length gauge\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_thread_pool_thread_count gauge\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet_thread_pool_queue_length_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ManyThreadsConcurrently_TotalsAreExact()
    {
        const int Threads = 8;
        const int PerThread = 50_000;
        using var collector = Collect();
        var counter = meter.CreateCounter<long>("work");
        var histogram = meter.CreateHistogram<double>("latency", "s", null, null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1] });
        using var start = new Barrier(Threads + 1);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                var tag = new KeyValuePair<string, object?>("parity", t % 2 == 0 ? "even" : "odd");
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    counter.Add(1, tag);
                    histogram.Record(i % 2 == 0 ? 0.25 : 0.75, tag);
                    if (i % 10_000 == 0)
                    {
                        _ = collector.Scrape();
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        start.SignalAndWait();
        await Task.WhenAll(workers);

        var text = collector.Scrape();
        const int PerParity = Threads / 2 * PerThread;
        Assert.Contains($"work_total{{parity=\"even\"}} {PerParity}\n", text, StringComparison.Ordinal);
        Assert.Contains($"work_total{{parity=\"odd\"}} {PerParity}\n", text, StringComparison.Ordinal);
        Assert.Contains($"latency_seconds_bucket{{parity=\"odd\",le=\"0.5\"}} {PerParity / 2}\n", text, StringComparison.Ordinal);
        Assert.Contains($"latency_seconds_bucket{{parity=\"odd\",le=\"1\"}} {PerParity}\n", text, StringComparison.Ordinal);
        Assert.Contains($"latency_seconds_count{{parity=\"odd\"}} {PerParity}\n", text, StringComparison.Ordinal);
        Assert.Contains($"latency_seconds_sum{{parity=\"odd\"}} {PerParity / 2 * (0.25 + 0.75)}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteToAsync_Stream_WritesUtf8WithoutByteOrderMark()
    {
        using var collector = Collect();
        meter.CreateCounter<long>("calls").Add(1, new KeyValuePair<string, object?>("city", "北京"));
        using var stream = new MemoryStream();

        await collector.WriteToAsync(stream);

        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal("# TYPE calls_total counter\ncalls_total{city=\"北京\"} 1\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void ContentType_IsTextFormatZeroZeroFour() =>
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", PrometheusCollector.ContentType);

    private PrometheusCollector Collect() =>
        new(new PrometheusCollectorOptions { MeterNames = [meter.Name], IncludeProcessMetrics = false });
}
