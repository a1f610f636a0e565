// A fresh, uniquely named schema on the developer's test MariaDB, for tests
// that need a real database. scripts/test.sh starts that server and sets:
//
//   FOI_TEST_MYSQL_SOCKET    Unix socket (preferred), or
//   FOI_TEST_MYSQL_HOST      TCP host, with FOI_TEST_MYSQL_PORT (default 3306)
//   FOI_TEST_MYSQL_USER      default root
//   FOI_TEST_MYSQL_PASSWORD  default empty
//
// Thread safety: pool() may be used from several threads; creation and
// destruction happen on one.
#ifndef FOI_LIBS_STORE_TESTING_TEST_DATABASE_H_
#define FOI_LIBS_STORE_TESTING_TEST_DATABASE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "libs/store/connection_pool.h"
#include "libs/store/mysql_options.h"

namespace foi::testing {

class TestDatabase {
 public:
  // Creates a new empty schema, named foi_test_<pid>_<counter>_<random>,
  // applies store::SchemaMigrations() to it and opens a pool on it (pool_size
  // 4). Returns FAILED_PRECONDITION, telling the developer to run
  // scripts/test.sh, when the environment names no server; tests must then
  // fail, not skip. Returns UNAVAILABLE when the server cannot be reached.
  static absl::StatusOr<std::unique_ptr<TestDatabase>> Create();

  // As Create(), but leaves the schema empty (no migrations applied).
  static absl::StatusOr<std::unique_ptr<TestDatabase>> CreateEmpty();

  // Drops the schema, best effort.
  ~TestDatabase();

  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // Where the schema is; `database` names it. Use it to open more pools.
  const store::MysqlOptions& options() const { return options_; }
  store::ConnectionPool& pool() { return *pool_; }

 private:
  TestDatabase(store::MysqlOptions options,
               std::unique_ptr<store::ConnectionPool> pool);
  static absl::StatusOr<std::unique_ptr<TestDatabase>> CreateImpl(
      bool apply_migrations);

  store::MysqlOptions options_;
  std::unique_ptr<store::ConnectionPool> pool_;
};

// Reads the FOI_TEST_MYSQL_* variables above into options for the server
// (the `database` field is left at its default). Returns FAILED_PRECONDITION
// when neither FOI_TEST_MYSQL_SOCKET nor FOI_TEST_MYSQL_HOST is set, and
// INVALID_ARGUMENT for a malformed FOI_TEST_MYSQL_PORT.
absl::StatusOr<store::MysqlOptions> TestServerOptionsFromEnv();

}  // namespace foi::testing

#endif  // FOI_LIBS_STORE_TESTING_TEST_DATABASE_H_
