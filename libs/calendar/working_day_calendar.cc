#include "libs/calendar/working_day_calendar.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/common/sha256.h"

namespace foi::calendar {

namespace {

// The precomputed tables. Each covered day has a slot,
// (year - first_year) * 372 + (month - 1) * 31 + (day - 1): a date becomes an
// index with two multiplications and no civil-time arithmetic (the slots of
// 30 February and the like are never looked up). Immutable once built.
struct Tables {
  absl::CivilDay first_day;
  absl::CivilDay last_day;
  int64_t first_year = 0;
  int64_t last_year = 0;
  // Working days from first_day up to and including the slot's day.
  std::vector<int32_t> working_through;
  // The k-th working day of the covered range (k = 0 is the first).
  std::vector<absl::CivilDay> working_day_by_ordinal;
  // Kind of each slot's day, and an index into `names` (0: no name).
  std::vector<DayKind> kinds;
  std::vector<uint16_t> name_index;
  std::vector<std::string> names;
  std::string version;
};

constexpr int64_t kSlotsPerMonth = 31;
constexpr int64_t kSlotsPerYear = 12 * kSlotsPerMonth;

// 1970-01-05 was a Monday: the origin for weekday arithmetic past coverage.
constexpr absl::CivilDay kMondayEpoch(1970, 1, 5);

// floor(a / b) for b > 0.
int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

// Monday-to-Friday days in [kMondayEpoch, d] (negative before the epoch, but
// differences are always right). Past coverage the State Council has not yet
// published anything, so only weekends are skipped.
int64_t WeekdaysThrough(absl::CivilDay d) {
  const int64_t offset = d - kMondayEpoch;
  const int64_t weeks = FloorDiv(offset, 7);
  const int64_t day_of_week = offset - weeks * 7;  // 0 = Monday
  return weeks * 5 + std::min<int64_t>(day_of_week + 1, 5);
}

// The weekday d with WeekdaysThrough(d) == ordinal.
absl::CivilDay WeekdayByOrdinal(int64_t ordinal) {
  const int64_t zero_based = ordinal - 1;
  const int64_t weeks = FloorDiv(zero_based, 5);
  return kMondayEpoch + (weeks * 7 + (zero_based - weeks * 5));
}

bool IsWeekend(absl::CivilDay d) {
  const absl::Weekday w = absl::GetWeekday(d);
  return w == absl::Weekday::saturday || w == absl::Weekday::sunday;
}

std::string FormatDay(absl::CivilDay d) { return absl::FormatCivilTime(d); }

// Error paths stay out of line so that the O(1) paths need no stack frame.
ABSL_ATTRIBUTE_NOINLINE absl::Status BeforeCoverage(absl::CivilDay d,
                                                    absl::CivilDay first) {
  return absl::OutOfRangeError(absl::StrCat(
      FormatDay(d), " is before the calendar's first day ", FormatDay(first)));
}

struct Row {
  int line = 0;
  absl::CivilDay day;
  bool holiday = false;
  std::string name;
};

absl::Status RowError(int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("line ", line, ": ", what));
}

absl::StatusOr<std::vector<Row>> ParseRows(absl::string_view csv) {
  std::vector<Row> rows;
  std::map<absl::CivilDay, int> seen;  // date -> line
  bool header_seen = false;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(csv, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);  // also drops a CRLF's '\r'
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      if (line != "date,kind,name") {
        return RowError(line_number, "expected the header `date,kind,name`");
      }
      header_seen = true;
      continue;
    }
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::MaxSplits(',', 2));
    if (fields.size() != 3) {
      return RowError(line_number, "expected 3 fields: date,kind,name");
    }
    Row row;
    row.line = line_number;
    const absl::string_view date = absl::StripAsciiWhitespace(fields[0]);
    const absl::string_view kind = absl::StripAsciiWhitespace(fields[1]);
    row.name = std::string(absl::StripAsciiWhitespace(fields[2]));
    if (date.size() != 10 || !absl::ParseCivilTime(date, &row.day)) {
      return RowError(line_number,
                      absl::StrCat("date \"", date, "\" is not YYYY-MM-DD"));
    }
    if (row.day.year() < 1900 || row.day.year() > 9999) {
      return RowError(line_number,
                      absl::StrCat("year of ", date, " is outside 1900..9999"));
    }
    if (kind == "holiday") {
      row.holiday = true;
    } else if (kind != "workday") {
      return RowError(
          line_number,
          absl::StrCat("kind \"", kind, "\" is not holiday or workday"));
    }
    if (row.name.empty()) return RowError(line_number, "name is empty");
    if (!row.holiday && !IsWeekend(row.day)) {
      return RowError(line_number,
                      absl::StrCat(date,
                                   " is a Monday-Friday: only weekend "
                                   "days can be make-up working days"));
    }
    auto [it, inserted] = seen.emplace(row.day, line_number);
    if (!inserted) {
      return RowError(line_number,
                      absl::StrCat("duplicate date ", date, " (first on line ",
                                   it->second, ")"));
    }
    rows.push_back(std::move(row));
  }
  if (!header_seen) return absl::InvalidArgumentError("no header line");
  if (rows.empty()) return absl::InvalidArgumentError("no rows");
  return rows;
}

}  // namespace

