// The annual report as CSV, for agencies that fill the national form from a
// spreadsheet.
//
// Thread safety: free function, safe to call concurrently.
#ifndef FOI_LIBS_ANNUAL_REPORT_CSV_H_
#define FOI_LIBS_ANNUAL_REPORT_CSV_H_

#include <string>

#include "libs/annual/annual_report.h"

namespace foi::annual {

// Returns UTF-8 CSV (RFC 4180: CRLF line ends; a field with a comma, quote,
// CR or LF is quoted, its quotes doubled; no byte-order mark). Blocks, each
// after a blank line but the first:
//   年度,<year>
//   table 三: its title; the three header rows of the national table; then
//     one record per row: code ("三(三)1"), section, group and item cells,
//     and the 7 counts.
//   table 四: its title; the three header rows; one record of 15 counts.
//   topics: kTopicsTitle; "事项,申请数量"; one record per topic.
// A cell the national table merges over several rows or columns is written
// in the first of them and left empty in the rest, as spreadsheets export
// merged cells.
std::string ToCsv(const AnnualReport& report);

}  // namespace foi::annual

#endif  // FOI_LIBS_ANNUAL_REPORT_CSV_H_
