#!/usr/bin/env bash
# Installs what the tests need (Chromium from Debian, the npm packages the tests use) and runs every test.
# Usage: ./test.sh            (CI calls exactly this through .ci/run)
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Chromium from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
command -v node >/dev/null 2>&1 || { echo "test.sh: Node.js is required (the handler runs on it)" >&2; exit 1; }

echo "== installing npm packages for the tests"
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)

echo "== building"
dotnet build EdgePortal.sln -c Release -nologo -v quiet

echo "== testing"
log=$(mktemp)
status=0
dotnet test EdgePortal.sln -c Release --no-build -nologo -v quiet 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed:/ {
        for (i = 1; i <= NF; i++) { gsub(",", "", $i);
          if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
