// Row mapping of documents, reviews and findings, shared by the case
// repository (which writes them with a case transition) and the review
// repository (which reads them and records decisions). Private to
// libs/store.
#ifndef FOI_LIBS_STORE_INTERNAL_REVIEW_ROWS_H_
#define FOI_LIBS_STORE_INTERNAL_REVIEW_ROWS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/casefile/case_commands.h"
#include "libs/casefile/review.h"
#include "libs/store/connection_pool.h"

namespace foi::store_internal {

// Writes what a release command changes (documents, reviews, sign-off,
// disposition) inside the caller's transaction. ABORTED if a sign-off's
// review is no longer at its expected version or no longer open.
absl::Status WriteReleaseChanges(store::Session& s, const std::string& case_id,
                                 const casefile::CaseChanges& ch,
                                 absl::Time now);

// Inserts one finding (its id chosen by the caller).
void InsertFinding(store::Session& s, const std::string& review_id,
                   const casefile::ReviewFinding& f);

// Loads a review with its documents and findings; NOT_FOUND if the case has
// no such review. With `for_update`, locks the review row.
absl::StatusOr<casefile::Review> LoadReview(store::Session& s,
                                            const std::string& case_id,
                                            const std::string& review_id,
                                            bool for_update);

// The case's documents (without content and text), oldest first, each with
// the latest completed review covering it and that review's conclusion.
absl::StatusOr<std::vector<casefile::CaseDocument>> LoadDocuments(
    store::Session& s, const std::string& case_id,
    std::vector<casefile::ReviewConclusion>* conclusions);

}  // namespace foi::store_internal

#endif  // FOI_LIBS_STORE_INTERNAL_REVIEW_ROWS_H_
