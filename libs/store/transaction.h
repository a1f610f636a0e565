// One transaction per command: the body runs between BEGIN and COMMIT on one
// pooled connection; any error rolls it back; transient failures run it again.
//
// Thread safety: RunInTransaction may be called concurrently.
#ifndef FOI_LIBS_STORE_TRANSACTION_H_
#define FOI_LIBS_STORE_TRANSACTION_H_

#include <functional>

#include "absl/status/status.h"
#include "libs/store/connection_pool.h"

namespace foi::store {

struct TransactionOptions {
  // How many times the body may run in all. Default: 3.
  int max_attempts = 3;
};

// Runs `body` inside a transaction (REPEATABLE READ, InnoDB) on a connection
// from `pool` and commits when it returns OK.
//
// The body gets the session (connection plus cached prepared statements) and
// may throw sql::SQLException; it is caught here. Deadlocks, lock
// wait timeouts and connections lost before COMMIT roll back and run the body
// again in a fresh transaction (so the body must make no effect outside the
// database that a second run would repeat). A connection lost during COMMIT
// returns UNAVAILABLE: the outcome is unknown, and callers rely on
// idempotency keys for the client's retry. Returns the body's own non-OK
// status unchanged after rolling back.
absl::Status RunInTransaction(ConnectionPool& pool,
                              const std::function<absl::Status(Session&)>& body,
                              TransactionOptions options = {});

// Runs `body` on one pooled connection in autocommit mode (reads, DDL),
// with the same exception handling and the same retries as above.
absl::Status RunOnConnection(ConnectionPool& pool,
                             const std::function<absl::Status(Session&)>& body,
                             TransactionOptions options = {});

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_TRANSACTION_H_
