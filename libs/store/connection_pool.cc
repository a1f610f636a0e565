#include "libs/store/connection_pool.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/time/clock.h"
#include "libs/store/sql_errors.h"

namespace foi::store {
namespace {

// Connector/C++ creates its driver (and initialises the C client library) on
// the first call, which is not thread-safe; a function-local static makes
// that first call happen exactly once.
sql::Driver* Driver() {
  static sql::Driver* const driver = sql::mysql::get_mysql_driver_instance();
  return driver;
}

// The C client takes whole seconds; round up so that 500ms does not mean
// "no timeout".
int WholeSeconds(absl::Duration d) {
  return std::max(1, static_cast<int>(std::ceil(absl::ToDoubleSeconds(d))));
}

void Execute(sql::Connection& conn, const std::string& statement) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  stmt->execute(statement);
}

// Opens one connection, set up as Acquire() promises. Never throws.
absl::StatusOr<std::unique_ptr<sql::Connection>> Connect(
    const MysqlOptions& options, bool select_schema) {
  sql::ConnectOptionsMap props;
  if (!options.unix_socket.empty()) {
    props["hostName"] = sql::SQLString("unix://" + options.unix_socket);
  } else {
    props["hostName"] = sql::SQLString(options.host);
    props["port"] = options.port;
  }
  props["userName"] = sql::SQLString(options.user);
  props["password"] = sql::SQLString(options.password);
  if (select_schema) props["schema"] = sql::SQLString(options.database);
  props["OPT_CONNECT_TIMEOUT"] = WholeSeconds(options.connect_timeout);
  props["OPT_READ_TIMEOUT"] = WholeSeconds(options.io_timeout);
  props["OPT_WRITE_TIMEOUT"] = WholeSeconds(options.io_timeout);
  // A silent reconnect would drop session state and a half-done transaction
  // behind our back; the pool replaces lost connections instead.
  props["OPT_RECONNECT"] = false;
  props["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");

  std::unique_ptr<sql::Connection> conn;
  try {
    conn.reset(Driver()->connect(props));
    Execute(*conn, "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci");
    Execute(*conn, "SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    conn->setAutoCommit(true);
  } catch (const sql::SQLException& e) {
    const std::string where =
        options.unix_socket.empty()
            ? absl::StrCat(options.host, ":", options.port)
            : options.unix_socket;
    return SqlErrorToStatus(e, absl::StrCat("connecting to ", where));
  } catch (const std::exception& e) {
    return absl::InternalError(
        absl::StrCat("connecting to the database: ", e.what()));
  }
  if (conn == nullptr) {
    return absl::UnavailableError("connecting to the database: no connection");
  }
  return conn;
}

}  // namespace

PooledConnection::~PooledConnection() = default;

Lease::Lease(ConnectionPool* pool, std::unique_ptr<PooledConnection> conn)
    : pool_(pool), conn_(std::move(conn)) {}

sql::PreparedStatement& Lease::Prepare(const std::string& sql) {
  auto it = conn_->statements.find(sql);
  if (it == conn_->statements.end()) {
    std::unique_ptr<sql::PreparedStatement> ps(
        conn_->conn->prepareStatement(sql));
    it = conn_->statements.emplace(sql, std::move(ps)).first;
  }
  return *it->second;
}

Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_),
      conn_(std::move(other.conn_)),
      broken_(other.broken_) {
  other.pool_ = nullptr;
}

Lease::~Lease() {
  if (pool_ != nullptr && conn_ != nullptr) {
    pool_->Release(std::move(conn_), broken_);
  }
}

absl::StatusOr<std::unique_ptr<ConnectionPool>> ConnectionPool::Create(
    MysqlOptions options) {
  if (options.pool_size < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("mysql options: pool_size must be at least 1, got ",
                     options.pool_size));
  }
  if (options.acquire_timeout < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "mysql options: acquire_timeout must not be negative");
  }
  try {
    Driver();  // Before any thread connects; see Driver().
  } catch (const std::exception& e) {
    return absl::InternalError(
        absl::StrCat("loading the MySQL driver: ", e.what()));
  }
  return std::unique_ptr<ConnectionPool>(
      new ConnectionPool(std::move(options)));
}

