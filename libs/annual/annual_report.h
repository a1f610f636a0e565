// The statutory annual report on OGI work (OGI Regulations Art. 50), the part
// built from the case file: table 三 (applications received and handled,
// Art. 50(二)), table 四 (reconsideration and litigation, Art. 50(三)) and
// the topics applications asked about most. Layout: the 2021 national format
// (国办公开办函〔2021〕30号), see report_layout.h; outcome rows: see
// result_row.h. Art. 49 sets when it is due; that is the caller's concern.
//
// Thread safety: free functions and plain values; safe to call concurrently.
#ifndef FOI_LIBS_ANNUAL_ANNUAL_REPORT_H_
#define FOI_LIBS_ANNUAL_ANNUAL_REPORT_H_

#include <array>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/annual/report_input.h"
#include "libs/annual/report_layout.h"

namespace foi::annual {

// Table 三: a count per (row, applicant column).
struct ApplicationTable {
  std::array<std::array<int, kApplicantColumnCount>, kApplicationRowCount>
      cells{};

  int Get(ApplicationRow r, ApplicantColumn c) const {
    return cells[static_cast<int>(r)][static_cast<int>(c)];
  }
  int& Mutable(ApplicationRow r, ApplicantColumn c) {
    return cells[static_cast<int>(r)][static_cast<int>(c)];
  }
};

// One column group of table 四.
struct AppealCounts {
  int upheld = 0;     // 结果维持
  int corrected = 0;  // 结果纠正
  int other = 0;      // 其他结果
  int pending = 0;    // 尚未审结
  int total = 0;      // 总计

  // The five values in table order (kAppealResultLabels).
  std::array<int, 5> Values() const {
    return {upheld, corrected, other, pending, total};
  }
};

// Table 四.
struct AppealTable {
  AppealCounts reconsideration;    // 行政复议
  AppealCounts litigation_direct;  // 行政诉讼：未经复议直接起诉
  AppealCounts litigation_after_reconsideration;  // 行政诉讼：复议后起诉

  // The column group of `k`.
  const AppealCounts& For(AppealKind k) const;
};

struct AnnualReport {
  int year = 0;
  ApplicationTable applications;  // table 三
  AppealTable appeals;            // table 四
  // Most-asked first; ties keep their input order.
  std::vector<Topic> topics;
};

// Default limit on the topics carried into a report.
inline constexpr int kDefaultMaxTopics = 10;

// Builds the report for calendar year `year`.
//
// Table 三, per applicant column and in the total column:
//   一      cases received in the year;
//   二      cases received before the year and not closed before 1 January;
//   三(…)   cases closed in the year (closed_date within it), in the row
//           ResultRow() gives; 三(七) is their sum;
//   四      cases received by 31 December and not closed by then.
// Other cases are left out. 一 + 二 = 三(七) + 四 holds in every column.
//
// Table 四 counts appeals filed in the year; one not decided by 31 December
// counts as 尚未审结 whatever its eventual result.
//
// `topics` are sorted by count, most first (stable), and cut to the first
// `max_topics`.
//
// Every case and appeal is checked, whatever its dates. Returns
// INVALID_ARGUMENT, naming the item ("cases[3].closed_date: ...",
// "appeals[0].result: ...", "topics[2].label: ..."), if:
//   - year < 1 or max_topics < 0;
//   - a case's applicant_type or state is unspecified or unknown;
//   - a closed case has no closed_date, an open one has one, or closed_date
//     is before receipt_date;
//   - a REPLIED case's reply is incomplete (see ResultRow);
//   - an appeal's kind or result is unknown, its decided_date is before
//     filed_date, or result and decided_date disagree (kPending with a
//     decided_date, or a decision without one);
//   - a topic's label is empty, not one line of valid UTF-8, or over 200
//     characters, or its count is negative.
// Returns INTERNAL if the accounting identity fails, which would be a bug.
absl::StatusOr<AnnualReport> BuildAnnualReport(
    int year, const std::vector<ReportCase>& cases,
    const std::vector<Appeal>& appeals, std::vector<Topic> topics = {},
    int max_topics = kDefaultMaxTopics);

}  // namespace foi::annual

#endif  // FOI_LIBS_ANNUAL_ANNUAL_REPORT_H_
