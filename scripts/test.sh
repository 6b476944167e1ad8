#!/usr/bin/env bash
# `npm test`: types, lint, format, unit tests, the production build, server integration tests on SQLite and on
# PostgreSQL, and Playwright end-to-end tests in Debian's Chromium. Installs Chromium and PostgreSQL from Debian's
# packages when they are missing and this runs as root; otherwise says how to install them.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m▸ %s\033[0m\n' "$*"; }
is_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if [ -z "${PUFA_APT_UPDATED:-}" ]; then apt-get update -qq; export PUFA_APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

step "checking Chromium"
if [ ! -x /usr/bin/chromium ]; then
  if is_root; then apt_install chromium; else
    echo "Chromium is missing. Install Debian's package as root: apt-get install -y chromium" >&2; exit 1
  fi
fi

step "checking PostgreSQL"
source scripts/test-postgres.sh
export TEST_DATABASE_URL

step "type check (tsc --noEmit)"
npx tsc --noEmit -p .
step "lint (eslint, zero warnings)"
npx eslint --max-warnings 0 .
step "format (prettier --check)"
npx prettier --check . --log-level warn

# Test output is kept so the run can end with one line that counts every test.
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step "unit tests (vitest)"
npx vitest run tests/unit 2>&1 | tee -a "$log"

step "production build (next build && serwist build)"
npm run build --silent

step "server integration tests on SQLite and PostgreSQL (vitest)"
npx vitest run tests/integration 2>&1 | tee -a "$log"

step "faults: 10 devices push while the server is killed twice and requests drop (npm run test:faults -- --short)"
npm run test:faults --silent -- --short

step "end-to-end tests in Chromium (playwright)"
npx playwright test 2>&1 | tee -a "$log"

plain=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
vitest_passed=$(printf '%s\n' "$plain" | awk '$1 == "Tests" && $3 == "passed" { n += $2 } END { print n + 0 }')
e2e_passed=$(printf '%s\n' "$plain" | sed -n 's/^ *\([0-9][0-9]*\) passed (.*/\1/p' | tail -n 1)
printf '\nall: %s passed, 0 failed\n' "$(( ${vitest_passed:-0} + ${e2e_passed:-0} ))"
