// A case's statutory clocks, computed from what the case records (receipt,
// correction, consultations, extension) on the agency's calendar.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_CASE_CLOCKS_H_
#define FOI_LIBS_CASEFILE_CASE_CLOCKS_H_

#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/calendar/working_day_calendar.h"
#include "libs/casefile/case_record.h"
#include "libs/casefile/state_machine.h"
#include "libs/rules/statutory_clocks.h"

namespace foi::casefile {

struct CaseClocks {
  rules::ClockResult reply;
  rules::ClockResult correction_notice;
  // One per consultation, in sequence order: the consulted party's 15
  // working days from the day the letter went out.
  std::vector<rules::ClockResult> consultations;
};

// Computes every clock of `c` (its receipt date, clocks.correction_received
// _date, clocks.extension_days when approved, and consultations).
// Ledgers are filled only with `detail` kWithLedger.
absl::StatusOr<CaseClocks> ComputeCaseClocks(
    const calendar::WorkingDayCalendar& cal, const CaseRecord& c,
    rules::ClockDetail detail = rules::ClockDetail::kDueDateOnly);

// Returns `c.clocks` with the derived fields (due dates, provisional,
// suspended days) replaced by those of `clocks`.
ClockState WithDerived(const CaseRecord& c, const CaseClocks& clocks);

// The clock state of a case that closes on `closed`: the day is recorded,
// and, when `replied`, the working days the reply took, consultations
// excluded. OUT_OF_RANGE if the calendar does not cover the dates.
absl::StatusOr<ClockState> ClosedClockState(
    const calendar::WorkingDayCalendar& cal, const CaseRecord& c,
    const CaseClocks& clocks, absl::CivilDay closed, bool replied);

// The clock state after an extension step on `c` (Art. 33):
//   kRequestExtension: PENDING with `working_days` (1..20); FAILED_PRECONDITION
//     if one is pending or was already granted;
//   kApproveExtension: APPROVED, due dates recomputed; FAILED_PRECONDITION
//     unless one is pending;
//   kRejectExtension: REJECTED; FAILED_PRECONDITION unless one is pending.
absl::StatusOr<ClockState> DecideExtension(
    const calendar::WorkingDayCalendar& cal, const CaseRecord& c,
    CaseAction action, int working_days);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_CASE_CLOCKS_H_
