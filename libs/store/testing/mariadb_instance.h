// A private MariaDB server in a temporary directory, for tests that stop,
// kill and restart the database. Binaries come from FOI_MARIADB_INSTALL_DB
// and FOI_MARIADBD (default /usr/bin/mariadb-install-db, /usr/sbin/mariadbd).
//
// Thread safety: not thread-safe; drive it from the test's main thread. The
// options() it hands out may be used from any thread.
#ifndef FOI_LIBS_STORE_TESTING_MARIADB_INSTANCE_H_
#define FOI_LIBS_STORE_TESTING_MARIADB_INSTANCE_H_

#include <sys/types.h>

#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/mysql_options.h"

namespace foi::testing {

class MariadbInstance {
 public:
  // Makes a temporary data directory and initialises it (root, no password)
  // and picks a free loopback port. Does not start the server. Returns
  // INTERNAL when the directory or mariadb-install-db fails.
  static absl::StatusOr<std::unique_ptr<MariadbInstance>> Create();

  // Stops the server if running and removes the data directory.
  ~MariadbInstance();

  MariadbInstance(const MariadbInstance&) = delete;
  MariadbInstance& operator=(const MariadbInstance&) = delete;

  // Starts mariadbd and returns once it answers, waiting up to `timeout`.
  // Returns FAILED_PRECONDITION if it is already running, INTERNAL if it
  // exits early, DEADLINE_EXCEEDED if it does not answer in time (it is
  // then killed).
  absl::Status Start(absl::Duration timeout = absl::Seconds(30));

  // Kills the server with SIGKILL, as a crash would, and reaps it. No-op
  // when it is not running.
  void Kill();

  // Shuts the server down cleanly (SIGTERM) and waits for it to exit, up to
  // `timeout`, after which it is killed. No-op when it is not running.
  void Stop(absl::Duration timeout = absl::Seconds(30));

  bool running() const { return pid_ > 0; }

  // How to reach it: its Unix socket, user root, database "foi" (which
  // callers create with store::EnsureDatabase). Short timeouts suit tests.
  const store::MysqlOptions& options() const { return options_; }

  // TCP port it listens on, at 127.0.0.1.
  int port() const { return port_; }

 private:
  MariadbInstance(std::string dir, int port);

  std::string dir_;
  int port_;
  store::MysqlOptions options_;
  pid_t pid_ = -1;
};

}  // namespace foi::testing

#endif  // FOI_LIBS_STORE_TESTING_MARIADB_INSTANCE_H_
