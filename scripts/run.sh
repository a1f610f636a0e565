#!/usr/bin/env bash
#
# Builds foi-tracker and runs foi-server against a private MariaDB kept under
# var/mariadb/ (created on first run, kept across runs). Ctrl-C or SIGTERM
# drains the server, then stops MariaDB.
#
# Usage: scripts/run.sh [--port N | --listen ADDR] [-- foi-server flags...]
#
# Environment:
#   FOI_PORT        gRPC port on 127.0.0.1 (default 50051); --port/--listen win.
#   FOI_DB_PORT     TCP port of the private MariaDB (default 33306).
#   FOI_BUILD_DIR   build directory (default build).
#   FOI_SKIP_BUILD  set to 1 to use the existing build without building.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=lib/common.sh
source "${ROOT}/scripts/lib/common.sh"

readonly BUILD_DIR="${FOI_BUILD_DIR:-${ROOT}/build}"
readonly SERVER_BIN="${BUILD_DIR}/services/foi_server/foi-server"
readonly ANALYTICS_BIN="${BUILD_DIR}/services/analytics_job/foi-analytics"
readonly FOICTL_BIN="${BUILD_DIR}/services/foictl/foictl"
readonly VAR_DIR="${ROOT}/var"
readonly LOG_DIR="${VAR_DIR}/log"
readonly DB_DIR="${VAR_DIR}/mariadb"
readonly DB_DATADIR="${DB_DIR}/data"
readonly DB_SOCKET="${DB_DIR}/mysqld.sock"
readonly DB_PIDFILE="${DB_DIR}/mysqld.pid"
readonly DB_LOG="${LOG_DIR}/mariadb.log"
readonly DB_PORT="${FOI_DB_PORT:-33306}"
readonly SERVER_LOG="${LOG_DIR}/foi-server.log"
readonly SERVER_PIDFILE="${VAR_DIR}/foi-server.pid"
readonly RUN_PIDFILE="${VAR_DIR}/run.pid"
readonly TOKEN_FILE="${VAR_DIR}/admin.token"
# Seconds foi-server gets to drain after SIGTERM before SIGKILL.
readonly DRAIN_TIMEOUT=30

LISTEN="127.0.0.1:${FOI_PORT:-50051}"
SERVER_ARGS=()
SERVER_PID=""
SERVER_LOG_SKIP=0
DB_OWNED=0
CLEANED_UP=0

usage() {
  cat <<EOF
Usage: scripts/run.sh [--port N | --listen ADDR] [-- foi-server flags...]

Builds foi-tracker, starts a private MariaDB under var/mariadb (port
\${FOI_DB_PORT:-33306}) and runs foi-server on 127.0.0.1:\${FOI_PORT:-50051}.
Ctrl-C stops both. Logs: var/log/. Admin token: var/admin.token.

  --port N       listen on 127.0.0.1:N
  --listen ADDR  listen on ADDR (host:port, e.g. 0.0.0.0:50051)
  -- ARGS...     pass ARGS to foi-server
EOF
}

#######################################
# Parses the command line into LISTEN and SERVER_ARGS.
#######################################
parse_args() {
  while (( $# > 0 )); do
    case "$1" in
      --port)
        (( $# >= 2 )) || foi::die "--port needs a value"
        LISTEN="127.0.0.1:$2"
        shift 2
        ;;
      --port=*)
        LISTEN="127.0.0.1:${1#--port=}"
        shift
        ;;
      --listen)
        (( $# >= 2 )) || foi::die "--listen needs a value"
        LISTEN="$2"
        shift 2
        ;;
      --listen=*)
        LISTEN="${1#--listen=}"
        shift
        ;;
      -h|--help)
        usage
        exit 0
        ;;
      --)
        shift
        SERVER_ARGS=("$@")
        break
        ;;
      *)
        usage >&2
        foi::die "unknown argument: $1"
        ;;
    esac
  done
  [[ "${LISTEN##*:}" =~ ^[0-9]+$ ]] \
    || foi::die "bad listen address '${LISTEN}': want host:port"
}

#######################################
# Host to probe for readiness: a wildcard listen address is reached via
# loopback.
#######################################
probe_host() {
  local host="${LISTEN%:*}"
  host="${host#[}"
  host="${host%]}"
  case "${host}" in
    ""|0.0.0.0|"*"|"::") echo 127.0.0.1 ;;
    *) echo "${host}" ;;
  esac
}

