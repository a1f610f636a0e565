// Persistence for near-duplicate hints: which earlier cases a new
// application resembles, and which proactive-disclosure catalogue entries
// already answer it (OGI Regulations Art. 36(1): information already
// disclosed is answered by telling the applicant where to find it).
// foi-analytics writes them; the casework queue reads them.
//
// Thread safety: implementations are safe to call concurrently.
#ifndef FOI_LIBS_STORE_HINT_REPOSITORY_H_
#define FOI_LIBS_STORE_HINT_REPOSITORY_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/casefile/case_record.h"
#include "libs/store/analytics_repository.h"

namespace foi::store {

// An earlier case asking for much the same information.
struct SimilarCaseHint {
  std::string case_id;
  double similarity = 0;  // Jaccard of the normalised descriptions, (0, 1]
  // Filled in by LoadHints.
  std::string case_number;
  casefile::CaseState state = casefile::CaseState::kUnspecified;
  std::string outcome;  // a rules::ReplyOutcome code, or empty
};

// A catalogue entry that already discloses what the application asks for.
struct CatalogueHint {
  std::string disclosure_id;
  // The member of the accepted candidate the application resembles.
  std::string via_case_id;
  double similarity = 0;
  // Filled in by LoadHints.
  std::string title;
  std::string location;
};

struct CaseHints {
  std::string case_id;
  // Most similar first.
  std::vector<SimilarCaseHint> similar_cases;
  std::vector<CatalogueHint> catalogue;
};

// An accepted candidate's catalogue entry and the cases it was made from.
struct CatalogueMembers {
  std::string disclosure_id;
  std::vector<std::string> case_ids;
};

class HintRepository {
 public:
  virtual ~HintRepository() = default;
  HintRepository(const HintRepository&) = delete;
  HintRepository& operator=(const HintRepository&) = delete;

  // Up to `limit` applications with ids after `after_id` (id order) that
  // have not been compared yet (no WriteHints for them).
  virtual absl::StatusOr<std::vector<ApplicationRow>> ListUnchecked(
      const std::string& after_id, int limit) = 0;

  // Every catalogue entry made from an accepted candidate, with its cases.
  virtual absl::StatusOr<std::vector<CatalogueMembers>> ListCatalogue() = 0;

  // Records that each application of `hints` was compared, with what was
  // found (possibly nothing), in one transaction. An application already
  // recorded (by another worker) keeps its first hints. The stored
  // fields are case_id, similar_cases[].case_id/similarity and
  // catalogue[].disclosure_id/via_case_id/similarity.
  virtual absl::Status WriteHints(const std::vector<CaseHints>& hints,
                                  absl::Time now) = 0;

  // The hints of each of `case_ids` that was compared, with the similar
  // cases' numbers, states and outcomes as they are now and the catalogue
  // entries' titles and locations. Cases not compared yet are absent.
  virtual absl::StatusOr<std::map<std::string, CaseHints>> LoadHints(
      const std::vector<std::string>& case_ids) = 0;

 protected:
  HintRepository() = default;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_HINT_REPOSITORY_H_
