// foi-bench: the intake benchmark's server baseline and load generators
// (issue 2; DESIGN.md: Performance). scripts/bench.sh drives it; it is not a
// test and is never registered with ctest.
//
//   foi-bench serve-baseline --listen=127.0.0.1:P --mysql_url=URL
//   foi-bench db-insert --mysql_url=URL --concurrency=N --seconds=S
//   foi-bench load --endpoint=127.0.0.1:P --rpc=empty|insert|submit|queue
//                  --concurrency=N --seconds=S [--token_file=F]
//                  [--tokens_file=F --queue_view=V --queue_unit=U
//                   --page_size=N]   (queue)
//   foi-bench report --endpoint=127.0.0.1:P --token_file=F
//                    --as_of=YYYY-MM-DD [--unit=U] --runs=N
//   foi-bench sql-time --mysql_url=URL --sql=STATEMENT --runs=N
//   foi-bench create-tokens --endpoint=127.0.0.1:P --token_file=ADMIN
//                           --principals=IN --out=OUT
//
// The measuring modes print one JSON object on stdout (see bench_result.h
// and report_bench.h).
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/bootstrap.h"
#include "libs/server/log.h"
#include "libs/store/mysql_options.h"
#include "tests/bench/baseline_server.h"
#include "tests/bench/db_insert_load.h"
#include "tests/bench/report_bench.h"
#include "tests/bench/rpc_load.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:0",
          "serve-baseline: host:port to serve on");
ABSL_FLAG(std::string, mysql_url, "mysql://root@127.0.0.1:3306/foi_bench",
          "serve-baseline, db-insert: the database");
ABSL_FLAG(int, db_pool_size, 16,
          "serve-baseline: database connections and worker threads");
ABSL_FLAG(std::string, endpoint, "", "load: host:port of the server");
ABSL_FLAG(std::string, rpc, "empty", "load: empty, insert, submit or queue");
ABSL_FLAG(int, concurrency, 16, "db-insert, load: calls in flight");
ABSL_FLAG(double, seconds, 10, "db-insert, load: length of the measurement");
ABSL_FLAG(double, warmup_seconds, 2,
          "db-insert, load: load before the measurement starts");
ABSL_FLAG(int, calls_per_channel, 8,
          "load: calls in flight per channel (TCP connection)");
ABSL_FLAG(std::string, token, "",
          "load: bearer token (prefer --token_file: argv is public)");
ABSL_FLAG(std::string, token_file, "",
          "load, report, create-tokens: file holding the bearer token");
ABSL_FLAG(std::string, tokens_file, "",
          "load --rpc=queue: file of bearer tokens, one a line, used in turn");
ABSL_FLAG(std::string, queue_view, "UNIT",
          "load --rpc=queue: MINE, UNIT_UNASSIGNED, UNIT or ALL");
ABSL_FLAG(std::string, queue_unit, "",
          "load --rpc=queue: the request's unit (ALL view, managers, admins)");
ABSL_FLAG(int, page_size, 50, "load --rpc=queue: entries per page");
ABSL_FLAG(std::string, as_of, "", "report: YYYY-MM-DD (default today)");
ABSL_FLAG(std::string, unit, "", "report: only this unit");
ABSL_FLAG(int, runs, 5, "report, sql-time: measured runs");
ABSL_FLAG(int, warmup_runs, 0, "report, sql-time: unmeasured runs first");
ABSL_FLAG(std::string, sql, "", "sql-time: the statement to time");
ABSL_FLAG(std::string, label, "sql", "sql-time: the mode in the JSON line");
ABSL_FLAG(std::string, principals, "",
          "create-tokens: lines of ROLE<TAB>unit<TAB>display_name");
ABSL_FLAG(std::string, out, "", "create-tokens: file for the secrets");

namespace {

using foi::bench::BenchResult;

absl::StatusOr<std::string> Token() {
  const std::string file = absl::GetFlag(FLAGS_token_file);
  if (file.empty()) return absl::GetFlag(FLAGS_token);
  std::ifstream in(file);
  std::string token;
  if (!in || !std::getline(in, token)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--token_file: cannot read ", file));
  }
  absl::StripAsciiWhitespace(&token);
  return token;
}

absl::StatusOr<std::vector<std::string>> Tokens() {
  std::vector<std::string> tokens;
  const std::string file = absl::GetFlag(FLAGS_tokens_file);
  if (file.empty()) return tokens;
  std::ifstream in(file);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--tokens_file: cannot read ", file));
  }
  std::string line;
  while (std::getline(in, line)) {
    absl::StripAsciiWhitespace(&line);
    if (!line.empty()) tokens.push_back(line);
  }
  if (tokens.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("--tokens_file: no tokens in ", file));
  }
  return tokens;
}

