// What the annual report (OGI Regulations Art. 50) is built from: one record
// per application, per reconsideration or lawsuit, and per topic of public
// concern, as the store and the analytics job read them. Plain values, no
// I/O.
//
// Thread safety: plain structs; no shared state.
#ifndef FOI_LIBS_ANNUAL_REPORT_INPUT_H_
#define FOI_LIBS_ANNUAL_REPORT_INPUT_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "libs/casefile/case_types.h"
#include "libs/rules/exemption_grounds.h"
#include "libs/rules/reply_outcomes.h"

namespace foi::annual {

// One application (依申请公开), for table 三.
struct ReportCase {
  // Required. Picks the applicant column of table 三.
  casefile::ApplicantType applicant_type =
      casefile::ApplicantType::kUnspecified;
  // Required. The statutory date of receipt (Art. 31).
  absl::CivilDay receipt_date;
  // The day the case was closed. Required exactly when `state` is closed
  // (casefile::IsClosed); never before `receipt_date`.
  std::optional<absl::CivilDay> closed_date;
  // Required. Closed states decide the result row; open states mean the case
  // is still being handled.
  casefile::CaseState state = casefile::CaseState::kUnspecified;
  // The issued reply. Read only when `state` is kReplied, and then it must
  // pass rules::ValidateOutcome. For other states (a drafted reply on an
  // open or withdrawn case) these are ignored.
  rules::ReplyOutcome outcome = rules::ReplyOutcome::kUnspecified;
  rules::OutcomeReason reason = rules::OutcomeReason::kUnspecified;
  // In the order the reply lists them; the first one picks the 不予公开 row.
  std::vector<rules::ExemptionGround> grounds;
};

// Which remedy an appeal is (Art. 51), i.e. which column group of table 四.
enum class AppealKind {
  kReconsideration,                 // 行政复议
  kLitigationDirect,                // 行政诉讼：未经复议直接起诉
  kLitigationAfterReconsideration,  // 行政诉讼：复议后起诉
};

// How the appeal ended.
enum class AppealResult {
  kUpheld,     // 结果维持
  kCorrected,  // 结果纠正
  kOther,      // 其他结果
  kPending,    // 尚未审结
};

// One administrative reconsideration or lawsuit about the agency's OGI work,
// for table 四.
struct Appeal {
  AppealKind kind = AppealKind::kReconsideration;
  // kPending exactly when `decided_date` is empty.
  AppealResult result = AppealResult::kPending;
  // Required. Picks the report year the appeal is counted in.
  absl::CivilDay filed_date;
  // The day of the decision or judgment; never before `filed_date`.
  std::optional<absl::CivilDay> decided_date;
};

// A subject many applications asked about, as found by the analytics job
// (Art. 44 para. 1). Carried into the report as it is.
struct Topic {
  // Required. Valid UTF-8, one line, at most 200 characters.
  std::string label;
  // Applications about it; not negative.
  int count = 0;
};

}  // namespace foi::annual

#endif  // FOI_LIBS_ANNUAL_REPORT_INPUT_H_
