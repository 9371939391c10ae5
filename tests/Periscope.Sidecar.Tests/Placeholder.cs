namespace Periscope.Sidecar.Tests;
