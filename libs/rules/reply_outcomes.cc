#include "libs/rules/reply_outcomes.h"

#include "absl/strings/str_cat.h"

namespace foi::rules {

const std::vector<OutcomeInfo>& AllOutcomes() {
  using O = ReplyOutcome;
  static const auto* outcomes = new std::vector<OutcomeInfo>{
      {O::kAlreadyPublic, "ALREADY_PUBLIC", "第三十六条第（一）项",
       "已主动公开"},
      {O::kDisclosed, "DISCLOSED", "第三十六条第（二）项", "予以公开"},
      {O::kPartiallyDisclosed, "PARTIALLY_DISCLOSED", "第三十七条", "部分公开"},
      {O::kNotDisclosed, "NOT_DISCLOSED", "第三十六条第（三）项", "不予公开"},
      {O::kCannotProvide, "CANNOT_PROVIDE", "第三十六条第（四）项", "无法提供"},
      {O::kNotThisAgency, "NOT_THIS_AGENCY", "第三十六条第（五）项",
       "不属于本机关负责公开"},
      {O::kNotProcessed, "NOT_PROCESSED", "第三十六条第（六）项", "不予处理"},
      {O::kSpecialRegime, "SPECIAL_REGIME", "第三十六条第（七）项",
       "依照有关法律、行政法规的规定办理"},
  };
  return *outcomes;
}

const std::vector<ReasonInfo>& AllReasons() {
  using O = ReplyOutcome;
  using R = OutcomeReason;
  static const auto* reasons = new std::vector<ReasonInfo>{
      {R::kNotHeld, O::kCannotProvide, "NOT_HELD", "第三十六条第（四）项",
       "本机关不掌握相关政府信息"},
      {R::kNeedsNewInformation, O::kCannotProvide, "NEEDS_NEW_INFORMATION",
       "第三十八条", "没有现成信息需要另行制作"},
      {R::kUnclearAfterCorrection, O::kCannotProvide,
       "UNCLEAR_AFTER_CORRECTION", "第三十条", "补正后申请内容仍不明确"},
      {R::kPetitionOrComplaint, O::kNotProcessed, "PETITION_OR_COMPLAINT",
       "第三十九条第一款", "信访举报投诉类申请"},
      {R::kRepeatedApplication, O::kNotProcessed, "REPEATED_APPLICATION",
       "第三十六条第（六）项", "重复申请"},
      {R::kPublishedMaterial, O::kNotProcessed, "PUBLISHED_MATERIAL",
       "第三十九条第二款", "要求提供公开出版物"},
      {R::kUnreasonableVolume, O::kNotProcessed, "UNREASONABLE_VOLUME",
       "第三十五条", "无正当理由大量反复申请"},
      {R::kConfirmationRequest, O::kNotProcessed, "CONFIRMATION_REQUEST",
       "第三十六条", "要求行政机关确认或重新出具已获取信息"},
  };
  return *reasons;
}

const OutcomeInfo& Info(ReplyOutcome o) {
  return AllOutcomes()[static_cast<int>(o) - 1];
}

const ReasonInfo& Info(OutcomeReason r) {
  return AllReasons()[static_cast<int>(r) - 1];
}

std::optional<ReplyOutcome> ParseOutcome(absl::string_view code) {
  for (const OutcomeInfo& info : AllOutcomes()) {
    if (info.code == code) return info.outcome;
  }
  return std::nullopt;
}

std::optional<OutcomeReason> ParseReason(absl::string_view code) {
  for (const ReasonInfo& info : AllReasons()) {
    if (info.code == code) return info.reason;
  }
  return std::nullopt;
}

bool IsDisclosing(ReplyOutcome o) {
  return o == ReplyOutcome::kDisclosed ||
         o == ReplyOutcome::kPartiallyDisclosed;
}

absl::Status ValidateOutcome(ReplyOutcome o, OutcomeReason reason,
                             const std::vector<ExemptionGround>& grounds) {
  if (o == ReplyOutcome::kUnspecified) {
    return absl::InvalidArgumentError("outcome: required");
  }
  const bool needs_grounds = o == ReplyOutcome::kNotDisclosed ||
                             o == ReplyOutcome::kPartiallyDisclosed;
  const bool needs_reason =
      o == ReplyOutcome::kCannotProvide || o == ReplyOutcome::kNotProcessed;
  for (ExemptionGround g : grounds) {
    if (g == ExemptionGround::kUnspecified) {
      return absl::InvalidArgumentError("grounds: unspecified ground");
    }
  }
  if (needs_grounds && grounds.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "grounds: ", Info(o).code, " needs at least one ground (Arts. 14-16)"));
  }
  if (!needs_grounds && !grounds.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("grounds: not allowed with ", Info(o).code));
  }
  if (needs_reason) {
    if (reason == OutcomeReason::kUnspecified) {
      return absl::InvalidArgumentError(
          absl::StrCat("reason: required with ", Info(o).code));
    }
    if (Info(reason).outcome != o) {
      return absl::InvalidArgumentError(absl::StrCat(
          "reason: ", Info(reason).code, " does not belong to ", Info(o).code));
    }
  } else if (reason != OutcomeReason::kUnspecified) {
    return absl::InvalidArgumentError(
        absl::StrCat("reason: not allowed with ", Info(o).code));
  }
  return absl::OkStatus();
}

}  // namespace foi::rules
