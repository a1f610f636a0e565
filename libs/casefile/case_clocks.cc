#include "libs/casefile/case_clocks.h"

#include <algorithm>

#include "libs/common/status_macros.h"

namespace foi::casefile {

absl::StatusOr<CaseClocks> ComputeCaseClocks(
    const calendar::WorkingDayCalendar& cal, const CaseRecord& c,
    rules::ClockDetail detail) {
  rules::ReplyClockInput in;
  in.receipt_date = c.receipt_date;
  in.correction_received = c.clocks.correction_received_date;
  if (c.clocks.extension_state == ExtensionState::kApproved) {
    in.extension_days = c.clocks.extension_days;
  }
  for (const Consultation& k : c.consultations) {
    in.suspensions.push_back(rules::Suspension{
        k.start_date, k.end_date,
        k.kind == "OTHER_AGENCY"
            ? "consultation with another agency (Art. 34): " + k.party
            : "third-party consultation (Art. 32): " + k.party});
  }
  CaseClocks out;
  FOI_ASSIGN_OR_RETURN(out.reply, rules::ComputeReplyClock(cal, in, detail));
  FOI_ASSIGN_OR_RETURN(
      out.correction_notice,
      rules::ComputeCorrectionNoticeClock(cal, c.receipt_date, detail));
  for (const Consultation& k : c.consultations) {
    FOI_ASSIGN_OR_RETURN(rules::ClockResult r, rules::ComputeConsultationClock(
                                                   cal, k.start_date, detail));
    out.consultations.push_back(std::move(r));
  }
  return out;
}

ClockState WithDerived(const CaseRecord& c, const CaseClocks& clocks) {
  ClockState s = c.clocks;
  // Art. 30: while the applicant corrects the application no reply clock
  // runs; it starts afresh when the correction arrives.
  s.reply_due_date = c.state == CaseState::kAwaitingCorrection
                         ? std::nullopt
                         : clocks.reply.due_date;
  s.correction_notice_due_date = clocks.correction_notice.due_date;
  s.provisional = clocks.reply.provisional;
  s.suspended_working_days = clocks.reply.suspended_working_days;
  return s;
}

absl::StatusOr<ClockState> ClosedClockState(
    const calendar::WorkingDayCalendar& cal, const CaseRecord& c,
    const CaseClocks& clocks, absl::CivilDay closed, bool replied) {
  ClockState s = WithDerived(c, clocks);
  s.closed_date = closed;
  if (replied) {
    FOI_ASSIGN_OR_RETURN(calendar::WorkingDayCount n,
                         cal.CountWorkingDays(clocks.reply.start_date, closed));
    s.reply_working_days =
        std::max(0, n.count - clocks.reply.suspended_working_days);
  }
  return s;
}

absl::StatusOr<ClockState> DecideExtension(
    const calendar::WorkingDayCalendar& cal, const CaseRecord& c,
    CaseAction action, int working_days) {
  const ExtensionState now = c.clocks.extension_state;
  switch (action) {
    case CaseAction::kRequestExtension: {
      if (now == ExtensionState::kPending) {
        return absl::FailedPreconditionError(
            "an extension request is already pending");
      }
      FOI_RETURN_IF_ERROR(rules::CheckExtension(
          working_days, now == ExtensionState::kApproved));
      ClockState s = c.clocks;
      s.extension_state = ExtensionState::kPending;
      s.extension_days = working_days;
      return s;
    }
    case CaseAction::kApproveExtension:
    case CaseAction::kRejectExtension: {
      if (now != ExtensionState::kPending) {
        return absl::FailedPreconditionError("no extension request is pending");
      }
      CaseRecord next = c;
      next.clocks.extension_state = action == CaseAction::kApproveExtension
                                        ? ExtensionState::kApproved
                                        : ExtensionState::kRejected;
      if (action == CaseAction::kRejectExtension) {
        next.clocks.extension_days = 0;
      }
      FOI_ASSIGN_OR_RETURN(CaseClocks clocks, ComputeCaseClocks(cal, next));
      return WithDerived(next, clocks);
    }
    default:
      return absl::InternalError("not an extension action");
  }
}

}  // namespace foi::casefile
