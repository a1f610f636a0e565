// From clusters of similar applications to proactive-disclosure candidates
// (OGI Regulations Art. 44: information several applicants ask for, and
// that can be disclosed, may be disclosed proactively).
//
// Thread safety: free functions.
#ifndef FOI_SERVICES_ANALYTICS_JOB_CANDIDATES_H_
#define FOI_SERVICES_ANALYTICS_JOB_CANDIDATES_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "libs/store/analytics_repository.h"

namespace foi::analytics_job {

struct CandidateOptions {
  // Distinct applicants a cluster needs (the "rule of three").
  int min_applicants = 3;
};

// Turns `clusters` (indexes into `apps`) into candidates: clusters with at
// least min_applicants distinct applicants, at least one reply that
// disclosed (DISCLOSED or PARTIALLY_DISCLOSED) and no reply that refused
// (every replied member disclosed), and no member already in a decided
// candidate (`decided_cases`: accepted into the catalogue or rejected).
// Each keeps the key of an earlier run's candidate whose key case is among
// its members (`existing_keys`; the smallest if several), so re-runs update
// rather than duplicate; otherwise its earliest case is the key. The most
// typical description
// (the member sharing most words with the others) as representative, and a
// score: distinct applicants, plus up to 1 for recency (applications in the
// last 90 days before `today`). Sorted by score, best first.
std::vector<store::CandidateRow> BuildCandidates(
    const std::vector<store::ApplicationRow>& apps,
    const std::vector<std::vector<int64_t>>& clusters,
    const std::set<std::string>& decided_cases,
    const std::set<std::string>& existing_keys, absl::CivilDay today,
    const CandidateOptions& options);

}  // namespace foi::analytics_job

#endif  // FOI_SERVICES_ANALYTICS_JOB_CANDIDATES_H_
