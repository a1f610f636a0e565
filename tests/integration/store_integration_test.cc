// libs/store against a real MariaDB: migrations, transactions, the pool, and
// recovery after the database is killed and restarted.
//
// Needs FOI_TEST_MYSQL_SOCKET (or _HOST/_PORT), as scripts/test.sh sets; the
// tests fail without it. The recovery tests run their own mariadbd.
// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/store/connection_pool.h"
#include "libs/store/migrations.h"
#include "libs/store/testing/mariadb_instance.h"
#include "libs/store/testing/test_database.h"
#include "libs/store/transaction.h"

namespace foi::store {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::IsOkAndHolds;
using ::foi::testing::MariadbInstance;
using ::foi::testing::StatusIs;
using ::foi::testing::TestDatabase;
using ::testing::Eq;
using ::testing::Ne;

void Execute(sql::Connection& conn, const std::string& statement) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  stmt->execute(statement);
}

int64_t QueryInt(sql::Connection& conn, const std::string& query) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(stmt->executeQuery(query));
  if (!rs->next()) throw sql::SQLException("no row", "HY000", 0);
  return rs->getInt64(1);
}

std::string QueryString(sql::Connection& conn, const std::string& query) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(stmt->executeQuery(query));
  if (!rs->next()) throw sql::SQLException("no row", "HY000", 0);
  return rs->getString(1);
}