#######################################
# Refuses to run next to another live scripts/run.sh of this checkout; cleans
# up a server left behind by one that was killed.
#######################################
claim_var_dir() {
  local pid
  mkdir -p "${LOG_DIR}" "${DB_DIR}"
  if pid="$(foi::pidfile_alive "${RUN_PIDFILE}")" && (( pid != $$ )) \
      && grep -qa "run.sh" "/proc/${pid}/cmdline" 2>/dev/null; then
    foi::die "scripts/run.sh is already running for this checkout" \
      "(pid ${pid}); stop it first"
  fi
  echo "$$" >"${RUN_PIDFILE}"
  if pid="$(foi::pidfile_alive "${SERVER_PIDFILE}" foi-server)"; then
    foi::log "stopping foi-server left over from an earlier run (pid ${pid})"
    foi::terminate_pid "${pid}" "${DRAIN_TIMEOUT}" "foi-server"
  fi
  rm -f "${SERVER_PIDFILE}"
}

#######################################
# Starts the private MariaDB, or reuses one a previous run left running.
#######################################
start_database() {
  local pid
  if pid="$(foi::pidfile_alive "${DB_PIDFILE}" mariadbd)" \
      && foi::mariadb_ping "${DB_SOCKET}"; then
    foi::log "reusing MariaDB from an earlier run (pid ${pid})"
  else
    foi::mariadb_init "${DB_DATADIR}" "${LOG_DIR}/mariadb-install-db.log"
    DB_OWNED=1
    foi::mariadb_start "${DB_DATADIR}" "${DB_PORT}" "${DB_SOCKET}" \
      "${DB_LOG}" "${DB_PIDFILE}"
  fi
  DB_OWNED=1
  # foi-server creates its tables; the schema itself must exist to connect.
  foi::mariadb_sql "${DB_SOCKET}" "CREATE DATABASE IF NOT EXISTS foi
    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" >/dev/null
}

#######################################
# Fails early when the server cannot start: not built, or port taken.
#######################################
check_server_startable() {
  local host
  host="$(probe_host)"
  [[ -x "${SERVER_BIN}" ]] || foi::die "not built: ${SERVER_BIN}"
  if foi::port_open "${host}" "${LISTEN##*:}"; then
    foi::die "${host}:${LISTEN##*:} is already in use;" \
      "pick another with --port"
  fi
}

#######################################
# Starts foi-server in the background, logging to SERVER_LOG and the terminal.
# Globals:
#   SERVER_PID: set to the server's pid.
#######################################
start_server() {
  local port="${LISTEN##*:}"
  local host
  host="$(probe_host)"
  check_server_startable
  {
    echo
    echo "===== scripts/run.sh start $(date -u +%Y-%m-%dT%H:%M:%SZ) ====="
  } >>"${SERVER_LOG}"
  SERVER_LOG_SKIP="$(wc -l <"${SERVER_LOG}")"
  foi::log "starting foi-server on ${LISTEN} (log: ${SERVER_LOG})"
  # Own session: Ctrl-C reaches only this script, which then asks the server
  # to drain with SIGTERM. tee -i ignores Ctrl-C so no log line is lost.
  setsid "${SERVER_BIN}" \
    --listen="${LISTEN}" \
    --mysql_url="mysql://root@localhost/foi?socket=${DB_SOCKET}" \
    --targets=all \
    --bootstrap_admin_token_file="${TOKEN_FILE}" \
    "${SERVER_ARGS[@]}" \
    </dev/null > >(tee -ia "${SERVER_LOG}") 2>&1 &
  SERVER_PID=$!
  echo "${SERVER_PID}" >"${SERVER_PIDFILE}"

  local rc=0
  foi::wait_for_port "${host}" "${port}" "${FOI_START_TIMEOUT}" \
    "${SERVER_PID}" || rc=$?
  case "${rc}" in
    0) ;;
    2)
      wait "${SERVER_PID}" || rc=$?
      SERVER_PID=""
      foi::err "foi-server exited during start-up (status ${rc})"
      foi::log_tail "${SERVER_LOG}" 40 "${SERVER_LOG_SKIP}"
      exit 1
      ;;
    *)
      foi::err "foi-server did not accept connections on ${host}:${port}" \
        "within ${FOI_START_TIMEOUT}s"
      foi::log_tail "${SERVER_LOG}" 40 "${SERVER_LOG_SKIP}"
      exit 1
      ;;
  esac
}

