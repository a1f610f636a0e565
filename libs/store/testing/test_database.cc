#include "libs/store/testing/test_database.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/statement.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/random/random.h"
#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/store/migrations.h"
#include "libs/store/transaction.h"

namespace foi::testing {
namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// Unique across processes (pid), within one (counter), and across reuse of a
// pid after a crash left a schema behind (random).
std::string UniqueSchemaName() {
  static std::atomic<int> counter{0};
  absl::BitGen gen;
  return absl::StrCat("foi_test_", getpid(), "_", counter.fetch_add(1), "_",
                      absl::Uniform<uint32_t>(gen, 0, 1u << 30));
}

}  // namespace

absl::StatusOr<store::MysqlOptions> TestServerOptionsFromEnv() {
  store::MysqlOptions options;
  const std::string socket = Env("FOI_TEST_MYSQL_SOCKET");
  const std::string host = Env("FOI_TEST_MYSQL_HOST");
  if (socket.empty() && host.empty()) {
    return absl::FailedPreconditionError(
        "no test database: set FOI_TEST_MYSQL_SOCKET (or FOI_TEST_MYSQL_HOST "
        "and FOI_TEST_MYSQL_PORT); run the tests through scripts/test.sh, "
        "which starts a throwaway MariaDB and sets them");
  }
  options.unix_socket = socket;
  if (!host.empty()) options.host = host;
  if (const std::string port = Env("FOI_TEST_MYSQL_PORT"); !port.empty()) {
    if (!absl::SimpleAtoi(port, &options.port) || options.port < 1 ||
        options.port > 65535) {
      return absl::InvalidArgumentError(
          absl::StrCat("FOI_TEST_MYSQL_PORT: '", port, "' is not a port"));
    }
  }
  if (const std::string user = Env("FOI_TEST_MYSQL_USER"); !user.empty()) {
    options.user = user;
  }
  options.password = Env("FOI_TEST_MYSQL_PASSWORD");
  return options;
}

absl::StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::Create() {
  return CreateImpl(/*apply_migrations=*/true);
}

absl::StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::CreateEmpty() {
  return CreateImpl(/*apply_migrations=*/false);
}

absl::StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::CreateImpl(
    bool apply_migrations) {
  absl::StatusOr<store::MysqlOptions> options = TestServerOptionsFromEnv();
  if (!options.ok()) return options.status();
  options->database = UniqueSchemaName();
  options->pool_size = 4;
  if (absl::Status s = store::EnsureDatabase(*options); !s.ok()) return s;
  absl::StatusOr<std::unique_ptr<store::ConnectionPool>> pool =
      store::ConnectionPool::Create(*options);
  if (!pool.ok()) return pool.status();
  // From here on the destructor drops the schema, whatever happens next.
  std::unique_ptr<TestDatabase> db(
      new TestDatabase(*std::move(options), *std::move(pool)));
  if (apply_migrations) {
    absl::StatusOr<int> version =
        store::ApplyMigrations(db->pool(), store::SchemaMigrations());
    if (!version.ok()) return version.status();
  }
  return db;
}

TestDatabase::TestDatabase(store::MysqlOptions options,
                           std::unique_ptr<store::ConnectionPool> pool)
    : options_(std::move(options)), pool_(std::move(pool)) {}

TestDatabase::~TestDatabase() {
  // Best effort: a leftover schema is harmless on a throwaway server.
  store::RunOnConnection(*pool_, [this](store::Session& session) {
    sql::Connection& conn = session.connection();
    std::unique_ptr<sql::Statement> stmt(conn.createStatement());
    stmt->execute(
        absl::StrCat("DROP DATABASE IF EXISTS `", options_.database, "`"));
    return absl::OkStatus();
  }).IgnoreError();
}

}  // namespace foi::testing
