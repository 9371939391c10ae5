using System.Text;
using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Tests.Invocation;

public sealed class DaprRouteParserTests
{
    [Theory]
    [InlineData("/v1.0/invoke/orders/method/api/orders", "shop", "orders", "/api/orders")]
    [InlineData("/v1.0/invoke/orders/method/api/orders?status=Pending&page=2", "shop", "orders", "/api/orders?status=Pending&page=2")]
    [InlineData("/v1.0/invoke/orders.production/method/ping", "production", "orders", "/ping")]
    [InlineData("/v1.0/invoke/orders%2Eproduction/method/ping", "production", "orders", "/ping")]
    [InlineData("/v1.0/invoke/orders/method/files/a%2Fb%20c?q=%2F%3F", "shop", "orders", "/files/a%2Fb%20c?q=%2F%3F")]
    [InlineData("/v1.0/invoke/orders/method/method/x", "shop", "orders", "/method/x")]
    [InlineData("/v1.0/invoke/orders/method//double", "shop", "orders", "//double")]
    [InlineData("/v1.0/invoke/orders/method/a/../b", "shop", "orders", "/b")]
    [InlineData("/v1.0/invoke/orders/method/../../etc/passwd", "shop", "orders", "/etc/passwd")]
    [InlineData("/v1.0/invoke/orders/method/a/%2E%2E/%2e/b?x=..", "shop", "orders", "/b?x=..")]
    [InlineData("/v1.0/invoke/orders/method/v1/..", "shop", "orders", "/")]
    [InlineData("/v1.0/invoke/orders/method/a..b/.hidden", "shop", "orders", "/a..b/.hidden")]
    [InlineData("http://127.0.0.1:3500/v1.0/invoke/orders/method/ping?x=1", "shop", "orders", "/ping?x=1")]
    public void Parse_InvokeUrl_TargetAndPathAsReceived(string target, string @namespace, string appId, string pathAndQuery)
    {
        var route = DaprRouteParser.Parse(target, new HeaderDictionary(), "shop");

        Assert.Equal(DaprRouteKind.Invoke, route.Kind);
        Assert.Equal(new AppKey(@namespace, appId), route.Target);
        Assert.Equal(pathAndQuery, route.PathAndQuery);
        Assert.Null(route.AppIdCarrier);
    }

    [Theory]
    [InlineData("/checkout/100?x=1", "orders", "shop", "orders", "/checkout/100?x=1")]
    [InlineData("/v1.0/metadata", "orders.production", "production", "orders", "/v1.0/metadata")]
    [InlineData("/v1.0/invoke/other/method/x", "orders", "shop", "orders", "/v1.0/invoke/other/method/x")]
    [InlineData("/a/./b/../c", "orders", "shop", "orders", "/a/c")]
    public void Parse_AppIdHeader_WholeTargetGoesToThatApp(string target, string header, string @namespace, string appId, string pathAndQuery)
    {
        var route = DaprRouteParser.Parse(target, new HeaderDictionary { ["dapr-app-id"] = header }, "shop");

        Assert.Equal(DaprRouteKind.Invoke, route.Kind);
        Assert.Equal(new AppKey(@namespace, appId), route.Target);
        Assert.Equal(pathAndQuery, route.PathAndQuery);
        Assert.Equal("dapr-app-id", route.AppIdCarrier);
    }

    [Fact]
    public void Parse_BasicAuthAppId_InvokesThatApp()
    {
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes("dapr-app-id:orders"));

        var route = DaprRouteParser.Parse("/checkout/100", new HeaderDictionary { ["Authorization"] = $"Basic {credentials}" }, "shop");

        Assert.Equal(DaprRouteKind.Invoke, route.Kind);
        Assert.Equal(new AppKey("shop", "orders"), route.Target);
        Assert.Equal("/checkout/100", route.PathAndQuery);
        Assert.Equal("Authorization", route.AppIdCarrier);
    }

    [Theory]
    [InlineData("Basic " + "dXNlcjpwYXNz")]
    [InlineData("Bearer abc")]
    [InlineData("Basic not-base64!")]
    public void Parse_OtherAuthorization_NotAnInvocation(string authorization)
    {
        var route = DaprRouteParser.Parse("/checkout/100", new HeaderDictionary { ["Authorization"] = authorization }, "shop");

        Assert.Equal(DaprRouteKind.Error, route.Kind);
        Assert.Equal(404, route.Status);
    }

    [Theory]
    [InlineData("/v1.0/healthz", nameof(DaprRouteKind.Healthz))]
    [InlineData("/v1.0/healthz?x=1", nameof(DaprRouteKind.Healthz))]
    [InlineData("/v1.0/healthz/outbound", nameof(DaprRouteKind.OutboundHealthz))]
    [InlineData("/v1.0/metadata", nameof(DaprRouteKind.Metadata))]
    public void Parse_DaprApis_Recognised(string target, string kind) =>
        Assert.Equal(kind, DaprRouteParser.Parse(target, new HeaderDictionary(), "shop").Kind.ToString());

    [Theory]
    [InlineData("/v1.0/invoke//method/x", 404, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/orders", 404, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/orders/ping", 404, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/orders/method", 404, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke", 404, "ERR_DIRECT_INVOKE")]
    [InlineData("/", 404, "ERR_DIRECT_INVOKE")]
    [InlineData("/orders", 404, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/orders/method/", 400, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/orders/method/?x=1", 400, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/a.b.c/method/x", 400, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/Orders/method/x", 400, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/orders./method/x", 400, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/..%2F..%2Fsecret/method/x", 400, "ERR_DIRECT_INVOKE")]
    [InlineData("/v1.0/invoke/https%3A%2F%2Fexample.com/method/x", 501, "ERR_API_UNIMPLEMENTED")]
    [InlineData("/v1.0/state/statestore/key", 501, "ERR_API_UNIMPLEMENTED")]
    [InlineData("/v1.0/publish/pubsub/orders", 501, "ERR_API_UNIMPLEMENTED")]
    [InlineData("/v1.0-alpha1/lock/store", 501, "ERR_API_UNIMPLEMENTED")]
    [InlineData("/v1.0/healthz/", 501, "ERR_API_UNIMPLEMENTED")]
    [InlineData("*", 400, "ERR_MALFORMED_REQUEST")]
    public void Parse_BadOrUnsupported_DaprError(string target, int status, string errorCode)
    {
        var route = DaprRouteParser.Parse(target, new HeaderDictionary(), "shop");

        Assert.Equal(DaprRouteKind.Error, route.Kind);
        Assert.Equal((status, errorCode), (route.Status, route.ErrorCode));
        Assert.False(string.IsNullOrEmpty(route.Message));
    }

    [Fact]
    public void Parse_UnsupportedApi_NamesTheApi()
    {
        var route = DaprRouteParser.Parse("/v1.0/state/statestore/key", new HeaderDictionary(), "shop");

        Assert.Contains("/v1.0/state", route.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key", route.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoAppId_DaprsMessage() =>
        Assert.Equal(
            "failed getting app id either from the URL path or the header dapr-app-id",
            DaprRouteParser.Parse("/v1.0/invoke/orders", new HeaderDictionary(), "shop").Message);

    [Fact]
    public void Parse_InvalidAppIdInHeader_BadRequest()
    {
        var route = DaprRouteParser.Parse("/x", new HeaderDictionary { ["dapr-app-id"] = "orders/../../x" }, "shop");

        Assert.Equal((DaprRouteKind.Error, 400), (route.Kind, route.Status));
    }
}
