// foi-bench: the intake benchmark's server baseline and load generators
// (issue 2; DESIGN.md: Performance). scripts/bench.sh drives it; it is not a
// test and is never registered with ctest.
//
//   foi-bench serve-baseline --listen=127.0.0.1:P --mysql_url=URL
//   foi-bench db-insert --mysql_url=URL --concurrency=N --seconds=S
//   foi-bench load --endpoint=127.0.0.1:P --rpc=empty|insert|submit
//                  --concurrency=N --seconds=S [--token_file=F]
//
// The measuring modes print one JSON object on stdout (see bench_result.h).
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
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/bootstrap.h"
#include "libs/server/log.h"
#include "libs/store/mysql_options.h"
#include "tests/bench/baseline_server.h"
#include "tests/bench/db_insert_load.h"
#include "tests/bench/rpc_load.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:0",
          "serve-baseline: host:port to serve on");
ABSL_FLAG(std::string, mysql_url, "mysql://root@127.0.0.1:3306/foi_bench",
          "serve-baseline, db-insert: the database");
ABSL_FLAG(int, db_pool_size, 16,
          "serve-baseline: database connections and worker threads");
ABSL_FLAG(std::string, endpoint, "", "load: host:port of the server");
ABSL_FLAG(std::string, rpc, "empty", "load: empty, insert or submit");
ABSL_FLAG(int, concurrency, 16, "db-insert, load: calls in flight");
ABSL_FLAG(double, seconds, 10, "db-insert, load: length of the measurement");
ABSL_FLAG(double, warmup_seconds, 2,
          "db-insert, load: load before the measurement starts");
ABSL_FLAG(int, calls_per_channel, 8,
          "load: calls in flight per channel (TCP connection)");
ABSL_FLAG(std::string, token, "",
          "load: bearer token (prefer --token_file: argv is public)");
ABSL_FLAG(std::string, token_file, "", "load: file holding the bearer token");

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
  if (o.rpc == foi::bench::LoadRpc::kSubmit && o.token.empty()) {
    return absl::InvalidArgumentError(
        "--rpc=submit needs --token_file or --token");
  }
  return foi::bench::RunRpcLoad(o);
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
      "  foi-bench load --endpoint=HOST:P --rpc=empty|insert|submit "
      "--concurrency=N --seconds=S [--token_file=F]");
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() != 2) {
    std::cerr << "want exactly one subcommand: serve-baseline, db-insert or "
                 "load (--help for usage)\n";
    return 2;
  }
  const std::string command = args[1];
  if (command == "serve-baseline") {
    // Before any thread starts, so that only main receives SIGTERM.
    foi::server::BlockTerminationSignals();
    absl::Status s = ServeBaseline();
    return s.ok() ? 0 : Fail("serve-baseline failed", s);
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
