// Invokes the sample orders app through Periscope's sidecar with the real Dapr JavaScript SDK
// (https://docs.dapr.io/developing-applications/sdks/js/js-client/ — DaprClient, invoker.invoke).
// The SDK talks to "its" Dapr sidecar at DAPR_HOST:DAPR_HTTP_PORT; here that is a Periscope sidecar, which
// resolves the target app-id through the catalog and forwards to the target pod's sidecar (two hops).
//
// Usage: DAPR_HTTP_PORT=<port> node invoke.mjs <target-app-id>
// Prints one JSON object with what each call returned; exits 1 with one line on stderr if a call fails.
import { DaprClient, HttpMethod, CommunicationProtocolEnum } from "@dapr/dapr";

const target = process.argv[2] ?? "orders";
const client = new DaprClient({
  daprHost: "127.0.0.1",
  daprPort: process.env.DAPR_HTTP_PORT,
  communicationProtocol: CommunicationProtocolEnum.HTTP,
});

try {
  const created = await client.invoker.invoke(target, "orders", HttpMethod.POST, {
    customerEmail: "li.lei@example.com",
    items: [{ sku: "TEA-001", quantity: 2, unitPrice: 35.5 }],
    note: "经 Dapr SDK 调用 (through the Dapr SDK)",
  });
  const fetched = await client.invoker.invoke(target, `orders/${created.id}`, HttpMethod.GET);
  const listed = await client.invoker.invoke(target, "orders?status=Pending", HttpMethod.GET);
  console.log(JSON.stringify({ created, fetched, listed }));
} catch (error) {
  console.error(`dapr-js: ${error?.message ?? error}`);
  process.exit(1);
}
