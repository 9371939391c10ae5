using System.ComponentModel;

namespace Periscope.Samples.Orders;

/// <summary>An order as stored.</summary>
internal sealed record Order(
    [property: Description("The order's id.")] Guid Id,
    string CustomerEmail,
    IReadOnlyList<LineItem> Items,
    string? Note,
    OrderStatus Status,
    DateTimeOffset CreatedAt)
{
    public decimal Total => Items.Sum(item => item.Quantity * item.UnitPrice);
}
