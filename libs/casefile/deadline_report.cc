#include "libs/casefile/deadline_report.h"

namespace foi::casefile {
namespace {

constexpr char kUnassigned[] = "(unassigned)";

void Finish(DeadlineReportRow& row, const std::map<int, int>& reply_days) {
  const int closed = row.closed_on_time + row.closed_late;
  row.on_time_rate =
      closed == 0 ? 0.0 : static_cast<double>(row.closed_on_time) / closed;
  row.median_working_days_to_reply = HistogramMedian(reply_days);
}

}  // namespace

double HistogramMedian(const std::map<int, int>& histogram) {
  long total = 0;
  for (const auto& [value, n] : histogram) total += n;
  if (total == 0) return 0;
  // 0-based ranks of the middle element(s).
  const long lo = (total - 1) / 2;
  const long hi = total / 2;
  long seen = 0;
  double lo_value = 0;
  for (const auto& [value, n] : histogram) {
    if (seen <= lo && lo < seen + n) lo_value = value;
    if (seen <= hi && hi < seen + n) return (lo_value + value) / 2.0;
    seen += n;
  }
  return lo_value;
}

std::vector<DeadlineReportRow> BuildDeadlineReport(
    const std::vector<DeadlineCounts>& counts) {
  std::vector<DeadlineReportRow> rows;
  size_t i = 0;
  while (i < counts.size()) {
    const std::string& unit = counts[i].unit;
    DeadlineReportRow total;
    total.unit = unit;
    std::map<int, int> unit_days;
    std::vector<DeadlineReportRow> officers;
    for (; i < counts.size() && counts[i].unit == unit; ++i) {
      const DeadlineCounts& c = counts[i];
      DeadlineReportRow row;
      row.unit = unit;
      row.officer = c.officer.empty() ? kUnassigned : c.officer;
      row.open = c.open;
      row.due_soon = c.due_soon;
      row.overdue = c.overdue;
      row.closed_on_time = c.closed_on_time;
      row.closed_late = c.closed_late;
      Finish(row, c.reply_days);
      officers.push_back(row);
      total.open += c.open;
      total.due_soon += c.due_soon;
      total.overdue += c.overdue;
      total.closed_on_time += c.closed_on_time;
      total.closed_late += c.closed_late;
      for (const auto& [days, n] : c.reply_days) unit_days[days] += n;
    }
    Finish(total, unit_days);
    rows.push_back(total);
    rows.insert(rows.end(), officers.begin(), officers.end());
  }
  return rows;
}

}  // namespace foi::casefile
