// A working-day calendar for one jurisdiction, built from a data file of the
// State Council's holiday arrangements: Monday to Friday are working days
// unless listed as holidays; weekend days listed as make-up working days
// (调休上班) are working days.
//
// Every query is O(1): prefix counts of working days over the covered range.
// Dates before the covered range are OUT_OF_RANGE (never a silent guess,
// DESIGN.md). Dates after it are counted as plain weekdays and the result is
// marked provisional, because the State Council has not yet published that
// year's arrangements.
//
// Thread safety: immutable after construction; all methods may be called
// concurrently.
#ifndef FOI_LIBS_CALENDAR_WORKING_DAY_CALENDAR_H_
#define FOI_LIBS_CALENDAR_WORKING_DAY_CALENDAR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace foi::calendar {

// What kind of day a date is.
enum class DayKind {
  kWorkday,        // Monday to Friday, not a holiday
  kWeekend,        // Saturday or Sunday, not a make-up working day
  kHoliday,        // a listed holiday (on any weekday)
  kMakeUpWorkday,  // a listed weekend day that is a working day
};

// What Describe() knows about one date.
struct DayInfo {
  DayKind kind;
  bool working;      // kWorkday or kMakeUpWorkday
  std::string name;  // festival name for kHoliday / kMakeUpWorkday
  bool provisional;  // after the covered range
};

// A date with whether reaching it needed days past the covered range.
struct CalendarDay {
  absl::CivilDay day;
  bool provisional = false;
};

// A number of working days with whether counting them needed days past the
// covered range.
struct WorkingDayCount {
  int count = 0;
  bool provisional = false;
};

// Working-day arithmetic over one jurisdiction's calendar file.
class WorkingDayCalendar {
 public:
  // Parses the CSV text of a calendar file: a header line `date,kind,name`,
  // then rows `YYYY-MM-DD,holiday|workday,name`; blank lines and lines
  // starting with '#' are ignored. The covered range is 1 January of the
  // first year to 31 December of the last year among the rows (a row of the
  // December before the first full year, such as 2018-12-29 in the 2019
  // notice, does not extend coverage to that year). Returns INVALID_ARGUMENT
  // with the line number for a malformed row, a duplicate date, a `workday`
  // on a Monday-Friday, or no rows.
  static absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> FromCsv(
      absl::string_view csv);

  // Reads and parses a calendar file. NOT_FOUND if it cannot be read.
  static absl::StatusOr<std::unique_ptr<WorkingDayCalendar>> LoadFile(
      const std::string& path);

  // First and last day of the covered range.
  absl::CivilDay first_day() const;
  absl::CivilDay last_day() const;

  // Hex SHA-256 of the source text: identifies the calendar version.
  const std::string& version() const;

  // Describes `day`. OUT_OF_RANGE before first_day().
  absl::StatusOr<DayInfo> Describe(absl::CivilDay day) const;

  // Returns whether `day` is a working day. OUT_OF_RANGE before first_day().
  absl::StatusOr<bool> IsWorkingDay(absl::CivilDay day) const;

  // Returns the n-th working day after `start`; `start` itself is never
  // counted (OGI Regulations Art. 33 read with Civil Code Art. 201): n = 1 is
  // the first working day after `start`; n = 0 returns `start`. OUT_OF_RANGE
  // if `start` is before first_day(). REQUIRES: n >= 0.
  absl::StatusOr<CalendarDay> AddWorkingDays(absl::CivilDay start,
                                             int n) const {
    // The common case inline: a covered start and a result inside the
    // covered range is two table reads (the reply clock is computed on every
    // state change, so this is a hot path). Everything else goes out of line.
    const int64_t y = start.year();
    if (n > 0 && y >= fast_.first_year && y <= fast_.last_year) {
      const int64_t slot = (y - fast_.first_year) * 372 +
                           (start.month() - 1) * 31 + (start.day() - 1);
      const int64_t ordinal = fast_.working_through[slot] + n;
      if (ordinal <= fast_.total) {
        return CalendarDay{fast_.by_ordinal[ordinal - 1], false};
      }
    }
    return AddWorkingDaysSlow(start, n);
  }

  // Returns the number of working days in (a, b]: after a, up to and
  // including b; 0 when b <= a. OUT_OF_RANGE if a is before first_day().
  absl::StatusOr<WorkingDayCount> CountWorkingDays(absl::CivilDay a,
                                                   absl::CivilDay b) const;

 private:
  WorkingDayCalendar() = default;
  absl::StatusOr<CalendarDay> AddWorkingDaysSlow(absl::CivilDay start,
                                                 int n) const;

  // Views into rep_'s tables for the inline fast path of AddWorkingDays
  // (slots are 31 per month, 372 per year, as in the .cc).
  struct FastPath {
    int64_t first_year = 1;
    int64_t last_year = 0;  // first > last: no fast path until set
    const int32_t* working_through = nullptr;
    const absl::CivilDay* by_ordinal = nullptr;
    int64_t total = 0;
  };
  FastPath fast_;
  // Implementation-defined representation (prefix counts, ordinal table,
  // listed-day names).
  struct Rep;
  std::shared_ptr<const Rep> rep_;
};

}  // namespace foi::calendar

#endif  // FOI_LIBS_CALENDAR_WORKING_DAY_CALENDAR_H_
