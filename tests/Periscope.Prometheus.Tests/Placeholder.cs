namespace Periscope.Prometheus.Tests;