absl::Status CheckLoadFlags() {
  if (absl::GetFlag(FLAGS_concurrency) < 1) {
    return absl::InvalidArgumentError("--concurrency: must be at least 1");
  }
  if (absl::GetFlag(FLAGS_seconds) <= 0 ||
      absl::GetFlag(FLAGS_warmup_seconds) < 0) {
    return absl::InvalidArgumentError(
        "--seconds must be positive and --warmup_seconds not negative");
  }
  return absl::OkStatus();
}

absl::Status ServeBaseline() {
  foi::bench::BaselineOptions o;
  o.listen = absl::GetFlag(FLAGS_listen);
  FOI_ASSIGN_OR_RETURN(
      o.mysql, foi::store::ParseMysqlUrl(absl::GetFlag(FLAGS_mysql_url)));
  o.workers = absl::GetFlag(FLAGS_db_pool_size);
  if (o.workers < 1) {
    return absl::InvalidArgumentError("--db_pool_size: must be at least 1");
  }
  return foi::bench::ServeBaseline(o);
}

absl::StatusOr<BenchResult> DbInsert() {
  FOI_RETURN_IF_ERROR(CheckLoadFlags());
  foi::bench::DbInsertLoadOptions o;
  FOI_ASSIGN_OR_RETURN(
      o.mysql, foi::store::ParseMysqlUrl(absl::GetFlag(FLAGS_mysql_url)));
  o.concurrency = absl::GetFlag(FLAGS_concurrency);
  o.warmup = absl::Seconds(absl::GetFlag(FLAGS_warmup_seconds));
  o.measure = absl::Seconds(absl::GetFlag(FLAGS_seconds));
  return foi::bench::RunDbInsertLoad(o);
}

absl::StatusOr<BenchResult> Load() {
  FOI_RETURN_IF_ERROR(CheckLoadFlags());
  foi::bench::RpcLoadOptions o;
  o.endpoint = absl::GetFlag(FLAGS_endpoint);
  if (o.endpoint.empty()) {
    return absl::InvalidArgumentError("--endpoint: required");
  }
  FOI_ASSIGN_OR_RETURN(o.rpc,
                       foi::bench::ParseLoadRpc(absl::GetFlag(FLAGS_rpc)));
  o.concurrency = absl::GetFlag(FLAGS_concurrency);
  o.warmup = absl::Seconds(absl::GetFlag(FLAGS_warmup_seconds));
  o.measure = absl::Seconds(absl::GetFlag(FLAGS_seconds));
  o.calls_per_channel = absl::GetFlag(FLAGS_calls_per_channel);
  FOI_ASSIGN_OR_RETURN(o.token, Token());
  FOI_ASSIGN_OR_RETURN(o.tokens, Tokens());
  o.queue_view = absl::GetFlag(FLAGS_queue_view);
  o.queue_unit = absl::GetFlag(FLAGS_queue_unit);
  o.page_size = absl::GetFlag(FLAGS_page_size);
  if ((o.rpc == foi::bench::LoadRpc::kSubmit ||
       o.rpc == foi::bench::LoadRpc::kQueue) &&
      o.token.empty() && o.tokens.empty()) {
    return absl::InvalidArgumentError(
        "--rpc=submit and --rpc=queue need --token_file, --tokens_file or "
        "--token");
  }
  return foi::bench::RunRpcLoad(o);
}

