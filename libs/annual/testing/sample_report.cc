#include "libs/annual/testing/sample_report.h"

namespace foi::testing {

annual::AnnualReport DistinctCountsReport() {
  annual::AnnualReport report;
  report.year = 2024;
  for (int r = 0; r < annual::kApplicationRowCount; ++r) {
    for (int c = 0; c < annual::kApplicantColumnCount; ++c) {
      report.applications.cells[r][c] = 100 * r + c + 1;
    }
  }
  int v = 1000;
  for (annual::AppealCounts* counts :
       {&report.appeals.reconsideration, &report.appeals.litigation_direct,
        &report.appeals.litigation_after_reconsideration}) {
    counts->upheld = v++;
    counts->corrected = v++;
    counts->other = v++;
    counts->pending = v++;
    counts->total = v++;
  }
  report.topics = {
      {"学区划分, 2024年", 12},
      {"\"老旧小区\"改造", 7},
      {"<script>alert('x')</script> & 拆迁", 5},
      {"第一行\r\n第二行", 2},
  };
  return report;
}

}  // namespace foi::testing
