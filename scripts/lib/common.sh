#!/usr/bin/env bash
#
# Shared helpers for the scripts/ entry points. Source it, do not run it:
#
#   readonly ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
#   source "${ROOT}/scripts/lib/common.sh"
#
# Functions are namespaced foi::*. They assume `set -euo pipefail` in the
# caller and report errors on stderr.

if [[ -n "${FOI_COMMON_SH_LOADED:-}" ]]; then
  return 0
fi
readonly FOI_COMMON_SH_LOADED=1

# Repository root: the caller's ROOT if set, else two levels above this file.
if [[ -z "${ROOT:-}" ]]; then
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fi

# Debian 12 packages needed to build, test and run foi-tracker.
readonly -a FOI_PACKAGES=(
  build-essential
  cmake
  ccache
  pkg-config
  git
  libgrpc++-dev
  protobuf-compiler-grpc
  libprotobuf-dev
  protobuf-compiler
  libabsl-dev
  libmysqlcppconn-dev
  libssl-dev
  libgtest-dev
  libgmock-dev
  googletest
  libbenchmark-dev
  libvectorscan-dev
  libicu-dev
  libpoppler-cpp-dev
  libcairo2-dev
  libpango1.0-dev
  fonts-noto-cjk
  poppler-utils
  mariadb-server
  mariadb-client
  tzdata
  ca-certificates
  procps
  time
  iproute2
)

# MariaDB option file for the private instances (see the file for details).
: "${FOI_MARIADB_CNF:=${ROOT}/deploy/mariadb/foi.cnf}"

# Pid of the MariaDB server foi::mariadb_start launched last; read by callers.
# shellcheck disable=SC2034
FOI_MARIADB_PID=""

# How long to wait for a server to come up or to shut down, in seconds.
readonly FOI_START_TIMEOUT=60
readonly FOI_STOP_TIMEOUT=60

#######################################
# Logging.
# Arguments:
#   Message words.
# Outputs:
#   Writes the message to stderr.
#######################################
foi::log() {
  echo "[foi] $*" >&2
}

foi::err() {
  echo "[foi] ERROR: $*" >&2
}

#######################################
# Prints an error and exits 1.
#######################################
foi::die() {
  foi::err "$@"
  exit 1
}

#######################################
# Prints the last lines of a log file, indented, to stderr.
# Arguments:
#   Log file path, optional number of lines (default 40), optional number of
#   leading lines to ignore (older runs appended to the same file).
#######################################
foi::log_tail() {
  local file="$1"
  local lines="${2:-40}"
  local skip="${3:-0}"
  if [[ -s "${file}" ]]; then
    echo "----- last lines of ${file} -----" >&2
    tail -n "+$(( skip + 1 ))" "${file}" | tail -n "${lines}" \
      | sed 's/^/  | /' >&2
    echo "-----" >&2
  else
    echo "(${file} is empty or missing)" >&2
  fi
}

