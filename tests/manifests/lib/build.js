// kubectl kustomize, offline; a Component target is built through a throwaway overlay in a temporary folder.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseAllDocuments } from "yaml";

function kustomize(dir) {
  try {
    return execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error.code === "ENOENT") throw new Error("kubectl is not installed (kubectl kustomize builds the manifests)");
    throw new Error(`kubectl kustomize ${dir} failed: ${(error.stderr || error.message).trim().split("\n")[0]}`);
  }
}

/** The objects a target renders. */
export function build(target) {
  if (!target.component) return parseObjects(kustomize(target.dir));
  // kustomize refuses absolute paths and an overlay inside the base it references, hence a temporary sibling tree.
  const overlay = mkdtempSync(join(tmpdir(), "periscope-kustomize-"));
  try {
    writeFileSync(
      join(overlay, "kustomization.yaml"),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${relative(overlay, target.base)}\ncomponents:\n  - ${relative(overlay, target.component)}\n`,
    );
    return parseObjects(kustomize(overlay));
  } finally {
    rmSync(overlay, { recursive: true, force: true });
  }
}

export function parseObjects(text) {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`not YAML: ${document.errors[0].message}`);
      return document.toJS();
    })
    .filter((object) => object !== null && object !== undefined);
}
