// npm test --prefix tests/manifests: builds every kustomization under deploy/ (and each Component on the
// kustomization above it) with kubectl kustomize and validates every object against its schema.
import assert from "node:assert/strict";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "./lib/build.js";
import { findTargets } from "./lib/targets.js";
import { validate } from "./lib/validate.js";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const targets = findTargets(join(repo, "deploy"), repo);

test("deploy/ has kustomizations to validate", () => {
  assert.ok(targets.some((target) => target.name === join("deploy", "manifests")), "deploy/manifests has no kustomization");
});

for (const target of targets) {
  test(`${target.name} builds and every object matches its schema`, async () => {
    const objects = build(target);
    assert.ok(objects.length > 0, `${target.name} renders no objects`);
    const problems = await validate(objects);
    assert.ok(problems.length === 0, `${problems.length} problems:\n${problems.map((p) => `${target.name}: ${p}`).join("\n")}`);
  });
}

test("the webhook's manifests have what the design requires", () => {
  const objects = build({ dir: join(repo, "deploy", "manifests") });
  const find = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const deployment = find("Deployment", "periscope-webhook");
  assert.equal(deployment.metadata.namespace, "periscope-system");
  assert.equal(deployment.spec.replicas, 2);
  assert.equal(find("PodDisruptionBudget", "periscope-webhook").spec.minAvailable, 1);
  const webhook = find("MutatingWebhookConfiguration", "periscope-webhook").webhooks[0];
  assert.equal(webhook.failurePolicy, "Ignore");
  assert.equal(webhook.sideEffects, "None");
  assert.deepEqual(webhook.admissionReviewVersions, ["v1"]);
  assert.equal(webhook.clientConfig.caBundle, undefined, "a caBundle in the manifest would be reset by every apply");
  const rule = find("ClusterRole", "periscope-webhook-cabundle").rules[0];
  assert.deepEqual(rule.resourceNames, ["periscope-webhook"]);
  assert.deepEqual(rule.verbs, ["get", "patch"]);
});

test("a broken manifest is rejected with one line per problem", async () => {
  const problems = await validate(build({ dir: join(here, "fixtures", "broken") }));
  const expected = [
    /^Deployment broken\/replicas-as-text: .*replicas must be integer/,
    /^Service broken\/port-as-word: .*port must be integer/,
    /^MutatingWebhookConfiguration webhook-without-side-effects: .*sideEffects/,
    /^Widget broken\/unknown-kind: unknown kind Widget in example.com\/v1/,
    /^Certificate broken\/certificate-without-issuer: .*issuerRef/,
  ];
  for (const pattern of expected) {
    assert.ok(problems.some((p) => pattern.test(p)), `no problem matching ${pattern} among:\n${problems.join("\n")}`);
  }
});
