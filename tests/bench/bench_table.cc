#include "tests/bench/bench_table.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "libs/store/sql_values.h"
#include "libs/store/transaction.h"

namespace foi::bench {

const std::string& BenchPayload() {
  // Three times a description like the ones tests submit: 100 bytes each.
  static const std::string* const payload = [] {
    const std::string one =
        "请公开2025年本区老旧小区改造项目的资金使用明细、招标文件及验收报告。";
    return new std::string(absl::StrCat(one, one, one));
  }();
  return *payload;
}

absl::Status EnsureBenchTable(store::ConnectionPool& pool) {
  absl::Status s = store::EnsureDatabase(pool.options());
  if (!s.ok()) return s;
  return store::RunOnConnection(pool, [](store::Session& session) {
    std::unique_ptr<sql::Statement> stmt(
        session.connection().createStatement());
    stmt->execute(
        "CREATE TABLE IF NOT EXISTS bench_rows ("
        " id VARCHAR(40) CHARACTER SET ascii NOT NULL,"
        " payload TEXT NOT NULL,"
        " created DATETIME(6) NOT NULL,"
        " PRIMARY KEY (id)"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");
    return absl::OkStatus();
  });
}

absl::Status InsertBenchRow(store::ConnectionPool& pool, const std::string& id,
                            const std::string& payload, absl::Time now) {
  const std::string created = store::ToSqlDateTime(now);
  return store::RunInTransaction(pool, [&](store::Session& session) {
    auto& ps = session.Prepare(
        "INSERT INTO bench_rows (id, payload, created) VALUES (?, ?, ?)");
    ps.setString(1, id);
    ps.setString(2, payload);
    ps.setString(3, created);
    ps.executeUpdate();
    return absl::OkStatus();
  });
}

}  // namespace foi::bench
