// One run of the disclosure-candidate job: read the window's applications,
// cluster them, write the candidates. Separate from main.cc so tests run it
// against a real database.
//
// Thread safety: one run at a time per watermark.
#ifndef FOI_SERVICES_ANALYTICS_JOB_DISCLOSURE_JOB_H_
#define FOI_SERVICES_ANALYTICS_JOB_DISCLOSURE_JOB_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/analytics_repository.h"
#include "services/analytics_job/candidates.h"

namespace foi::analytics_job {

struct JobOptions {
  CandidateOptions candidates;
  // Applications received in the last `window_days` days before today.
  int window_days = 365;
  // Jaccard similarity for "the same information"; 0: that of
  // textsim::RecommendedClusterOptions for the window's size.
  double threshold = 0;
  absl::TimeZone zone = absl::FixedTimeZone(8 * 3600);
};

struct RunStats {
  int applications = 0;
  int clusters = 0;
  int candidates = 0;
  // Candidates not seen in an earlier run.
  int inserted = 0;
  // True when nothing arrived since `watermark`: nothing was written.
  bool skipped = false;
};

// Runs once at `now`, reading from `read` (a replica, or the primary) and
// writing to `write`. `*watermark` is what the previous run saw (the number
// of applications and the last id; "" at first) and is advanced; a run that
// finds the same skips the work. Every run clusters the whole window, so a
// candidate keeps growing as applications join it. Logs progress every
// 100,000 applications.
absl::StatusOr<RunStats> RunDisclosureJob(store::AnalyticsRepository& read,
                                          store::AnalyticsRepository& write,
                                          const JobOptions& options,
                                          absl::Time now,
                                          std::string* watermark);

}  // namespace foi::analytics_job

#endif  // FOI_SERVICES_ANALYTICS_JOB_DISCLOSURE_JOB_H_
