#include "libs/store/testing/mariadb_instance.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/store/connection_pool.h"

namespace foi::testing {
namespace {

std::string EnvOr(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value == nullptr || *value == '\0' ? fallback : value;
}

absl::Status Errno(absl::string_view what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

// Binds 127.0.0.1:0 and reads back the port the kernel chose.
absl::StatusOr<int> PickFreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return Errno("socket");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    absl::Status s = Errno("binding 127.0.0.1:0");
    close(fd);
    return s;
  }
  close(fd);
  return ntohs(addr.sin_port);
}

// Forks and execs `argv` with stdout and stderr appended to `log_path`.
// Between fork and exec the child only makes async-signal-safe calls.
absl::StatusOr<pid_t> Spawn(const std::vector<std::string>& argv,
                            const std::string& log_path) {
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid < 0) return Errno("fork");
  if (pid == 0) {
    // The server must not outlive a crashed test binary.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);
    const int log = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int null = open("/dev/null", O_RDONLY);
    if (log >= 0) {
      dup2(log, STDOUT_FILENO);
      dup2(log, STDERR_FILENO);
    }
    if (null >= 0) dup2(null, STDIN_FILENO);
    execv(args[0], args.data());
    _exit(127);
  }
  return pid;
}

std::string ReadTail(const std::string& path, size_t max_chars = 2000) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() > max_chars) text = text.substr(text.size() - max_chars);
  return text;
}

// Waits for `pid` to exit, up to `timeout`; returns whether it did.
bool WaitForExit(pid_t pid, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD)) return true;
    if (absl::Now() >= deadline) return false;
    absl::SleepFor(absl::Milliseconds(20));
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<MariadbInstance>> MariadbInstance::Create() {
  // Under /tmp, not TMPDIR: a Unix socket path must stay under 108 bytes.
  char dir_template[] = "/tmp/foi-mariadb-XXXXXX";
  if (mkdtemp(dir_template) == nullptr) return Errno("mkdtemp");
  const std::string dir = dir_template;
  absl::StatusOr<int> port = PickFreePort();
  if (!port.ok()) {
    std::filesystem::remove_all(dir);
    return port.status();
  }
  // From here on the destructor removes the directory.
  std::unique_ptr<MariadbInstance> instance(new MariadbInstance(dir, *port));

  const std::string log = dir + "/install.log";
  // A private tmpdir: concurrent instances must not share temporary tables
  // in /tmp (seen to fail installation when two tests start at once).
  std::filesystem::create_directories(dir + "/tmp");
  absl::StatusOr<pid_t> pid =
      Spawn({EnvOr("FOI_MARIADB_INSTALL_DB", "/usr/bin/mariadb-install-db"),
             "--no-defaults", "--datadir=" + dir + "/data",
             "--auth-root-authentication-method=normal", "--user=root",
             "--skip-test-db", "--tmpdir=" + dir + "/tmp"},
            log);
  if (!pid.ok()) return pid.status();
  int status = 0;
  if (waitpid(*pid, &status, 0) != *pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0) {
    return absl::InternalError(absl::StrCat(
        "mariadb-install-db failed; its log ends:\n", ReadTail(log)));
  }
  return instance;
}

MariadbInstance::MariadbInstance(std::string dir, int port)
    : dir_(std::move(dir)), port_(port) {
  options_.unix_socket = dir_ + "/mysqld.sock";
  options_.host = "127.0.0.1";
  options_.port = port_;
  options_.user = "root";
  options_.database = "foi";
  options_.pool_size = 4;
  options_.acquire_timeout = absl::Seconds(5);
  options_.connect_timeout = absl::Seconds(2);
  options_.io_timeout = absl::Seconds(10);
}

MariadbInstance::~MariadbInstance() {
  Stop();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

absl::Status MariadbInstance::Start(absl::Duration timeout) {
  if (running()) {
    return absl::FailedPreconditionError("mariadbd is already running");
  }
  const std::string log = dir_ + "/mariadbd.log";
  absl::StatusOr<pid_t> pid =
      Spawn({EnvOr("FOI_MARIADBD", "/usr/sbin/mariadbd"), "--no-defaults",
             "--datadir=" + dir_ + "/data", "--user=root",
             absl::StrCat("--port=", port_), "--socket=" + options_.unix_socket,
             "--bind-address=127.0.0.1", "--skip-name-resolve",
             "--pid-file=" + dir_ + "/mariadbd.pid", "--log-error=" + log,
             "--innodb-buffer-pool-size=64M", "--skip-log-bin",
             "--tmpdir=" + dir_ + "/tmp"},
            log);
  if (!pid.ok()) return pid.status();
  pid_ = *pid;

  // Ready when a connection succeeds: the same path the code under test uses.
  store::MysqlOptions probe = options_;
  probe.database = "mysql";
  probe.pool_size = 1;
  probe.connect_timeout = absl::Seconds(1);
  const absl::Time deadline = absl::Now() + timeout;
  absl::Status last = absl::UnavailableError("not probed yet");
  while (absl::Now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return absl::InternalError(absl::StrCat(
          "mariadbd exited during start-up; its log ends:\n", ReadTail(log)));
    }
    absl::StatusOr<std::unique_ptr<store::ConnectionPool>> pool =
        store::ConnectionPool::Create(probe);
    if (!pool.ok()) return pool.status();
    absl::StatusOr<store::Lease> lease = (*pool)->Acquire();
    if (lease.ok()) return absl::OkStatus();
    last = lease.status();
    absl::SleepFor(absl::Milliseconds(50));
  }
  Kill();
  return absl::DeadlineExceededError(
      absl::StrCat("mariadbd did not answer within ",
                   absl::FormatDuration(timeout), ": ", last.message()));
}

void MariadbInstance::Kill() {
  if (!running()) return;
  kill(pid_, SIGKILL);
  WaitForExit(pid_, absl::InfiniteDuration());
  pid_ = -1;
}

void MariadbInstance::Stop(absl::Duration timeout) {
  if (!running()) return;
  kill(pid_, SIGTERM);
  if (WaitForExit(pid_, timeout)) {
    pid_ = -1;
    return;
  }
  Kill();
}

}  // namespace foi::testing
