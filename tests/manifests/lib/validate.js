// Every object against its schema: the Kubernetes API (kubernetes-models), cert-manager and prometheus-operator
// CRDs (@kubernetes-models/*). A kind with no schema is a problem, not a pass.
const PACKAGES = {
  "cert-manager.io": "@kubernetes-models/cert-manager",
  "acme.cert-manager.io": "@kubernetes-models/cert-manager",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
};

async function model(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") return undefined;
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const specifier = `${PACKAGES[group] ?? "kubernetes-models"}/${apiVersion}`;
  try {
    return (await import(specifier))[kind];
  } catch (error) {
    if (error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || error.code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}

function describe(object) {
  const ns = object?.metadata?.namespace ? `${object.metadata.namespace}/` : "";
  return `${object?.kind ?? "?"} ${ns}${object?.metadata?.name ?? "?"}`;
}

/** One line per problem with the objects; empty when all are valid. */
export async function validate(objects) {
  const problems = [];
  for (const object of objects) {
    const where = describe(object);
    if (typeof object?.metadata?.name !== "string" || object.metadata.name.length === 0) {
      problems.push(`${where}: metadata.name is missing`);
    }
    const Model = await model(object?.apiVersion, object?.kind);
    if (typeof Model !== "function") {
      problems.push(`${where}: unknown kind ${object?.kind} in ${object?.apiVersion} (no schema to validate it against)`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      for (const line of String(error.message).split(/,\s*(?=data[/\s])/)) problems.push(`${where}: ${line.trim()}`);
    }
  }
  return problems;
}
