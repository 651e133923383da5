#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, when they are missing:
#   chromium   - the end-to-end tests drive Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
#   postgresql - the API tests on PostgreSQL start a private server (tools/scripts/with-postgres.sh)
# Called by `npm test` (tools/scripts/test-all.sh), and so by .ci/run. Does nothing when both are there.
#   tools/scripts/debian-packages.sh [--check]   --check: only report what is missing (exit 1 if anything)
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
compgen -G "${POSTGRES_LIB_DIR:-/usr/lib/postgresql}/*/bin/initdb" >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  echo "debian-packages: chromium and postgresql are installed"
  exit 0
fi
if [ "${1:-}" = "--check" ]; then
  echo "debian-packages: missing ${missing[*]}"
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "debian-packages: missing ${missing[*]} and there is no apt-get here; install them yourself" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" != "0" ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "debian-packages: missing ${missing[*]}; run as root or install sudo: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

echo "debian-packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
