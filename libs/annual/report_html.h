// The annual report as one HTML page, laid out like the national tables, for
// review before publication (Art. 49) and for printing.
//
// Thread safety: free function, safe to call concurrently.
#ifndef FOI_LIBS_ANNUAL_REPORT_HTML_H_
#define FOI_LIBS_ANNUAL_REPORT_HTML_H_

#include <string>

#include "libs/annual/annual_report.h"

namespace foi::annual {

// Returns a self-contained HTML5 document (lang="zh-CN", UTF-8, inline CSS,
// no scripts, no external resources) with table 三 and table 四 merged as in
// the national format (rowspan/colspan), then the topics. Every text is
// escaped (& < > " '), so topic labels cannot inject markup. Each numeric
// row of table 三 carries data-code="<row code>". REQUIRES: topic labels
// are valid UTF-8 (BuildAnnualReport checks it).
std::string ToHtml(const AnnualReport& report);

}  // namespace foi::annual

#endif  // FOI_LIBS_ANNUAL_REPORT_HTML_H_
