// The outcomes a reply can have (OGI Regulations Art. 36, with Arts. 35,
// 37-39) and their reasons, with the article each rests on. One vocabulary
// for the release gate, the reply letters and the annual report (table 三).
//
// Thread safety: free functions over constant data.
#ifndef FOI_LIBS_RULES_REPLY_OUTCOMES_H_
#define FOI_LIBS_RULES_REPLY_OUTCOMES_H_

#include <optional>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "libs/rules/exemption_grounds.h"

namespace foi::rules {

// Numbers mirror foi.v1.ReplyOutcome.
enum class ReplyOutcome {
  kUnspecified = 0,
  kAlreadyPublic = 1,       // Art. 36(1): where and how to get it
  kDisclosed = 2,           // Art. 36(2)
  kPartiallyDisclosed = 3,  // Art. 37: what was withheld and why
  kNotDisclosed = 4,        // Art. 36(3): the ground (Arts. 14-16)
  kCannotProvide = 5,       // Art. 36(4), Art. 38, Art. 30: with a reason
  kNotThisAgency = 6,       // Art. 36(5): the competent agency
  kNotProcessed = 7,        // Art. 36(6), Arts. 35, 39: with a reason
  kSpecialRegime = 8,       // Art. 36(7): registration records and the like
};

// Numbers mirror foi.v1.OutcomeReason.
enum class OutcomeReason {
  kUnspecified = 0,
  // kCannotProvide
  kNotHeld = 1,                 // Art. 36(4): not held after a search
  kNeedsNewInformation = 2,     // Art. 38: would have to be made or compiled
  kUnclearAfterCorrection = 3,  // Art. 30: still unclear after correction
  // kNotProcessed
  kPetitionOrComplaint = 4,  // Art. 39 para. 1
  kRepeatedApplication = 5,  // Art. 36(6)
  kPublishedMaterial = 6,    // Art. 39 para. 2
  kUnreasonableVolume = 7,   // Art. 35
  kConfirmationRequest = 8,  // asks to confirm or re-issue what is held
};

struct OutcomeInfo {
  ReplyOutcome outcome;
  absl::string_view code;      // "PARTIALLY_DISCLOSED", as in the proto
  absl::string_view article;   // "第三十七条"
  absl::string_view label_zh;  // "部分公开"
};

struct ReasonInfo {
  OutcomeReason reason;
  ReplyOutcome outcome;        // the outcome it belongs to
  absl::string_view code;      // "NOT_HELD"
  absl::string_view article;   // "第三十六条第（四）项"
  absl::string_view label_zh;  // the annual report's row label
};

const std::vector<OutcomeInfo>& AllOutcomes();
const std::vector<ReasonInfo>& AllReasons();

// REQUIRES: not kUnspecified.
const OutcomeInfo& Info(ReplyOutcome o);
const ReasonInfo& Info(OutcomeReason r);

std::optional<ReplyOutcome> ParseOutcome(absl::string_view code);
std::optional<OutcomeReason> ParseReason(absl::string_view code);

// True for the outcomes that release information to the applicant (Art. 36(2)
// and Art. 37): these need a completed confidentiality review first (Art. 17
// and DESIGN.md's release gate).
bool IsDisclosing(ReplyOutcome o);

// Checks that an outcome is complete: kNotDisclosed and kPartiallyDisclosed
// need at least one ground; kCannotProvide and kNotProcessed need a reason of
// their own; others take neither. INVALID_ARGUMENT naming "outcome",
// "reason" or "grounds".
absl::Status ValidateOutcome(ReplyOutcome o, OutcomeReason reason,
                             const std::vector<ExemptionGround>& grounds);

}  // namespace foi::rules

#endif  // FOI_LIBS_RULES_REPLY_OUTCOMES_H_
