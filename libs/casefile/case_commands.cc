#include "libs/casefile/case_commands.h"

#include "absl/strings/str_cat.h"
#include "libs/casefile/application_rules.h"
#include "libs/casefile/case_clocks.h"
#include "libs/casefile/release_commands.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"

namespace foi::casefile {
namespace {

constexpr size_t kMaxNoteChars = 5000;
constexpr size_t kMaxCorrectionItems = 20;
constexpr size_t kMaxCorrectionItemChars = 500;

absl::Status Invalid(absl::string_view field, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", why));
}

std::string Day(absl::CivilDay d) { return absl::FormatCivilTime(d); }

// Recomputes the clocks of `next` (the case as it will be).
absl::StatusOr<ClockState> Recomputed(const calendar::WorkingDayCalendar& cal,
                                      const CaseRecord& next) {
  FOI_ASSIGN_OR_RETURN(CaseClocks clocks, ComputeCaseClocks(cal, next));
  return WithDerived(next, clocks);
}

const Consultation* OpenConsultation(const CaseRecord& c) {
  for (const Consultation& k : c.consultations) {
    if (!k.end_date.has_value()) return &k;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> ScopeUnit(Role role, const std::string& unit) {
  if (role == Role::kOfficer || role == Role::kManager) return unit;
  return std::nullopt;
}

absl::StatusOr<CasePlan> PlanCommand(const calendar::WorkingDayCalendar& cal,
                                     const CaseRecord& c,
                                     const CaseCommand& cmd) {
  CasePlan plan;
  FOI_ASSIGN_OR_RETURN(plan.transition,
                       DecideTransition(cmd.action, cmd.role, c.state));
  const std::optional<std::string> scope = ScopeUnit(cmd.role, cmd.actor_unit);
  if (scope.has_value() && *scope != c.unit) {
    return absl::PermissionDeniedError(absl::StrCat(
        "cases/", c.id, " belongs to unit ", c.unit, ", not ", *scope));
  }
  CaseRecord next = c;
  if (plan.transition->to != CaseState::kUnspecified) {
    next.state = plan.transition->to;
  }
  JsonObject payload;
  CaseChanges& ch = plan.changes;
  switch (cmd.action) {
    case CaseAction::kClaim:
      if (!c.assignee.empty()) {
        return absl::FailedPreconditionError(
            absl::StrCat("already assigned to ", c.assignee));
      }
      FOI_RETURN_IF_ERROR(ValidateText("actor", cmd.actor_name, {128, true}));
      ch.assignee = cmd.actor_name;
      payload.Add("assignee", cmd.actor_name);
      break;
    case CaseAction::kAssign:
      FOI_RETURN_IF_ERROR(ValidateText("assignee", cmd.assignee, {128, true}));
      ch.assignee = cmd.assignee;
      payload.Add("assignee", cmd.assignee).Add("previous", c.assignee);
      break;
    case CaseAction::kRequestCorrection: {
      // Art. 30: everything to correct, at once, with a reasonable period.
      if (cmd.correction_items.empty()) {
        return Invalid("items", "at least one item to correct is required");
      }
      if (cmd.correction_items.size() > kMaxCorrectionItems) {
        return Invalid("items", "at most 20 items");
      }
      std::string items = "[";
      for (size_t i = 0; i < cmd.correction_items.size(); ++i) {
        FOI_RETURN_IF_ERROR(ValidateText(absl::StrCat("items[", i, "]"),
                                         cmd.correction_items[i],
                                         {kMaxCorrectionItemChars, true}));
        if (i > 0) items += ",";
        AppendJsonString(items, cmd.correction_items[i]);
      }
      items += "]";
      if (!cmd.date.has_value()) return Invalid("deadline", "required");
      if (*cmd.date <= cmd.today) {
        return Invalid("deadline", "must be after today");
      }
      const bool late = c.clocks.correction_notice_due_date.has_value() &&
                        cmd.today > *c.clocks.correction_notice_due_date;
      next.clocks.correction_deadline = *cmd.date;
      FOI_ASSIGN_OR_RETURN(ClockState clocks, Recomputed(cal, next));
      ch.clocks = clocks;
      payload.AddRaw("items", items)
          .Add("deadline", Day(*cmd.date))
          .Add("notice_date", Day(cmd.today))
          .Add("late", late);
      if (late) {
        payload.Add("late_note",
                    absl::StrCat("Art. 30: the notice was due by ",
                                 Day(*c.clocks.correction_notice_due_date)));
      }
      break;
    }
    case CaseAction::kSubmitCorrection: {
      const absl::CivilDay received = cmd.date.value_or(cmd.today);
      if (received > cmd.today) {
        return Invalid("received_date", "is after today");
      }
      if (received < c.receipt_date) {
        return Invalid("received_date", "is before the application");
      }
      // Art. 30: the reply clock counts afresh from the corrected
      // application.
      next.clocks.correction_received_date = received;
      FOI_ASSIGN_OR_RETURN(ClockState clocks, Recomputed(cal, next));
      ch.clocks = clocks;
      FOI_RETURN_IF_ERROR(ValidateText("correction", cmd.text,
                                       {kMaxDescriptionChars, false, true}));
      payload.Add("received_date", Day(received))
          .Add("correction", cmd.text)
          .Add("reply_due_date",
               clocks.reply_due_date ? Day(*clocks.reply_due_date) : "");
      break;
    }
    case CaseAction::kDeemWithdrawn: {
      if (!c.clocks.correction_deadline.has_value() ||
          !(*c.clocks.correction_deadline < cmd.today)) {
        return absl::FailedPreconditionError(
            "the correction deadline has not passed");
      }
      FOI_ASSIGN_OR_RETURN(ClockState clocks, Recomputed(cal, next));
      clocks.closed_date = cmd.today;
      ch.clocks = clocks;
      payload.Add("correction_deadline", Day(*c.clocks.correction_deadline))
          .Add("rule", "Art. 30: no correction by the deadline");
      break;
    }
    case CaseAction::kStartConsultation: {
      if (cmd.consultation_kind != "THIRD_PARTY" &&
          cmd.consultation_kind != "OTHER_AGENCY") {
        return Invalid("kind", "THIRD_PARTY or OTHER_AGENCY");
      }
      FOI_RETURN_IF_ERROR(ValidateText("party", cmd.party, {200, true}));
      FOI_RETURN_IF_ERROR(
          ValidateText("reason", cmd.text, {kMaxReasonChars, true, true}));
      const absl::CivilDay start = cmd.date.value_or(cmd.today);
      if (start > cmd.today) return Invalid("start_date", "is after today");
      const absl::CivilDay clock_start =
          c.clocks.correction_received_date.value_or(c.receipt_date);
      if (start < clock_start) {
        return Invalid("start_date", "is before the reply clock started");
      }
      for (const Consultation& k : c.consultations) {
        if (k.end_date && start < *k.end_date) {
          return Invalid("start_date", "overlaps an earlier consultation");
        }
      }
      Consultation k;
      k.sequence = static_cast<int>(c.consultations.size()) + 1;
      k.kind = cmd.consultation_kind;
      k.party = cmd.party;
      k.reason = cmd.text;
      k.start_date = start;
      next.consultations.push_back(k);
      FOI_ASSIGN_OR_RETURN(ClockState clocks, Recomputed(cal, next));
      ch.clocks = clocks;
      ch.add_consultation = k;
      payload.Add("sequence", static_cast<int64_t>(k.sequence))
          .Add("kind", k.kind)
          .Add("party", k.party)
          .Add("reason", k.reason)
          .Add("start_date", Day(start));
      break;
    }
    case CaseAction::kEndConsultation: {
      const Consultation* open = OpenConsultation(c);
      if (open == nullptr) {
        return absl::FailedPreconditionError("no consultation is running");
      }
      const absl::CivilDay end = cmd.date.value_or(cmd.today);
      if (end > cmd.today) return Invalid("end_date", "is after today");
      if (end < open->start_date) {
        return Invalid("end_date", "is before the consultation started");
      }
      FOI_RETURN_IF_ERROR(
          ValidateText("outcome", cmd.text, {kMaxReasonChars, false, true}));
      next.consultations[open->sequence - 1].end_date = end;
      FOI_ASSIGN_OR_RETURN(ClockState clocks, Recomputed(cal, next));
      ch.clocks = clocks;
      ch.end_consultation = std::make_pair(open->sequence, end);
      payload.Add("sequence", static_cast<int64_t>(open->sequence))
          .Add("end_date", Day(end))
          .Add("outcome", cmd.text)
          .Add("reply_due_date",
               clocks.reply_due_date ? Day(*clocks.reply_due_date) : "");
      break;
    }
    case CaseAction::kTransferToUnit:
      FOI_RETURN_IF_ERROR(
          ValidateText("target_unit", cmd.target_unit, {kMaxUnitChars, true}));
      if (cmd.target_unit == c.unit) {
        return Invalid("target_unit", "is the case's unit already");
      }
      ch.unit = cmd.target_unit;
      ch.assignee = "";
      payload.Add("from_unit", c.unit)
          .Add("to_unit", cmd.target_unit)
          .Add("reason", cmd.text);
      break;
    case CaseAction::kCloseAsOtherAgency: {
      FOI_RETURN_IF_ERROR(
          ValidateText("other_agency", cmd.other_agency, {500, true}));
      FOI_ASSIGN_OR_RETURN(ClockState clocks, Recomputed(cal, next));
      clocks.closed_date = cmd.today;
      ch.clocks = clocks;
      payload.Add("other_agency", cmd.other_agency)
          .Add("rule", "Art. 36(5): not this agency's information")
          .Add("reason", cmd.text);
      break;
    }
    case CaseAction::kRequestExtension:
    case CaseAction::kApproveExtension:
    case CaseAction::kRejectExtension: {
      if (cmd.action != CaseAction::kApproveExtension) {
        FOI_RETURN_IF_ERROR(
            ValidateText("reason", cmd.text, {kMaxReasonChars, true, true}));
      }
      FOI_ASSIGN_OR_RETURN(
          ClockState clocks,
          DecideExtension(cal, c, cmd.action, cmd.working_days));
      payload.Add("working_days", static_cast<int64_t>(clocks.extension_days))
          .Add("old_reply_due_date",
               c.clocks.reply_due_date ? Day(*c.clocks.reply_due_date) : "")
          .Add("new_reply_due_date",
               clocks.reply_due_date ? Day(*clocks.reply_due_date) : "");
      if (!cmd.text.empty()) payload.Add("reason", cmd.text);
      ch.clocks = clocks;
      break;
    }
    case CaseAction::kAddNote:
      FOI_RETURN_IF_ERROR(
          ValidateText("note", cmd.text, {kMaxNoteChars, true, true}));
      payload.Add("note", cmd.text);
      break;
    case CaseAction::kWithdraw:
      FOI_RETURN_IF_ERROR(
          ValidateText("reason", cmd.text, {kMaxReasonChars, false, true}));
      ch.closed_on = cmd.today;
      payload.Add("reason", cmd.text);
      break;
    case CaseAction::kAddDocument:
    case CaseAction::kStartReview:
    case CaseAction::kCompleteReview:
    case CaseAction::kDraftReply:
    case CaseAction::kIssueReply:
      FOI_RETURN_IF_ERROR(PlanReleaseCommand(cal, c, cmd, ch, payload));
      break;
    default:
      return absl::InternalError("PlanCommand: action not planned here");
  }
  plan.payload_json = payload.Build();
  return plan;
}

}  // namespace foi::casefile
