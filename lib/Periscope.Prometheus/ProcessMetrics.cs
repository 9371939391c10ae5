using System.Diagnostics;

namespace Periscope.Prometheus;

/// <summary>
/// The standard process metrics the Prometheus client libraries export
/// (https://prometheus.io/docs/instrumenting/writing_clientlibs/#process-metrics), read at scrape time
/// from values the runtime already keeps.
/// </summary>
internal sealed class ProcessMetrics
{
    private readonly double startTimeSeconds;

    public ProcessMetrics()
    {
        using var process = Process.GetCurrentProcess();
        startTimeSeconds = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0;
    }

    public void Write(PrometheusTextWriter writer)
    {
        writer.WriteHeader("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", "counter");
        writer.WriteSample("process_cpu_seconds_total", string.Empty, Environment.CpuUsage.TotalTime.TotalSeconds);
        writer.WriteHeader("process_resident_memory_bytes", "Resident memory size in bytes.", "gauge");
        writer.WriteSample("process_resident_memory_bytes", string.Empty, Environment.WorkingSet);
        writer.WriteHeader("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", "gauge");
        writer.WriteSample("process_start_time_seconds", string.Empty, startTimeSeconds);
    }
}
