// Answers the two paths bench/coldstart polls, as the functions host does, with nothing behind them.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/readyz", () => "ok");
app.MapGet("/api/services", () => "[]");
await app.RunAsync();
