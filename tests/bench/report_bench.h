// foi-bench report, sql-time and create-tokens: the deadline and queue
// benchmarks' single-shot measurements and set-up, driven by scripts/bench.sh.
//
//   report       DeadlineService.GetDeadlineReport, `runs` times one after
//                another, each timed end to end on the client.
//   sql-time     one SQL statement through Connector/C++ (the driver
//                foi-server uses), `runs` times, every row fetched: the
//                baseline the report is compared with.
//   create-tokens  AdminService.CreateToken for each line of a file.
//
// Thread safety: the functions may be called from any thread; each uses its
// own channel or connection.
#ifndef FOI_TESTS_BENCH_REPORT_BENCH_H_
#define FOI_TESTS_BENCH_REPORT_BENCH_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/store/mysql_options.h"

namespace foi::bench {

struct ReportBenchOptions {
  std::string endpoint;  // host:port of foi-server
  std::string token;     // a MANAGER or ADMIN token
  absl::CivilDay as_of;
  std::string unit;  // empty: every unit
  int runs = 5;
  // Unmeasured calls first (a cold buffer pool is measured otherwise).
  int warmup_runs = 0;
};

// Runs the report and returns one line of JSON:
// {"mode":"report","as_of":"YYYY-MM-DD","unit":...,"runs":N,
//  "seconds":[...],"min_s":...,"median_s":...,"max_s":...,"rows":R,
//  "open":..,"overdue":..,"due_soon":..,"closed_on_time":..,"closed_late":..}
// (the sums are over the unit total rows). Fails on the first failed call.
absl::StatusOr<std::string> RunReportBench(const ReportBenchOptions& options);

struct SqlTimeOptions {
  store::MysqlOptions mysql;
  std::string sql;
  int runs = 5;
  int warmup_runs = 0;
  std::string label = "sql";  // the "mode" of the JSON line
};

// Runs the statement and returns one line of JSON:
// {"mode":label,"sql":...,"runs":N,"seconds":[...],"min_s":...,
//  "median_s":...,"max_s":...,"result_rows":R,"first_row":[...]}.
absl::StatusOr<std::string> RunSqlTime(const SqlTimeOptions& options);

struct CreateTokensOptions {
  std::string endpoint;
  std::string admin_token;
  // Lines of `ROLE<TAB>unit<TAB>display_name`; empty lines and lines
  // starting with '#' are skipped.
  std::string principals_file;
  // Written (mode 0600) with one secret per line, in the input's order.
  std::string out_file;
};

// Creates the tokens; returns how many.
absl::StatusOr<int> CreateTokens(const CreateTokensOptions& options);

}  // namespace foi::bench

#endif  // FOI_TESTS_BENCH_REPORT_BENCH_H_
