// The deadline report managers read: per unit and per officer, what is open,
// due soon, overdue, closed on time or late, the on-time rate and the median
// working days to reply. Pure: it turns counts (from the store) into rows.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_DEADLINE_REPORT_H_
#define FOI_LIBS_CASEFILE_DEADLINE_REPORT_H_

#include <map>
#include <string>
#include <vector>

namespace foi::casefile {

// Counts for one (unit, officer); officer empty for unassigned cases.
struct DeadlineCounts {
  std::string unit;
  std::string officer;
  int open = 0;
  int due_soon = 0;
  int overdue = 0;
  int closed_on_time = 0;
  int closed_late = 0;
  // Working days to reply -> number of replies that took that long.
  std::map<int, int> reply_days;
};

struct DeadlineReportRow {
  std::string unit;
  // Empty in a unit's total row; "(unassigned)" for unassigned cases.
  std::string officer;
  int open = 0;
  int due_soon = 0;
  int overdue = 0;
  int closed_on_time = 0;
  int closed_late = 0;
  double on_time_rate = 0;                  // 0 with nothing closed
  double median_working_days_to_reply = 0;  // 0 with nothing replied
};

// Returns, for each unit in order, its total row followed by one row per
// officer (in the order given). REQUIRES: `counts` sorted by unit.
std::vector<DeadlineReportRow> BuildDeadlineReport(
    const std::vector<DeadlineCounts>& counts);

// The median of a histogram value -> count; the mean of the two middle
// values for an even total; 0 for an empty histogram.
double HistogramMedian(const std::map<int, int>& histogram);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_DEADLINE_REPORT_H_
