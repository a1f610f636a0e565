#include "libs/calendar/working_day_calendar.h"

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/sha256.h"
#include "libs/common/testing/status_matchers.h"

#ifndef FOI_SOURCE_DIR
#error "FOI_SOURCE_DIR must name the source tree"
#endif

namespace {

using ::foi::calendar::CalendarDay;
using ::foi::calendar::DayInfo;
using ::foi::calendar::DayKind;
using ::foi::calendar::WorkingDayCalendar;
using ::foi::calendar::WorkingDayCount;
using ::foi::testing::IsOk;
using ::foi::testing::IsOkAndHolds;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

// A copy of the State Council arrangements 2019-2026 (../shared/data), so the
// tests do not depend on deploy/.
constexpr char kFixture[] =
    FOI_SOURCE_DIR "/libs/calendar/testdata/cn_holidays_2019_2026.csv";
constexpr char kShipped[] = FOI_SOURCE_DIR "/deploy/calendars/cn-mainland.csv";

absl::CivilDay Day(int y, int m, int d) { return absl::CivilDay(y, m, d); }

MATCHER_P2(IsDay, day, provisional,
           absl::StrCat("is ", absl::FormatCivilTime(day),
                        provisional ? " (provisional)" : "")) {
  *result_listener << "is " << absl::FormatCivilTime(arg.day)
                   << (arg.provisional ? " (provisional)" : "");
  return arg.day == day && arg.provisional == provisional;
}

MATCHER_P2(IsCount, count, provisional, "") {
  *result_listener << "is " << arg.count
                   << (arg.provisional ? " (provisional)" : "");
  return arg.count == count && arg.provisional == provisional;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class WorkingDayCalendarTest : public ::testing::Test {
 protected:
  WorkingDayCalendarTest() : loaded_(WorkingDayCalendar::LoadFile(kFixture)) {}

  void SetUp() override {
    ASSERT_THAT(loaded_, IsOk());
    cal_ = loaded_->get();
  }

  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> loaded_;
  const WorkingDayCalendar* cal_ = nullptr;
};

TEST_F(WorkingDayCalendarTest, CoversWholeYearsFrom2019Through2026) {
  EXPECT_EQ(cal_->first_day(), Day(2019, 1, 1));
  EXPECT_EQ(cal_->last_day(), Day(2026, 12, 31));
}

TEST_F(WorkingDayCalendarTest, IgnoresDecemberRowsOfTheYearBeforeCoverage) {
  // The 2019 notice lists 2018-12-29..31; 2018 is still not covered.
  EXPECT_THAT(cal_->IsWorkingDay(Day(2018, 12, 29)),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(cal_->Describe(Day(2018, 12, 31)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST_F(WorkingDayCalendarTest, VersionIsSha256OfTheSourceText) {
  EXPECT_EQ(cal_->version(), foi::Sha256Hex(ReadFileOrDie(kFixture)));
  EXPECT_EQ(cal_->version().size(), 64u);
}

struct AddCase {
  absl::CivilDay start;
  int n;
  absl::CivilDay want;
};

// cn-ogi-rules.md section 8, "Worked examples": +7 (correction notice), +20
// (reply), +40 (reply with extension).
TEST_F(WorkingDayCalendarTest, MatchesWorkedExamplesOfTheRulesNotes) {
  const AddCase kCases[] = {
      {Day(2024, 9, 27), 7, Day(2024, 10, 12)},  // a make-up Saturday
      {Day(2024, 9, 27), 20, Day(2024, 10, 30)},
      {Day(2024, 9, 27), 40, Day(2024, 11, 27)},
      {Day(2025, 1, 24), 7, Day(2025, 2, 10)},
      {Day(2025, 1, 24), 20, Day(2025, 2, 27)},
      {Day(2025, 1, 24), 40, Day(2025, 3, 27)},
      {Day(2026, 2, 13), 7, Day(2026, 3, 2)},
      {Day(2026, 2, 13), 20, Day(2026, 3, 19)},
      {Day(2026, 2, 13), 40, Day(2026, 4, 17)},
      {Day(2019, 5, 15), 7, Day(2019, 5, 24)},
      {Day(2019, 5, 15), 20, Day(2019, 6, 13)},
      {Day(2019, 5, 15), 40, Day(2019, 7, 11)},
  };
  for (const AddCase& c : kCases) {
    SCOPED_TRACE(absl::StrCat(absl::FormatCivilTime(c.start), " + ", c.n));
    EXPECT_THAT(cal_->AddWorkingDays(c.start, c.n),
                IsOkAndHolds(IsDay(c.want, false)));
    EXPECT_THAT(cal_->CountWorkingDays(c.start, c.want),
                IsOkAndHolds(IsCount(c.n, false)));
  }
}

// From the last working day before each Spring Festival and National Day
// break: +1 is the first working day back, +5 a few days later (crossing the
// make-up days that follow some breaks).
TEST_F(WorkingDayCalendarTest, SkipsSpringFestivalAndNationalDayBreaks) {
  const AddCase kCases[] = {
      // Spring Festival.
      {Day(2019, 2, 3), 1, Day(2019, 2, 11)},  // from a make-up Sunday
      {Day(2019, 2, 3), 5, Day(2019, 2, 15)},
      {Day(2020, 1, 23), 1, Day(2020, 2, 3)},  // with the 2020 extension
      {Day(2020, 1, 23), 5, Day(2020, 2, 7)},
      {Day(2021, 2, 10), 1, Day(2021, 2, 18)},
      {Day(2021, 2, 10), 5, Day(2021, 2, 23)},  // via make-up Sat 02-20
      {Day(2022, 1, 30), 1, Day(2022, 2, 7)},
      {Day(2022, 1, 30), 5, Day(2022, 2, 11)},
      {Day(2023, 1, 20), 1, Day(2023, 1, 28)},  // back on a make-up Saturday
      {Day(2023, 1, 20), 5, Day(2023, 2, 1)},
      {Day(2024, 2, 9), 1, Day(2024, 2, 18)},  // back on a make-up Sunday
      {Day(2024, 2, 9), 5, Day(2024, 2, 22)},
      {Day(2025, 1, 27), 1, Day(2025, 2, 5)},
      {Day(2025, 1, 27), 5, Day(2025, 2, 10)},  // via make-up Sat 02-08
      {Day(2026, 2, 14), 1, Day(2026, 2, 24)},  // from a make-up Saturday
      {Day(2026, 2, 14), 5, Day(2026, 2, 28)},  // to a make-up Saturday
      // National Day.
      {Day(2019, 9, 30), 1, Day(2019, 10, 8)},
      {Day(2019, 9, 30), 5, Day(2019, 10, 12)},  // a make-up Saturday
      {Day(2020, 9, 30), 1, Day(2020, 10, 9)},
      {Day(2020, 9, 30), 5, Day(2020, 10, 14)},
      {Day(2021, 9, 30), 1, Day(2021, 10, 8)},
      {Day(2021, 9, 30), 5, Day(2021, 10, 13)},
      {Day(2022, 9, 30), 1, Day(2022, 10, 8)},  // back on a make-up Saturday
      {Day(2022, 9, 30), 5, Day(2022, 10, 12)},
      {Day(2023, 9, 28), 1, Day(2023, 10, 7)},  // back on a make-up Saturday
      {Day(2023, 9, 28), 5, Day(2023, 10, 11)},
      {Day(2024, 9, 30), 1, Day(2024, 10, 8)},
      {Day(2024, 9, 30), 5, Day(2024, 10, 12)},
      {Day(2025, 9, 30), 1, Day(2025, 10, 9)},
      {Day(2025, 9, 30), 5, Day(2025, 10, 14)},
      {Day(2026, 9, 30), 1, Day(2026, 10, 8)},
      {Day(2026, 9, 30), 5, Day(2026, 10, 13)},
      // Make-up days before a break count too.
      {Day(2019, 9, 27), 1, Day(2019, 9, 29)},  // Fri -> make-up Sunday
      {Day(2024, 9, 27), 1, Day(2024, 9, 29)},
      {Day(2026, 9, 18), 1, Day(2026, 9, 20)},
      {Day(2025, 1, 24), 1, Day(2025, 1, 26)},
  };
  for (const AddCase& c : kCases) {
    SCOPED_TRACE(absl::StrCat(absl::FormatCivilTime(c.start), " + ", c.n));
    EXPECT_THAT(cal_->AddWorkingDays(c.start, c.n),
                IsOkAndHolds(IsDay(c.want, false)));
  }
}

struct DescribeCase {
  absl::CivilDay day;
  DayKind kind;
  bool working;
  std::string name;
};

TEST_F(WorkingDayCalendarTest, DescribesHolidaysAndMakeUpDaysByName) {
  const DescribeCase kCases[] = {
      {Day(2019, 2, 2), DayKind::kMakeUpWorkday, true, "春节"},
      {Day(2019, 2, 4), DayKind::kHoliday, false, "春节"},
      {Day(2019, 2, 11), DayKind::kWorkday, true, ""},
      {Day(2019, 2, 16), DayKind::kWeekend, false, ""},
      {Day(2020, 10, 1), DayKind::kHoliday, false, "国庆节、中秋节"},
      {Day(2020, 10, 10), DayKind::kMakeUpWorkday, true, "国庆节、中秋节"},
      {Day(2024, 10, 12), DayKind::kMakeUpWorkday, true, "国庆节"},
      {Day(2024, 10, 5), DayKind::kHoliday, false, "国庆节"},  // a Saturday
      {Day(2026, 1, 4), DayKind::kMakeUpWorkday, true, "元旦"},
      {Day(2026, 12, 31), DayKind::kWorkday, true, ""},
      {Day(2019, 1, 1), DayKind::kHoliday, false, "元旦"},
  };
  for (const DescribeCase& c : kCases) {
    SCOPED_TRACE(absl::FormatCivilTime(c.day));
    absl::StatusOr<DayInfo> info = cal_->Describe(c.day);
    ASSERT_THAT(info, IsOk());
    EXPECT_EQ(info->kind, c.kind);
    EXPECT_EQ(info->working, c.working);
    EXPECT_EQ(info->name, c.name);
    EXPECT_FALSE(info->provisional);
    EXPECT_THAT(cal_->IsWorkingDay(c.day), IsOkAndHolds(c.working));
  }
}

// The State Council extended the 2020 Spring Festival (gov.cn, 2020-01-27):
// 01-31 (Fri) and 02-01 (the cancelled make-up Saturday) are days off, and
// 02-03 is an ordinary Monday.
TEST_F(WorkingDayCalendarTest, AppliesThe2020SpringFestivalExtension) {
  EXPECT_THAT(cal_->IsWorkingDay(Day(2020, 1, 31)), IsOkAndHolds(false));
  EXPECT_THAT(cal_->IsWorkingDay(Day(2020, 2, 1)), IsOkAndHolds(false));
  EXPECT_THAT(cal_->IsWorkingDay(Day(2020, 2, 2)), IsOkAndHolds(false));
  absl::StatusOr<DayInfo> monday = cal_->Describe(Day(2020, 2, 3));
  ASSERT_THAT(monday, IsOk());
  EXPECT_EQ(monday->kind, DayKind::kWorkday);
  EXPECT_EQ(monday->name, "");
  EXPECT_THAT(cal_->IsWorkingDay(Day(2020, 1, 19)), IsOkAndHolds(true));
  EXPECT_THAT(cal_->AddWorkingDays(Day(2020, 1, 23), 1),
              IsOkAndHolds(IsDay(Day(2020, 2, 3), false)));
  EXPECT_THAT(cal_->CountWorkingDays(Day(2020, 1, 17), Day(2020, 2, 3)),
              IsOkAndHolds(IsCount(6, false)));  // 01-19, 01-20..23, 02-03
}

// Property: for every start day and several n, AddWorkingDays equals a
// day-by-day walk over the raw CSV rows (no calendar code involved), and
// CountWorkingDays inverts it.
TEST_F(WorkingDayCalendarTest, AgreesWithDayByDayWalkOverRawRows) {
  std::map<absl::CivilDay, bool> listed;  // date -> is a working day
  bool header = true;
  for (absl::string_view line :
       absl::StrSplit(ReadFileOrDie(kFixture), '\n', absl::SkipEmpty())) {
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f = absl::StrSplit(line, ',');
    ASSERT_EQ(f.size(), 3u) << line;
    absl::CivilDay d;
    ASSERT_TRUE(absl::ParseCivilTime(f[0], &d)) << line;
    listed[d] = f[1] == "workday";
  }
  auto is_working = [&](absl::CivilDay d) {
    auto it = listed.find(d);
    if (it != listed.end()) return it->second;
    const absl::Weekday w = absl::GetWeekday(d);
    return w != absl::Weekday::saturday && w != absl::Weekday::sunday;
  };

  int checked = 0;
  for (absl::CivilDay start = Day(2019, 1, 1); start <= Day(2026, 8, 31);
       ++start) {
    for (int n : {1, 7, 15, 20, 40}) {
      absl::CivilDay want = start;
      for (int left = n; left > 0;) {
        ++want;
        if (is_working(want)) --left;
      }
      absl::StatusOr<CalendarDay> got = cal_->AddWorkingDays(start, n);
      ASSERT_THAT(got, IsOkAndHolds(IsDay(want, false)))
          << absl::FormatCivilTime(start) << " + " << n;
      ASSERT_THAT(cal_->CountWorkingDays(start, got->day),
                  IsOkAndHolds(IsCount(n, false)))
          << absl::FormatCivilTime(start) << " .. " << n;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 5 * (Day(2026, 8, 31) - Day(2019, 1, 1) + 1));
}

TEST_F(WorkingDayCalendarTest, ZeroWorkingDaysReturnsTheStart) {
  EXPECT_THAT(cal_->AddWorkingDays(Day(2024, 10, 3), 0),
              IsOkAndHolds(IsDay(Day(2024, 10, 3), false)));
}

TEST_F(WorkingDayCalendarTest, RejectsNegativeWorkingDays) {
  EXPECT_THAT(cal_->AddWorkingDays(Day(2024, 10, 3), -1),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(WorkingDayCalendarTest, CountsZeroForAnEmptyOrReversedInterval) {
  EXPECT_THAT(cal_->CountWorkingDays(Day(2024, 5, 6), Day(2024, 5, 6)),
              IsOkAndHolds(IsCount(0, false)));
  EXPECT_THAT(cal_->CountWorkingDays(Day(2024, 5, 6), Day(2024, 5, 1)),
              IsOkAndHolds(IsCount(0, false)));
}

TEST_F(WorkingDayCalendarTest, ReturnsOutOfRangeBeforeCoveredYears) {
  EXPECT_THAT(cal_->AddWorkingDays(Day(2018, 12, 31), 1),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(cal_->CountWorkingDays(Day(2018, 12, 31), Day(2019, 1, 10)),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(cal_->IsWorkingDay(Day(2000, 6, 1)),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(cal_->Describe(Day(2018, 1, 1)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST_F(WorkingDayCalendarTest, StaysExactUpToTheLastCoveredDay) {
  EXPECT_THAT(cal_->AddWorkingDays(Day(2026, 12, 1), 10),
              IsOkAndHolds(IsDay(Day(2026, 12, 15), false)));
  EXPECT_THAT(cal_->AddWorkingDays(Day(2026, 12, 30), 1),
              IsOkAndHolds(IsDay(Day(2026, 12, 31), false)));
  EXPECT_THAT(cal_->CountWorkingDays(Day(2026, 12, 1), Day(2026, 12, 31)),
              IsOkAndHolds(IsCount(22, false)));
}

// Past 2026-12-31 the 2027 arrangements are unknown: only weekends are
// skipped (2027-01-01 counts although it will surely be a holiday) and the
// result says so.
TEST_F(WorkingDayCalendarTest,
       SkipsOnlyWeekendsAndMarksProvisionalPastCoverage) {
  // 2026-12-20 is a Sunday: 9 working days left in 2026, then Fri 01-01,
  // 01-04..08, 01-11..15.
  EXPECT_THAT(cal_->AddWorkingDays(Day(2026, 12, 20), 20),
              IsOkAndHolds(IsDay(Day(2027, 1, 15), true)));
  EXPECT_THAT(cal_->AddWorkingDays(Day(2026, 12, 31), 1),
              IsOkAndHolds(IsDay(Day(2027, 1, 1), true)));
  EXPECT_THAT(cal_->AddWorkingDays(Day(2027, 3, 5), 1),  // a Friday
              IsOkAndHolds(IsDay(Day(2027, 3, 8), true)));
  EXPECT_THAT(cal_->AddWorkingDays(Day(2027, 3, 6), 0),
              IsOkAndHolds(IsDay(Day(2027, 3, 6), true)));
  EXPECT_THAT(cal_->AddWorkingDays(Day(2026, 12, 31), 261),  // all of 2027
              IsOkAndHolds(IsDay(Day(2027, 12, 31), true)));
  EXPECT_THAT(cal_->CountWorkingDays(Day(2026, 12, 20), Day(2027, 1, 15)),
              IsOkAndHolds(IsCount(20, true)));
  EXPECT_THAT(cal_->CountWorkingDays(Day(2027, 1, 2), Day(2027, 1, 10)),
              IsOkAndHolds(IsCount(5, true)));
  absl::StatusOr<DayInfo> new_year = cal_->Describe(Day(2027, 1, 1));
  ASSERT_THAT(new_year, IsOk());
  EXPECT_EQ(new_year->kind, DayKind::kWorkday);
  EXPECT_TRUE(new_year->working);
  EXPECT_TRUE(new_year->provisional);
  EXPECT_THAT(cal_->IsWorkingDay(Day(2027, 1, 2)), IsOkAndHolds(false));
}

TEST_F(WorkingDayCalendarTest, AddAndCountAgreePastCoverage) {
  for (absl::CivilDay start = Day(2026, 11, 1); start <= Day(2027, 2, 28);
       ++start) {
    for (int n = 0; n <= 45; ++n) {
      absl::StatusOr<CalendarDay> got = cal_->AddWorkingDays(start, n);
      ASSERT_THAT(got, IsOk());
      EXPECT_EQ(got->provisional, got->day > cal_->last_day());
      absl::StatusOr<WorkingDayCount> count =
          cal_->CountWorkingDays(start, got->day);
      ASSERT_THAT(count, IsOk());
      EXPECT_EQ(count->count, n) << absl::FormatCivilTime(start) << " + " << n;
      if (n > 0) {
        EXPECT_THAT(cal_->IsWorkingDay(got->day), IsOkAndHolds(true));
      }
    }
  }
}

TEST(WorkingDayCalendarFileTest, ShippedCalendarCovers2019Through2026) {
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> shipped =
      WorkingDayCalendar::LoadFile(kShipped);
  ASSERT_THAT(shipped, IsOk());
  EXPECT_EQ((*shipped)->first_day(), Day(2019, 1, 1));
  EXPECT_EQ((*shipped)->last_day(), Day(2026, 12, 31));
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> fixture =
      WorkingDayCalendar::LoadFile(kFixture);
  ASSERT_THAT(fixture, IsOk());
  // Same facts as the fixture: every day described the same way.
  for (absl::CivilDay d = Day(2019, 1, 1); d <= Day(2026, 12, 31); ++d) {
    absl::StatusOr<DayInfo> a = (*shipped)->Describe(d);
    absl::StatusOr<DayInfo> b = (*fixture)->Describe(d);
    ASSERT_THAT(a, IsOk());
    ASSERT_THAT(b, IsOk());
    ASSERT_EQ(a->kind, b->kind) << absl::FormatCivilTime(d);
    ASSERT_EQ(a->name, b->name) << absl::FormatCivilTime(d);
  }
}

TEST(WorkingDayCalendarFileTest, ReturnsNotFoundForAMissingFile) {
  EXPECT_THAT(WorkingDayCalendar::LoadFile(FOI_SOURCE_DIR "/no/such.csv"),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST(WorkingDayCalendarCsvTest, AcceptsCommentsBlankLinesAndCrlf) {
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> cal =
      WorkingDayCalendar::FromCsv(
          "# a comment\r\n\r\ndate,kind,name\r\n# another\r\n"
          "2030-01-01,holiday,元旦\r\n2030-01-05,workday,元旦\r\n");
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ((*cal)->first_day(), Day(2030, 1, 1));
  EXPECT_EQ((*cal)->last_day(), Day(2030, 12, 31));
  EXPECT_THAT((*cal)->IsWorkingDay(Day(2030, 1, 1)), IsOkAndHolds(false));
  EXPECT_THAT((*cal)->IsWorkingDay(Day(2030, 1, 5)), IsOkAndHolds(true));
  EXPECT_THAT((*cal)->IsWorkingDay(Day(2030, 1, 6)), IsOkAndHolds(false));
  // Tue 01-01 + 4: 01-02, 01-03, 01-04 and the make-up Saturday 01-05.
  EXPECT_THAT((*cal)->AddWorkingDays(Day(2030, 1, 1), 4),
              IsOkAndHolds(IsDay(Day(2030, 1, 5), false)));
}

TEST(WorkingDayCalendarCsvTest,
     StartsCoverageAfterALoneDecemberOfThePriorYear) {
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> cal =
      WorkingDayCalendar::FromCsv(
          "date,kind,name\n2029-12-31,holiday,元旦\n2030-01-01,holiday,元旦\n");
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ((*cal)->first_day(), Day(2030, 1, 1));
  EXPECT_THAT((*cal)->IsWorkingDay(Day(2029, 12, 31)),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(WorkingDayCalendarCsvTest, CoversTheFirstYearWhenItHasRowsBeforeDecember) {
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> cal =
      WorkingDayCalendar::FromCsv(
          "date,kind,name\n2029-11-30,holiday,x\n2030-01-01,holiday,元旦\n");
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ((*cal)->first_day(), Day(2029, 1, 1));
  EXPECT_THAT((*cal)->IsWorkingDay(Day(2029, 11, 30)), IsOkAndHolds(false));
}

TEST(WorkingDayCalendarCsvTest, CoversASingleDecemberYear) {
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> cal =
      WorkingDayCalendar::FromCsv("date,kind,name\n2030-12-31,holiday,x\n");
  ASSERT_THAT(cal, IsOk());
  EXPECT_EQ((*cal)->first_day(), Day(2030, 1, 1));
  EXPECT_EQ((*cal)->last_day(), Day(2030, 12, 31));
}

TEST(WorkingDayCalendarCsvTest, VersionChangesWithTheText) {
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> a =
      WorkingDayCalendar::FromCsv("date,kind,name\n2030-01-01,holiday,x\n");
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> b =
      WorkingDayCalendar::FromCsv("date,kind,name\n2030-01-02,holiday,x\n");
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  EXPECT_EQ((*a)->version(),
            foi::Sha256Hex("date,kind,name\n2030-01-01,holiday,x\n"));
  EXPECT_NE((*a)->version(), (*b)->version());
}

struct MalformedCase {
  std::string name;
  std::string csv;
  std::string line;  // expected in the message
};

TEST(WorkingDayCalendarCsvTest, RejectsMalformedRowsNamingTheLine) {
  const std::string h = "date,kind,name\n2030-01-01,holiday,元旦\n";
  const MalformedCase kCases[] = {
      {"impossible date", h + "2030-02-30,holiday,x\n", "line 3"},
      {"not a date", h + "30/01/2030,holiday,x\n", "line 3"},
      {"short date", h + "2030-1-2,holiday,x\n", "line 3"},
      {"year out of range", h + "0999-01-02,holiday,x\n", "line 3"},
      {"unknown kind", h + "2030-02-01,off,x\n", "line 3"},
      {"missing field", h + "2030-02-01,holiday\n", "line 3"},
      {"empty name", h + "2030-02-01,holiday,\n", "line 3"},
      {"workday on a Monday", h + "# c\n2030-02-04,workday,x\n", "line 4"},
      {"duplicate date", h + "2030-01-01,holiday,元旦\n", "line 3"},
      {"no header", "2030-01-01,holiday,元旦\n", "line 1"},
      {"wrong header", "day,kind,name\n2030-01-01,holiday,x\n", "line 1"},
  };
  for (const MalformedCase& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_THAT(
        WorkingDayCalendar::FromCsv(c.csv),
        StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.line)));
  }
}

TEST(WorkingDayCalendarCsvTest, RejectsACalendarWithoutRows) {
  EXPECT_THAT(WorkingDayCalendar::FromCsv(""),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(WorkingDayCalendar::FromCsv("date,kind,name\n# nothing\n"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(WorkingDayCalendarCsvTest, CountsAListedWeekendHolidayAsAHoliday) {
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> cal =
      WorkingDayCalendar::FromCsv("date,kind,name\n2030-01-05,holiday,x\n");
  ASSERT_THAT(cal, IsOk());
  absl::StatusOr<DayInfo> info = (*cal)->Describe(Day(2030, 1, 5));
  ASSERT_THAT(info, IsOk());
  EXPECT_EQ(info->kind, DayKind::kHoliday);
  EXPECT_EQ(info->name, "x");
  EXPECT_FALSE(info->working);
}

}  // namespace
