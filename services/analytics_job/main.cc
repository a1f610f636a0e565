// foi-analytics: the scheduled job that finds what the public keeps asking
// for (OGI Regulations Art. 44), in two passes over the applications:
//
//  - near-duplicate hints (every --hint_seconds): each application not
//    compared yet is compared with the earlier ones; the similar cases and
//    the catalogue entries that already disclose the information go to the
//    casework queue (Art. 36(1)). Incremental: a pass reads what arrived.
//  - disclosure candidates (every --watch_seconds): the window's
//    applications (from a replica if given one) are clustered across
//    applicants (libs/textsim) into proactive-disclosure candidates that
//    managers decide through AnalyticsService. A re-run updates the
//    candidates it wrote before (keyed by their earliest case) and never
//    duplicates one; with no application since the last run it stops at
//    once.
//
// Run once (the default) or keep watching; while watching, a failed pass
// (the database away) is logged and retried on the next tick.
//
//   foi-analytics --mysql_url=... [--read_url=...] [--min_applicants=3]
//                 [--window_days=365] [--watch_seconds=0] [--hint_seconds=5]
#include <algorithm>
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
#include "libs/store/mysql_hint_repository.h"
#include "libs/store/mysql_options.h"
#include "services/analytics_job/disclosure_job.h"
#include "services/analytics_job/hint_worker.h"

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
ABSL_FLAG(int, watch_seconds, 0,
          "find candidates again every N seconds (0: run once and exit)");
ABSL_FLAG(int, hint_seconds, 5,
          "while watching, compare new applications every N seconds; once "
          "per run otherwise (0: no near-duplicate hints)");
ABSL_FLAG(int, utc_offset_hours, 8,
          "the agency's UTC offset, for today's date");

namespace foi::analytics_job {
namespace {

using server::Log;
using server::LogLevel;

JobOptions CandidateOptionsFromFlags() {
  JobOptions options;
  options.candidates.min_applicants = absl::GetFlag(FLAGS_min_applicants);
  options.window_days = absl::GetFlag(FLAGS_window_days);
  options.threshold = absl::GetFlag(FLAGS_threshold);
  options.zone =
      absl::FixedTimeZone(absl::GetFlag(FLAGS_utc_offset_hours) * 3600);
  return options;
}

absl::Status FindCandidates(store::AnalyticsRepository& read,
                            store::AnalyticsRepository& write,
                            std::string* watermark) {
  const absl::Time t0 = absl::Now();
  FOI_ASSIGN_OR_RETURN(
      RunStats stats, RunDisclosureJob(read, write, CandidateOptionsFromFlags(),
                                       absl::Now(), watermark));
  Log(LogLevel::kInfo, stats.skipped ? "nothing new" : "run finished",
      JsonObject()
          .Add("applications", static_cast<int64_t>(stats.applications))
          .Add("clusters", static_cast<int64_t>(stats.clusters))
          .Add("candidates", static_cast<int64_t>(stats.candidates))
          .Add("new_candidates", static_cast<int64_t>(stats.inserted))
          .Add("seconds",
               static_cast<int64_t>(absl::ToInt64Seconds(absl::Now() - t0)))
          .Add("millis", absl::ToInt64Milliseconds(absl::Now() - t0)));
  return absl::OkStatus();
}

absl::Status FindHints(HintWorker& worker, store::AnalyticsRepository& read,
                       store::HintRepository& hints) {
  const absl::Time t0 = absl::Now();
  FOI_ASSIGN_OR_RETURN(HintRunStats stats,
                       worker.Run(read, hints, absl::Now()));
  if (stats.compared > 0) {
    Log(LogLevel::kInfo, "hints written",
        JsonObject()
            .Add("compared", static_cast<int64_t>(stats.compared))
            .Add("with_similar_cases",
                 static_cast<int64_t>(stats.with_similar_cases))
            .Add("with_catalogue", static_cast<int64_t>(stats.with_catalogue))
            .Add("indexed", static_cast<int64_t>(stats.indexed))
            .Add("millis", absl::ToInt64Milliseconds(absl::Now() - t0)));
  }
  return absl::OkStatus();
}

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
  // Hints are read back from the primary: which applications are compared
  // must not lag behind what this worker wrote.
  store::MysqlHintRepository hints(write_pool.get());
  const JobOptions candidate_options = CandidateOptionsFromFlags();
  HintWorkerOptions hint_options;
  hint_options.window_days = candidate_options.window_days;
  hint_options.zone = candidate_options.zone;
  HintWorker worker(hint_options);

  const int watch = absl::GetFlag(FLAGS_watch_seconds);
  const int hint_every = absl::GetFlag(FLAGS_hint_seconds);
  if (watch <= 0) {
    if (hint_every > 0) FOI_RETURN_IF_ERROR(FindHints(worker, read, hints));
    std::string watermark;
    return FindCandidates(read, write, &watermark);
  }
  const absl::Duration tick =
      absl::Seconds(hint_every > 0 ? std::min(hint_every, watch) : watch);
  std::string watermark;
  absl::Time next_candidates = absl::InfinitePast();
  for (;;) {
    const absl::Time now = absl::Now();
    if (hint_every > 0) {
      if (absl::Status s = FindHints(worker, read, hints); !s.ok()) {
        Log(LogLevel::kWarning, "hint pass failed",
            JsonObject().Add("error", s.ToString()));
      }
    }
    if (now >= next_candidates) {
      if (absl::Status s = FindCandidates(read, write, &watermark); !s.ok()) {
        Log(LogLevel::kWarning, "candidate run failed",
            JsonObject().Add("error", s.ToString()));
      }
      next_candidates = now + absl::Seconds(watch);
    }
    absl::SleepFor(tick);
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
