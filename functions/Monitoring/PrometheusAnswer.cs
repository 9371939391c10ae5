namespace Periscope.Functions.Monitoring;

/// <summary>One HTTP API answer as <see cref="PrometheusResponseReader.Read"/> found it, before its result type is checked.</summary>
internal sealed class PrometheusAnswer
{
    public string? Status { get; set; }

    public string? ErrorType { get; set; }

    public string? Error { get; set; }

    /// <summary>Whether the answer had a <c>data</c> object.</summary>
    public bool HasData { get; set; }

    public string? ResultType { get; set; }

    /// <summary>The series of a vector or matrix result, in Prometheus's order.</summary>
    public List<Item> Items { get; } = [];

    /// <summary>The [time, value] pair of a scalar result.</summary>
    public PrometheusPoint? Scalar { get; set; }

    internal sealed class Item
    {
        public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

        /// <summary>A vector sample's point.</summary>
        public PrometheusPoint? Value { get; set; }

        /// <summary>A matrix series' points.</summary>
        public List<PrometheusPoint>? Values { get; set; }
    }
}