#######################################
# Starts the foi-analytics job in the background: near-duplicate hints for
# new applications every 5 seconds (FOI_HINT_SECONDS), disclosure candidates
# every 10 minutes (FOI_ANALYTICS_SECONDS), without a scheduler. Logs to
# var/log/foi-analytics.log.
# Globals:
#   ANALYTICS_PID: set to the job's pid.
#######################################
start_analytics() {
  [[ -x "${ANALYTICS_BIN}" ]] || return 0
  setsid "${ANALYTICS_BIN}" \
    --mysql_url="mysql://root@localhost/foi?socket=${DB_SOCKET}" \
    --watch_seconds="${FOI_ANALYTICS_SECONDS:-600}" \
    --hint_seconds="${FOI_HINT_SECONDS:-5}" \
    </dev/null >>"${LOG_DIR}/foi-analytics.log" 2>&1 &
  ANALYTICS_PID=$!
}

#######################################
# Prints how to reach the running server.
#######################################
print_banner() {
  local endpoint
  endpoint="$(probe_host):${LISTEN##*:}"
  [[ "${endpoint}" == *:*:* ]] && endpoint="[${endpoint%:*}]:${LISTEN##*:}"
  local token="" i
  # The server writes the token during start-up; allow it a moment.
  for (( i = 0; i < 50; i++ )); do
    [[ -s "${TOKEN_FILE}" ]] && break
    sleep 0.1
  done
  if [[ -s "${TOKEN_FILE}" ]]; then
    token="$(tr -d '\r\n' <"${TOKEN_FILE}")"
  fi
  cat >&2 <<EOF

================================================================
 foi-server is running (pid ${SERVER_PID})
   endpoint     ${endpoint}   (listening on ${LISTEN})
   admin token  ${token:-<missing: ${TOKEN_FILE} was not written>}
   token file   ${TOKEN_FILE}
   foictl       ${FOICTL_BIN}
   server log   ${SERVER_LOG}
   analytics    foi-analytics: hints every ${FOI_HINT_SECONDS:-5}s, candidates every ${FOI_ANALYTICS_SECONDS:-600}s (log: ${LOG_DIR}/foi-analytics.log)
   MariaDB      127.0.0.1:${DB_PORT}, socket ${DB_SOCKET}

 Try:
   FOI_ENDPOINT=${endpoint} FOI_TOKEN=${token:-<token>} ${FOICTL_BIN#"${ROOT}"/} list

 Ctrl-C stops the server and MariaDB.
================================================================

EOF
}

#######################################
# Stops the server (drain) and then MariaDB. Safe to call more than once.
#######################################
cleanup() {
  (( CLEANED_UP == 0 )) || return 0
  CLEANED_UP=1
  if [[ -n "${ANALYTICS_PID:-}" ]]; then
    foi::terminate_pid "${ANALYTICS_PID}" 5 "foi-analytics"
    ANALYTICS_PID=""
  fi
  if [[ -n "${SERVER_PID}" ]]; then
    if foi::pid_alive "${SERVER_PID}"; then
      foi::log "stopping foi-server (pid ${SERVER_PID}); draining"
    fi
    foi::terminate_pid "${SERVER_PID}" "${DRAIN_TIMEOUT}" "foi-server"
    SERVER_PID=""
  fi
  rm -f "${SERVER_PIDFILE}"
  if (( DB_OWNED == 1 )); then
    foi::mariadb_stop "${DB_PIDFILE}"
    # Interrupted while it was starting: there may be no pid file yet.
    if [[ -n "${FOI_MARIADB_PID:-}" ]]; then
      foi::terminate_pid "${FOI_MARIADB_PID}" "${FOI_STOP_TIMEOUT}" "MariaDB"
    fi
  fi
  if [[ -f "${RUN_PIDFILE}" && "$(<"${RUN_PIDFILE}")" == "$$" ]]; then
    rm -f "${RUN_PIDFILE}"
  fi
}

# shellcheck disable=SC2317  # invoked by trap
on_signal() {
  echo >&2
  foi::log "signal received; shutting down"
  cleanup
  exit 0
}

main() {
  parse_args "$@"
  trap cleanup EXIT
  trap on_signal INT TERM HUP

  foi::ensure_packages
  if [[ "${FOI_SKIP_BUILD:-0}" != 1 ]]; then
    foi::build "${BUILD_DIR}"
  fi
  claim_var_dir
  check_server_startable
  start_database
  start_server
  start_analytics
  print_banner

  local rc=0
  wait "${SERVER_PID}" || rc=$?
  # Only reached when the server exits on its own (signals go to on_signal).
  SERVER_PID=""
  if (( rc == 0 )); then
    foi::log "foi-server exited"
  else
    foi::err "foi-server exited with status ${rc}"
    foi::log_tail "${SERVER_LOG}" 20 "${SERVER_LOG_SKIP}"
  fi
  cleanup
  exit "${rc}"
}

main "$@"
