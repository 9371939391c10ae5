#!/usr/bin/env bash
# Runs every test: restores, builds and runs the xunit suites of Serverless.sln.
# The end-to-end tests start the real sidecar and sample app as processes and read real-world
# OpenAPI documents from ../shared/testdata beside this repository.
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
# The sidecar is deployed as a Native AOT binary, so the tests that start it as a process (end-to-end,
# command line) run that binary: published here, named by PERISCOPE_SIDECAR_EXECUTABLE. Set
# PERISCOPE_SIDECAR_EXECUTABLE= (empty) to run them against the framework-dependent build instead.
if [[ -z ${PERISCOPE_SIDECAR_EXECUTABLE+set} ]]; then
  echo "test.sh: publishing the sidecar with Native AOT into artifacts/aot/sidecar…" >&2
  dotnet publish sidecar/Periscope.Sidecar.csproj -c Release -o artifacts/aot/sidecar -nologo -clp:ErrorsOnly -v:quiet
  export PERISCOPE_SIDECAR_EXECUTABLE="$PWD/artifacts/aot/sidecar/Periscope.Sidecar"
  # The compiler's method order must still name the sidecar's methods (sidecar/MethodOrder/README.md).
  bash sidecar/MethodOrder/check.sh artifacts/aot/sidecar/Periscope.Sidecar.dbg
fi
dotnet test Serverless.sln -c Release -nologo --logger "console;verbosity=minimal" "$@"
# Every manifest under deploy/ built with `kubectl kustomize` and validated against the Kubernetes schemas
# (npm kubernetes-models; `npm ci --prefix tests/manifests` installs it, as .ci/run does).
npm test --prefix tests/manifests
