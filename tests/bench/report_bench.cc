#include "tests/bench/report_bench.h"

// clang-format off
#include <cppconn/connection.h>  // before any other cppconn header
// clang-format on
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "foi/v1/admin_service.grpc.pb.h"
#include "foi/v1/deadline_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/store/connection_pool.h"
#include "libs/store/transaction.h"
#include "tests/bench/bench_result.h"

namespace foi::bench {
namespace {

std::string Fixed(double v, int digits) {
  return absl::StrFormat("%.*f", digits, v);
}

double SecondsSince(BenchClock::time_point start) {
  return std::chrono::duration<double>(BenchClock::now() - start).count();
}

// Adds "runs", "seconds" (each run), "min_s", "median_s" and "max_s".
// REQUIRES: !seconds.empty().
void AddTimings(JsonObject& json, std::vector<double> seconds) {
  std::vector<std::string> each;
  for (double s : seconds) each.push_back(Fixed(s, 4));
  std::sort(seconds.begin(), seconds.end());
  const size_t n = seconds.size();
  const double median =
      n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
  json.Add("runs", static_cast<int64_t>(n))
      .AddRaw("seconds", absl::StrCat("[", absl::StrJoin(each, ","), "]"))
      .AddRaw("min_s", Fixed(seconds.front(), 4))
      .AddRaw("median_s", Fixed(median, 4))
      .AddRaw("max_s", Fixed(seconds.back(), 4));
}

absl::Status FromGrpc(absl::string_view what, const grpc::Status& s) {
  return absl::Status(static_cast<absl::StatusCode>(s.error_code()),
                      absl::StrCat(what, ": ", s.error_message()));
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> Connect(
    const std::string& endpoint) {
  auto channel =
      grpc::CreateChannel(endpoint, grpc::InsecureChannelCredentials());
  if (!channel->WaitForConnected(
          absl::ToChronoTime(absl::Now() + absl::Seconds(10)))) {
    return absl::UnavailableError(absl::StrCat("cannot connect to ", endpoint));
  }
  return channel;
}

}  // namespace

absl::StatusOr<std::string> RunReportBench(const ReportBenchOptions& options) {
  if (options.runs < 1 || options.warmup_runs < 0) {
    return absl::InvalidArgumentError("--runs must be at least 1");
  }
  FOI_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel,
                       Connect(options.endpoint));
  auto stub = v1::DeadlineService::NewStub(channel);
  v1::GetDeadlineReportRequest req;
  req.mutable_as_of()->set_year(static_cast<int32_t>(options.as_of.year()));
  req.mutable_as_of()->set_month(options.as_of.month());
  req.mutable_as_of()->set_day(options.as_of.day());
  req.set_unit(options.unit);
  std::vector<double> seconds;
  v1::GetDeadlineReportResponse resp;
  for (int i = 0; i < options.warmup_runs + options.runs; ++i) {
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Minutes(5)));
    ctx.AddMetadata("authorization", "Bearer " + options.token);
    resp.Clear();
    const BenchClock::time_point start = BenchClock::now();
    grpc::Status s = stub->GetDeadlineReport(&ctx, req, &resp);
    const double took = SecondsSince(start);
    if (!s.ok()) return FromGrpc("GetDeadlineReport", s);
    if (i >= options.warmup_runs) seconds.push_back(took);
  }
  int64_t open = 0, overdue = 0, due_soon = 0, on_time = 0, late = 0;
  int64_t officer_rows = 0;
  for (const v1::DeadlineReportRow& row : resp.rows()) {
    if (!row.officer().empty()) {
      ++officer_rows;
      continue;
    }
    open += row.open();
    overdue += row.overdue();
    due_soon += row.due_within_3_working_days();
    on_time += row.closed_on_time();
    late += row.closed_late();
  }
  JsonObject json;
  json.Add("mode", "report")
      .Add("as_of", absl::FormatCivilTime(options.as_of))
      .Add("unit", options.unit)
      .Add("warmup_runs", static_cast<int64_t>(options.warmup_runs));
  AddTimings(json, std::move(seconds));
  json.Add("rows", static_cast<int64_t>(resp.rows_size()))
      .Add("officer_rows", officer_rows)
      .Add("open", open)
      .Add("due_soon", due_soon)
      .Add("overdue", overdue)
      .Add("closed_on_time", on_time)
      .Add("closed_late", late)
      .Add("response_bytes", static_cast<int64_t>(resp.ByteSizeLong()));
  return json.Build();
}

