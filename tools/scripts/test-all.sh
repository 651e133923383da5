#!/usr/bin/env bash
# `npm test`: everything, in CI order: the Debian packages it needs (installed when missing), lint,
# format check, unit + API tests on SQLite, API tests on PostgreSQL (a private server started here),
# production build, e2e in Chromium.
# Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-${CI:-}}
NX="npx nx"
start_all=$(date +%s)
timings=()

step() {
  local name=$1
  shift
  echo
  echo "=== $name ==="
  local t0=$(date +%s)
  "$@"
  timings+=("$name: $(($(date +%s) - t0))s")
}

step "Debian packages (chromium, postgresql)" tools/scripts/debian-packages.sh
step "lint (incl. module boundaries)" $NX run-many -t lint --outputStyle=static
step "format check" npx prettier --check . --log-level warn
step "design tokens up to date" node tools/scripts/theme-tokens.mjs --check
step "unit + API tests on SQLite" $NX run-many -t test --outputStyle=static
step "API tests on PostgreSQL" tools/scripts/with-postgres.sh $NX run api:test --skip-nx-cache --outputStyle=static
step "production build" $NX run-many -t build -p api web --outputStyle=static
step "end-to-end tests in Chromium" $NX run web-e2e:e2e --skip-nx-cache --outputStyle=static

echo
echo "=== timings ==="
printf '%s\n' "${timings[@]}"
echo "total: $(($(date +%s) - start_all))s"
