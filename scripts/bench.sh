#!/usr/bin/env bash
#
# Benchmarks foi-tracker against baselines measured in the same run on the
# same machine (DESIGN.md: Performance). Not a test: ctest never runs it.
#
# Usage: scripts/bench.sh [intake]
#
#   intake (the default and, for now, the only suite; issue 2):
#     SubmitApplication throughput and latency at 16 and 64 calls in flight,
#     next to three baselines run interleaved with it:
#       empty      an empty unary gRPC call (foi-bench serve-baseline)
#       db_insert  a bare single-row INSERT transaction, no gRPC, N threads
#       insert     a gRPC call whose handler does one such INSERT transaction
#                  on the worker pool: the floor any intake must pay
#     against a throwaway MariaDB with durable commits (deploy/mariadb/
#     foi.cnf: innodb-flush-log-at-trx-commit=1) in a temporary directory.
#     Writes bench/results/intake-<UTC time>.json and intake-latest.json and
#     prints a Markdown table for the README.
#
# Environment read:
#   BENCH_SECONDS          measured seconds per run (default 10)
#   BENCH_WARMUP_SECONDS   warm-up seconds before each run (default 2)
#   BENCH_CONCURRENCY      calls in flight, space separated (default "16 64")
#   BENCH_CALLS_PER_CHANNEL  in-flight calls per client connection (default 8)
#   FOI_BUILD_DIR          build directory (default build)
#   FOI_SKIP_BUILD         set to 1 to use the existing build as it is
#
# Everything it starts (MariaDB, foi-server, foi-bench serve-baseline) is
# stopped, and the temporary directory removed, however the run ends.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT
# shellcheck source=lib/common.sh
source "${ROOT}/scripts/lib/common.sh"

readonly BUILD_DIR="${FOI_BUILD_DIR:-${ROOT}/build}"
readonly SERVER_BIN="${BUILD_DIR}/services/foi_server/foi-server"
readonly BENCH_BIN="${BUILD_DIR}/tests/bench/foi-bench"
readonly RESULTS_DIR="${ROOT}/bench/results"
readonly SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
readonly WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-2}"
readonly CONCURRENCY_LEVELS="${BENCH_CONCURRENCY:-16 64}"
readonly CALLS_PER_CHANNEL="${BENCH_CALLS_PER_CHANNEL:-8}"
# Database connections and worker threads of both servers.
readonly DB_POOL_SIZE=16
# Targets from issue 2.
readonly TARGET_SUBMIT_OVER_INSERT=0.70
readonly TARGET_P99_MS_AT_16=10

TMP_DIR=""
KEEP_TMP=0
# Pids of the servers this script started (MariaDB is tracked separately).
SERVER_PIDS=()

