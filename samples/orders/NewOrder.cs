using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Periscope.Samples.Orders;

/// <summary>What a client sends to place an order.</summary>
internal sealed record NewOrder(
    [property: Required, EmailAddress, Description("The customer's e-mail address.")] string CustomerEmail,
    [property: Required, MinLength(1), Description("The products ordered.")] IReadOnlyList<LineItem> Items,
    [property: StringLength(500), Description("A note for the warehouse.")] string? Note = null);
