using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Periscope.Samples.Orders;

/// <summary>One product in an order.</summary>
internal sealed record LineItem(
    [property: Required, StringLength(32, MinimumLength = 1), Description("Stock-keeping unit of the product.")] string Sku,
    [property: Range(1, 1000), Description("How many units.")] int Quantity,
    [property: Range(0.01, 1_000_000), Description("Price of one unit, in yuan.")] decimal UnitPrice);