ConnectionPool::ConnectionPool(MysqlOptions options)
    : options_(std::move(options)) {}

ConnectionPool::~ConnectionPool() {
  // REQUIRES (documented by ownership): every Lease is gone by now.
  std::vector<std::unique_ptr<PooledConnection>> idle;
  {
    absl::MutexLock lock(&mu_);
    idle.swap(idle_);
    open_ = 0;
  }
  // Destroying a Connection closes it; it does not throw.
}

absl::StatusOr<Lease> ConnectionPool::Acquire() {
  const absl::Time deadline = absl::Now() + options_.acquire_timeout;
  std::unique_ptr<PooledConnection> conn;
  {
    absl::MutexLock lock(&mu_);
    auto free = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return !idle_.empty() || open_ < options_.pool_size;
    };
    if (!mu_.AwaitWithDeadline(absl::Condition(&free), deadline)) {
      return absl::UnavailableError(
          absl::StrCat("no database connection free within ",
                       absl::FormatDuration(options_.acquire_timeout),
                       " (pool_size ", options_.pool_size, ")"));
    }
    if (!idle_.empty()) {
      // Most recently used first: it is the most likely to be alive, and the
      // others may age out at the server's wait_timeout.
      conn = std::move(idle_.back());
      idle_.pop_back();
    } else {
      ++open_;  // Reserve the slot before connecting without the lock.
    }
  }
  if (conn == nullptr) {
    absl::StatusOr<std::unique_ptr<sql::Connection>> opened =
        Connect(options_, /*select_schema=*/true);
    if (!opened.ok()) {
      absl::MutexLock lock(&mu_);
      --open_;
      return opened.status();
    }
    conn = std::make_unique<PooledConnection>();
    conn->conn = *std::move(opened);
  }
  return Lease(this, std::move(conn));
}

void ConnectionPool::Release(std::unique_ptr<PooledConnection> conn,
                             bool broken) {
  if (!broken) {
    // A connection left outside autocommit would carry a transaction into
    // the next lease. Connector/C++ answers this from its own state, without
    // a round trip.
    try {
      broken = !conn->conn->getAutoCommit();
    } catch (const std::exception&) {
      broken = true;
    }
  }
  std::vector<std::unique_ptr<PooledConnection>> to_close;
  {
    absl::MutexLock lock(&mu_);
    if (!broken) {
      idle_.push_back(std::move(conn));
      return;
    }
    // A connection seldom breaks alone: after a database restart, failover
    // or network cut every idle connection is dead too. Dropping them all
    // now costs a few reconnects; keeping them would fail one request per
    // dead connection.
    to_close.swap(idle_);
    open_ -= static_cast<int>(to_close.size()) + 1;
  }
  // Closing may touch the network: do it without holding the lock.
  to_close.push_back(std::move(conn));
  to_close.clear();
}

absl::Status EnsureDatabase(const MysqlOptions& options) {
  absl::StatusOr<std::unique_ptr<sql::Connection>> conn =
      Connect(options, /*select_schema=*/false);
  if (!conn.ok()) return conn.status();
  // Backquoted, with backquotes doubled: the name cannot end the identifier.
  const std::string quoted = absl::StrCat(
      "`", absl::StrReplaceAll(options.database, {{"`", "``"}}), "`");
  try {
    Execute(**conn,
            absl::StrCat("CREATE DATABASE IF NOT EXISTS ", quoted,
                         " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"));
  } catch (const sql::SQLException& e) {
    return SqlErrorToStatus(
        e, absl::StrCat("creating database ", options.database));
  } catch (const std::exception& e) {
    return absl::InternalError(
        absl::StrCat("creating database ", options.database, ": ", e.what()));
  }
  return absl::OkStatus();
}

}  // namespace foi::store
