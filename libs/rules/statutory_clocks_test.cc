#include "libs/rules/statutory_clocks.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/calendar/working_day_calendar.h"
#include "libs/common/testing/status_matchers.h"

#ifndef FOI_RULES_TESTDATA
#error "FOI_RULES_TESTDATA must name the calendar fixture folder"
#endif

namespace {

using ::foi::calendar::WorkingDayCalendar;
using ::foi::rules::CheckExtension;
using ::foi::rules::ClockKind;
using ::foi::rules::ClockKindName;
using ::foi::rules::ClockResult;
using ::foi::rules::ComputeConsultationClock;
using ::foi::rules::ComputeCorrectionNoticeClock;
using ::foi::rules::ComputeReplyClock;
using ::foi::rules::LedgerEntry;
using ::foi::rules::LedgerKind;
using ::foi::rules::LedgerKindName;
using ::foi::rules::ReplyClockInput;
using ::foi::rules::Suspension;
using ::foi::rules::WorkingDaysUntilDue;
using ::foi::testing::IsOk;
using ::foi::testing::IsOkAndHolds;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Optional;

// The State Council arrangements 2019-2026, as in ../shared/data.
constexpr char kFixture[] = FOI_RULES_TESTDATA "/cn_holidays_2019_2026.csv";

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

int CountKind(const ClockResult& r, LedgerKind kind) {
  int n = 0;
  for (const LedgerEntry& e : r.ledger) n += e.kind == kind;
  return n;
}

const LedgerEntry* DayEntry(const ClockResult& r, absl::CivilDay day) {
  for (const LedgerEntry& e : r.ledger) {
    if (e.day != day) continue;
    switch (e.kind) {
      case LedgerKind::kCounted:
      case LedgerKind::kMakeUpWorkday:
      case LedgerKind::kWeekend:
      case LedgerKind::kHoliday:
      case LedgerKind::kSuspended:
        return &e;
      default:
        break;
    }
  }
  return nullptr;
}

// The ledger invariants every clock must satisfy: kStart first on the start
// day, then exactly one day entry per day after it through the due day (or
// the pause), counted entries matching the allowance, kDue last.
void ExpectWellFormedLedger(const ClockResult& r) {
  ASSERT_FALSE(r.ledger.empty());
  EXPECT_EQ(r.ledger.front().kind, LedgerKind::kStart);
  EXPECT_EQ(r.ledger.front().day, r.start_date);
  EXPECT_THAT(r.ledger.front().note, HasSubstr("Art"));
  absl::CivilDay expected_day = r.start_date + 1;
  int counted = 0;
  for (const LedgerEntry& e : r.ledger) {
    if (DayEntry(r, e.day) != &e) continue;  // a marker entry
    EXPECT_EQ(e.day, expected_day);
    expected_day = e.day + 1;
    if (e.kind == LedgerKind::kCounted ||
        e.kind == LedgerKind::kMakeUpWorkday) {
      EXPECT_EQ(e.counted, ++counted) << absl::FormatCivilTime(e.day);
    }
    if (e.kind == LedgerKind::kHoliday) {
      EXPECT_FALSE(e.note.empty()) << absl::FormatCivilTime(e.day);
    }
  }
  EXPECT_LE(CountKind(r, LedgerKind::kProvisional), 1);
  EXPECT_EQ(CountKind(r, LedgerKind::kProvisional) == 1, r.provisional);
  if (r.due_date.has_value()) {
    EXPECT_EQ(r.ledger.back().kind, LedgerKind::kDue);
    EXPECT_EQ(r.ledger.back().day, *r.due_date);
    EXPECT_EQ(r.ledger.back().counted, r.allowed_working_days);
    EXPECT_EQ(expected_day, *r.due_date + 1);
    EXPECT_EQ(counted, r.allowed_working_days);
    EXPECT_FALSE(r.remaining_when_paused.has_value());
  } else {
    EXPECT_EQ(CountKind(r, LedgerKind::kDue), 0);
    ASSERT_TRUE(r.remaining_when_paused.has_value());
    EXPECT_EQ(counted + *r.remaining_when_paused, r.allowed_working_days);
  }
}

class StatutoryClocksTest : public ::testing::Test {
 protected:
  StatutoryClocksTest() : loaded_(WorkingDayCalendar::LoadFile(kFixture)) {}

