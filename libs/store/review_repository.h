// Persistence of documents and confidentiality reviews: the reads the review
// service needs and the decisions recorded on an open review. Attaching a
// document, opening a review and signing it off change the case and go
// through CaseRepository::ApplyTransition (casefile::CaseChanges).
//
// Thread safety: implementations are safe to call concurrently.
#ifndef FOI_LIBS_STORE_REVIEW_REPOSITORY_H_
#define FOI_LIBS_STORE_REVIEW_REPOSITORY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/casefile/review.h"

namespace foi::store {

struct FindingDecisionCommand {
  std::string case_id;
  std::string review_id;
  // The review version the caller read (its etag).
  int64_t expected_version = 0;
  int finding_id = 0;
  casefile::FindingDecision decision = casefile::FindingDecision::kUndecided;
  rules::ExemptionGround ground = rules::ExemptionGround::kUnspecified;
  std::string reason;
  std::string actor;
  absl::Time now;
};

class ReviewRepository {
 public:
  virtual ~ReviewRepository() = default;
  ReviewRepository(const ReviewRepository&) = delete;
  ReviewRepository& operator=(const ReviewRepository&) = delete;

  // The case's documents without content or text, oldest first, each with
  // the latest completed review covering it (review_id). Empty for a case
  // without documents (or no such case).
  virtual absl::StatusOr<std::vector<casefile::CaseDocument>> ListDocuments(
      const std::string& case_id) = 0;

  // One document with its content and text; NOT_FOUND.
  virtual absl::StatusOr<casefile::CaseDocument> GetDocument(
      const std::string& case_id, const std::string& document_id) = 0;

  // What the release gate needs, read in one snapshot.
  virtual absl::StatusOr<std::vector<casefile::DocumentCoverage>>
  ListDocumentCoverage(const std::string& case_id) = 0;

  // A review with its documents and findings; NOT_FOUND.
  virtual absl::StatusOr<casefile::Review> GetReview(
      const std::string& case_id, const std::string& review_id) = 0;

  // The case's reviews, oldest first, without findings.
  virtual absl::StatusOr<std::vector<casefile::Review>> ListReviews(
      const std::string& case_id) = 0;

  // Records a decision (validated by the caller with
  // casefile::ValidateDecision on the review at expected_version). ABORTED
  // if the review changed since or is no longer open; NOT_FOUND. Returns
  // the review after the change.
  virtual absl::StatusOr<casefile::Review> DecideFinding(
      const FindingDecisionCommand& cmd) = 0;

  // Adds a reviewer's own finding (its id is assigned: one past the last);
  // ABORTED as DecideFinding. Returns the review after the change.
  virtual absl::StatusOr<casefile::Review> AddFinding(
      const std::string& case_id, const std::string& review_id,
      int64_t expected_version, casefile::ReviewFinding finding) = 0;

 protected:
  ReviewRepository() = default;
};

}  // namespace foi::store

#endif  // FOI_LIBS_STORE_REVIEW_REPOSITORY_H_