absl::StatusOr<std::string> Report() {
  foi::bench::ReportBenchOptions o;
  o.endpoint = absl::GetFlag(FLAGS_endpoint);
  if (o.endpoint.empty()) {
    return absl::InvalidArgumentError("--endpoint: required");
  }
  FOI_ASSIGN_OR_RETURN(o.token, Token());
  if (o.token.empty()) {
    return absl::InvalidArgumentError("report needs --token_file or --token");
  }
  const std::string as_of = absl::GetFlag(FLAGS_as_of);
  if (as_of.empty()) {
    o.as_of = absl::ToCivilDay(absl::Now(), absl::LocalTimeZone());
  } else if (!absl::ParseCivilTime(as_of, &o.as_of)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--as_of: want YYYY-MM-DD, got '", as_of, "'"));
  }
  o.unit = absl::GetFlag(FLAGS_unit);
  o.runs = absl::GetFlag(FLAGS_runs);
  o.warmup_runs = absl::GetFlag(FLAGS_warmup_runs);
  return foi::bench::RunReportBench(o);
}

absl::StatusOr<std::string> SqlTime() {
  foi::bench::SqlTimeOptions o;
  FOI_ASSIGN_OR_RETURN(
      o.mysql, foi::store::ParseMysqlUrl(absl::GetFlag(FLAGS_mysql_url)));
  o.sql = absl::GetFlag(FLAGS_sql);
  o.runs = absl::GetFlag(FLAGS_runs);
  o.warmup_runs = absl::GetFlag(FLAGS_warmup_runs);
  o.label = absl::GetFlag(FLAGS_label);
  return foi::bench::RunSqlTime(o);
}

absl::StatusOr<std::string> CreateTokens() {
  foi::bench::CreateTokensOptions o;
  o.endpoint = absl::GetFlag(FLAGS_endpoint);
  o.principals_file = absl::GetFlag(FLAGS_principals);
  o.out_file = absl::GetFlag(FLAGS_out);
  if (o.endpoint.empty() || o.principals_file.empty() || o.out_file.empty()) {
    return absl::InvalidArgumentError(
        "create-tokens needs --endpoint, --principals and --out");
  }
  FOI_ASSIGN_OR_RETURN(o.admin_token, Token());
  FOI_ASSIGN_OR_RETURN(int n, foi::bench::CreateTokens(o));
  return foi::JsonObject()
      .Add("mode", "create_tokens")
      .Add("created", static_cast<int64_t>(n))
      .Build();
}

int Fail(absl::string_view what, const absl::Status& s) {
  foi::server::Log(foi::server::LogLevel::kError, what,
                   foi::JsonObject().Add("error", s.ToString()));
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "foi-bench: baselines and load for scripts/bench.sh.\n"
      "  foi-bench serve-baseline --listen=127.0.0.1:P --mysql_url=URL\n"
      "  foi-bench db-insert --mysql_url=URL --concurrency=N --seconds=S\n"
      "  foi-bench load --endpoint=HOST:P --rpc=empty|insert|submit|queue "
      "--concurrency=N --seconds=S [--token_file=F] [--tokens_file=F "
      "--queue_view=V --queue_unit=U --page_size=N]\n"
      "  foi-bench report --endpoint=HOST:P --token_file=F "
      "--as_of=YYYY-MM-DD [--unit=U] --runs=N\n"
      "  foi-bench sql-time --mysql_url=URL --sql=STATEMENT --runs=N\n"
      "  foi-bench create-tokens --endpoint=HOST:P --token_file=ADMIN "
      "--principals=IN --out=OUT");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) {
    std::cerr << "want exactly one subcommand: serve-baseline, db-insert, "
                 "load, report, sql-time or create-tokens (--help for usage)\n";
    return 2;
  }
  const std::string command = args[1];
  if (command == "serve-baseline") {
    // Before any thread starts, so that only main receives SIGTERM.
    foi::server::BlockTerminationSignals();
    absl::Status s = ServeBaseline();
    return s.ok() ? 0 : Fail("serve-baseline failed", s);
  }
  if (command == "report" || command == "sql-time" ||
      command == "create-tokens") {
    absl::StatusOr<std::string> line = command == "report"     ? Report()
                                       : command == "sql-time" ? SqlTime()
                                                               : CreateTokens();
    if (!line.ok()) return Fail(command + " failed", line.status());
    std::cout << *line << std::endl;
    return 0;
  }
  absl::StatusOr<BenchResult> result;
  if (command == "db-insert") {
    result = DbInsert();
  } else if (command == "load") {
    result = Load();
  } else {
    std::cerr << "unknown subcommand '" << command << "'\n";
    return 2;
  }
  if (!result.ok()) return Fail(command + " failed", result.status());
  std::cout << foi::bench::ToJson(*result) << std::endl;
  return 0;
}
