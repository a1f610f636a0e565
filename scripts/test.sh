#!/usr/bin/env bash
#
# Builds foi-tracker and runs its tests with ctest against a throwaway
# MariaDB (temporary data directory, free port), which is stopped and deleted
# however the run ends.
#
# Usage: scripts/test.sh [ctest args...]     e.g. scripts/test.sh -R intake
#
# Environment given to the tests:
#   FOI_TEST_MYSQL_SOCKET   Unix socket of the throwaway MariaDB
#   FOI_TEST_MYSQL_HOST     127.0.0.1
#   FOI_TEST_MYSQL_PORT     its TCP port
#   FOI_TEST_MYSQL_USER     root (no password)
#   FOI_MARIADBD            mariadbd binary, for tests that start their own
#   FOI_MARIADB_INSTALL_DB  mariadb-install-db binary
#   FOI_MARIADB_CNF         option file the scripts start mariadbd with
# Environment read:
#   FOI_BUILD_DIR   build directory (default build).
#   FOI_SKIP_BUILD  set to 1 to test the existing build without building.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=lib/common.sh
source "${ROOT}/scripts/lib/common.sh"

readonly BUILD_DIR="${FOI_BUILD_DIR:-${ROOT}/build}"
TMP_DIR=""
CTEST_PID=""

#######################################
# Stops the throwaway MariaDB and removes its directory. Runs on every exit.
#######################################
# shellcheck disable=SC2317  # invoked by trap
cleanup() {
  local rc=$?
  if [[ -n "${CTEST_PID}" ]]; then
    foi::log "stopping ctest and its tests"
    foi::terminate_group "${CTEST_PID}" 10 "ctest"
    CTEST_PID=""
  fi
  if [[ -n "${TMP_DIR}" && -d "${TMP_DIR}" ]]; then
    foi::mariadb_stop "${TMP_DIR}/mysqld.pid"
    # A server that was still starting when we were interrupted has no pid
    # file yet; FOI_MARIADB_PID may not be set either. Catch it by pid too.
    if [[ -n "${FOI_MARIADB_PID:-}" ]]; then
      foi::terminate_pid "${FOI_MARIADB_PID}" "${FOI_STOP_TIMEOUT}" "MariaDB"
    fi
    rm -rf "${TMP_DIR}"
    TMP_DIR=""
CTEST_PID=""
  fi
  return "${rc}"
}

main() {
  trap cleanup EXIT
  # Turn signals into an ordinary exit so the EXIT trap runs.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP

  foi::ensure_packages
  if [[ "${FOI_SKIP_BUILD:-0}" != 1 ]]; then
    foi::build "${BUILD_DIR}"
  fi

  TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/foi-test-mariadb.XXXXXX")"
  local port
  port="$(foi::free_port)"
  foi::mariadb_init "${TMP_DIR}/data" "${TMP_DIR}/install-db.log"
  # Durability is not needed for tests: flush the redo log once a second.
  foi::mariadb_start "${TMP_DIR}/data" "${port}" "${TMP_DIR}/mysqld.sock" \
    "${TMP_DIR}/mariadb.log" "${TMP_DIR}/mysqld.pid" \
    --innodb-flush-log-at-trx-commit=2 \
    --innodb-buffer-pool-size=128M \
    --innodb-log-file-size=64M

  export FOI_TEST_MYSQL_SOCKET="${TMP_DIR}/mysqld.sock"
  export FOI_TEST_MYSQL_HOST=127.0.0.1
  export FOI_TEST_MYSQL_PORT="${port}"
  export FOI_TEST_MYSQL_USER=root
  FOI_MARIADBD="$(foi::mariadbd_bin)"
  FOI_MARIADB_INSTALL_DB="$(command -v mariadb-install-db \
    || echo /usr/bin/mariadb-install-db)"
  export FOI_MARIADBD FOI_MARIADB_INSTALL_DB FOI_MARIADB_CNF

  foi::log "running ctest (MariaDB on 127.0.0.1:${port})"
  local rc=0
  # In its own process group, in the background: a signal to this script
  # then runs the traps at once, and cleanup stops ctest and every test.
  setsid ctest --test-dir "${BUILD_DIR}" --output-on-failure \
    --no-tests=error -j2 --timeout 600 "$@" </dev/null &
  CTEST_PID=$!
  wait "${CTEST_PID}" || rc=$?
  CTEST_PID=""
  if (( rc == 0 )); then
    foi::log "all tests passed"
  else
    foi::err "ctest failed (status ${rc})"
  fi
  exit "${rc}"
}

main "$@"
