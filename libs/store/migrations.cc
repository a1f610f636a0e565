#include "libs/store/migrations.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <exception>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "libs/store/sql_errors.h"

namespace foi::store {
namespace {

constexpr char kLockName[] = "foi_migrations";
constexpr int kLockTimeoutSeconds = 30;
constexpr size_t kMaxNameLength = 200;  // schema_migrations.name

// A binary with a malformed list is a bug, found before touching the schema.
absl::Status Validate(const std::vector<Migration>& migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    const Migration& m = migrations[i];
    if (m.version != static_cast<int>(i) + 1) {
      return absl::InternalError(absl::StrCat(
          "migrations: entry ", i, " has version ", m.version, ", want ", i + 1,
          " (versions must run 1, 2, 3, ... without gaps)"));
    }
    if (m.name.size() > kMaxNameLength) {
      return absl::InternalError(absl::StrCat("migrations: version ", m.version,
                                              " name is longer than ",
                                              kMaxNameLength, " characters"));
    }
    if (m.statements.empty()) {
      return absl::InternalError(absl::StrCat("migrations: version ", m.version,
                                              " has no statements"));
    }
  }
  return absl::OkStatus();
}

// Runs a query returning one integer cell; NULL comes back as `if_null`.
int64_t QueryInt(sql::Connection& conn, const std::string& query,
                 int64_t if_null) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(stmt->executeQuery(query));
  if (!rs->next() || rs->isNull(1)) return if_null;
  return rs->getInt64(1);
}

void Execute(sql::Connection& conn, const std::string& statement) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  stmt->execute(statement);
}

// Applies what is missing; the caller holds the named lock on `conn`.
// Throws sql::SQLException.
absl::StatusOr<int> ApplyLocked(sql::Connection& conn,
                                const std::vector<Migration>& migrations) {
  Execute(conn,
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
          " version INT NOT NULL,"
          " name VARCHAR(200) NOT NULL,"
          " applied_at DATETIME(6) NOT NULL,"
          " PRIMARY KEY (version))"
          " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
  const int newest = static_cast<int>(migrations.size());
  const int current = static_cast<int>(
      QueryInt(conn, "SELECT MAX(version) FROM schema_migrations", 0));
  if (current > newest) {
    return absl::FailedPreconditionError(absl::StrCat(
        "schema is at version ", current, " but this binary knows only up to ",
        newest, "; a newer release wrote it"));
  }
  std::unique_ptr<sql::PreparedStatement> record(conn.prepareStatement(
      "INSERT INTO schema_migrations (version, name, applied_at)"
      " VALUES (?, ?, UTC_TIMESTAMP(6))"));
  for (int version = current + 1; version <= newest; ++version) {
    const Migration& m = migrations[version - 1];
    for (size_t i = 0; i < m.statements.size(); ++i) {
      try {
        Execute(conn, m.statements[i]);
      } catch (const sql::SQLException& e) {
        // DDL commits implicitly in MySQL, so earlier statements of this
        // migration stay applied: say so, the schema needs a manual look.
        if (IsConnectionError(e)) throw;
        return SqlErrorToStatus(
            e, absl::StrCat("migration ", version, " (", m.name, ") statement ",
                            i + 1, " of ", m.statements.size(),
                            i > 0 ? ", after earlier ones were applied" : ""));
      }
    }
    // Recorded only after all its statements succeeded.
    record->setInt(1, version);
    record->setString(2, m.name);
    record->executeUpdate();
  }
  return newest;
}

}  // namespace

absl::StatusOr<int> ApplyMigrations(ConnectionPool& pool,
                                    const std::vector<Migration>& migrations) {
  if (absl::Status s = Validate(migrations); !s.ok()) return s;
  absl::StatusOr<Lease> lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& conn = lease->connection();

  bool locked = false;
  absl::StatusOr<int> result;
  try {
    // GET_LOCK returns 1 when taken, 0 on timeout, NULL on error.
    locked = QueryInt(conn,
                      absl::StrCat("SELECT GET_LOCK('", kLockName, "', ",
                                   kLockTimeoutSeconds, ")"),
                      0) == 1;
    if (!locked) {
      return absl::UnavailableError(
          absl::StrCat("migrations: another process held lock '", kLockName,
                       "' for ", kLockTimeoutSeconds, "s"));
    }
    result = ApplyLocked(conn, migrations);
  } catch (const sql::SQLException& e) {
    if (IsConnectionError(e)) {
      // The server releases a named lock when its connection goes away.
      lease->MarkBroken();
      return SqlErrorToStatus(e, "applying migrations");
    }
    result = SqlErrorToStatus(e, "applying migrations");
  } catch (const std::exception& e) {
    result =
        absl::InternalError(absl::StrCat("applying migrations: ", e.what()));
  }
  if (locked) {
    try {
      Execute(conn, absl::StrCat("DO RELEASE_LOCK('", kLockName, "')"));
    } catch (const std::exception&) {
      // Closing the connection releases the lock instead.
      lease->MarkBroken();
    }
  }
  return result;
}

}  // namespace foi::store