  void SetUp() override {
    ASSERT_THAT(loaded_, IsOk());
    cal_ = loaded_->get();
  }

  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> loaded_;
  const WorkingDayCalendar* cal_ = nullptr;
};

struct ReplyCase {
  absl::CivilDay receipt;
  int extension_days;
  absl::CivilDay want_due;
};

// cn-ogi-rules.md section 8: +20 (reply) and +40 (reply with the full
// extension).
TEST_F(StatutoryClocksTest, ReplyClockMatchesWorkedExamples) {
  const ReplyCase kCases[] = {
      {Day(2024, 9, 27), 0, Day(2024, 10, 30)},
      {Day(2024, 9, 27), 20, Day(2024, 11, 27)},
      {Day(2025, 1, 24), 0, Day(2025, 2, 27)},
      {Day(2025, 1, 24), 20, Day(2025, 3, 27)},
      {Day(2026, 2, 13), 0, Day(2026, 3, 19)},
      {Day(2026, 2, 13), 20, Day(2026, 4, 17)},
      {Day(2019, 5, 15), 0, Day(2019, 6, 13)},
      {Day(2019, 5, 15), 20, Day(2019, 7, 11)},
      {Day(2025, 1, 24), 10, Day(2025, 3, 13)},
  };
  for (const ReplyCase& c : kCases) {
    SCOPED_TRACE(absl::StrCat(absl::FormatCivilTime(c.receipt), " ext ",
                              c.extension_days));
    ReplyClockInput in;
    in.receipt_date = c.receipt;
    in.extension_days = c.extension_days;
    absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
    ASSERT_THAT(r, IsOk());
    EXPECT_EQ(r->kind, ClockKind::kReply);
    EXPECT_EQ(r->start_date, c.receipt);
    EXPECT_EQ(r->allowed_working_days, 20 + c.extension_days);
    EXPECT_THAT(r->due_date, Optional(c.want_due));
    EXPECT_EQ(r->suspended_working_days, 0);
    EXPECT_FALSE(r->provisional);
    EXPECT_EQ(CountKind(*r, LedgerKind::kExtension),
              c.extension_days > 0 ? 1 : 0);
    EXPECT_EQ(CountKind(*r, LedgerKind::kRestart), 0);
    ExpectWellFormedLedger(*r);
  }
}

TEST_F(StatutoryClocksTest, CorrectionNoticeClockIsSevenWorkingDays) {
  const ReplyCase kCases[] = {
      {Day(2024, 9, 27), 0, Day(2024, 10, 12)},  // a make-up Saturday
      {Day(2025, 1, 24), 0, Day(2025, 2, 10)},
      {Day(2026, 2, 13), 0, Day(2026, 3, 2)},
      {Day(2019, 5, 15), 0, Day(2019, 5, 24)},
  };
  for (const ReplyCase& c : kCases) {
    SCOPED_TRACE(absl::FormatCivilTime(c.receipt));
    absl::StatusOr<ClockResult> r =
        ComputeCorrectionNoticeClock(*cal_, c.receipt);
    ASSERT_THAT(r, IsOk());
    EXPECT_EQ(r->kind, ClockKind::kCorrectionNotice);
    EXPECT_EQ(r->allowed_working_days, 7);
    EXPECT_THAT(r->due_date, Optional(c.want_due));
    ExpectWellFormedLedger(*r);
  }
}

TEST_F(StatutoryClocksTest, ConsultationClockIsFifteenWorkingDays) {
  absl::StatusOr<ClockResult> r =
      ComputeConsultationClock(*cal_, Day(2024, 9, 27));
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(r->kind, ClockKind::kConsultationReply);
  EXPECT_EQ(r->allowed_working_days, 15);
  EXPECT_THAT(r->due_date, Optional(Day(2024, 10, 23)));
  ExpectWellFormedLedger(*r);
}

TEST_F(StatutoryClocksTest, LedgerNamesHolidaysAndMakeUpDays) {
  ReplyClockInput in;
  in.receipt_date = Day(2024, 9, 27);
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  ExpectWellFormedLedger(*r);
  EXPECT_EQ(r->ledger.front().kind, LedgerKind::kStart);
  EXPECT_EQ(r->ledger.back().kind, LedgerKind::kDue);
  EXPECT_EQ(CountKind(*r, LedgerKind::kCounted) +
                CountKind(*r, LedgerKind::kMakeUpWorkday),
            20);
  EXPECT_EQ(CountKind(*r, LedgerKind::kHoliday), 7);  // 10-01..10-07
  EXPECT_EQ(CountKind(*r, LedgerKind::kMakeUpWorkday), 2);

  const LedgerEntry* national_day = DayEntry(*r, Day(2024, 10, 1));
  ASSERT_NE(national_day, nullptr);
  EXPECT_EQ(national_day->kind, LedgerKind::kHoliday);
  EXPECT_EQ(national_day->note, "国庆节");
  EXPECT_EQ(national_day->counted, 2);  // 09-29 (make-up) and 09-30

  const LedgerEntry* make_up = DayEntry(*r, Day(2024, 9, 29));
  ASSERT_NE(make_up, nullptr);
  EXPECT_EQ(make_up->kind, LedgerKind::kMakeUpWorkday);
  EXPECT_THAT(make_up->note, HasSubstr("国庆节"));
  EXPECT_EQ(make_up->counted, 1);

  const LedgerEntry* saturday = DayEntry(*r, Day(2024, 9, 28));
  ASSERT_NE(saturday, nullptr);
  EXPECT_EQ(saturday->kind, LedgerKind::kWeekend);
  EXPECT_EQ(saturday->counted, 0);

  EXPECT_STREQ(LedgerKindName(r->ledger.back().kind), "DUE");
}

TEST_F(StatutoryClocksTest, ExtensionRunsOnFromTheTwentiethWorkingDay) {
  ReplyClockInput in;
  in.receipt_date = Day(2024, 9, 27);
  in.extension_days = 20;
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  ExpectWellFormedLedger(*r);
  auto it = std::find_if(
      r->ledger.begin(), r->ledger.end(),
      [](const LedgerEntry& e) { return e.kind == LedgerKind::kExtension; });
  ASSERT_NE(it, r->ledger.end());
  EXPECT_EQ(it->day, Day(2024, 10, 30));  // the unextended due date
  EXPECT_EQ(it->counted, 20);
  EXPECT_THAT(it->note, HasSubstr("Art. 33"));
}

TEST_F(StatutoryClocksTest, CorrectionRestartsTheClockFromTheCorrectionDay) {
  ReplyClockInput in;
  in.receipt_date = Day(2024, 9, 27);
  in.correction_received = Day(2024, 10, 8);
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(r->start_date, Day(2024, 10, 8));
  EXPECT_THAT(r->due_date, Optional(Day(2024, 11, 4)));
  ExpectWellFormedLedger(*r);
  ASSERT_GE(r->ledger.size(), 2u);
  EXPECT_EQ(r->ledger[1].kind, LedgerKind::kRestart);
  EXPECT_EQ(r->ledger[1].day, Day(2024, 10, 8));
  EXPECT_THAT(r->ledger[1].note, HasSubstr("2024-09-27"));
  EXPECT_THAT(r->ledger[1].note, HasSubstr("Art. 30"));
}

TEST_F(StatutoryClocksTest, CorrectionOnTheReceiptDayStillRecordsARestart) {
  ReplyClockInput in;
  in.receipt_date = Day(2024, 9, 27);
  in.correction_received = Day(2024, 9, 27);
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  EXPECT_THAT(r->due_date, Optional(Day(2024, 10, 30)));
  EXPECT_EQ(CountKind(*r, LedgerKind::kRestart), 1);
}

struct ConsultationCase {
  std::string name;
  absl::CivilDay receipt;
  std::vector<Suspension> suspensions;
  absl::CivilDay want_due;
  int want_suspended;
};

// Only the working days in (S, E] of a consultation stop the clock: the
// holidays inside it were not going to count anyway.
TEST_F(StatutoryClocksTest, ConsultationsShiftTheDueDateByTheirWorkingDays) {
  const ConsultationCase kCases[] = {
      // Unconsulted due 2024-10-23; (09-27, 10-10] holds the make-up Sunday
      // 09-29, 09-30 and 10-08..10: 5 working days, not 13 calendar days.
      {"over National Day",
       Day(2024, 9, 20),
       {{Day(2024, 9, 27), Day(2024, 10, 10), "third party (Art. 32)"}},
       Day(2024, 10, 30),
       5},
      // Unconsulted due 2025-02-21; (01-24, 02-07]: make-up 01-26, 01-27,
      // 02-05..07.
      {"over Spring Festival",
       Day(2025, 1, 20),
       {{Day(2025, 1, 24), Day(2025, 2, 7), "other agency (Art. 34)"}},
       Day(2025, 2, 28),
       5},
      // Unconsulted due 2025-03-31; +5 for (03-05, 03-12] -> 04-08, then the
      // second (03-20, 04-10], across Qingming, +14 -> the make-up Sunday
      // 04-27. Given in reverse order on purpose.
      {"two consultations",
       Day(2025, 3, 3),
       {{Day(2025, 3, 20), Day(2025, 4, 10), "other agency (Art. 34)"},
        {Day(2025, 3, 5), Day(2025, 3, 12), "third party (Art. 32)"}},
       Day(2025, 4, 27),
       19},
      // The answer comes after the unconsulted due date 2025-03-31: the days
      // counted before S plus those left after E still make 20.
      {"ending after the due date",
       Day(2025, 3, 3),
       {{Day(2025, 3, 28), Day(2025, 4, 30), "third party (Art. 32)"}},
       Day(2025, 5, 6),
       23},
      // Started on the due date: the reply was due that day anyway.
      {"starting on the due date",
       Day(2025, 3, 3),
       {{Day(2025, 3, 31), Day(2025, 4, 10), "third party (Art. 32)"}},
       Day(2025, 3, 31),
       0},
      // Letter out and answer back the same day: nothing is excluded.
      {"same day",
       Day(2025, 3, 3),
       {{Day(2025, 3, 5), Day(2025, 3, 5), "third party (Art. 32)"}},
       Day(2025, 3, 31),
       0},
      // A letter sent on the day of receipt.
      {"from the start day",
       Day(2025, 3, 3),
       {{Day(2025, 3, 3), Day(2025, 3, 5), "third party (Art. 32)"}},
       Day(2025, 4, 2),
       2},
  };
  for (const ConsultationCase& c : kCases) {
    SCOPED_TRACE(c.name);
    ReplyClockInput in;
    in.receipt_date = c.receipt;
    in.suspensions = c.suspensions;
    absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
    ASSERT_THAT(r, IsOk());
    EXPECT_THAT(r->due_date, Optional(c.want_due));
    EXPECT_EQ(r->suspended_working_days, c.want_suspended);
    EXPECT_EQ(CountKind(*r, LedgerKind::kSuspended), c.want_suspended);
    ExpectWellFormedLedger(*r);
  }
}

TEST_F(StatutoryClocksTest,
       HolidaysInsideAConsultationStayHolidaysInTheLedger) {
  ReplyClockInput in;
  in.receipt_date = Day(2024, 9, 20);
  in.suspensions = {
      {Day(2024, 9, 27), Day(2024, 10, 10), "third party (Art. 32)"}};
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  const LedgerEntry* holiday = DayEntry(*r, Day(2024, 10, 3));
  ASSERT_NE(holiday, nullptr);
  EXPECT_EQ(holiday->kind, LedgerKind::kHoliday);
  EXPECT_EQ(holiday->note, "国庆节");
  const LedgerEntry* make_up = DayEntry(*r, Day(2024, 9, 29));
  ASSERT_NE(make_up, nullptr);
  EXPECT_EQ(make_up->kind, LedgerKind::kSuspended);
  EXPECT_THAT(make_up->note, HasSubstr("Art. 32"));
  const LedgerEntry* letter_day = DayEntry(*r, Day(2024, 9, 27));
  ASSERT_NE(letter_day, nullptr);
  EXPECT_EQ(letter_day->kind, LedgerKind::kCounted);  // S itself counts
  const LedgerEntry* answer_day = DayEntry(*r, Day(2024, 10, 10));
  ASSERT_NE(answer_day, nullptr);
  EXPECT_EQ(answer_day->kind, LedgerKind::kSuspended);  // E does not
  const LedgerEntry* after = DayEntry(*r, Day(2024, 10, 11));
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->kind, LedgerKind::kCounted);
}