absl::StatusOr<std::string> RunSqlTime(const SqlTimeOptions& options) {
  if (options.runs < 1 || options.warmup_runs < 0) {
    return absl::InvalidArgumentError("--runs must be at least 1");
  }
  if (options.sql.empty()) return absl::InvalidArgumentError("--sql: required");
  store::MysqlOptions mysql = options.mysql;
  mysql.pool_size = 1;
  mysql.io_timeout = absl::Minutes(5);
  FOI_ASSIGN_OR_RETURN(std::unique_ptr<store::ConnectionPool> pool,
                       store::ConnectionPool::Create(mysql));
  std::vector<double> seconds;
  int64_t rows = 0;
  std::vector<std::string> first_row;
  for (int i = 0; i < options.warmup_runs + options.runs; ++i) {
    double took = 0;
    FOI_RETURN_IF_ERROR(
        store::RunOnConnection(*pool, [&](store::Session& session) {
          rows = 0;
          first_row.clear();
          std::unique_ptr<sql::Statement> stmt(
              session.connection().createStatement());
          const BenchClock::time_point start = BenchClock::now();
          std::unique_ptr<sql::ResultSet> rs(stmt->executeQuery(options.sql));
          const unsigned columns = rs->getMetaData()->getColumnCount();
          while (rs->next()) {
            if (rows++ == 0) {
              for (unsigned c = 1; c <= columns; ++c) {
                first_row.push_back(rs->isNull(c)
                                        ? std::string("null")
                                        : std::string(rs->getString(c)));
              }
            }
          }
          took = SecondsSince(start);
          return absl::OkStatus();
        }));
    if (i >= options.warmup_runs) seconds.push_back(took);
  }
  std::string first = "[";
  for (size_t c = 0; c < first_row.size(); ++c) {
    if (c > 0) first += ",";
    AppendJsonString(first, first_row[c]);
  }
  first += "]";
  JsonObject json;
  json.Add("mode", options.label)
      .Add("sql", options.sql)
      .Add("warmup_runs", static_cast<int64_t>(options.warmup_runs));
  AddTimings(json, std::move(seconds));
  json.Add("result_rows", rows).AddRaw("first_row", first);
  return json.Build();
}

absl::StatusOr<int> CreateTokens(const CreateTokensOptions& options) {
  std::ifstream in(options.principals_file);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrCat("--principals: cannot read ", options.principals_file));
  }
  std::vector<v1::Token> wanted;
  std::string line;
  while (std::getline(in, line)) {
    absl::StripAsciiWhitespace(&line);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    v1::Role role;
    if (f.size() != 3 || !v1::Role_Parse(f[0], &role)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--principals: want ROLE<TAB>unit<TAB>name, got '", line, "'"));
    }
    v1::Token t;
    t.set_role(role);
    t.set_unit(f[1]);
    t.set_display_name(f[2]);
    wanted.push_back(std::move(t));
  }
  FOI_ASSIGN_OR_RETURN(std::shared_ptr<grpc::Channel> channel,
                       Connect(options.endpoint));
  auto stub = v1::AdminService::NewStub(channel);
  std::vector<std::string> secrets;
  for (const v1::Token& t : wanted) {
    grpc::ClientContext ctx;
    ctx.set_deadline(absl::ToChronoTime(absl::Now() + absl::Seconds(30)));
    ctx.AddMetadata("authorization", "Bearer " + options.admin_token);
    v1::CreateTokenRequest req;
    *req.mutable_token() = t;
    v1::CreateTokenResponse resp;
    grpc::Status s = stub->CreateToken(&ctx, req, &resp);
    if (!s.ok()) return FromGrpc("CreateToken", s);
    secrets.push_back(resp.secret());
  }
  const mode_t old_mask = umask(077);
  std::ofstream out(options.out_file, std::ios::trunc);
  umask(old_mask);
  if (!out) {
    return absl::InvalidArgumentError(
        absl::StrCat("--out: cannot write ", options.out_file));
  }
  for (const std::string& s : secrets) out << s << "\n";
  out.close();
  if (!out) {
    return absl::InternalError(
        absl::StrCat("--out: write failed: ", options.out_file));
  }
  return static_cast<int>(secrets.size());
}

}  // namespace foi::bench