// Runs one query returning an integer, in autocommit mode.
absl::StatusOr<int64_t> SelectInt(ConnectionPool& pool,
                                  const std::string& query) {
  int64_t value = 0;
  absl::Status s = RunOnConnection(pool, [&](store::Session& session) {
    sql::Connection& conn = session.connection();
    value = QueryInt(conn, query);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return value;
}

absl::Status Exec(ConnectionPool& pool, const std::string& statement) {
  return RunOnConnection(pool, [&](store::Session& session) {
    sql::Connection& conn = session.connection();
    Execute(conn, statement);
    return absl::OkStatus();
  });
}

void InsertKv(sql::Connection& conn, const std::string& k, int v) {
  std::unique_ptr<sql::PreparedStatement> stmt(
      conn.prepareStatement("INSERT INTO kv (k, v) VALUES (?, ?)"));
  stmt->setString(1, k);
  stmt->setInt(2, v);
  stmt->executeUpdate();
}

// Opens a second connection on the same server and kills `connection_id`.
absl::Status KillConnection(ConnectionPool& pool, int64_t connection_id) {
  absl::StatusOr<Lease> other = pool.Acquire();
  if (!other.ok()) return other.status();
  try {
    Execute(other->connection(),
            absl::StrCat("KILL CONNECTION ", connection_id));
  } catch (const sql::SQLException& e) {
    return absl::InternalError(e.what());
  }
  return absl::OkStatus();
}

std::unique_ptr<TestDatabase> MustCreate(
    absl::StatusOr<std::unique_ptr<TestDatabase>> db) {
  // Fails (never skips) without a test server: see TestDatabase::Create.
  EXPECT_THAT(db, IsOk());
  return db.ok() ? *std::move(db) : nullptr;
}

// ---------------------------------------------------------------- Migrations

Migration CreateTable(int version, const std::string& table) {
  return Migration{version,
                   absl::StrCat("create ", table),
                   {absl::StrCat("CREATE TABLE ", table,
                                 " (id INT PRIMARY KEY) ENGINE=InnoDB")}};
}

class MigrationsTest : public ::testing::Test {
 protected:
  MigrationsTest() : db_(MustCreate(TestDatabase::CreateEmpty())) {}

  void SetUp() override { ASSERT_NE(db_, nullptr); }

  int64_t CountTables(const std::string& name) {
    absl::StatusOr<int64_t> n =
        SelectInt(db_->pool(),
                  absl::StrCat("SELECT COUNT(*) FROM information_schema.tables"
                               " WHERE table_schema = DATABASE()"
                               " AND table_name = '",
                               name, "'"));
    EXPECT_THAT(n, IsOk());
    return n.ok() ? *n : -1;
  }

  std::unique_ptr<TestDatabase> db_;
};

TEST_F(MigrationsTest, AppliesProjectSchemaToEmptyDatabase) {
  const int newest = static_cast<int>(SchemaMigrations().size());
  EXPECT_THAT(ApplyMigrations(db_->pool(), SchemaMigrations()),
              IsOkAndHolds(newest));
  for (const char* table : {"cases", "applicants", "case_events",
                            "idempotency_keys", "api_tokens"}) {
    EXPECT_EQ(CountTables(table), 1) << table;
  }
}

TEST_F(MigrationsTest, IsIdempotentOnRerun) {
  const int newest = static_cast<int>(SchemaMigrations().size());
  ASSERT_THAT(ApplyMigrations(db_->pool(), SchemaMigrations()),
              IsOkAndHolds(newest));
  EXPECT_THAT(ApplyMigrations(db_->pool(), SchemaMigrations()),
              IsOkAndHolds(newest));
  EXPECT_THAT(SelectInt(db_->pool(), "SELECT COUNT(*) FROM schema_migrations"),
              IsOkAndHolds(newest));
}

TEST_F(MigrationsTest, AppliesOnlyMigrationsAboveRecordedVersion) {
  ASSERT_THAT(ApplyMigrations(db_->pool(), {CreateTable(1, "t1")}),
              IsOkAndHolds(1));
  // Re-running version 1 would fail: the table exists.
  EXPECT_THAT(ApplyMigrations(db_->pool(),
                              {CreateTable(1, "t1"), CreateTable(2, "t2")}),
              IsOkAndHolds(2));
  EXPECT_EQ(CountTables("t2"), 1);
  EXPECT_THAT(SelectInt(db_->pool(),
                        "SELECT COUNT(*) FROM schema_migrations"
                        " WHERE applied_at IS NOT NULL AND name <> ''"),
              IsOkAndHolds(2));
}

TEST_F(MigrationsTest, ReturnsFailedPreconditionWhenSchemaIsNewer) {
  ASSERT_THAT(ApplyMigrations(db_->pool(),
                              {CreateTable(1, "t1"), CreateTable(2, "t2")}),
              IsOkAndHolds(2));
  EXPECT_THAT(ApplyMigrations(db_->pool(), {CreateTable(1, "t1")}),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(MigrationsTest, RejectsVersionGapsBeforeTouchingSchema) {
  EXPECT_THAT(ApplyMigrations(db_->pool(),
                              {CreateTable(1, "t1"), CreateTable(3, "t3")}),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_EQ(CountTables("t1"), 0);
  EXPECT_EQ(CountTables("schema_migrations"), 0);
}

TEST_F(MigrationsTest, DoesNotRecordFailedMigration) {
  const Migration broken{
      2, "broken", {"CREATE TABLE t2 (id INT PRIMARY KEY)", "THIS IS NOT SQL"}};
  EXPECT_THAT(ApplyMigrations(db_->pool(), {CreateTable(1, "t1"), broken}),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(
      SelectInt(db_->pool(), "SELECT MAX(version) FROM schema_migrations"),
      IsOkAndHolds(1));
}

TEST_F(MigrationsTest, ConcurrentRunsApplyEachMigrationOnce) {
  const int newest = static_cast<int>(SchemaMigrations().size());
  absl::StatusOr<int> results[2];
  std::vector<std::thread> threads;
  for (absl::StatusOr<int>& result : results) {
    threads.emplace_back([this, &result] {
      result = ApplyMigrations(db_->pool(), SchemaMigrations());
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_THAT(results[0], IsOkAndHolds(newest));
  EXPECT_THAT(results[1], IsOkAndHolds(newest));
  EXPECT_THAT(SelectInt(db_->pool(), "SELECT COUNT(*) FROM schema_migrations"),
              IsOkAndHolds(newest));
}

// -------------------------------------------------------------- Transactions

class TransactionTest : public ::testing::Test {
 protected:
  TransactionTest() : db_(MustCreate(TestDatabase::Create())) {}

  void SetUp() override {
    ASSERT_NE(db_, nullptr);
    ASSERT_THAT(Exec(db_->pool(),
                     "CREATE TABLE kv (k VARCHAR(32) PRIMARY KEY, v INT NOT "
                     "NULL) ENGINE=InnoDB"),
                IsOk());
  }

  absl::StatusOr<int64_t> CountRows() {
    return SelectInt(db_->pool(), "SELECT COUNT(*) FROM kv");
  }

  std::unique_ptr<TestDatabase> db_;
};

TEST_F(TransactionTest, CommitsWhenBodyReturnsOk) {
  EXPECT_THAT(RunInTransaction(db_->pool(),
                               [](store::Session& session) {
                                 sql::Connection& conn = session.connection();
                                 InsertKv(conn, "a", 1);
                                 InsertKv(conn, "b", 2);
                                 return absl::OkStatus();
                               }),
              IsOk());
  EXPECT_THAT(CountRows(), IsOkAndHolds(2));
}

TEST_F(TransactionTest, RollsBackAndReturnsBodyStatusUnchanged) {
  int runs = 0;
  const absl::Status refused = absl::AbortedError("etag mismatch");
  EXPECT_EQ(RunInTransaction(db_->pool(),
                             [&](store::Session& session) {
                               sql::Connection& conn = session.connection();
                               ++runs;
                               InsertKv(conn, "a", 1);
                               return refused;
                             }),
            refused);
  EXPECT_EQ(runs, 1);  // A body's own ABORTED is not a reason to rerun.
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
}

TEST_F(TransactionTest, RollsBackWhenBodyThrowsSqlError) {
  EXPECT_THAT(RunInTransaction(db_->pool(),
                               [](store::Session& session) {
                                 sql::Connection& conn = session.connection();
                                 InsertKv(conn, "a", 1);
                                 Execute(conn, "SELECT * FROM no_such_table");
                                 return absl::OkStatus();
                               }),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
}

TEST_F(TransactionTest, MapsDuplicateKeyToAlreadyExists) {
  ASSERT_THAT(RunInTransaction(db_->pool(),
                               [](store::Session& session) {
                                 sql::Connection& conn = session.connection();
                                 InsertKv(conn, "a", 1);
                                 return absl::OkStatus();
                               }),
              IsOk());
  int runs = 0;
  EXPECT_THAT(RunInTransaction(db_->pool(),
                               [&](store::Session& session) {
                                 sql::Connection& conn = session.connection();
                                 ++runs;
                                 InsertKv(conn, "b", 2);
                                 InsertKv(conn, "a", 3);
                                 return absl::OkStatus();
                               }),
              StatusIs(absl::StatusCode::kAlreadyExists));
  EXPECT_EQ(runs, 1);
  EXPECT_THAT(CountRows(), IsOkAndHolds(1));
}

TEST_F(TransactionTest, ConvertsNonSqlExceptionToInternal) {
  EXPECT_THAT(RunInTransaction(db_->pool(),
                               [](store::Session& session) -> absl::Status {
                                 sql::Connection& conn = session.connection();
                                 InsertKv(conn, "a", 1);
                                 throw std::runtime_error("bug");
                               }),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
}

TEST_F(TransactionTest, ReturnsConnectionToPoolWithNoOpenTransaction) {
  ASSERT_THAT(RunInTransaction(db_->pool(),
                               [](store::Session& session) {
                                 sql::Connection& conn = session.connection();
                                 InsertKv(conn, "a", 1);
                                 return absl::FailedPreconditionError("no");
                               }),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  absl::StatusOr<Lease> lease = db_->pool().Acquire();
  ASSERT_THAT(lease, IsOk());
  EXPECT_EQ(QueryInt(lease->connection(), "SELECT @@in_transaction"), 0);
  EXPECT_EQ(QueryInt(lease->connection(), "SELECT @@autocommit"), 1);
}

TEST_F(TransactionTest, RetriesDeadlockVictim) {
  ASSERT_THAT(Exec(db_->pool(), "INSERT INTO kv VALUES ('x', 0), ('y', 0)"),
              IsOk());
  // Two transactions lock x and y in opposite orders; InnoDB picks one as
  // the deadlock victim, which must rerun and succeed.
  absl::Notification locked_first[2];
  std::atomic<int> runs{0};
  auto body = [&](int me, const char* first, const char* second) {
    return [&, me, first, second](store::Session& session) {
      sql::Connection& conn = session.connection();
      const bool first_run = runs.fetch_add(1) < 2;
      Execute(conn,
              absl::StrCat("UPDATE kv SET v = v + 1 WHERE k = '", first, "'"));
      if (first_run && !locked_first[me].HasBeenNotified()) {
        locked_first[me].Notify();
        locked_first[1 - me].WaitForNotification();
      }
      Execute(conn,
              absl::StrCat("UPDATE kv SET v = v + 1 WHERE k = '", second, "'"));
      return absl::OkStatus();
    };
  };
  absl::Status results[2];
  std::thread t0(
      [&] { results[0] = RunInTransaction(db_->pool(), body(0, "x", "y")); });
  std::thread t1(
      [&] { results[1] = RunInTransaction(db_->pool(), body(1, "y", "x")); });
  t0.join();
  t1.join();
  EXPECT_THAT(results[0], IsOk());
  EXPECT_THAT(results[1], IsOk());
  EXPECT_EQ(runs.load(), 3);  // Two first runs, one rerun of the victim.
  EXPECT_THAT(SelectInt(db_->pool(), "SELECT SUM(v) FROM kv"), IsOkAndHolds(4));
}

TEST_F(TransactionTest, RetriesWithFreshConnectionWhenConnectionIsLost) {
  std::vector<int64_t> connection_ids;
  EXPECT_THAT(RunInTransaction(db_->pool(),
                               [&](store::Session& session) -> absl::Status {
                                 sql::Connection& conn = session.connection();
                                 connection_ids.push_back(
                                     QueryInt(conn, "SELECT CONNECTION_ID()"));
                                 InsertKv(conn, "a", 1);
                                 if (connection_ids.size() == 1) {
                                   absl::Status killed = KillConnection(
                                       db_->pool(), connection_ids.back());
                                   if (!killed.ok()) return killed;
                                 }
                                 InsertKv(conn, "b", 2);
                                 return absl::OkStatus();
                               }),
              IsOk());
  ASSERT_EQ(connection_ids.size(), 2u);
  EXPECT_NE(connection_ids[0], connection_ids[1]);
  EXPECT_THAT(CountRows(), IsOkAndHolds(2));
}

TEST_F(TransactionTest, ReturnsUnavailableWithoutRetryWhenCommitFails) {
  int runs = 0;
  EXPECT_THAT(RunInTransaction(db_->pool(),
                               [&](store::Session& session) {
                                 sql::Connection& conn = session.connection();
                                 ++runs;
                                 InsertKv(conn, "a", 1);
                                 // The body succeeds; the connection dies under
                                 // COMMIT.
                                 return KillConnection(
                                     db_->pool(),
                                     QueryInt(conn, "SELECT CONNECTION_ID()"));
                               }),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(runs, 1);
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
}

TEST_F(TransactionTest, GivesUpAfterMaxAttempts) {
  int runs = 0;
  EXPECT_THAT(RunInTransaction(
                  db_->pool(),
                  [&](store::Session& session) -> absl::Status {
                    sql::Connection& conn = session.connection();
                    ++runs;
                    absl::Status killed = KillConnection(
                        db_->pool(), QueryInt(conn, "SELECT CONNECTION_ID()"));
                    if (!killed.ok()) return killed;
                    InsertKv(conn, "a", 1);
                    return absl::OkStatus();
                  },
                  TransactionOptions{.max_attempts = 2}),
              StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_EQ(runs, 2);
  EXPECT_THAT(CountRows(), IsOkAndHolds(0));
}

TEST_F(TransactionTest, RunOnConnectionAutocommitsEachStatement) {
  EXPECT_THAT(RunOnConnection(db_->pool(),
                              [](store::Session& session) {
                                sql::Connection& conn = session.connection();
                                InsertKv(conn, "a", 1);
                                return absl::InternalError("after the insert");
                              }),
              StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT(CountRows(), IsOkAndHolds(1));
}

// ----------------------------------------------------------- ConnectionPool

class ConnectionPoolTest : public ::testing::Test {
 protected:
  ConnectionPoolTest() : db_(MustCreate(TestDatabase::Create())) {}

  void SetUp() override { ASSERT_NE(db_, nullptr); }

  std::unique_ptr<ConnectionPool> MakePool(int size, absl::Duration timeout) {
    MysqlOptions options = db_->options();
    options.pool_size = size;
    options.acquire_timeout = timeout;
    absl::StatusOr<std::unique_ptr<ConnectionPool>> pool =
        ConnectionPool::Create(options);
    EXPECT_THAT(pool, IsOk());
    return pool.ok() ? *std::move(pool) : nullptr;
  }

  std::unique_ptr<TestDatabase> db_;
};

TEST_F(ConnectionPoolTest, HandsOutConfiguredSessions) {
  absl::StatusOr<Lease> lease = db_->pool().Acquire();
  ASSERT_THAT(lease, IsOk());
  sql::Connection& conn = lease->connection();
  EXPECT_EQ(QueryString(conn, "SELECT DATABASE()"), db_->options().database);
  EXPECT_EQ(QueryString(conn, "SELECT @@character_set_connection"), "utf8mb4");
  EXPECT_EQ(QueryString(conn, "SELECT @@collation_connection"),
            "utf8mb4_unicode_ci");
  EXPECT_EQ(QueryInt(conn, "SELECT @@autocommit"), 1);
  EXPECT_EQ(QueryString(conn, "SELECT @@tx_isolation"), "REPEATABLE-READ");
}

TEST_F(ConnectionPoolTest, ReusesReleasedConnection) {
  int64_t first = 0;
  {
    absl::StatusOr<Lease> lease = db_->pool().Acquire();
    ASSERT_THAT(lease, IsOk());
    first = QueryInt(lease->connection(), "SELECT CONNECTION_ID()");
  }
  absl::StatusOr<Lease> lease = db_->pool().Acquire();
  ASSERT_THAT(lease, IsOk());
  EXPECT_EQ(QueryInt(lease->connection(), "SELECT CONNECTION_ID()"), first);
}

TEST_F(ConnectionPoolTest, ReplacesConnectionMarkedBroken) {
  int64_t first = 0;
  {
    absl::StatusOr<Lease> lease = db_->pool().Acquire();
    ASSERT_THAT(lease, IsOk());
    first = QueryInt(lease->connection(), "SELECT CONNECTION_ID()");
    lease->MarkBroken();
  }
  absl::StatusOr<Lease> lease = db_->pool().Acquire();
  ASSERT_THAT(lease, IsOk());
  EXPECT_NE(QueryInt(lease->connection(), "SELECT CONNECTION_ID()"), first);
}

TEST_F(ConnectionPoolTest, ClosesConnectionReturnedOutsideAutocommit) {
  int64_t first = 0;
  {
    absl::StatusOr<Lease> lease = db_->pool().Acquire();
    ASSERT_THAT(lease, IsOk());
    first = QueryInt(lease->connection(), "SELECT CONNECTION_ID()");
    lease->connection().setAutoCommit(false);
  }
  absl::StatusOr<Lease> lease = db_->pool().Acquire();
  ASSERT_THAT(lease, IsOk());
  EXPECT_NE(QueryInt(lease->connection(), "SELECT CONNECTION_ID()"), first);
  EXPECT_EQ(QueryInt(lease->connection(), "SELECT @@autocommit"), 1);
}

TEST_F(ConnectionPoolTest, AcquireReturnsUnavailableWhenPoolIsExhausted) {
  std::unique_ptr<ConnectionPool> pool = MakePool(2, absl::Milliseconds(300));
  ASSERT_NE(pool, nullptr);
  absl::StatusOr<Lease> a = pool->Acquire();
  absl::StatusOr<Lease> b = pool->Acquire();
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  const absl::Time start = absl::Now();
  EXPECT_THAT(pool->Acquire(), StatusIs(absl::StatusCode::kUnavailable));
  const absl::Duration waited = absl::Now() - start;
  EXPECT_GE(waited, absl::Milliseconds(250));
  EXPECT_LT(waited, absl::Seconds(5));
}

TEST_F(ConnectionPoolTest, AcquireWaitsForConnectionToBeReleased) {
  std::unique_ptr<ConnectionPool> pool = MakePool(2, absl::Seconds(30));
  ASSERT_NE(pool, nullptr);
  std::optional<Lease> a;
  {
    absl::StatusOr<Lease> lease = pool->Acquire();
    ASSERT_THAT(lease, IsOk());
    a.emplace(*std::move(lease));
  }
  absl::StatusOr<Lease> b = pool->Acquire();
  ASSERT_THAT(b, IsOk());
  absl::Status third = absl::UnknownError("not run");
  std::thread waiter([&] { third = pool->Acquire().status(); });
  a.reset();  // Frees a slot for the waiter, whenever it started waiting.
  waiter.join();
  EXPECT_THAT(third, IsOk());
}

TEST_F(ConnectionPoolTest, ConnectsLazilyAndReportsUnreachableServer) {
  MysqlOptions options = db_->options();
  options.unix_socket = "/nonexistent/foi-test.sock";
  absl::StatusOr<std::unique_ptr<ConnectionPool>> pool =
      ConnectionPool::Create(options);
  ASSERT_THAT(pool, IsOk());
  EXPECT_THAT((*pool)->Acquire(), StatusIs(absl::StatusCode::kUnavailable));
  EXPECT_THAT(EnsureDatabase(options),
              StatusIs(absl::StatusCode::kUnavailable));
}

TEST_F(ConnectionPoolTest, FailedConnectGivesItsSlotBack) {
  MysqlOptions options = db_->options();
  options.database = "foi_test_no_such_schema";
  options.pool_size = 1;
  options.acquire_timeout = absl::ZeroDuration();
  absl::StatusOr<std::unique_ptr<ConnectionPool>> pool =
      ConnectionPool::Create(options);
  ASSERT_THAT(pool, IsOk());
  // Unknown schema is INTERNAL; a leaked slot would make the second call
  // time out with UNAVAILABLE instead.
  EXPECT_THAT((*pool)->Acquire(), StatusIs(absl::StatusCode::kInternal));
  EXPECT_THAT((*pool)->Acquire(), StatusIs(absl::StatusCode::kInternal));
}

TEST_F(ConnectionPoolTest, CreateRejectsEmptyPool) {
  MysqlOptions options = db_->options();
  options.pool_size = 0;
  EXPECT_THAT(ConnectionPool::Create(options),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// ------------------------------------------- Recovery after a server restart

class ConnectionPoolRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<MariadbInstance>> server =
        MariadbInstance::Create();
    ASSERT_THAT(server, IsOk());
    server_ = *std::move(server);
    ASSERT_THAT(server_->Start(), IsOk());
    ASSERT_THAT(EnsureDatabase(server_->options()), IsOk());
    absl::StatusOr<std::unique_ptr<ConnectionPool>> pool =
        ConnectionPool::Create(server_->options());
    ASSERT_THAT(pool, IsOk());
    pool_ = *std::move(pool);
    ASSERT_THAT(Exec(*pool_,
                     "CREATE TABLE kv (k VARCHAR(32) PRIMARY KEY, v INT NOT "
                     "NULL) ENGINE=InnoDB"),
                IsOk());
    FillPoolWithIdleConnections();
  }

  // Leaves every pooled connection open and idle, as after busy traffic.
  void FillPoolWithIdleConnections() {
    std::vector<Lease> leases;
    for (int i = 0; i < server_->options().pool_size; ++i) {
      absl::StatusOr<Lease> lease = pool_->Acquire();
      ASSERT_THAT(lease, IsOk());
      leases.push_back(*std::move(lease));
    }
  }

  absl::Status Write(const std::string& k) {
    return RunInTransaction(*pool_, [&](store::Session& session) {
      sql::Connection& conn = session.connection();
      InsertKv(conn, k, 1);
      return absl::OkStatus();
    });
  }

  std::unique_ptr<ConnectionPool> pool_;  // Closed before the server goes.
  std::unique_ptr<MariadbInstance> server_;
};

TEST_F(ConnectionPoolRecoveryTest, ReturnsUnavailableWhileDownAndHealsAfter) {
  ASSERT_THAT(Write("before"), IsOk());
  server_->Kill();

  for (int i = 0; i < 3; ++i) {
    const absl::Time start = absl::Now();
    EXPECT_THAT(Write(absl::StrCat("down", i)),
                StatusIs(absl::StatusCode::kUnavailable));
    EXPECT_LT(absl::Now() - start, absl::Seconds(10));
  }

  ASSERT_THAT(server_->Start(), IsOk());
  absl::Status after = Write("after");
  if (!after.ok()) after = Write("after");  // "within a couple of attempts"
  EXPECT_THAT(after, IsOk());
  EXPECT_THAT(SelectInt(*pool_, "SELECT COUNT(*) FROM kv"), IsOkAndHolds(2));
}

TEST_F(ConnectionPoolRecoveryTest, HealsWhenRestartHappensBetweenCalls) {
  ASSERT_THAT(Write("before"), IsOk());
  server_->Kill();
  ASSERT_THAT(server_->Start(), IsOk());
  // Every idle connection is dead now; the first call must still succeed,
  // by dropping them and connecting afresh.
  EXPECT_THAT(Write("after"), IsOk());
  EXPECT_THAT(SelectInt(*pool_, "SELECT COUNT(*) FROM kv"), IsOkAndHolds(2));
}

TEST_F(ConnectionPoolRecoveryTest, HealsAfterCleanShutdown) {
  server_->Stop();
  EXPECT_THAT(Write("down"), StatusIs(absl::StatusCode::kUnavailable));
  ASSERT_THAT(server_->Start(), IsOk());
  EXPECT_THAT(Write("after"), IsOk());
}

}  // namespace
}  // namespace foi::store
