#!/usr/bin/env bash
# Fails when method-order.txt has drifted from the sidecar it orders: when fewer than MIN_PERCENT (90) of the
# functions it lists still exist in the published binary's symbols, renames and refactorings have left most of the
# hot code to the default layout, and the list needs regenerating (generate.sh; README.md beside this script).
# Usage: check.sh <Periscope.Sidecar.dbg, or an unstripped Periscope.Sidecar>
set -euo pipefail
export LC_ALL=C # sort and comm must agree on the order
here="$(cd "$(dirname "$0")" && pwd)"
symbols=${1:?usage: check.sh <Periscope.Sidecar.dbg or an unstripped Periscope.Sidecar>}
[[ -r $symbols ]] || { echo "check.sh: $symbols is not readable" >&2; exit 2; }
command -v nm >/dev/null || { echo "check.sh: nm is required (sudo apt-get install binutils)" >&2; exit 2; }
listed=$(sort -u "$here/method-order.txt" | wc -l)
found=$(comm -12 <(nm --defined-only "$symbols" | awk 'NF == 3 { print $3 }' | sort -u) <(sort -u "$here/method-order.txt") | wc -l)
percent=$((found * 100 / listed))
if ((percent < ${MIN_PERCENT:-90})); then
  echo "check.sh: only $found of the $listed functions in sidecar/MethodOrder/method-order.txt exist in $symbols ($percent%); regenerate it: bash sidecar/MethodOrder/generate.sh" >&2
  exit 1
fi
echo "sidecar/MethodOrder/method-order.txt: $found of $listed listed functions found in the binary ($percent%)." >&2
