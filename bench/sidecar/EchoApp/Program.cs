using Periscope.Bench.EchoApp;

// The sidecar benchmark's app (../README.md): as little work as an HTTP app can do, so the figures are the hops'.
// appsettings.json (warnings only: a log line per request would cost more than the request) beside the binary.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var app = builder.Build();
app.MapEchoEndpoints();
app.Run();
