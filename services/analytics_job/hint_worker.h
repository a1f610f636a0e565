// The near-duplicate hint pass of foi-analytics: compares every application
// not compared yet with the earlier ones and records what it finds
// (HintRepository), so the casework queue can show an officer the similar
// earlier cases and the catalogue entries that already disclose the
// information (OGI Regulations Art. 36(1)).
//
// The first run indexes the applications of the window (from a replica if
// given one) and then compares every application without hints; later runs
// compare only applications created since shortly before the previous
// successful run, so a run costs what arrived since. The index lives in the
// worker: run one worker per database (a second finds nothing left to do
// for the applications the first recorded, but does not index them).
//
// Thread safety: not thread-safe.
#ifndef FOI_SERVICES_ANALYTICS_JOB_HINT_WORKER_H_
#define FOI_SERVICES_ANALYTICS_JOB_HINT_WORKER_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/store/analytics_repository.h"
#include "libs/store/hint_repository.h"
#include "services/analytics_job/hint_finder.h"

namespace foi::analytics_job {

struct HintWorkerOptions {
  HintOptions finder;
  // Applications received in the last `window_days` days before today are
  // what a new one is compared with (plus every one compared since).
  int window_days = 365;
  absl::TimeZone zone = absl::FixedTimeZone(8 * 3600);
};

struct HintRunStats {
  // Applications compared in this run, and how many of them were found
  // similar to an earlier case / to a catalogue entry's case.
  int compared = 0;
  int with_similar_cases = 0;
  int with_catalogue = 0;
  // Applications in the index after the run.
  size_t indexed = 0;
};

class HintWorker {
 public:
  explicit HintWorker(const HintWorkerOptions& options) : options_(options) {}

  // One pass at `now`: reads applications from `read` (for the first run's
  // index) and the catalogue and unchecked applications from `hints`, and
  // writes hints to `hints` in batches. On error the next run starts over
  // from a fresh index; hints written before the error stand.
  absl::StatusOr<HintRunStats> Run(store::AnalyticsRepository& read,
                                   store::HintRepository& hints,
                                   absl::Time now);

 private:
  absl::Status Prime(store::AnalyticsRepository& read,
                     store::HintRepository& hints, absl::Time now,
                     std::vector<store::ApplicationRow>* unchecked);

  const HintWorkerOptions options_;
  std::unique_ptr<HintFinder> finder_;  // null until primed
  absl::Time last_success_;
};

}  // namespace foi::analytics_job

#endif  // FOI_SERVICES_ANALYTICS_JOB_HINT_WORKER_H_
