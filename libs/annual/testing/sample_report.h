// A report whose every count differs from every other, for the writer tests:
// a value read back from the wrong row or column cannot match by chance.
#ifndef FOI_LIBS_ANNUAL_TESTING_SAMPLE_REPORT_H_
#define FOI_LIBS_ANNUAL_TESTING_SAMPLE_REPORT_H_

#include "libs/annual/annual_report.h"

namespace foi::testing {

// Year 2024. Table 三 cell (row r, column c) holds 100 * r + c + 1; table 四
// column i (0-14, table order) holds 1000 + i. Topics have labels with a
// comma, quotes, markup and a line break, in that order.
annual::AnnualReport DistinctCountsReport();

}  // namespace foi::testing

#endif  // FOI_LIBS_ANNUAL_TESTING_SAMPLE_REPORT_H_
