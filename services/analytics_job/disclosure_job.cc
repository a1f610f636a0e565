#include "services/analytics_job/disclosure_job.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/common/id_generator.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/log.h"
#include "libs/textsim/cluster.h"

namespace foi::analytics_job {
namespace {

using server::Log;
using server::LogLevel;

constexpr int kPage = 20000;

}  // namespace

absl::StatusOr<RunStats> RunDisclosureJob(store::AnalyticsRepository& read,
                                          store::AnalyticsRepository& write,
                                          const JobOptions& options,
                                          absl::Time now,
                                          std::string* watermark) {
  const absl::Time started = now;
  const absl::CivilDay today = absl::ToCivilDay(now, options.zone);
  const absl::CivilDay from = today - options.window_days;
  RunStats stats;
  std::vector<store::ApplicationRow> apps;
  std::string after;
  std::string last_id;
  size_t read_total = 0;
  for (;;) {
    FOI_ASSIGN_OR_RETURN(std::vector<store::ApplicationRow> page,
                         read.ListApplications(after, kPage));
    if (page.empty()) break;
    after = page.back().case_id;
    last_id = after;
    read_total += page.size();
    for (store::ApplicationRow& a : page) {
      if (a.receipt_date >= from) apps.push_back(std::move(a));
    }
    if (apps.size() / 100000 != (apps.size() - page.size()) / 100000) {
      Log(LogLevel::kInfo, "reading",
          JsonObject().Add("applications", static_cast<int64_t>(apps.size())));
    }
  }
  stats.applications = static_cast<int>(apps.size());
  // Ids are time-ordered only to the millisecond, so a new case may sort
  // before the last one seen: the count catches it.
  const std::string mark = absl::StrCat(read_total, ":", last_id);
  if (!last_id.empty() && mark == *watermark) {
    stats.skipped = true;
    return stats;
  }
  FOI_ASSIGN_OR_RETURN(auto normalizer, textsim::Normalizer::Create());
  std::vector<textsim::Document> docs;
  docs.reserve(apps.size());
  for (size_t i = 0; i < apps.size(); ++i) {
    docs.push_back({static_cast<int64_t>(i), apps[i].description});
  }
  textsim::ClusterOptions cluster_options =
      textsim::RecommendedClusterOptions(docs.size());
  if (options.threshold > 0) cluster_options.threshold = options.threshold;
  Log(LogLevel::kInfo, "clustering",
      JsonObject().Add("applications", static_cast<int64_t>(docs.size())));
  FOI_ASSIGN_OR_RETURN(const std::vector<std::vector<int64_t>> clusters,
                       textsim::Cluster(*normalizer, docs, cluster_options));
  stats.clusters = static_cast<int>(clusters.size());
  // Cases of decided candidates stay out of new ones; proposed ones keep
  // their identity.
  std::set<std::string> decided, proposed;
  {
    std::optional<std::pair<double, std::string>> key;
    for (;;) {
      FOI_ASSIGN_OR_RETURN(
          std::vector<store::CandidateRow> rows,
          write.ListCandidates(store::CandidateState::kProposed, key, 500));
      if (rows.empty()) break;
      for (const store::CandidateRow& c : rows) proposed.insert(c.cluster_key);
      key = std::make_pair(rows.back().score, rows.back().id);
    }
  }
  for (store::CandidateState s :
       {store::CandidateState::kAccepted, store::CandidateState::kRejected}) {
    std::optional<std::pair<double, std::string>> key;
    for (;;) {
      FOI_ASSIGN_OR_RETURN(std::vector<store::CandidateRow> rows,
                           write.ListCandidates(s, key, 500));
      if (rows.empty()) break;
      for (const store::CandidateRow& c : rows) {
        decided.insert(c.case_ids.begin(), c.case_ids.end());
      }
      key = std::make_pair(rows.back().score, rows.back().id);
    }
  }
  std::vector<store::CandidateRow> candidates = BuildCandidates(
      apps, clusters, decided, proposed, today, options.candidates);
  RandomIdGenerator ids;
  for (store::CandidateRow& c : candidates) c.id = ids.NewId(now);
  stats.candidates = static_cast<int>(candidates.size());
  FOI_ASSIGN_OR_RETURN(stats.inserted, write.UpsertCandidates(candidates, now));
  FOI_RETURN_IF_ERROR(write.RecordRun(started, absl::Now(), mark,
                                      stats.applications, stats.clusters,
                                      stats.candidates));
  *watermark = mark;
  return stats;
}

}  // namespace foi::analytics_job
