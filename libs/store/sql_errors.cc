#include "libs/store/sql_errors.h"

#include <cppconn/exception.h>

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace foi::store {
namespace {

// Error numbers, from MariaDB's include/mysqld_error.h and errmsg.h (the
// MySQL numbers are the same for these).
enum : int {
  // Server errors.
  kErConCountError = 1040,   // too many connections
  kErServerShutdown = 1053,  // server shutdown in progress
  kErDupEntry = 1062,        // duplicate entry for key
  kErAbortingConnection = 1152,
  kErNetReadError = 1158,
  kErNetReadInterrupted = 1159,
  kErNetErrorOnWrite = 1160,
  kErNetWriteInterrupted = 1161,
  kErNewAbortingConnection = 1184,
  kErLockWaitTimeout = 1205,
  kErLockDeadlock = 1213,
  kErDupEntryWithKeyName = 1586,
  kErConnectionKilled = 1927,  // MariaDB: KILL CONNECTION, or shutdown
  // Client library errors.
  kCrSocketCreateError = 2001,
  kCrConnectionError = 2002,  // cannot connect through the Unix socket
  kCrConnHostError = 2003,    // cannot connect over TCP
  kCrIpSockError = 2004,
  kCrUnknownHost = 2005,
  kCrServerGoneError = 2006,
  kCrServerHandshakeErr = 2012,
  kCrServerLost = 2013,
  kCrCommandsOutOfSync = 2014,
  kCrSslConnectionError = 2026,
  kCrInvalidConnHandle = 2048,
  kCrServerLostExtended = 2055,
  kCrErrNetRead = 5013,   // MariaDB Connector/C
  kCrErrNetWrite = 5014,  // MariaDB Connector/C
};

bool IsConnectionErrorNumber(int errno_value) {
  switch (errno_value) {
    case kErConCountError:
    case kErServerShutdown:
    case kErAbortingConnection:
    case kErNetReadError:
    case kErNetReadInterrupted:
    case kErNetErrorOnWrite:
    case kErNetWriteInterrupted:
    case kErNewAbortingConnection:
    case kErConnectionKilled:
    case kCrSocketCreateError:
    case kCrConnectionError:
    case kCrConnHostError:
    case kCrIpSockError:
    case kCrUnknownHost:
    case kCrServerGoneError:
    case kCrServerHandshakeErr:
    case kCrServerLost:
    case kCrSslConnectionError:
    case kCrInvalidConnHandle:
    case kCrServerLostExtended:
    case kCrErrNetRead:
    case kCrErrNetWrite:
      return true;
    default:
      return false;
  }
}

// A protocol desync leaves the connection unusable, but it is our bug, not
// the database being away: broken, yet INTERNAL rather than UNAVAILABLE.
bool IsDesync(const sql::SQLException& e) {
  return e.getErrorCode() == kCrCommandsOutOfSync;
}

// Connector/C++ raises InvalidInstanceException ("Connection has been
// closed") with no error number once a connection object is closed.
bool IsClosedHandle(const sql::SQLException& e) {
  return dynamic_cast<const sql::InvalidInstanceException*>(&e) != nullptr;
}

bool IsConflict(const sql::SQLException& e) {
  const int n = e.getErrorCode();
  return n == kErLockDeadlock || n == kErLockWaitTimeout;
}

bool IsUnavailable(const sql::SQLException& e) {
  // SQLSTATE class 08 is "connection exception" in the SQL standard.
  return IsConnectionErrorNumber(e.getErrorCode()) ||
         absl::StartsWith(e.getSQLState(), "08") || IsClosedHandle(e);
}

}  // namespace

absl::Status SqlErrorToStatus(const sql::SQLException& e,
                              absl::string_view context) {
  const std::string message =
      absl::StrCat(context, ": ", e.what(), " (error ", e.getErrorCode(),
                   ", SQLSTATE ", e.getSQLState(), ")");
  const int n = e.getErrorCode();
  if (IsUnavailable(e)) return absl::UnavailableError(message);
  if (IsConflict(e)) return absl::AbortedError(message);
  if (n == kErDupEntry || n == kErDupEntryWithKeyName) {
    return absl::AlreadyExistsError(message);
  }
  return absl::InternalError(message);
}

bool IsConnectionError(const sql::SQLException& e) {
  return IsUnavailable(e) || IsDesync(e);
}

bool IsRetryable(const sql::SQLException& e) {
  return IsConflict(e) || IsUnavailable(e);
}

}  // namespace foi::store