#######################################
# Installs the Debian packages in FOI_PACKAGES that are missing. Silent when
# all are present. Needs root when something is missing.
# Globals:
#   FOI_PACKAGES
# Outputs:
#   Progress on stderr, only when installing.
#######################################
foi::ensure_packages() {
  local -a missing=()
  local pkg status
  if ! command -v dpkg-query >/dev/null 2>&1; then
    foi::die "dpkg-query not found: these scripts expect Debian 12." \
      "Install the equivalents of: ${FOI_PACKAGES[*]}"
  fi
  for pkg in "${FOI_PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "${pkg}" 2>/dev/null || true)"
    if [[ "${status}" != "install ok installed" ]]; then
      missing+=("${pkg}")
    fi
  done
  if (( ${#missing[@]} == 0 )); then
    return 0
  fi
  if (( EUID != 0 )); then
    foi::err "missing Debian packages: ${missing[*]}"
    foi::err "install them as root:"
    echo "  apt-get update && apt-get install -y --no-install-recommends" \
      "${missing[*]}" >&2
    exit 1
  fi
  local log="${TMPDIR:-/tmp}/foi-apt-get.log"
  foi::log "installing ${#missing[@]} missing package(s): ${missing[*]}"
  foi::log "(this can take a few minutes; apt-get output: ${log})"
  if ! { apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"${log}" 2>&1; then
    foi::err "apt-get failed"
    foi::log_tail "${log}"
    exit 1
  fi
  foi::log "packages installed"
}

#######################################
# Configures (once) and builds the project with CMake.
# Globals:
#   ROOT
#   FOI_BUILD_TYPE (optional, default RelWithDebInfo; used on first configure)
# Arguments:
#   Build directory (default: ${ROOT}/build).
# Outputs:
#   Progress on stderr; compiler output on stdout.
#######################################
foi::build() {
  local build_dir="${1:-${ROOT}/build}"
  local build_type="${FOI_BUILD_TYPE:-RelWithDebInfo}"
  local configure_log="${build_dir}/configure.log"
  mkdir -p "${build_dir}"
  # A directory whose earlier configure failed has a cache but no build
  # system: configure it again.
  if [[ ! -f "${build_dir}/CMakeCache.txt" \
      || ( ! -f "${build_dir}/Makefile" \
           && ! -f "${build_dir}/build.ninja" ) ]]; then
    foi::log "configuring ${build_dir} (${build_type})"
    if ! cmake -S "${ROOT}" -B "${build_dir}" \
        -DCMAKE_BUILD_TYPE="${build_type}" >"${configure_log}" 2>&1; then
      foi::err "cmake configure failed"
      foi::log_tail "${configure_log}" 60
      return 1
    fi
  fi
  foi::log "building in ${build_dir} with $(nproc) jobs"
  local start="${SECONDS}"
  if ! cmake --build "${build_dir}" -j"$(nproc)"; then
    foi::err "build failed"
    return 1
  fi
  foi::log "build done in $(( SECONDS - start ))s"
}

#######################################
# Succeeds when PID is a live (non-zombie) process, and, if NAME is given,
# its command name is NAME (guards against pid reuse).
# Arguments:
#   PID, optional NAME.
#######################################
foi::pid_alive() {
  local pid="$1"
  local name="${2:-}"
  local stat state comm
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  if [[ ! -d /proc/self ]]; then
    # No procfs: fall back to a signal probe.
    kill -0 "${pid}" 2>/dev/null
    return
  fi
  # The process may vanish at any moment: a failed read means it is gone.
  { read -r stat <"/proc/${pid}/stat"; } 2>/dev/null || return 1
  state="${stat##*) }"
  state="${state%% *}"
  [[ "${state}" != "Z" && "${state}" != "X" ]] || return 1
  if [[ -n "${name}" ]]; then
    { read -r comm <"/proc/${pid}/comm"; } 2>/dev/null || return 1
    [[ "${comm}" == "${name:0:15}" ]] || return 1
  fi
  return 0
}

#######################################
# Reads a pid file. Prints the pid if the file names a live process (with
# optional command NAME), else prints nothing and fails.
# Arguments:
#   Pid file, optional NAME.
#######################################
foi::pidfile_alive() {
  local pidfile="$1"
  local name="${2:-}"
  local pid
  [[ -s "${pidfile}" ]] || return 1
  pid="$(tr -dc '0-9' <"${pidfile}")"
  foi::pid_alive "${pid}" "${name}" || return 1
  echo "${pid}"
}

#######################################
# Sends SIGTERM to PID, waits up to TIMEOUT seconds for it to exit, then
# sends SIGKILL. Reaps it if it is a child of this shell.
# Arguments:
#   PID, optional TIMEOUT (default FOI_STOP_TIMEOUT), optional label.
#######################################
foi::terminate_pid() {
  local pid="$1"
  local timeout="${2:-${FOI_STOP_TIMEOUT}}"
  local label="${3:-process ${pid}}"
  local deadline
  foi::pid_alive "${pid}" || { wait "${pid}" 2>/dev/null || true; return 0; }
  kill -TERM "${pid}" 2>/dev/null || true
  deadline=$(( SECONDS + timeout ))
  while foi::pid_alive "${pid}"; do
    if (( SECONDS >= deadline )); then
      foi::err "${label} did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL "${pid}" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.2
  done
  wait "${pid}" 2>/dev/null || true
}

#######################################
# Stops a whole process group (a command started with setsid): SIGTERM, up to
# TIMEOUT seconds, then SIGKILL. Reaps the leader if it is our child.
# Arguments:
#   PGID (the leader's pid), optional TIMEOUT (default 10), optional label.
#######################################
foi::terminate_group() {
  local pgid="$1"
  local timeout="${2:-10}"
  local label="${3:-process group ${pgid}}"
  local deadline
  if ! kill -TERM -- "-${pgid}" 2>/dev/null; then
    wait "${pgid}" 2>/dev/null || true
    return 0
  fi
  deadline=$(( SECONDS + timeout ))
  # Reap the leader as soon as it exits so the group can empty.
  while kill -0 -- "-${pgid}" 2>/dev/null; do
    if ! foi::pid_alive "${pgid}"; then
      wait "${pgid}" 2>/dev/null || true
    fi
    if (( SECONDS >= deadline )); then
      foi::err "${label} did not stop within ${timeout}s; sending SIGKILL"
      kill -KILL -- "-${pgid}" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  wait "${pgid}" 2>/dev/null || true
}

#######################################
# Succeeds when something accepts TCP connections on HOST:PORT.
# Arguments:
#   HOST, PORT.
#######################################
foi::port_open() {
  local host="$1"
  local port="$2"
  # The redirection happens in a subshell so the descriptor never leaks.
  (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null
}

#######################################
# Prints a TCP port on 127.0.0.1 that nothing uses now. Picks from
# 10000-31999, below Linux's ephemeral range, so outgoing connections do not
# take it in the meantime.
# Outputs:
#   The port on stdout.
#######################################
foi::free_port() {
  local used="" port attempt
  if command -v ss >/dev/null 2>&1; then
    # Every TCP socket, not only listeners: a port in TIME_WAIT is not free.
    used="$(ss -Htan 2>/dev/null | awk '{ sub(/.*:/, "", $4); print $4 }' \
      | sort -u)"
  fi
  for (( attempt = 0; attempt < 500; attempt++ )); do
    port=$(( 10000 + (RANDOM * 32768 + RANDOM) % 22000 ))
    if grep -qx "${port}" <<<"${used}"; then
      continue
    fi
    if foi::port_open 127.0.0.1 "${port}"; then
      continue
    fi
    echo "${port}"
    return 0
  done
  foi::err "no free TCP port found on 127.0.0.1"
  return 1
}

#######################################
# Waits until HOST:PORT accepts TCP connections.
# Arguments:
#   HOST, PORT, TIMEOUT seconds, optional PID that must stay alive.
# Returns:
#   0 when ready, 1 on timeout, 2 when PID died first.
#######################################
foi::wait_for_port() {
  local host="$1"
  local port="$2"
  local timeout="$3"
  local pid="${4:-}"
  local deadline=$(( SECONDS + timeout ))
  until foi::port_open "${host}" "${port}"; do
    if [[ -n "${pid}" ]] && ! foi::pid_alive "${pid}"; then
      return 2
    fi
    if (( SECONDS >= deadline )); then
      return 1
    fi
    sleep 0.2
  done
}

#######################################
# Path of the MariaDB server binary.
#######################################
foi::mariadbd_bin() {
  command -v mariadbd 2>/dev/null || echo /usr/sbin/mariadbd
}

#######################################
# Initialises a MariaDB data directory unless it already holds one. Root
# (root@localhost, 127.0.0.1 and ::1) gets no password.
# Arguments:
#   DATADIR, optional LOGFILE (default DATADIR/../mariadb-install-db.log).
#######################################
foi::mariadb_init() {
  local datadir="$1"
  local logfile="${2:-$(dirname "${datadir}")/mariadb-install-db.log}"
  local -a user_opt=()
  if [[ -d "${datadir}/mysql" ]]; then
    return 0
  fi
  if (( EUID == 0 )); then
    user_opt=(--user=root)
  fi
  mkdir -p "${datadir}" "$(dirname "${logfile}")"
  foi::log "initialising MariaDB data directory ${datadir}"
  # --no-defaults must come first, or /etc/mysql/my.cnf is read.
  if ! mariadb-install-db --no-defaults --datadir="${datadir}" \
      --auth-root-authentication-method=normal "${user_opt[@]}" \
      --skip-test-db >"${logfile}" 2>&1; then
    foi::err "mariadb-install-db failed"
    foi::log_tail "${logfile}"
    # Leave nothing half-made that the next run would take as initialised.
    rm -rf "${datadir:?}/mysql"
    return 1
  fi
}

#######################################
# Pings a MariaDB server through its socket.
# Arguments:
#   SOCKET.
#######################################
foi::mariadb_ping() {
  mariadb-admin --no-defaults --socket="$1" -uroot --connect-timeout=2 \
    ping >/dev/null 2>&1
}

#######################################
# Runs SQL as root through a socket.
# Arguments:
#   SOCKET, SQL.
#######################################
foi::mariadb_sql() {
  mariadb --no-defaults --socket="$1" -uroot --batch -e "$2"
}

#######################################
# Starts a MariaDB server in the background, in its own session (so a
# terminal Ctrl-C does not reach it; stop it with foi::mariadb_stop), and
# waits until it answers a ping.
# Globals:
#   FOI_MARIADB_CNF: option file read first (--defaults-file).
#   FOI_MARIADB_PID: set to the server's pid as soon as it is launched;
#     empty again if start-up fails.
# Arguments:
#   DATADIR PORT SOCKET LOGFILE PIDFILE [extra mariadbd options...]
#######################################
foi::mariadb_start() {
  local datadir="$1"
  local port="$2"
  local socket="$3"
  local logfile="$4"
  local pidfile="$5"
  shift 5
  local -a user_opt=()
  local pid deadline
  FOI_MARIADB_PID=""
  if (( ${#socket} > 100 )); then
    foi::err "socket path too long for a Unix socket (${#socket} chars):" \
      "${socket}"
    return 1
  fi
  if [[ ! -f "${FOI_MARIADB_CNF}" ]]; then
    foi::err "MariaDB option file not found: ${FOI_MARIADB_CNF}"
    return 1
  fi
  if foi::port_open 127.0.0.1 "${port}"; then
    foi::err "port ${port} on 127.0.0.1 is already in use; choose another" \
      "(FOI_DB_PORT for scripts/run.sh)"
    return 1
  fi
  if (( EUID == 0 )); then
    user_opt=(--user=root)
  fi
  # Temporary tables go next to the data, not to the shared /tmp, where
  # another MariaDB starting up may clean up #sql* files it takes for its
  # own.
  local tmpdir
  tmpdir="$(dirname "${datadir}")/mariadb-tmp"
  mkdir -p "$(dirname "${socket}")" "$(dirname "${logfile}")" \
    "$(dirname "${pidfile}")" "${tmpdir}"
  rm -f "${pidfile}"
  foi::log "starting MariaDB on 127.0.0.1:${port} (socket ${socket})"
  # --defaults-file must come first: it replaces /etc/mysql/my.cnf.
  setsid "$(foi::mariadbd_bin)" \
    --defaults-file="${FOI_MARIADB_CNF}" \
    --datadir="${datadir}" \
    --port="${port}" \
    --socket="${socket}" \
    --pid-file="${pidfile}" \
    --log-error="${logfile}" \
    --tmpdir="${tmpdir}" \
    "${user_opt[@]}" \
    "$@" \
    </dev/null >>"${logfile}" 2>&1 &
  pid=$!
  # Known at once, so a caller interrupted during the wait can still stop it.
  FOI_MARIADB_PID="${pid}"
  deadline=$(( SECONDS + FOI_START_TIMEOUT ))
  until foi::mariadb_ping "${socket}"; do
    if ! foi::pid_alive "${pid}"; then
      wait "${pid}" 2>/dev/null || true
      FOI_MARIADB_PID=""
      foi::err "MariaDB exited during start-up"
      foi::log_tail "${logfile}"
      return 1
    fi
    if (( SECONDS >= deadline )); then
      foi::err "MariaDB did not answer within ${FOI_START_TIMEOUT}s"
      foi::terminate_pid "${pid}" 10 "MariaDB"
      # shellcheck disable=SC2034  # read by callers
      FOI_MARIADB_PID=""
      foi::log_tail "${logfile}"
      return 1
    fi
    sleep 0.2
  done
  # mariadbd writes the pid file itself; make sure it is there even if we
  # raced it, so foi::mariadb_stop always finds the server.
  if [[ ! -s "${pidfile}" ]]; then
    echo "${pid}" >"${pidfile}"
  fi
  foi::log "MariaDB is up (pid ${pid})"
}

#######################################
# Stops the MariaDB server named by a pid file: SIGTERM, up to 60 s to shut
# down cleanly, then SIGKILL. Does nothing if no server is running.
# Arguments:
#   PIDFILE.
#######################################
foi::mariadb_stop() {
  local pidfile="$1"
  local pid
  if ! pid="$(foi::pidfile_alive "${pidfile}" mariadbd)"; then
    rm -f "${pidfile}"
    return 0
  fi
  foi::log "stopping MariaDB (pid ${pid})"
  foi::terminate_pid "${pid}" "${FOI_STOP_TIMEOUT}" "MariaDB"
  rm -f "${pidfile}"
}
