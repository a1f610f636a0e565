// A bounded pool of Connector/C++ connections that heals itself: a connection
// that failed is dropped and a fresh one is opened on the next Acquire(), so
// the service recovers on its own after the database restarts.
//
// Thread safety: all methods may be called concurrently. A Lease is used by one
// thread at a time.
#ifndef FOI_LIBS_STORE_CONNECTION_POOL_H_
#define FOI_LIBS_STORE_CONNECTION_POOL_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "libs/store/mysql_options.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace foi::store {

class ConnectionPool;

// One open connection and the statements prepared on it. Statements are
// declared after the connection so they are destroyed before it.
struct PooledConnection {
  std::unique_ptr<sql::Connection> conn;
  absl::flat_hash_map<std::string, std::unique_ptr<sql::PreparedStatement>>
      statements;
  ~PooledConnection();
};

// Exclusive use of one open connection; returns it to the pool when destroyed.
class Lease {
 public:
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&& other) = delete;
  Lease(const Lease&) = delete;
  ~Lease();

  sql::Connection& connection() { return *conn_->conn; }

  // Returns the server-side prepared statement for `sql` on this connection,
  // preparing it on first use; later leases of the same connection reuse it,
  // saving a round trip per statement. Throws sql::SQLException (callers run
  // inside RunInTransaction/RunOnConnection, which catch it).
  sql::PreparedStatement& Prepare(const std::string& sql);

  // Marks the connection unusable (lost, or left in an unknown state); it is
  // closed instead of being returned to the pool.
  void MarkBroken() { broken_ = true; }

 private:
  friend class ConnectionPool;
  Lease(ConnectionPool* pool, std::unique_ptr<PooledConnection> conn);

  ConnectionPool* pool_;
  std::unique_ptr<PooledConnection> conn_;
  bool broken_ = false;
};

class ConnectionPool {
 public:
  // Makes a pool for `options`. Connects lazily: succeeds even while the
  // database is down. REQUIRES: options.pool_size >= 1.
  static absl::StatusOr<std::unique_ptr<ConnectionPool>> Create(
      MysqlOptions options);
  ~ConnectionPool();

  // Returns an open connection with autocommit on, in the configured schema,
  // with utf8mb4. Waits up to options.acquire_timeout for one to be free.
  // Returns UNAVAILABLE when the database cannot be reached or no connection
  // frees up in time.
  absl::StatusOr<Lease> Acquire();

  const MysqlOptions& options() const { return options_; }

 private:
  explicit ConnectionPool(MysqlOptions options);
  void Release(std::unique_ptr<PooledConnection> conn, bool broken);
  friend class Lease;

  const MysqlOptions options_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<PooledConnection>> idle_ ABSL_GUARDED_BY(mu_);
  int open_ ABSL_GUARDED_BY(mu_) = 0;  // idle + leased
};

// What transaction bodies work with: a leased connection and its statement
// cache.
using Session = Lease;

// Creates the schema named in `options` if missing (utf8mb4), connecting
// without selecting a schema. Returns UNAVAILABLE if the server is down.
absl::Status EnsureDatabase(const MysqlOptions& options);

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_CONNECTION_POOL_H_
