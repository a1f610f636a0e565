// The statutory clocks of an application under the OGI Regulations (2019),
// as pure functions over a WorkingDayCalendar. Every clock comes with a
// ledger that answers "why is this the due date" without reading code.
//
//   reply                 20 working days after receipt (Art. 33 para 2);
//                         restarts from the day a corrected application
//                         arrives (Art. 30); consultation time is not
//                         counted (Art. 33 para 3); one extension of at most
//                         20 working days (Art. 33 para 2) runs on from the
//                         end of the first 20.
//   correction notice     7 working days after receipt (Art. 30).
//   consultation reply    the consulted party's 15 working days from
//                         receiving the letter (Arts. 32, 34).
//
// Conventions: the start day is never counted (day 1 is the first working
// day after it). A consultation that starts on S and ends on E stops the
// clock for the working days in (S, E]: the day the letter goes out still
// counts, the day the answer arrives does not.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_RULES_STATUTORY_CLOCKS_H_
#define FOI_LIBS_RULES_STATUTORY_CLOCKS_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "libs/calendar/working_day_calendar.h"

namespace foi::rules {

inline constexpr int kReplyWorkingDays = 20;            // Art. 33
inline constexpr int kCorrectionNoticeWorkingDays = 7;  // Art. 30
inline constexpr int kConsultationWorkingDays = 15;     // Arts. 32, 34
inline constexpr int kMaxExtensionWorkingDays = 20;     // Art. 33

// Which statutory clock a result is for.
enum class ClockKind {
  kReply,
  kCorrectionNotice,
  kConsultationReply,
};

// Name as in the API: "REPLY", "CORRECTION_NOTICE", "CONSULTATION_REPLY".
const char* ClockKindName(ClockKind k);

// A period in which the reply clock stands still (a consultation).
struct Suspension {
  absl::CivilDay start;               // the day the letter went out
  std::optional<absl::CivilDay> end;  // the day the answer came; nullopt: open
  std::string reason;  // e.g. "third-party consultation (Art. 32)"
};

// What the reply clock depends on.
struct ReplyClockInput {
  absl::CivilDay receipt_date;
  // The day the corrected application arrived (Art. 30), if any: the clock
  // starts afresh from it.
  std::optional<absl::CivilDay> correction_received;
  // Consultations, in any order. REQUIRES: they do not overlap.
  std::vector<Suspension> suspensions;
  // Approved extension in working days, 0..20.
  int extension_days = 0;
};

// What a ledger entry records.
enum class LedgerKind {
  kStart,          // the rule and the start day (not counted)
  kRestart,        // correction received: counting starts again (Art. 30)
  kCounted,        // a working day that counts
  kMakeUpWorkday,  // a weekend day that is a working day: counts
  kWeekend,        // skipped
  kHoliday,        // skipped (named)
  kSuspended,      // a working day inside a consultation: not counted
  kExtension,      // the approved extension added its days (Art. 33)
  kDue,            // the last day on which the act is on time
  kProvisional,    // past the calendar's coverage: weekends only
};

// Name as in the API: "START", "COUNTED", "WEEKEND", ...
const char* LedgerKindName(LedgerKind k);

// One line of a clock's ledger.
struct LedgerEntry {
  absl::CivilDay day;
  LedgerKind kind;
  // Working days counted so far, including this day.
  int counted = 0;
  // For people, in Chinese and English where useful: "春节", "Art. 33: ...".
  std::string note;
};

// A computed clock and the ledger that explains it.
struct ClockResult {
  ClockKind kind = ClockKind::kReply;
  // The day counting (re)started from; not itself counted.
  absl::CivilDay start_date;
  // Working days allowed: 20, 7, 15, or 20 + extension.
  int allowed_working_days = 0;
  // Working days the clock stood still for (closed consultations).
  int suspended_working_days = 0;
  // The last day on which the act is on time; nullopt while an open
  // consultation stops the clock.
  std::optional<absl::CivilDay> due_date;
  // Set while paused: working days still left when the clock stopped.
  std::optional<int> remaining_when_paused;
  // True if computing the result used days past the calendar's coverage.
  bool provisional = false;
  // From the start entry to the due entry (or the pause), one entry per day.
  std::vector<LedgerEntry> ledger;
};

// How much a Compute* function works out: the due date alone (intake and
// every state change need only that), or the day-by-day ledger too.
enum class ClockDetail { kDueDateOnly, kWithLedger };

// The reply clock (Arts. 30, 33). INVALID_ARGUMENT for an extension outside
// 0..20, overlapping suspensions, a suspension before the start, or a
// correction before receipt; OUT_OF_RANGE for dates before the calendar.
absl::StatusOr<ClockResult> ComputeReplyClock(
    const calendar::WorkingDayCalendar& cal, const ReplyClockInput& in,
    ClockDetail detail = ClockDetail::kWithLedger);

// The correction-notice clock: 7 working days after receipt (Art. 30).
absl::StatusOr<ClockResult> ComputeCorrectionNoticeClock(
    const calendar::WorkingDayCalendar& cal, absl::CivilDay receipt_date,
    ClockDetail detail = ClockDetail::kWithLedger);

// The consulted party's clock: 15 working days after it received the letter
// (Arts. 32, 34).
absl::StatusOr<ClockResult> ComputeConsultationClock(
    const calendar::WorkingDayCalendar& cal, absl::CivilDay letter_received,
    ClockDetail detail = ClockDetail::kWithLedger);

// Checks a requested extension (Art. 33): FAILED_PRECONDITION if one was
// already granted (at most one per application); INVALID_ARGUMENT unless
// 1 <= requested_days <= 20.
absl::Status CheckExtension(int requested_days, bool already_extended);

// Working days from `as_of` to `due` (positive: due in N working days; 0:
// due today; negative: overdue by N working days), counted on `cal`.
absl::StatusOr<int> WorkingDaysUntilDue(const calendar::WorkingDayCalendar& cal,
                                        absl::CivilDay as_of,
                                        absl::CivilDay due);

}  // namespace foi::rules

#endif  // FOI_LIBS_RULES_STATUTORY_CLOCKS_H_
