#!/usr/bin/env bash
# Runs every test: restores, builds and runs the xunit suites of Serverless.sln.
# The end-to-end tests start the real sidecar and sample app as processes and read real-world
# OpenAPI documents from ../shared/testdata beside this repository.
set -euo pipefail
cd "$(dirname "$0")"
command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
dotnet test Serverless.sln -c Release -nologo --logger "console;verbosity=minimal" "$@"
# Every manifest under deploy/ built with `kubectl kustomize` and validated against the Kubernetes schemas
# (npm kubernetes-models; `npm ci --prefix tests/manifests` installs it, as .ci/run does).
npm test --prefix tests/manifests
