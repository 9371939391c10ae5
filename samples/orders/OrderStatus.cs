using System.Text.Json.Serialization;

namespace Periscope.Samples.Orders;

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
internal enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
    Cancelled,
}
