// What to build: every kustomization under a folder, and every kustomize Component combined with the nearest
// kustomization above it (a Component cannot be built alone: kubectl.docs.kubernetes.io, "Components").
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parse } from "yaml";

const NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

function kustomizationFile(dir) {
  return NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
}

function* walk(dir) {
  yield dir;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) {
      yield* walk(join(dir, entry.name));
    }
  }
}

/** [{ name, dir } | { name, base, component }] for every kustomization and component under root. */
export function findTargets(root, repo) {
  const targets = [];
  for (const dir of walk(root)) {
    const file = kustomizationFile(dir);
    if (!file) continue;
    const kind = parse(readFileSync(file, "utf8"))?.kind ?? "Kustomization";
    if (kind !== "Component") {
      targets.push({ name: relative(repo, dir), dir });
      continue;
    }
    let base = dirname(dir);
    while (base.startsWith(root) && !(kustomizationFile(base) && parse(readFileSync(kustomizationFile(base), "utf8"))?.kind !== "Component")) {
      base = dirname(base);
    }
    if (!base.startsWith(root)) throw new Error(`${relative(repo, dir)}: a Component with no kustomization above it to apply it to`);
    targets.push({ name: `${relative(repo, base)} + ${relative(repo, dir)}`, base, component: dir });
  }
  return targets;
}
