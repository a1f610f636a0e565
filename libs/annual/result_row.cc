#include "libs/annual/result_row.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace foi::annual {
namespace {

using R = ApplicationRow;
using rules::ExemptionGround;
using rules::OutcomeReason;
using rules::ReplyOutcome;

// The enums come from the store as numbers; rules::Info() indexes tables
// with them, so anything outside the declared range must stop here.
bool InRange(ReplyOutcome o) {
  const int v = static_cast<int>(o);
  return v >= static_cast<int>(ReplyOutcome::kAlreadyPublic) &&
         v <= static_cast<int>(ReplyOutcome::kSpecialRegime);
}
bool InRange(OutcomeReason r) {
  const int v = static_cast<int>(r);
  return v >= static_cast<int>(OutcomeReason::kUnspecified) &&
         v <= static_cast<int>(OutcomeReason::kConfirmationRequest);
}
bool InRange(ExemptionGround g) {
  const int v = static_cast<int>(g);
  return v >= static_cast<int>(ExemptionGround::kUnspecified) &&
         v <= static_cast<int>(ExemptionGround::kAdministrativeQuery);
}

R WithheldRow(ExemptionGround g) {
  switch (g) {
    case ExemptionGround::kStateSecret:
      return R::kWithheldStateSecret;
    case ExemptionGround::kProhibitedByLaw:
      return R::kWithheldProhibitedByLaw;
    case ExemptionGround::kSecurityOrStability:
      return R::kWithheldSecurityOrStability;
    case ExemptionGround::kThirdPartyRights:
      return R::kWithheldThirdPartyRights;
    case ExemptionGround::kInternalAffairs:
      return R::kWithheldInternalAffairs;
    case ExemptionGround::kProcessInformation:
      return R::kWithheldProcessInformation;
    case ExemptionGround::kLawEnforcementFile:
      return R::kWithheldLawEnforcementFile;
    case ExemptionGround::kAdministrativeQuery:
    case ExemptionGround::kUnspecified:  // rejected by ValidateOutcome
      break;
  }
  return R::kWithheldAdministrativeQuery;
}

// REQUIRES: the reason belongs to kCannotProvide or kNotProcessed.
R ReasonRow(OutcomeReason r) {
  switch (r) {
    case OutcomeReason::kNotHeld:
      return R::kCannotProvideNotHeld;
    case OutcomeReason::kNeedsNewInformation:
      return R::kCannotProvideNeedsNewInformation;
    case OutcomeReason::kUnclearAfterCorrection:
      return R::kCannotProvideUnclearAfterCorrection;
    case OutcomeReason::kPetitionOrComplaint:
      return R::kNotProcessedPetitionOrComplaint;
    case OutcomeReason::kRepeatedApplication:
      return R::kNotProcessedRepeatedApplication;
    case OutcomeReason::kPublishedMaterial:
      return R::kNotProcessedPublishedMaterial;
    case OutcomeReason::kUnreasonableVolume:
      return R::kNotProcessedUnreasonableVolume;
    case OutcomeReason::kConfirmationRequest:
    case OutcomeReason::kUnspecified:  // rejected by ValidateOutcome
      break;
  }
  return R::kNotProcessedConfirmationRequest;
}

absl::StatusOr<R> ReplyRow(const ReportCase& c) {
  if (!InRange(c.outcome)) {
    return absl::InvalidArgumentError(
        c.outcome == ReplyOutcome::kUnspecified
            ? std::string("outcome: required for a REPLIED case")
            : absl::StrCat("outcome: unknown value ",
                           static_cast<int>(c.outcome)));
  }
  if (!InRange(c.reason)) {
    return absl::InvalidArgumentError(
        absl::StrCat("reason: unknown value ", static_cast<int>(c.reason)));
  }
  for (ExemptionGround g : c.grounds) {
    if (!InRange(g)) {
      return absl::InvalidArgumentError(
          absl::StrCat("grounds: unknown value ", static_cast<int>(g)));
    }
  }
  if (absl::Status s = rules::ValidateOutcome(c.outcome, c.reason, c.grounds);
      !s.ok()) {
    return s;
  }
  switch (c.outcome) {
    case ReplyOutcome::kAlreadyPublic:
    case ReplyOutcome::kDisclosed:
      return R::kDisclosed;
    case ReplyOutcome::kPartiallyDisclosed:
      // 「区分处理的，只计这一情形，不计其他情形」: never also 不予公开.
      return R::kPartiallyDisclosed;
    case ReplyOutcome::kNotDisclosed:
      // One row per case, so the totals count applications, not grounds.
      return WithheldRow(c.grounds.front());
    case ReplyOutcome::kCannotProvide:
    case ReplyOutcome::kNotProcessed:
      return ReasonRow(c.reason);
    case ReplyOutcome::kNotThisAgency:
      // Art. 36(5): the information is not held here for disclosure, which
      // is closest to 本机关不掌握相关政府信息 (unconfirmed).
      return R::kCannotProvideNotHeld;
    case ReplyOutcome::kSpecialRegime:
    case ReplyOutcome::kUnspecified:  // excluded by InRange
      break;
  }
  return R::kOtherOther;
}

}  // namespace

absl::StatusOr<ApplicationRow> ResultRow(const ReportCase& c) {
  switch (c.state) {
    case casefile::CaseState::kReplied:
      return ReplyRow(c);
    case casefile::CaseState::kDeemedWithdrawn:
      // Art. 30: the applicant did not correct the application in time.
      return R::kOtherNotCorrected;
    case casefile::CaseState::kWithdrawn:
      return R::kOtherOther;
    case casefile::CaseState::kTransferred:
      // Counted as NOT_THIS_AGENCY is: the other agency answers it.
      return R::kCannotProvideNotHeld;
    default:
      break;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "state: ", casefile::CaseStateName(c.state), " is not a closed state"));
}

}  // namespace foi::annual
