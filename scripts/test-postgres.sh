# Sourced by scripts/test.sh: makes sure a PostgreSQL server from Debian's packages runs on this machine and sets
# TEST_DATABASE_URL to a database the integration tests may create and drop schemas in.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "using TEST_DATABASE_URL from the environment"
else
  if [ -z "$(pg_bin)" ]; then
    if [ "$(id -u)" = 0 ]; then apt_install postgresql; else
      echo "PostgreSQL is missing. Install Debian's package as root (apt-get install -y postgresql), or set TEST_DATABASE_URL." >&2; exit 1
    fi
  fi
  if [ "$(id -u)" = 0 ]; then
    version=$(basename "$(dirname "$(pg_bin)")")
    if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then pg_createcluster "$version" main >/dev/null; fi
    if ! pg_lsclusters -h | grep -q "^$version main .* online"; then pg_ctlcluster "$version" main start; fi
    for _ in $(seq 1 30); do su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
    su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='pufa_test'\"" | grep -q 1 ||
      su postgres -c "psql -qc \"create role pufa_test login superuser password 'pufa_test'\""
    su postgres -c "psql -qAtc \"select 1 from pg_database where datname='pufa_test'\"" | grep -q 1 ||
      su postgres -c "createdb -O pufa_test pufa_test"
    port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
    TEST_DATABASE_URL="postgres://pufa_test:pufa_test@127.0.0.1:${port}/pufa_test"
  else
    echo "PostgreSQL is not running and this is not root: start it, or set TEST_DATABASE_URL=postgres://… to a database the tests may use." >&2
    exit 1
  fi
fi
