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

step "checking the official law texts (../shared/laws)"
if [ ! -d ../shared/laws ]; then
  if [ "${CI:-}" = true ]; then
    echo "../shared/laws is missing: CI must run with the official law texts beside the checkout (the law, citation and search tests need them)." >&2
    exit 1
  fi
  echo "../shared/laws is missing: the tests that need the official law texts will be skipped and counted as skipped."
fi

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
# Vitest: "Tests  12 passed | 3 skipped (15)"; Playwright: "  23 passed (1.2m)", "  1 skipped", "  1 flaky".
vitest_passed=$(printf '%s\n' "$plain" | awk '$1 == "Tests" { for (i = 2; i < NF; i++) if ($(i + 1) == "passed") n += $i } END { print n + 0 }')
vitest_skipped=$(printf '%s\n' "$plain" | awk '$1 == "Tests" { for (i = 2; i < NF; i++) if ($(i + 1) ~ /^skipped/) n += $i } END { print n + 0 }')
e2e_passed=$(printf '%s\n' "$plain" | sed -n 's/^ *\([0-9][0-9]*\) passed (.*/\1/p' | tail -n 1)
e2e_skipped=$(printf '%s\n' "$plain" | sed -n 's/^ *\([0-9][0-9]*\) skipped$/\1/p' | tail -n 1)
e2e_flaky=$(printf '%s\n' "$plain" | sed -n 's/^ *\([0-9][0-9]*\) flaky$/\1/p' | tail -n 1)
passed=$(( vitest_passed + ${e2e_passed:-0} ))
skipped=$(( vitest_skipped + ${e2e_skipped:-0} ))
flaky=${e2e_flaky:-0}
# A test that passed only on its retry is flaky: say so plainly (Playwright retries once in CI).
if [ "$flaky" -gt 0 ]; then
  printf '\n%s end-to-end test(s) passed only when retried (flaky):\n' "$flaky"
  printf '%s\n' "$plain" | grep -E '^\s+\[chromium-phone\].*(retry|flaky)' || true
fi
printf '\nall: %s passed, 0 failed%s\n' "$passed" "$([ "$skipped" -gt 0 ] && printf ', %s skipped' "$skipped")"
