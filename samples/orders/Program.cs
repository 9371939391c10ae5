using Periscope.Samples.Orders;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Orders API";
    document.Info.Description = "Periscope's demo app: an order book with customers and line items. 订单示例服务。";
    return Task.CompletedTask;
}));
builder.Services.AddSingleton<OrderBook>();

var app = builder.Build();
app.MapOpenApi();
app.MapOrderEndpoints();
app.MapGet("/healthz", () => TypedResults.Ok("ok")).ExcludeFromDescription();
app.Run();