usage() {
  sed -n '3,/^$/p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

#######################################
# Stops every server this script started, then MariaDB, and removes the
# temporary directory (kept, with its logs, after a failure). Runs on exit.
#######################################
# shellcheck disable=SC2317  # invoked by trap
cleanup() {
  local rc=$?
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    foi::terminate_pid "${pid}" 15 "server ${pid}"
  done
  SERVER_PIDS=()
  if [[ -n "${TMP_DIR}" && -d "${TMP_DIR}" ]]; then
    foi::mariadb_stop "${TMP_DIR}/mysqld.pid"
    # Interrupted while it was starting: there may be no pid file yet.
    if [[ -n "${FOI_MARIADB_PID:-}" ]]; then
      foi::terminate_pid "${FOI_MARIADB_PID}" "${FOI_STOP_TIMEOUT}" "MariaDB"
    fi
    if (( rc != 0 || KEEP_TMP == 1 )); then
      foi::err "logs kept in ${TMP_DIR}"
    else
      rm -rf "${TMP_DIR}"
    fi
    TMP_DIR=""
  fi
  return "${rc}"
}

#######################################
# Starts a server in its own session, logging to LOG, and waits for PORT.
# Arguments:
#   LABEL, PORT, LOG, command and arguments...
#######################################
start_server() {
  local label="$1"
  local port="$2"
  local log="$3"
  shift 3
  local pid rc=0
  foi::log "starting ${label} on 127.0.0.1:${port}"
  setsid "$@" </dev/null >>"${log}" 2>&1 &
  pid=$!
  SERVER_PIDS+=("${pid}")
  foi::wait_for_port 127.0.0.1 "${port}" "${FOI_START_TIMEOUT}" "${pid}" \
    || rc=$?
  if (( rc != 0 )); then
    foi::err "${label} did not start (status ${rc})"
    foi::log_tail "${log}"
    exit 1
  fi
}

#######################################
# Runs one foi-bench measurement and prints its JSON line.
# Arguments:
#   foi-bench subcommand and flags.
#######################################
measure() {
  local out
  if ! out="$("${BENCH_BIN}" "$@" --seconds="${SECONDS_PER_RUN}" \
      --warmup_seconds="${WARMUP_SECONDS}" 2>>"${TMP_DIR}/foi-bench.log")"; then
    foi::err "foi-bench $* failed"
    foi::log_tail "${TMP_DIR}/foi-bench.log" 10
    exit 1
  fi
  echo "${out}"
}

#######################################
# Prints the value of numeric FIELD in the one-line JSON object LINE.
#######################################
json_number() {
  local line="$1"
  local field="$2"
  sed -n "s/.*\"${field}\":\\([-0-9.eE+]*\\).*/\\1/p" <<<"${line}"
}

#######################################
# Prints A / B with three decimals (0 when B is 0).
#######################################
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'
}

#######################################
# Escapes a string for a JSON string literal (no control characters expected
# besides tabs).
#######################################
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\t'/ }"
  printf '"%s"' "${s}"
}