TEST_F(StatutoryClocksTest, OpenConsultationPausesTheClock) {
  ReplyClockInput in;
  in.receipt_date = Day(2025, 3, 3);
  in.suspensions = {{Day(2025, 3, 14), std::nullopt, "third party (Art. 32)"}};
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(r->due_date, std::nullopt);
  EXPECT_THAT(r->remaining_when_paused, Optional(11));  // 9 counted by 03-14
  EXPECT_EQ(r->ledger.back().day, Day(2025, 3, 14));
  EXPECT_EQ(r->ledger.back().kind, LedgerKind::kCounted);
  ExpectWellFormedLedger(*r);
}

TEST_F(StatutoryClocksTest, OpenConsultationAfterAClosedOneKeepsTheExclusion) {
  ReplyClockInput in;
  in.receipt_date = Day(2025, 3, 3);
  in.suspensions = {
      {Day(2025, 3, 5), Day(2025, 3, 12), "third party (Art. 32)"},
      {Day(2025, 3, 20), std::nullopt, "other agency (Art. 34)"}};
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(r->due_date, std::nullopt);
  // (03-03, 03-20] has 13 working days, 5 of them suspended.
  EXPECT_THAT(r->remaining_when_paused, Optional(20 - (13 - 5)));
  EXPECT_EQ(r->suspended_working_days, 5);
  ExpectWellFormedLedger(*r);
}

