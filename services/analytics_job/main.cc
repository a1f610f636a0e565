// foi-analytics: the scheduled job that finds what the public keeps asking
// for (OGI Regulations Art. 44). It reads the applications of the window
// (from a replica if given one), clusters similar descriptions of the
// information sought across applicants (libs/textsim), and writes
// proactive-disclosure candidates that managers decide through
// AnalyticsService. A re-run updates the candidates it wrote before (keyed
// by their earliest case) and never duplicates one; with no application
// since the last run it stops at once.
//
//   foi-analytics --mysql_url=... [--read_url=...] [--min_applicants=3]
//                 [--window_days=365] [--watch_seconds=0]
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/log.h"
#include "libs/store/connection_pool.h"
#include "libs/store/mysql_analytics_repository.h"
#include "libs/store/mysql_options.h"
#include "services/analytics_job/disclosure_job.h"

ABSL_FLAG(std::string, mysql_url, "mysql://root@127.0.0.1:3306/foi",
          "the database candidates are written to");
ABSL_FLAG(std::string, read_url, "",
          "where applications are read from (a replica); default mysql_url");
ABSL_FLAG(int, min_applicants, 3,
          "distinct applicants a cluster needs to become a candidate");
ABSL_FLAG(int, window_days, 365, "applications received in the last N days");
ABSL_FLAG(double, threshold, 0,
          "Jaccard similarity for 'the same information' (0: textsim's "
          "recommendation for the window's size: 0.57, or 0.60 IDF-weighted "
          "from 100,000 applications)");
ABSL_FLAG(int, watch_seconds, 0, "run again every N seconds (0: run once)");
ABSL_FLAG(int, utc_offset_hours, 8,
          "the agency's UTC offset, for today's date");

namespace foi::analytics_job {
namespace {

using server::Log;
using server::LogLevel;

absl::Status Main() {
  FOI_ASSIGN_OR_RETURN(store::MysqlOptions write_options,
                       store::ParseMysqlUrl(absl::GetFlag(FLAGS_mysql_url)));
  write_options.pool_size = 2;
  FOI_ASSIGN_OR_RETURN(auto write_pool,
                       store::ConnectionPool::Create(write_options));
  std::unique_ptr<store::ConnectionPool> read_pool;
  if (!absl::GetFlag(FLAGS_read_url).empty()) {
    FOI_ASSIGN_OR_RETURN(store::MysqlOptions read_options,
                         store::ParseMysqlUrl(absl::GetFlag(FLAGS_read_url)));
    read_options.pool_size = 1;
    FOI_ASSIGN_OR_RETURN(read_pool,
                         store::ConnectionPool::Create(read_options));
  }
  store::MysqlAnalyticsRepository write(write_pool.get());
  store::MysqlAnalyticsRepository read(read_pool ? read_pool.get()
                                                 : write_pool.get());
  std::string watermark;
  for (;;) {
    const absl::Time t0 = absl::Now();
    JobOptions options;
    options.candidates.min_applicants = absl::GetFlag(FLAGS_min_applicants);
    options.window_days = absl::GetFlag(FLAGS_window_days);
    options.threshold = absl::GetFlag(FLAGS_threshold);
    options.zone =
        absl::FixedTimeZone(absl::GetFlag(FLAGS_utc_offset_hours) * 3600);
    FOI_ASSIGN_OR_RETURN(
        RunStats stats,
        RunDisclosureJob(read, write, options, absl::Now(), &watermark));
    Log(LogLevel::kInfo, stats.skipped ? "nothing new" : "run finished",
        JsonObject()
            .Add("applications", static_cast<int64_t>(stats.applications))
            .Add("clusters", static_cast<int64_t>(stats.clusters))
            .Add("candidates", static_cast<int64_t>(stats.candidates))
            .Add("new_candidates", static_cast<int64_t>(stats.inserted))
            .Add("seconds",
                 static_cast<int64_t>(absl::ToInt64Seconds(absl::Now() - t0))));
    const int watch = absl::GetFlag(FLAGS_watch_seconds);
    if (watch <= 0) return absl::OkStatus();
    absl::SleepFor(absl::Seconds(watch));
  }
}

}  // namespace
}  // namespace foi::analytics_job

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "foi-analytics: proactive-disclosure candidates from similar "
      "applications (Art. 44).\n  foi-analytics --mysql_url=... "
      "[--read_url=replica] [--watch_seconds=600]");
  absl::ParseCommandLine(argc, argv);
  absl::Status s = foi::analytics_job::Main();
  if (!s.ok()) {
    std::cerr << "foi-analytics: " << s << "\n";
    return 1;
  }
  return 0;
}
