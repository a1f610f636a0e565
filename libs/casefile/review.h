// Confidentiality pre-review as plain values and pure rules: documents
// attached to a case, reviews of them with one finding per risky passage,
// the reviewer's decision on each, the sign-off, and the release gate that
// keeps a disclosing reply from being drafted before a completed review
// covers every document (OGI Regulations Arts. 14-17, 37).
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_REVIEW_H_
#define FOI_LIBS_CASEFILE_REVIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/casefile/case_types.h"
#include "libs/rules/exemption_grounds.h"
#include "libs/rules/reply_outcomes.h"

namespace foi::casefile {

// A document attached to a case: the bytes as uploaded and the text the
// review reads (the same for text/plain; extracted for application/pdf).
struct CaseDocument {
  std::string id;
  std::string case_id;
  std::string file_name;
  std::string media_type;  // "text/plain" or "application/pdf"
  int64_t size_bytes = 0;
  std::string sha256;  // hex, of `content`
  int64_t text_chars = 0;
  std::string added_by;
  absl::Time add_time;
  // Empty unless loaded with contents.
  std::string content;
  std::string text;
  // The completed review covering it; empty if none (set when listed).
  std::string review_id;
};

// Numbers mirror foi.v1.FindingDecision / ReviewState / ReviewConclusion.
enum class FindingDecision { kUndecided = 0, kRedact = 1, kRelease = 2 };
enum class ReviewState { kUnspecified = 0, kOpen = 1, kCompleted = 2 };
enum class ReviewConclusion {
  kUnspecified = 0,
  kDisclose = 1,  // no finding redacted
  kPartial = 2,   // Art. 37: at least one finding redacted
  kWithhold = 3,  // nothing released
};

absl::string_view FindingDecisionName(FindingDecision d);  // "REDACT"
absl::string_view ReviewStateName(ReviewState s);          // "OPEN"
absl::string_view ReviewConclusionName(ReviewConclusion c);
std::optional<FindingDecision> ParseFindingDecision(absl::string_view name);
std::optional<ReviewState> ParseReviewState(absl::string_view name);
std::optional<ReviewConclusion> ParseReviewConclusion(absl::string_view name);

struct ReviewFinding {
  int id = 0;  // 1, 2, ... within the review
  std::string document_id;
  // foi.v1.FindingCategory / screening::Category number.
  int category = 0;
  std::string detector;
  rules::ExemptionGround suggested_ground =
      rules::ExemptionGround::kUnspecified;
  int64_t byte_begin = 0, byte_end = 0, char_begin = 0, char_end = 0;
  std::string text;
  std::string explanation;
  FindingDecision decision = FindingDecision::kUndecided;
  rules::ExemptionGround ground = rules::ExemptionGround::kUnspecified;
  std::string reason;
  std::string decided_by;
  std::optional<absl::Time> decide_time;
};

struct Review {
  std::string id;
  std::string case_id;
  ReviewState state = ReviewState::kOpen;
  std::vector<std::string> document_ids;
  std::vector<ReviewFinding> findings;  // in id order
  ReviewConclusion conclusion = ReviewConclusion::kUnspecified;
  std::string summary;
  std::string created_by;
  absl::Time create_time;
  std::string completed_by;
  std::optional<absl::Time> complete_time;
  std::string digest;
  int64_t version = 1;  // behind the review's etag
};

// Most characters of a decision's reason and of a sign-off summary.
inline constexpr size_t kMaxDecisionReasonChars = 500;
inline constexpr size_t kMaxReviewSummaryChars = 2000;

// Number of findings without a decision.
int UndecidedCount(const Review& r);

// Checks a decision on finding `finding_id` of open review `r`: NOT_FOUND for
// an unknown finding, FAILED_PRECONDITION unless the review is open,
// INVALID_ARGUMENT naming "decision", "ground" or "reason" (REDACT needs a
// ground; RELEASE needs a reason, e.g. the third party's consent under
// Art. 15).
absl::Status ValidateDecision(const Review& r, int finding_id,
                              FindingDecision decision,
                              rules::ExemptionGround ground,
                              absl::string_view reason);

// Checks that `signer` (with `role`) may sign `r` off on case `c` with
// `conclusion`: PERMISSION_DENIED unless a REVIEWER, or when the signer
// drafted it (is the case's assignee or the review's creator);
// FAILED_PRECONDITION unless the review is open, every finding decided, and
// the conclusion matches the decisions (DISCLOSE: none redacted; PARTIAL: at
// least one); INVALID_ARGUMENT for a missing conclusion or an overlong
// summary.
absl::Status CheckSignOff(const Review& r, const std::string& case_assignee,
                          const std::string& signer, Role role,
                          ReviewConclusion conclusion,
                          absl::string_view summary);

// SHA-256 over the review's documents (ids and hashes) and every finding's
// span, decision, ground and reason, in a fixed order: recorded in the case's
// audit trail at sign-off, so a decision changed afterwards is detectable.
std::string ReviewDigest(const Review& r,
                         const std::vector<CaseDocument>& documents);

// What the release gate needs to know about each document of a case.
struct DocumentCoverage {
  std::string document_id;
  std::string file_name;
  // The latest completed review covering it; empty if none.
  std::string review_id;
  ReviewConclusion conclusion = ReviewConclusion::kUnspecified;
};

// The release gate (Art. 17; DESIGN.md): a disclosing outcome (Art. 36(2),
// Art. 37) needs at least one document, every document covered by a
// completed review, and for DISCLOSED every review concluded DISCLOSE; a
// review that concluded WITHHOLD releases nothing, so it cannot support a
// DISCLOSED reply. FAILED_PRECONDITION naming the documents at fault; OK for
// outcomes that release nothing.
absl::Status CheckReleaseGate(rules::ReplyOutcome outcome,
                              const std::vector<DocumentCoverage>& documents);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_REVIEW_H_
