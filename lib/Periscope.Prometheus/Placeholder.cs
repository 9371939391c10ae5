namespace Periscope.Prometheus;
