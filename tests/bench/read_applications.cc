// foi-read-applications: the analytics benchmark's baseline
// (scripts/lib/bench_analytics.sh): reads every application the way
// foi-analytics does - MysqlAnalyticsRepository::ListApplications, keyset
// pages of 20,000 by case id (services/analytics_job/disclosure_job.cc) -
// and discards the rows, so it pays the same SQL, Connector/C++ and parsing
// costs and nothing else. Not a test: never registered with ctest.
//
//   foi-read-applications --mysql_url=URL [--page_size=20000] [--keep]
//
// --keep holds every row in memory, as the job does before clustering: the
// memory the rows alone take. Prints one JSON line on stdout:
// {"mode":"read_applications","keep":false,"rows":N,"pages":P,
//  "text_bytes":B,"seconds":S,"peak_rss_mb":M}
// (seconds from the first page's query to the last page; peak_rss_mb is
// VmHWM).
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/store/connection_pool.h"
#include "libs/store/mysql_analytics_repository.h"
#include "libs/store/mysql_options.h"

ABSL_FLAG(std::string, mysql_url, "mysql://root@127.0.0.1:3306/foi",
          "the database to read the applications from");
ABSL_FLAG(int, page_size, 20000,
          "rows per ListApplications call (foi-analytics: 20,000)");
ABSL_FLAG(bool, keep, false, "hold every row in memory, as the job does");

namespace foi::bench {
namespace {

// VmHWM of this process in MB; 0 if unavailable.
double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.compare(0, 6, "VmHWM:") == 0) {
      return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    }
  }
  return 0;
}

absl::Status Main() {
  const int page_size = absl::GetFlag(FLAGS_page_size);
  if (page_size <= 0) {
    return absl::InvalidArgumentError("--page_size: must be > 0");
  }
  const bool keep = absl::GetFlag(FLAGS_keep);
  FOI_ASSIGN_OR_RETURN(store::MysqlOptions options,
                       store::ParseMysqlUrl(absl::GetFlag(FLAGS_mysql_url)));
  options.pool_size = 1;
  FOI_ASSIGN_OR_RETURN(auto pool, store::ConnectionPool::Create(options));
  store::MysqlAnalyticsRepository repository(pool.get());

  std::vector<store::ApplicationRow> kept;
  int64_t rows = 0, pages = 0, text_bytes = 0;
  std::string after;
  const absl::Time t0 = absl::Now();
  for (;;) {
    FOI_ASSIGN_OR_RETURN(std::vector<store::ApplicationRow> page,
                         repository.ListApplications(after, page_size));
    if (page.empty()) break;
    ++pages;
    rows += static_cast<int64_t>(page.size());
    after = page.back().case_id;
    for (store::ApplicationRow& a : page) {
      text_bytes +=
          static_cast<int64_t>(a.description.size() + a.applicant_key.size());
      if (keep) kept.push_back(std::move(a));
    }
  }
  const double seconds = absl::ToDoubleSeconds(absl::Now() - t0);
  std::cout << JsonObject()
                   .Add("mode", "read_applications")
                   .Add("keep", keep)
                   .Add("rows", rows)
                   .Add("pages", pages)
                   .Add("text_bytes", text_bytes)
                   .AddRaw("seconds", absl::StrFormat("%.3f", seconds))
                   .AddRaw("peak_rss_mb", absl::StrFormat("%.1f", PeakRssMb()))
                   .Build()
            << "\n";
  return absl::OkStatus();
}

}  // namespace
}  // namespace foi::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "foi-read-applications: reads every application as foi-analytics "
      "does, and discards them (the analytics benchmark's baseline).\n"
      "  foi-read-applications --mysql_url=... [--keep]");
  absl::ParseCommandLine(argc, argv);
  const absl::Status s = foi::bench::Main();
  if (!s.ok()) {
    std::cerr << "foi-read-applications: " << s << "\n";
    return 1;
  }
  return 0;
}