main() {
  case "${1:-intake}" in
    intake) ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; foi::die "unknown suite: $1" ;;
  esac
  trap cleanup EXIT
  # Turn signals into an ordinary exit so the EXIT trap runs.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP

  foi::ensure_packages
  if [[ "${FOI_SKIP_BUILD:-0}" != 1 ]]; then
    foi::build "${BUILD_DIR}"
  fi
  [[ -x "${SERVER_BIN}" ]] || foi::die "not built: ${SERVER_BIN}"
  [[ -x "${BENCH_BIN}" ]] || foi::die "not built: ${BENCH_BIN}"

  # Client, servers and MariaDB share this machine: anything else running
  # (a build, say) skews every number. Recorded, and warned about.
  local load_before load_after
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  if awk -v l="${load_before%% *}" -v n="$(nproc)" \
      'BEGIN { exit !(l > n / 2) }'; then
    foi::err "load average is ${load_before} on $(nproc) cores before the" \
      "run: the results will be skewed; rerun on a quiet machine"
  fi

  TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/foi-bench.XXXXXX")"
  local db_port server_port baseline_port socket
  db_port="$(foi::free_port)"
  socket="${TMP_DIR}/mysqld.sock"
  foi::mariadb_init "${TMP_DIR}/data" "${TMP_DIR}/install-db.log"
  # Durable settings as deployed (deploy/mariadb/foi.cnf), nothing relaxed.
  foi::mariadb_start "${TMP_DIR}/data" "${db_port}" "${socket}" \
    "${TMP_DIR}/mariadb.log" "${TMP_DIR}/mysqld.pid"

  local token_file="${TMP_DIR}/admin-token"
  server_port="$(foi::free_port)"
  start_server foi-server "${server_port}" "${TMP_DIR}/foi-server.log" \
    "${SERVER_BIN}" \
    --listen="127.0.0.1:${server_port}" \
    --mysql_url="mysql://root@localhost/foi_bench?socket=${socket}" \
    --db_pool_size="${DB_POOL_SIZE}" \
    --access_log=false \
    --bootstrap_admin_token_file="${token_file}"
  baseline_port="$(foi::free_port)"
  start_server "foi-bench serve-baseline" "${baseline_port}" \
    "${TMP_DIR}/baseline.log" \
    "${BENCH_BIN}" serve-baseline \
    --listen="127.0.0.1:${baseline_port}" \
    --mysql_url="mysql://root@localhost/foi_bench_baseline?socket=${socket}" \
    --db_pool_size="${DB_POOL_SIZE}"

  local -a runs=() rows=() ratio_objects=()
  local c line empty db insert submit valid=true
  local t_empty t_db t_insert t_submit p99_submit
  for c in ${CONCURRENCY_LEVELS}; do
    foi::log "${c} in flight: empty"
    empty="$(measure load --endpoint="127.0.0.1:${baseline_port}" \
      --rpc=empty --concurrency="${c}" \
      --calls_per_channel="${CALLS_PER_CHANNEL}")"
    foi::log "${c} in flight: db_insert"
    db="$(measure db-insert --concurrency="${c}" \
      --mysql_url="mysql://root@localhost/foi_bench_baseline?socket=${socket}")"
    foi::log "${c} in flight: insert"
    insert="$(measure load --endpoint="127.0.0.1:${baseline_port}" \
      --rpc=insert --concurrency="${c}" \
      --calls_per_channel="${CALLS_PER_CHANNEL}")"
    foi::log "${c} in flight: submit"
    submit="$(measure load --endpoint="127.0.0.1:${server_port}" \
      --rpc=submit --concurrency="${c}" --token_file="${token_file}" \
      --calls_per_channel="${CALLS_PER_CHANNEL}")"
    for line in "${empty}" "${db}" "${insert}" "${submit}"; do
      runs+=("${line}")
      if [[ "$(json_number "${line}" errors)" != 0 ]]; then
        foi::err "errors in run: ${line}"
        valid=false
      fi
      rows+=("$(printf '| %3d | %-9s | %9s | %7s | %7s | %7s |' "${c}" \
        "$(sed -n 's/.*"mode":"\([a-z_]*\)".*/\1/p' <<<"${line}")" \
        "$(json_number "${line}" throughput_per_s)" \
        "$(json_number "${line}" p50_ms)" \
        "$(json_number "${line}" p90_ms)" \
        "$(json_number "${line}" p99_ms)")")
    done
    t_empty="$(json_number "${empty}" throughput_per_s)"
    t_db="$(json_number "${db}" throughput_per_s)"
    t_insert="$(json_number "${insert}" throughput_per_s)"
    t_submit="$(json_number "${submit}" throughput_per_s)"
    p99_submit="$(json_number "${submit}" p99_ms)"
    ratio_objects+=("{\"concurrency\":${c},\
\"submit_over_insert_rpc\":$(ratio "${t_submit}" "${t_insert}"),\
\"submit_over_empty\":$(ratio "${t_submit}" "${t_empty}"),\
\"submit_over_db_insert\":$(ratio "${t_submit}" "${t_db}"),\
\"insert_rpc_over_db_insert\":$(ratio "${t_insert}" "${t_db}"),\
\"submit_p99_ms\":${p99_submit}}")
  done

  # The targets of issue 2, judged on the runs at 16 in flight.
  local met_throughput=null met_p99=null r
  for r in "${ratio_objects[@]}"; do
    if [[ "${r}" == '{"concurrency":16,'* ]]; then
      met_throughput="$(awk -v v="$(json_number "${r}" \
        submit_over_insert_rpc)" -v t="${TARGET_SUBMIT_OVER_INSERT}" \
        'BEGIN { print (v >= t ? "true" : "false") }')"
      met_p99="$(awk -v v="$(json_number "${r}" submit_p99_ms)" \
        -v t="${TARGET_P99_MS_AT_16}" \
        'BEGIN { print (v < t ? "true" : "false") }')"
    fi
  done

  local stamp commit dirty=false cpu kernel mariadb_version file
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  commit="$(git -C "${ROOT}" rev-parse HEAD 2>/dev/null || echo unknown)"
  if [[ -n "$(git -C "${ROOT}" status --porcelain 2>/dev/null)" ]]; then
    dirty=true
  fi
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  kernel="$(uname -r)"
  mariadb_version="$("$(foi::mariadbd_bin)" --version 2>/dev/null \
    | sed -n 's/.*Ver \([^ ]*\).*/\1/p')"
  mkdir -p "${RESULTS_DIR}"
  file="${RESULTS_DIR}/intake-${stamp}.json"
  {
    echo "{"
    echo "  \"benchmark\": \"intake\","
    echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
    echo "  \"git_commit\": \"${commit}\","
    echo "  \"git_dirty\": ${dirty},"
    echo "  \"machine\": {\"nproc\": $(nproc), \"cpu_model\":" \
      "$(json_string "${cpu}"), \"kernel\": $(json_string "${kernel}")," \
      "\"loadavg_before\": $(json_string "${load_before}")," \
      "\"loadavg_after\": $(json_string "${load_after}")},"
    echo "  \"settings\": {\"seconds\": ${SECONDS_PER_RUN}," \
      "\"warmup_seconds\": ${WARMUP_SECONDS}," \
      "\"db_pool_size\": ${DB_POOL_SIZE}," \
      "\"calls_per_channel\": ${CALLS_PER_CHANNEL}," \
      "\"mariadb\": $(json_string "${mariadb_version}")," \
      "\"mariadb_options\": \"deploy/mariadb/foi.cnf" \
      "(innodb-flush-log-at-trx-commit=1)\"," \
      "\"database_access\": \"unix socket\"},"
    echo "  \"valid\": ${valid},"
    echo "  \"runs\": ["
    local i
    for (( i = 0; i < ${#runs[@]}; i++ )); do
      echo "    ${runs[i]}$( (( i + 1 < ${#runs[@]} )) && echo ,)"
    done
    echo "  ],"
    echo "  \"ratios\": ["
    for (( i = 0; i < ${#ratio_objects[@]}; i++ )); do
      echo "    ${ratio_objects[i]}$( (( i + 1 < ${#ratio_objects[@]} )) \
        && echo ,)"
    done
    echo "  ],"
    echo "  \"targets\": {\"submit_over_insert_rpc_min_at_16\":" \
      "${TARGET_SUBMIT_OVER_INSERT}, \"submit_p99_ms_max_at_16\":" \
      "${TARGET_P99_MS_AT_16}, \"throughput_met\": ${met_throughput}," \
      "\"p99_met\": ${met_p99}}"
    echo "}"
  } >"${file}"
  cp "${file}" "${RESULTS_DIR}/intake-latest.json"
  foi::log "results: ${file#"${ROOT}"/} (and intake-latest.json)"

  echo
  echo "Intake benchmark, $(nproc) cores (${cpu}), ${SECONDS_PER_RUN}s per run:"
  echo
  echo "| in flight | mode | calls/s | p50 ms | p90 ms | p99 ms |"
  echo "|---:|---|---:|---:|---:|---:|"
  local row
  for row in "${rows[@]}"; do
    echo "${row}"
  done
  echo
  echo "| in flight | submit/insert RPC | submit/empty | submit/db insert |" \
    "insert RPC/db insert | submit p99 ms |"
  echo "|---:|---:|---:|---:|---:|---:|"
  for r in "${ratio_objects[@]}"; do
    printf '| %s | %s | %s | %s | %s | %s |\n' \
      "$(json_number "${r}" concurrency)" \
      "$(json_number "${r}" submit_over_insert_rpc)" \
      "$(json_number "${r}" submit_over_empty)" \
      "$(json_number "${r}" submit_over_db_insert)" \
      "$(json_number "${r}" insert_rpc_over_db_insert)" \
      "$(json_number "${r}" submit_p99_ms)"
  done
  echo
  echo "Targets at 16 in flight: submit/insert RPC >=" \
    "${TARGET_SUBMIT_OVER_INSERT}: ${met_throughput}; submit p99 <" \
    "${TARGET_P99_MS_AT_16} ms: ${met_p99}."
  if [[ "${valid}" != true ]]; then
    foi::err "some calls failed: the run is not valid"
    KEEP_TMP=1
    exit 1
  fi
}

main "$@"