TEST_F(StatutoryClocksTest, OpenConsultationAfterTheDueDateDoesNotPause) {
  ReplyClockInput in;
  in.receipt_date = Day(2025, 3, 3);
  in.suspensions = {{Day(2025, 4, 1), std::nullopt, "third party (Art. 32)"}};
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  EXPECT_THAT(r->due_date, Optional(Day(2025, 3, 31)));
  EXPECT_EQ(r->remaining_when_paused, std::nullopt);
}

TEST_F(StatutoryClocksTest, MarksTheClockProvisionalPastCoverage) {
  ReplyClockInput in;
  in.receipt_date = Day(2026, 12, 10);
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  // 2027-01-01 counts as a plain Friday until the 2027 notice is in.
  EXPECT_THAT(r->due_date, Optional(Day(2027, 1, 7)));
  EXPECT_TRUE(r->provisional);
  EXPECT_EQ(CountKind(*r, LedgerKind::kProvisional), 1);
  auto it = std::find_if(
      r->ledger.begin(), r->ledger.end(),
      [](const LedgerEntry& e) { return e.kind == LedgerKind::kProvisional; });
  ASSERT_NE(it, r->ledger.end());
  EXPECT_EQ(it->day, Day(2027, 1, 1));
  ExpectWellFormedLedger(*r);

  in.receipt_date = Day(2026, 11, 2);  // due 2026-11-30: exact
  r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  EXPECT_FALSE(r->provisional);
  EXPECT_EQ(CountKind(*r, LedgerKind::kProvisional), 0);
}

