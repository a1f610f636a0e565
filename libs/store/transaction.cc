#include "libs/store/transaction.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/exception.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "libs/store/sql_errors.h"

namespace foi::store {
namespace {

using Body = std::function<absl::Status(Session&)>;

enum class Mode { kTransaction, kAutocommit };

struct Attempt {
  absl::Status status;
  bool retry = false;  // Run the body again on a fresh lease.
};

// Connector/C++ 1.1's Connection::commit() and rollback() drop the server's
// error (a COMMIT on a dead connection "succeeds"), so both are sent as
// statements, whose errors do raise.
void Execute(sql::Connection& conn, const char* statement) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  stmt->execute(statement);
}

// Rolls back, best effort: when ROLLBACK itself fails the connection is in an
// unknown state and must not go back to the pool. (A lost connection needs
// no rollback: the server discards the transaction when it notices.)
void RollbackQuietly(Lease& lease) {
  try {
    Execute(lease.connection(), "ROLLBACK");
  } catch (const std::exception&) {
    lease.MarkBroken();
  } catch (...) {
    lease.MarkBroken();
  }
}

// Runs `body` once on `lease`. Never throws.
Attempt RunOnce(Lease& lease, const Body& body, Mode mode) {
  sql::Connection& conn = lease.connection();
  bool in_transaction = false;
  try {
    if (mode == Mode::kTransaction) {
      // START TRANSACTION with autocommit left on costs one round trip;
      // setAutoCommit(false) and back would cost two more.
      Execute(conn, "START TRANSACTION");
      in_transaction = true;
    }
    absl::Status status = body(lease);
    if (!status.ok()) {
      if (in_transaction) RollbackQuietly(lease);
      return {std::move(status), false};
    }
    if (!in_transaction) return {absl::OkStatus(), false};
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e)) {
      lease.MarkBroken();
    } else if (in_transaction) {
      RollbackQuietly(lease);
    }
    return {SqlErrorToStatus(e, in_transaction ? "transaction" : "statement"),
            IsRetryable(e)};
  } catch (const std::exception& e) {
    // Not a database error: a bug in the body. Its connection may be in the
    // middle of anything, so it is not reused.
    lease.MarkBroken();
    return {
        absl::InternalError(absl::StrCat("transaction body threw: ", e.what())),
        false};
  } catch (...) {
    lease.MarkBroken();
    return {absl::InternalError("transaction body threw a non-std exception"),
            false};
  }

  try {
    Execute(conn, "COMMIT");
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e)) {
      // The COMMIT may or may not have reached the server: running the body
      // again could apply it twice.
      lease.MarkBroken();
      return {absl::UnavailableError(absl::StrCat(
                  "connection lost during COMMIT, outcome unknown: ",
                  SqlErrorToStatus(e, "commit").message())),
              false};
    }
    // The server refused the COMMIT (for example a certification conflict
    // in a cluster): nothing was applied, so a retryable refusal may rerun.
    RollbackQuietly(lease);
    return {SqlErrorToStatus(e, "commit"), IsRetryable(e)};
  } catch (const std::exception& e) {
    lease.MarkBroken();
    return {absl::UnavailableError(
                absl::StrCat("COMMIT failed, outcome unknown: ", e.what())),
            false};
  }
  return {absl::OkStatus(), false};
}

absl::Status Run(ConnectionPool& pool, const Body& body,
                 TransactionOptions options, Mode mode) {
  const int max_attempts = std::max(1, options.max_attempts);
  absl::Status last;
  for (int attempt = 1; attempt <= max_attempts; ++attempt) {
    // A failed Acquire is not retried: the pool has just tried a fresh
    // connection, and waiting longer is the caller's decision.
    absl::StatusOr<Lease> lease = pool.Acquire();
    if (!lease.ok()) return lease.status();
    Attempt result = RunOnce(*lease, body, mode);
    if (!result.retry) return result.status;
    last = std::move(result.status);
  }
  return last;
}

}  // namespace

absl::Status RunInTransaction(ConnectionPool& pool, const Body& body,
                              TransactionOptions options) {
  return Run(pool, body, options, Mode::kTransaction);
}

absl::Status RunOnConnection(ConnectionPool& pool, const Body& body,
                             TransactionOptions options) {
  return Run(pool, body, options, Mode::kAutocommit);
}

}  // namespace foi::store
