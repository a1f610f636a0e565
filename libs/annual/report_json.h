// The annual report as JSON, for the API and for archiving alongside the
// published report.
//
// Thread safety: free function, safe to call concurrently.
#ifndef FOI_LIBS_ANNUAL_REPORT_JSON_H_
#define FOI_LIBS_ANNUAL_REPORT_JSON_H_

#include <string>

#include "libs/annual/annual_report.h"

namespace foi::annual {

// Returns one JSON object, keys in a fixed order:
//   {"year":2024,"format":"国办公开办函〔2021〕30号",
//    "applications":{"title":…,"columns":[{"code":"NATURAL_PERSON",
//        "label":"自然人","group":""},…,{"code":"TOTAL",…}],
//      "rows":[{"code":"三(三)1","section":…,"group":…,"item":…,
//        "label":"1.属于国家秘密","counts":{"NATURAL_PERSON":0,…,
//        "TOTAL":0}},…]},
//    "appeals":{"title":…,"reconsideration":{"label":"行政复议",
//        "upheld":0,"corrected":0,"other":0,"pending":0,"total":0},
//      "litigation_direct":{…},"litigation_after_reconsideration":{…}},
//    "topics":[{"label":…,"count":3},…]}
// Row and column codes are those of report_layout.h and never change; the
// labels are the national table's. REQUIRES: topic labels are valid UTF-8
// (BuildAnnualReport checks it).
std::string ToJson(const AnnualReport& report);

}  // namespace foi::annual

#endif  // FOI_LIBS_ANNUAL_REPORT_JSON_H_