// The representation lives in Tables so that helpers in this file can use
// it without naming the private nested type.
struct WorkingDayCalendar::Rep : Tables {};

absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> WorkingDayCalendar::FromCsv(
    absl::string_view csv) {
  absl::StatusOr<std::vector<Row>> parsed = ParseRows(csv);
  if (!parsed.ok()) {
    return absl::Status(
        parsed.status().code(),
        absl::StrCat("calendar CSV: ", parsed.status().message()));
  }
  std::vector<Row>& rows = *parsed;

  // Coverage is whole years. A notice for year Y may list the last days of
  // December Y-1 (the 2019 notice lists 2018-12-29..31); such a year is not
  // covered, because the rest of it was arranged by an earlier notice that is
  // not in the file.
  int64_t min_year = rows.front().day.year();
  int64_t max_year = min_year;
  for (const Row& r : rows) {
    min_year = std::min(min_year, r.day.year());
    max_year = std::max(max_year, r.day.year());
  }
  int64_t first_year = min_year;
  if (min_year < max_year &&
      std::all_of(rows.begin(), rows.end(), [&](const Row& r) {
        return r.day.year() != min_year || r.day.month() == 12;
      })) {
    first_year = min_year + 1;
  }

  auto rep = std::make_shared<Rep>();
  rep->first_year = first_year;
  rep->last_year = max_year;
  rep->first_day = absl::CivilDay(first_year, 1, 1);
  rep->last_day = absl::CivilDay(max_year, 12, 31);
  rep->version = Sha256Hex(csv);
  const size_t slots =
      static_cast<size_t>((max_year - first_year + 1) * kSlotsPerYear);
  auto slot = [&](absl::CivilDay d) {
    return static_cast<size_t>((d.year() - first_year) * kSlotsPerYear +
                               (d.month() - 1) * kSlotsPerMonth + d.day() - 1);
  };

  rep->kinds.assign(slots, DayKind::kWeekend);
  rep->name_index.assign(slots, 0);
  rep->names.push_back("");
  for (absl::CivilDay d = rep->first_day; d <= rep->last_day; ++d) {
    rep->kinds[slot(d)] = IsWeekend(d) ? DayKind::kWeekend : DayKind::kWorkday;
  }
  for (const Row& r : rows) {
    if (r.day < rep->first_day) continue;  // see the coverage rule above
    const size_t i = slot(r.day);
    rep->kinds[i] = r.holiday ? DayKind::kHoliday : DayKind::kMakeUpWorkday;
    auto it = std::find(rep->names.begin(), rep->names.end(), r.name);
    if (it == rep->names.end()) {
      if (rep->names.size() > UINT16_MAX) {
        return absl::InvalidArgumentError(absl::StrCat(
            "calendar CSV: line ", r.line, ": too many distinct names"));
      }
      rep->names.push_back(r.name);
      it = rep->names.end() - 1;
    }
    rep->name_index[i] = static_cast<uint16_t>(it - rep->names.begin());
  }

  // Prefix counts; an unused slot (30 February) repeats the count before it.
  rep->working_through.assign(slots, 0);
  int32_t working = 0;
  size_t next_slot = 0;
  for (absl::CivilDay d = rep->first_day; d <= rep->last_day; ++d) {
    const size_t i = slot(d);
    for (; next_slot < i; ++next_slot)
      rep->working_through[next_slot] = working;
    const DayKind k = rep->kinds[i];
    if (k == DayKind::kWorkday || k == DayKind::kMakeUpWorkday) {
      ++working;
      rep->working_day_by_ordinal.push_back(d);
    }
    rep->working_through[i] = working;
    next_slot = i + 1;
  }

  auto cal = std::unique_ptr<WorkingDayCalendar>(new WorkingDayCalendar());
  cal->rep_ = std::move(rep);
  static_assert(kSlotsPerMonth == 31 && kSlotsPerYear == 372,
                "the header's fast path assumes these slot sizes");
  cal->fast_.first_year = cal->rep_->first_year;
  cal->fast_.last_year = cal->rep_->last_year;
  cal->fast_.working_through = cal->rep_->working_through.data();
  cal->fast_.by_ordinal = cal->rep_->working_day_by_ordinal.data();
  cal->fast_.total =
      static_cast<int64_t>(cal->rep_->working_day_by_ordinal.size());
  return cal;
}

absl::StatusOr<std::unique_ptr<WorkingDayCalendar>>
WorkingDayCalendar::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(absl::StrCat("cannot read calendar ", path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return absl::NotFoundError(absl::StrCat("cannot read calendar ", path));
  }
  absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> cal = FromCsv(text.str());
  if (!cal.ok()) {
    return absl::Status(cal.status().code(),
                        absl::StrCat(path, ": ", cal.status().message()));
  }
  return cal;
}

absl::CivilDay WorkingDayCalendar::first_day() const { return rep_->first_day; }

absl::CivilDay WorkingDayCalendar::last_day() const { return rep_->last_day; }

const std::string& WorkingDayCalendar::version() const { return rep_->version; }

