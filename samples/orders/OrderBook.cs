using System.Collections.Concurrent;

namespace Periscope.Samples.Orders;

/// <summary>The demo's in-memory order store.</summary>
internal sealed class OrderBook
{
    private readonly ConcurrentDictionary<Guid, Order> _orders = new();

    public IEnumerable<Order> List(OrderStatus? status) =>
        _orders.Values.Where(order => status is null || order.Status == status).OrderBy(order => order.CreatedAt);

    public Order? Find(Guid id) => _orders.GetValueOrDefault(id);

    public Order Add(NewOrder request)
    {
        var order = new Order(Guid.NewGuid(), request.CustomerEmail, request.Items, request.Note, OrderStatus.Pending, DateTimeOffset.UtcNow);
        _orders[order.Id] = order;
        return order;
    }

    public Order? SetStatus(Guid id, OrderStatus status) =>
        _orders.TryGetValue(id, out var order) ? _orders[id] = order with { Status = status } : null;

    public bool Remove(Guid id) => _orders.TryRemove(id, out _);
}
