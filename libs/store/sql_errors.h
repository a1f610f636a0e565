// The one place that turns Connector/C++ exceptions into absl::Status. Nothing
// outside libs/store ever sees a sql::SQLException.
#ifndef FOI_LIBS_STORE_SQL_ERRORS_H_
#define FOI_LIBS_STORE_SQL_ERRORS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace sql {
class SQLException;
}  // namespace sql

namespace foi::store {

// Maps a server or client error to a status, with `context` prefixed to the
// message:
//   connection lost / refused / gone away, server shutting down -> UNAVAILABLE
//   deadlock (1213), lock wait timeout (1205)                   -> ABORTED
//   duplicate key (1062)                                        -> ALREADY_EXISTS
//   anything else                                               -> INTERNAL
absl::Status SqlErrorToStatus(const sql::SQLException& e,
                              absl::string_view context);

// True when the error means the connection itself can no longer be trusted
// (lost, refused, timed out); the lease holding it must be marked broken.
bool IsConnectionError(const sql::SQLException& e);

// True when a transaction that failed with this error may simply be run
// again: deadlock, lock wait timeout, or a connection lost before COMMIT.
bool IsRetryable(const sql::SQLException& e);

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_SQL_ERRORS_H_