namespace {

// Where a date falls relative to the covered range.
enum class Position { kBefore, kInside, kAfter };

struct Located {
  Position position;
  size_t slot;  // valid when kInside
};

inline Located Locate(const Tables& t, absl::CivilDay d) {
  const int64_t y = d.year();
  if (y < t.first_year) return {Position::kBefore, 0};
  if (y > t.last_year) return {Position::kAfter, 0};
  return {Position::kInside,
          static_cast<size_t>((y - t.first_year) * kSlotsPerYear +
                              (d.month() - 1) * kSlotsPerMonth + d.day() - 1)};
}

ABSL_ATTRIBUTE_NOINLINE absl::Status NegativeWorkingDays(int n) {
  return absl::InvalidArgumentError(
      absl::StrCat("working days to add must be >= 0, got ", n));
}

// The n-th Monday-to-Friday after `start`, which is past coverage.
ABSL_ATTRIBUTE_NOINLINE CalendarDay WeekdaysFrom(absl::CivilDay start, int n) {
  if (n == 0) return CalendarDay{start, true};
  return CalendarDay{WeekdayByOrdinal(WeekdaysThrough(start) + n), true};
}

// The `beyond`-th Monday-to-Friday after last_day(): once the covered
// range's working days run out, only weekends are skipped.
ABSL_ATTRIBUTE_NOINLINE CalendarDay WeekdayPastCoverage(const Tables& t,
                                                        int64_t beyond) {
  return CalendarDay{WeekdayByOrdinal(WeekdaysThrough(t.last_day) + beyond),
                     true};
}

}  // namespace

absl::StatusOr<DayInfo> WorkingDayCalendar::Describe(absl::CivilDay day) const {
  const Rep& rep = *rep_;
  const Located at = Locate(rep, day);
  switch (at.position) {
    case Position::kBefore:
      return BeforeCoverage(day, rep.first_day);
    case Position::kAfter: {
      // Past coverage: weekends only, until the year's notice is published.
      const bool weekend = IsWeekend(day);
      return DayInfo{weekend ? DayKind::kWeekend : DayKind::kWorkday, !weekend,
                     "", true};
    }
    case Position::kInside:
      break;
  }
  const DayKind kind = rep.kinds[at.slot];
  return DayInfo{kind,
                 kind == DayKind::kWorkday || kind == DayKind::kMakeUpWorkday,
                 rep.names[rep.name_index[at.slot]], false};
}

absl::StatusOr<bool> WorkingDayCalendar::IsWorkingDay(
    absl::CivilDay day) const {
  const Rep& rep = *rep_;
  const Located at = Locate(rep, day);
  switch (at.position) {
    case Position::kBefore:
      return BeforeCoverage(day, rep.first_day);
    case Position::kAfter:
      return !IsWeekend(day);
    case Position::kInside:
      break;
  }
  const DayKind kind = rep.kinds[at.slot];
  return kind == DayKind::kWorkday || kind == DayKind::kMakeUpWorkday;
}

absl::StatusOr<CalendarDay> WorkingDayCalendar::AddWorkingDaysSlow(
    absl::CivilDay start, int n) const {
  const Rep& rep = *rep_;
  if (n < 0) {
    return NegativeWorkingDays(n);
  }
  const Located at = Locate(rep, start);
  switch (at.position) {
    case Position::kBefore:
      return BeforeCoverage(start, rep.first_day);
    case Position::kAfter:
      return WeekdaysFrom(start, n);
    case Position::kInside:
      break;
  }
  if (n == 0) return CalendarDay{start, false};
  // The n-th working day after `start` is the working day whose ordinal is
  // (working days up to and including start) + n.
  const int64_t ordinal =
      static_cast<int64_t>(rep.working_through[at.slot]) + n;
  const int64_t total = static_cast<int64_t>(rep.working_day_by_ordinal.size());
  if (ordinal <= total) {
    return CalendarDay{rep.working_day_by_ordinal[ordinal - 1], false};
  }
  return WeekdayPastCoverage(rep, ordinal - total);
}

absl::StatusOr<WorkingDayCount> WorkingDayCalendar::CountWorkingDays(
    absl::CivilDay a, absl::CivilDay b) const {
  const Rep& rep = *rep_;
  const Located from = Locate(rep, a);
  if (from.position == Position::kBefore) {
    return BeforeCoverage(a, rep.first_day);
  }
  if (b <= a) return WorkingDayCount{0, false};
  if (from.position == Position::kAfter) {
    return WorkingDayCount{
        static_cast<int>(WeekdaysThrough(b) - WeekdaysThrough(a)), true};
  }
  const int32_t through_a = rep.working_through[from.slot];
  const Located to = Locate(rep, b);
  if (to.position == Position::kInside) {
    return WorkingDayCount{rep.working_through[to.slot] - through_a, false};
  }
  const int32_t total = static_cast<int32_t>(rep.working_day_by_ordinal.size());
  return WorkingDayCount{
      static_cast<int>(total - through_a + WeekdaysThrough(b) -
                       WeekdaysThrough(rep.last_day)),
      true};
}

}  // namespace foi::calendar
