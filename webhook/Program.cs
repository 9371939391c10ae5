// The admission webhook arrives with its own issue (sidecar injection, TLS, Kubernetes client).
// Until then this host only answers its liveness probe, so the solution's shape and manifests are real.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" }));
app.Run();
