using System.Globalization;
using System.Text.Json;
using Periscope.Catalog.Contracts;

namespace Periscope.Bench.Catalog;

/// <summary>
/// A cluster's worth of APIs, the same every run: <c>services</c> apps over 50 namespaces, each with an OpenAPI 3.0
/// document of <c>operationsPerService</c> operations on two resources of a business domain, English summaries on
/// even-numbered services and Chinese on odd ones, as the platform's users write them.
/// </summary>
internal sealed class SyntheticCatalog(int services, int operationsPerService)
{
    public const int Namespaces = 50;

    private static readonly string[] Domains =
    [
        "orders", "payments", "inventory", "shipping", "billing", "users", "catalog", "reviews", "search", "notifications",
        "invoices", "accounts", "carts", "coupons", "loyalty", "returns", "warehouse", "pricing", "tickets", "reports",
    ];

    private static readonly string[] Resources =
    [
        "order", "payment", "refund", "stock", "shipment", "invoice", "customer", "product", "review", "ticket",
        "coupon", "address", "report", "batch", "device", "contract", "vendor", "employee", "schedule", "message",
    ];

    // The same resources in Chinese (订单 order, 支付 payment, 退款 refund, …).
    private static readonly string[] ChineseResources =
    [
        "订单", "支付", "退款", "库存", "发货单", "发票", "客户", "商品", "评价", "工单",
        "优惠券", "地址", "报表", "批次", "设备", "合同", "供应商", "员工", "排班", "消息",
    ];

    private static readonly (string Method, string Suffix, string English, string Chinese)[] Actions =
    [
        ("get", "", "List {0}s", "查询{0}列表"),
        ("post", "", "Create a {0}", "创建{0}"),
        ("get", "/{id}", "Get a {0} by id", "按编号获取{0}"),
        ("put", "/{id}", "Replace a {0}", "替换{0}"),
        ("patch", "/{id}", "Update a {0}", "更新{0}"),
        ("delete", "/{id}", "Delete a {0}", "删除{0}"),
        ("get", "/{id}/history", "Get the history of a {0}", "查询{0}历史记录"),
        ("post", "/{id}/approve", "Approve a {0}", "审批{0}"),
        ("post", "/{id}/cancel", "Cancel a {0}", "取消{0}"),
        ("get", "/search", "Search {0}s", "搜索{0}"),
    ];

    public int Services => services;

    public int OperationsPerService => operationsPerService;

    public static string Namespace(int service) => $"team-{service % Namespaces:00}";

    public static string AppId(int service) => $"{Domains[service % Domains.Length]}-{service:00000}";

    /// <summary>The report a sidecar of service <paramref name="service"/> would send first: its endpoint and document.</summary>
    public CatalogReport Report(int service, DateTimeOffset heartbeat)
    {
        var document = Document(service);
        return new CatalogReport
        {
            AppId = AppId(service),
            Namespace = Namespace(service),
            Pod = $"{AppId(service)}-7c9d8b5f4-abcde",
            Container = "app",
            Endpoint = new ReportedEndpoint { Address = $"10.{service / 65536 % 256}.{service / 256 % 256}.{service % 256}", Port = 8080 },
            Document = new ReportedDocument { Content = document, ContentType = "application/json", SourcePath = "/openapi.json" },
            DocumentHash = DocumentHash.Of(document),
            HeartbeatAt = heartbeat,
        };
    }

    private string Document(int service)
    {
        var chinese = service % 2 == 1;
        var paths = new Dictionary<string, Dictionary<string, object>>(StringComparer.Ordinal);
        for (var i = 0; i < operationsPerService; i++)
        {
            var resource = (service * 7 + i / Actions.Length) % Resources.Length;
            var (method, suffix, english, chineseSummary) = Actions[i % Actions.Length];
            var path = $"/v1/{Resources[resource]}s{suffix}" + (i >= Actions.Length * 2 ? $"/{i / (Actions.Length * 2)}" : "");
            var operationId = $"{method}{Title(Resources[resource])}{i}";
            var operation = new Dictionary<string, object>
            {
                ["operationId"] = operationId,
                ["summary"] = string.Format(CultureInfo.InvariantCulture, chinese ? chineseSummary : english, chinese ? ChineseResources[resource] : Resources[resource]),
                ["tags"] = new[] { Resources[resource] },
                ["responses"] = new Dictionary<string, object> { ["200"] = new Dictionary<string, object> { ["description"] = "OK" } },
            };
            if (suffix.Contains("{id}", StringComparison.Ordinal))
            {
                operation["parameters"] = new[]
                {
                    new Dictionary<string, object> { ["name"] = "id", ["in"] = "path", ["required"] = true, ["schema"] = new Dictionary<string, object> { ["type"] = "string" } },
                };
            }

            if (method is "post" or "put" or "patch")
            {
                operation["requestBody"] = new Dictionary<string, object>
                {
                    ["content"] = new Dictionary<string, object>
                    {
                        ["application/json"] = new Dictionary<string, object>
                        {
                            ["schema"] = new Dictionary<string, object>
                            {
                                ["type"] = "object",
                                ["properties"] = new Dictionary<string, object>
                                {
                                    ["name"] = new Dictionary<string, object> { ["type"] = "string" },
                                    ["quantity"] = new Dictionary<string, object> { ["type"] = "integer", ["minimum"] = 0 },
                                },
                            },
                        },
                    },
                };
            }

            if (!paths.TryGetValue(path, out var item))
            {
                paths[path] = item = [];
            }

            item[method] = operation;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["openapi"] = "3.0.3",
            ["info"] = new Dictionary<string, object> { ["title"] = chinese ? $"{ChineseResources[service * 7 % Resources.Length]}服务 {service}" : $"{Title(Domains[service % Domains.Length])} service {service}", ["version"] = "1.0.0" },
            ["paths"] = paths,
        });
    }

    private static string Title(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
