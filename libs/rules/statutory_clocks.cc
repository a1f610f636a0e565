#include "libs/rules/statutory_clocks.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"

namespace foi::rules {

using calendar::CalendarDay;
using calendar::DayInfo;
using calendar::DayKind;
using calendar::WorkingDayCalendar;
using calendar::WorkingDayCount;

const char* ClockKindName(ClockKind k) {
  switch (k) {
    case ClockKind::kReply:
      return "REPLY";
    case ClockKind::kCorrectionNotice:
      return "CORRECTION_NOTICE";
    case ClockKind::kConsultationReply:
      return "CONSULTATION_REPLY";
  }
  return "CLOCK_KIND_UNSPECIFIED";
}

const char* LedgerKindName(LedgerKind k) {
  switch (k) {
    case LedgerKind::kStart:
      return "START";
    case LedgerKind::kRestart:
      return "RESTART";
    case LedgerKind::kCounted:
      return "COUNTED";
    case LedgerKind::kMakeUpWorkday:
      return "MAKE_UP_WORKDAY";
    case LedgerKind::kWeekend:
      return "WEEKEND";
    case LedgerKind::kHoliday:
      return "HOLIDAY";
    case LedgerKind::kSuspended:
      return "SUSPENDED";
    case LedgerKind::kExtension:
      return "EXTENSION";
    case LedgerKind::kDue:
      return "DUE";
    case LedgerKind::kProvisional:
      return "PROVISIONAL";
  }
  return "LEDGER_KIND_UNSPECIFIED";
}

namespace {

std::string Format(absl::CivilDay d) { return absl::FormatCivilTime(d); }

// One clock to compute: shared by the three statutory clocks.
struct ClockSpec {
  ClockKind kind = ClockKind::kReply;
  absl::CivilDay start;
  int base_days = 0;
  int extension_days = 0;
  // Sorted by start, validated: non-overlapping, none before `start`, at most
  // one open and then last.
  std::vector<Suspension> suspensions;
  std::string start_note;
  std::string restart_note;  // empty: no restart
  std::string due_note;
  bool ledger = true;
};

std::string SuspensionReason(const Suspension& s) {
  return s.reason.empty() ? "consultation (Art. 33 para 3)" : s.reason;
}

void AppendNote(std::string& note, absl::string_view more) {
  if (more.empty()) return;
  if (!note.empty()) note += "; ";
  note.append(more.data(), more.size());
}

absl::StatusOr<ClockResult> ComputeClock(const WorkingDayCalendar& cal,
                                         ClockSpec spec) {
  ClockResult result;
  result.kind = spec.kind;
  result.start_date = spec.start;
  result.allowed_working_days = spec.base_days + spec.extension_days;

  // The due date without consultations, then shifted by each consultation
  // that starts before the (shifting) due date, in start order. Shifting by
  // the working days in (S, E] is right even when E is past the old due
  // date: the days counted before S plus those left after E still add up to
  // the allowance.
  FOI_ASSIGN_OR_RETURN(
      CalendarDay due,
      cal.AddWorkingDays(spec.start, result.allowed_working_days));
  result.provisional = due.provisional;
  std::vector<const Suspension*> applied;  // closed ones that moved the date
  const Suspension* open = nullptr;        // an open one that stops the clock
  for (const Suspension& s : spec.suspensions) {
    // Art. 33 para 3 only excludes time spent before the act was due; a
    // consultation that starts on or after the due date changes nothing.
    if (s.start >= due.day) break;
    if (!s.end.has_value()) {
      open = &s;
      break;
    }
    FOI_ASSIGN_OR_RETURN(WorkingDayCount stopped,
                         cal.CountWorkingDays(s.start, *s.end));
    result.provisional = result.provisional || stopped.provisional;
    FOI_ASSIGN_OR_RETURN(due, cal.AddWorkingDays(due.day, stopped.count));
    result.provisional = result.provisional || due.provisional;
    result.suspended_working_days += stopped.count;
    applied.push_back(&s);
  }

  absl::CivilDay ledger_end = due.day;
  if (open != nullptr) {
    FOI_ASSIGN_OR_RETURN(WorkingDayCount before,
                         cal.CountWorkingDays(spec.start, open->start));
    result.provisional = result.provisional || before.provisional;
    const int counted = before.count - result.suspended_working_days;
    result.remaining_when_paused = result.allowed_working_days - counted;
    ledger_end = open->start;
  } else {
    result.due_date = due.day;
  }

  if (!spec.ledger) return result;

  // Notes for the days consultation letters go out and answers come back.
  std::map<absl::CivilDay, std::string> day_notes;
  for (const Suspension* s : applied) {
    AppendNote(day_notes[s->start],
               absl::StrCat("consultation letter sent (", SuspensionReason(*s),
                            "): the clock stops from the next day "
                            "(Art. 33 para 3)"));
    AppendNote(day_notes[*s->end],
               absl::StrCat("consultation answer received (",
                            SuspensionReason(*s), "): counting resumes"));
  }
  if (open != nullptr) {
    AppendNote(
        day_notes[open->start],
        absl::StrCat("consultation letter sent (", SuspensionReason(*open),
                     "): the clock stops from the next day until the "
                     "answer comes (Art. 33 para 3)"));
  }

  // The ledger: the start, then one entry per day through ledger_end.
  std::vector<LedgerEntry>& ledger = result.ledger;
  ledger.push_back({spec.start, LedgerKind::kStart, 0, spec.start_note});
  if (!spec.restart_note.empty()) {
    ledger.push_back({spec.start, LedgerKind::kRestart, 0, spec.restart_note});
  }
  if (auto it = day_notes.find(spec.start); it != day_notes.end()) {
    AppendNote(ledger.back().note, it->second);
  }
  int counted = 0;
  bool marked_provisional = false;
  size_t next = 0;  // first applied suspension that has not ended before d
  for (absl::CivilDay d = spec.start + 1; d <= ledger_end; ++d) {
    FOI_ASSIGN_OR_RETURN(DayInfo info, cal.Describe(d));
    if (info.provisional && !marked_provisional) {
      marked_provisional = true;
      result.provisional = true;
      ledger.push_back(
          {d, LedgerKind::kProvisional, counted,
           absl::StrCat("past the calendar's last day ", Format(cal.last_day()),
                        ": only weekends are skipped until the State Council "
                        "publishes this year's holidays; provisional")});
    }
    while (next < applied.size() && d > *applied[next]->end) ++next;
    const bool suspended = next < applied.size() && d > applied[next]->start &&
                           d <= *applied[next]->end;
    LedgerEntry entry{d, LedgerKind::kCounted, counted, ""};
    if (!info.working) {
      entry.kind = info.kind == DayKind::kHoliday ? LedgerKind::kHoliday
                                                  : LedgerKind::kWeekend;
      entry.note = info.name;
    } else if (suspended) {
      entry.kind = LedgerKind::kSuspended;
      entry.note = SuspensionReason(*applied[next]);
    } else {
      entry.counted = ++counted;
      if (info.kind == DayKind::kMakeUpWorkday) {
        entry.kind = LedgerKind::kMakeUpWorkday;
        entry.note = absl::StrCat(info.name, " 调休上班: make-up working day");
      }
    }
    if (auto it = day_notes.find(d); it != day_notes.end()) {
      AppendNote(entry.note, it->second);
    }
    const bool counts = entry.kind == LedgerKind::kCounted ||
                        entry.kind == LedgerKind::kMakeUpWorkday;
    ledger.push_back(std::move(entry));
    // Art. 33 para 2: the extension runs on from the end of the first 20.
    if (spec.extension_days > 0 && counts && counted == spec.base_days) {
      ledger.push_back(
          {d, LedgerKind::kExtension, counted,
           absl::StrCat("Art. 33 para 2: extension of ", spec.extension_days,
                        " working days approved; counting continues to ",
                        result.allowed_working_days)});
    }
  }

  // The walk and the O(1) arithmetic must agree; a mismatch is a bug.
  if (open != nullptr) {
    if (result.allowed_working_days - counted !=
        *result.remaining_when_paused) {
      return absl::InternalError(
          absl::StrCat("clock ledger counted ", counted,
                       " working days before the pause, arithmetic left ",
                       *result.remaining_when_paused));
    }
  } else {
    if (counted != result.allowed_working_days) {
      return absl::InternalError(absl::StrCat(
          "clock ledger counted ", counted, " working days to ",
          Format(due.day), ", expected ", result.allowed_working_days));
    }
    ledger.push_back({due.day, LedgerKind::kDue, counted, spec.due_note});
  }
  return result;
}

// Sorts and validates consultations against the clock's start.
absl::StatusOr<std::vector<Suspension>> SortedSuspensions(
    std::vector<Suspension> suspensions, absl::CivilDay start) {
  std::sort(suspensions.begin(), suspensions.end(),
            [](const Suspension& a, const Suspension& b) {
              return a.start < b.start;
            });
  for (size_t i = 0; i < suspensions.size(); ++i) {
    const Suspension& s = suspensions[i];
    if (s.start < start) {
      return absl::InvalidArgumentError(
          absl::StrCat("suspension.start: ", Format(s.start),
                       " is before the clock's start ", Format(start)));
    }
    if (s.end.has_value() && *s.end < s.start) {
      return absl::InvalidArgumentError(
          absl::StrCat("suspension.end: ", Format(*s.end),
                       " is before its start ", Format(s.start)));
    }
    if (i + 1 < suspensions.size()) {
      const Suspension& t = suspensions[i + 1];
      if (!s.end.has_value() || t.start < *s.end) {
        return absl::InvalidArgumentError(absl::StrCat(
            "suspension.start: the consultation starting ", Format(t.start),
            " overlaps the one starting ", Format(s.start)));
      }
    }
  }
  return suspensions;
}

}  // namespace

absl::StatusOr<ClockResult> ComputeReplyClock(const WorkingDayCalendar& cal,
                                              const ReplyClockInput& in,
                                              ClockDetail detail) {
  if (in.extension_days < 0 || in.extension_days > kMaxExtensionWorkingDays) {
    return absl::InvalidArgumentError(
        absl::StrCat("extension_days: ", in.extension_days, " is outside 0..",
                     kMaxExtensionWorkingDays));
  }
  if (in.correction_received.has_value() &&
      *in.correction_received < in.receipt_date) {
    return absl::InvalidArgumentError(
        absl::StrCat("correction_received: ", Format(*in.correction_received),
                     " is before the receipt date ", Format(in.receipt_date)));
  }
  // The receipt date must be on the calendar even when a correction moved
  // the start: it is what the ledger reports.
  FOI_RETURN_IF_ERROR(cal.IsWorkingDay(in.receipt_date).status());

  ClockSpec spec;
  spec.kind = ClockKind::kReply;
  spec.ledger = detail == ClockDetail::kWithLedger;
  spec.start = in.correction_received.value_or(in.receipt_date);
  spec.base_days = kReplyWorkingDays;
  spec.extension_days = in.extension_days;
  FOI_ASSIGN_OR_RETURN(spec.suspensions,
                       SortedSuspensions(in.suspensions, spec.start));
  if (in.correction_received.has_value()) {
    // Art. 30: 答复期限自行政机关收到补正的申请之日起计算.
    spec.start_note = absl::StrCat(
        "Art. 33 para 2: reply within ", kReplyWorkingDays,
        " working days (20个工作日); the day the corrected application "
        "arrived is not counted");
    spec.restart_note = absl::StrCat(
        "Art. 30: corrected application received (收到补正); the reply clock "
        "starts afresh (original receipt ",
        Format(in.receipt_date), ")");
  } else {
    spec.start_note = absl::StrCat(
        "Art. 33 para 2: application received; reply within ",
        kReplyWorkingDays,
        " working days (20个工作日); the day of receipt is not counted "
        "(Civil Code Art. 201)");
  }
  spec.due_note =
      in.extension_days > 0
          ? absl::StrCat("Art. 33 para 2: last day to reply (",
                         kReplyWorkingDays, " + ", in.extension_days,
                         " working days, extended)")
          : absl::StrCat("Art. 33 para 2: last day to reply (",
                         kReplyWorkingDays, " working days)");
  return ComputeClock(cal, std::move(spec));
}

absl::StatusOr<ClockResult> ComputeCorrectionNoticeClock(
    const WorkingDayCalendar& cal, absl::CivilDay receipt_date,
    ClockDetail detail) {
  ClockSpec spec;
  spec.ledger = detail == ClockDetail::kWithLedger;
  spec.kind = ClockKind::kCorrectionNotice;
  spec.start = receipt_date;
  spec.base_days = kCorrectionNoticeWorkingDays;
  spec.start_note = absl::StrCat(
      "Art. 30: application received; any correction notice (补正告知) within ",
      kCorrectionNoticeWorkingDays,
      " working days, the day of receipt not counted");
  spec.due_note = "Art. 30: last day to send the correction notice";
  return ComputeClock(cal, std::move(spec));
}

absl::StatusOr<ClockResult> ComputeConsultationClock(
    const WorkingDayCalendar& cal, absl::CivilDay letter_received,
    ClockDetail detail) {
  ClockSpec spec;
  spec.ledger = detail == ClockDetail::kWithLedger;
  spec.kind = ClockKind::kConsultationReply;
  spec.start = letter_received;
  spec.base_days = kConsultationWorkingDays;
  spec.start_note = absl::StrCat(
      "Arts. 32, 34: consultation letter (征求意见书) received; opinion due "
      "within ",
      kConsultationWorkingDays,
      " working days, the day of receipt not counted");
  spec.due_note =
      "Arts. 32, 34: last day for the consulted party's opinion; silence "
      "after it means the agency decides (Art. 32) or consent (Art. 34)";
  return ComputeClock(cal, std::move(spec));
}

absl::Status CheckExtension(int requested_days, bool already_extended) {
  if (already_extended) {
    return absl::FailedPreconditionError(
        "Art. 33 para 2: the reply deadline may be extended only once");
  }
  if (requested_days < 1 || requested_days > kMaxExtensionWorkingDays) {
    return absl::InvalidArgumentError(
        absl::StrCat("extension_days: ", requested_days, " is outside 1..",
                     kMaxExtensionWorkingDays, " (Art. 33 para 2)"));
  }
  return absl::OkStatus();
}

absl::StatusOr<int> WorkingDaysUntilDue(const WorkingDayCalendar& cal,
                                        absl::CivilDay as_of,
                                        absl::CivilDay due) {
  if (due == as_of) {
    FOI_RETURN_IF_ERROR(cal.IsWorkingDay(as_of).status());
    return 0;
  }
  if (due > as_of) {
    FOI_ASSIGN_OR_RETURN(WorkingDayCount left,
                         cal.CountWorkingDays(as_of, due));
    return left.count;
  }
  // Past the due date a case is overdue by at least one working day, even if
  // only non-working days have passed: it is never "due today" again.
  FOI_ASSIGN_OR_RETURN(WorkingDayCount late, cal.CountWorkingDays(due, as_of));
  return -std::max(1, late.count);
}

}  // namespace foi::rules
