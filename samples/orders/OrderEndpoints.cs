using Microsoft.AspNetCore.Http.HttpResults;

namespace Periscope.Samples.Orders;

internal static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/orders").WithTags("orders");
        orders.MapGet("/", (OrderBook book, OrderStatus? status) => TypedResults.Ok(book.List(status)))
            .WithName("listOrders").WithSummary("List orders").WithDescription("Orders in the order they were placed, optionally by status.");
        orders.MapGet("/{id:guid}", Results<Ok<Order>, NotFound> (OrderBook book, Guid id) =>
                book.Find(id) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound())
            .WithName("getOrder").WithSummary("查询订单 (get an order)");
        orders.MapPost("/", Results<Created<Order>, ValidationProblem> (OrderBook book, NewOrder request) =>
            {
                if (request.Items.Count == 0 || !request.CustomerEmail.Contains('@'))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["order"] = ["An order needs a customer e-mail address and at least one item."],
                    });
                }

                var order = book.Add(request);
                return TypedResults.Created($"/orders/{order.Id}", order);
            })
            .WithName("createOrder").WithSummary("Place an order");
        orders.MapPut("/{id:guid}/status", Results<Ok<Order>, NotFound> (OrderBook book, Guid id, OrderStatus status) =>
                book.SetStatus(id, status) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound())
            .WithName("setOrderStatus").WithSummary("Change an order's status");
        orders.MapDelete("/{id:guid}", Results<NoContent, NotFound> (OrderBook book, Guid id) =>
                book.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("cancelOrder").WithSummary("Delete an order").WithTags("orders", "admin");
    }
}