TEST_F(StatutoryClocksTest, ReturnsOutOfRangeBeforeTheCalendar) {
  ReplyClockInput in;
  in.receipt_date = Day(2018, 12, 28);
  EXPECT_THAT(ComputeReplyClock(*cal_, in),
              StatusIs(absl::StatusCode::kOutOfRange));
  in.correction_received = Day(2019, 1, 3);  // receipt still off the calendar
  EXPECT_THAT(ComputeReplyClock(*cal_, in),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(ComputeCorrectionNoticeClock(*cal_, Day(2018, 12, 28)),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(ComputeConsultationClock(*cal_, Day(2018, 12, 28)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

struct InvalidCase {
  std::string name;
  ReplyClockInput in;
};

TEST_F(StatutoryClocksTest, RejectsInvalidReplyClockInputs) {
  const absl::CivilDay r = Day(2025, 3, 3);
  const InvalidCase kCases[] = {
      {"extension of 21", {r, std::nullopt, {}, 21}},
      {"negative extension", {r, std::nullopt, {}, -1}},
      {"correction before receipt", {r, Day(2025, 3, 1), {}, 0}},
      {"consultation before receipt",
       {r, std::nullopt, {{Day(2025, 3, 1), Day(2025, 3, 5), "x"}}, 0}},
      {"consultation before the correction",
       {r, Day(2025, 3, 10), {{Day(2025, 3, 5), Day(2025, 3, 12), "x"}}, 0}},
      {"consultation ending before it starts",
       {r, std::nullopt, {{Day(2025, 3, 10), Day(2025, 3, 5), "x"}}, 0}},
      {"overlapping consultations",
       {r,
        std::nullopt,
        {{Day(2025, 3, 5), Day(2025, 3, 12), "x"},
         {Day(2025, 3, 11), Day(2025, 3, 20), "y"}},
        0}},
      {"consultation after an open one",
       {r,
        std::nullopt,
        {{Day(2025, 3, 5), std::nullopt, "x"},
         {Day(2025, 3, 11), Day(2025, 3, 20), "y"}},
        0}},
  };
  for (const InvalidCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_THAT(ComputeReplyClock(*cal_, c.in),
                StatusIs(absl::StatusCode::kInvalidArgument));
  }
}

TEST_F(StatutoryClocksTest, AcceptsBackToBackConsultations) {
  ReplyClockInput in;
  in.receipt_date = Day(2025, 3, 3);
  in.suspensions = {{Day(2025, 3, 5), Day(2025, 3, 12), "x"},
                    {Day(2025, 3, 12), Day(2025, 3, 14), "y"}};
  absl::StatusOr<ClockResult> r = ComputeReplyClock(*cal_, in);
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(r->suspended_working_days, 7);
  ExpectWellFormedLedger(*r);
}

TEST(CheckExtensionTest, RefusesASecondExtension) {
  EXPECT_THAT(CheckExtension(10, /*already_extended=*/true),
              StatusIs(absl::StatusCode::kFailedPrecondition));
  EXPECT_THAT(CheckExtension(21, /*already_extended=*/true),
              StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST(CheckExtensionTest, AcceptsOneToTwentyWorkingDaysOnly) {
  EXPECT_THAT(CheckExtension(1, false), IsOk());
  EXPECT_THAT(CheckExtension(20, false), IsOk());
  EXPECT_THAT(CheckExtension(21, false),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CheckExtension(0, false),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CheckExtension(-3, false),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

struct UntilDueCase {
  absl::CivilDay as_of;
  absl::CivilDay due;
  int want;
};

TEST_F(StatutoryClocksTest, CountsWorkingDaysUntilDueAndOverdue) {
  const UntilDueCase kCases[] = {
      {Day(2024, 10, 28), Day(2024, 10, 30), 2},
      {Day(2024, 10, 30), Day(2024, 10, 30), 0},
      {Day(2024, 9, 30), Day(2024, 10, 8), 1},    // across National Day
      {Day(2024, 10, 11), Day(2024, 10, 14), 2},  // make-up Saturday counts
      {Day(2024, 10, 31), Day(2024, 10, 30), -1},
      {Day(2024, 11, 6), Day(2024, 10, 30), -5},
      {Day(2024, 10, 8), Day(2024, 9, 30), -1},  // across National Day
      {Day(2024, 11, 2), Day(2024, 11, 1), -1},  // a Saturday: still late
      {Day(2024, 11, 3), Day(2024, 11, 1), -1},
  };
  for (const UntilDueCase& c : kCases) {
    SCOPED_TRACE(absl::StrCat(absl::FormatCivilTime(c.as_of), " -> ",
                              absl::FormatCivilTime(c.due)));
    EXPECT_THAT(WorkingDaysUntilDue(*cal_, c.as_of, c.due),
                IsOkAndHolds(c.want));
  }
  EXPECT_THAT(WorkingDaysUntilDue(*cal_, Day(2018, 12, 28), Day(2019, 1, 3)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(StatutoryClockNamesTest, UseTheApiSpelling) {
  EXPECT_STREQ(ClockKindName(ClockKind::kReply), "REPLY");
  EXPECT_STREQ(ClockKindName(ClockKind::kCorrectionNotice),
               "CORRECTION_NOTICE");
  EXPECT_STREQ(ClockKindName(ClockKind::kConsultationReply),
               "CONSULTATION_REPLY");
  const std::pair<LedgerKind, const char*> kLedger[] = {
      {LedgerKind::kStart, "START"},
      {LedgerKind::kRestart, "RESTART"},
      {LedgerKind::kCounted, "COUNTED"},
      {LedgerKind::kMakeUpWorkday, "MAKE_UP_WORKDAY"},
      {LedgerKind::kWeekend, "WEEKEND"},
      {LedgerKind::kHoliday, "HOLIDAY"},
      {LedgerKind::kSuspended, "SUSPENDED"},
      {LedgerKind::kExtension, "EXTENSION"},
      {LedgerKind::kDue, "DUE"},
      {LedgerKind::kProvisional, "PROVISIONAL"},
  };
  for (const auto& [kind, name] : kLedger) {
    EXPECT_STREQ(LedgerKindName(kind), name);
  }
}

}  // namespace
