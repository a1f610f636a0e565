#include "libs/annual/annual_report.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "libs/annual/result_row.h"
#include "libs/casefile/case_types.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"

namespace foi::annual {
namespace {

using C = ApplicantColumn;
using R = ApplicationRow;

// The year's bounds, both inclusive.
struct Year {
  absl::CivilDay first;
  absl::CivilDay last;
  bool Contains(absl::CivilDay d) const { return first <= d && d <= last; }
};

// Prefixes a field-relative error with the item it came from, keeping the
// code: "cases[3]." + "closed_date: ...".
absl::Status AtItem(absl::string_view list, size_t i, const absl::Status& s) {
  return absl::Status(s.code(), absl::StrCat(list, "[", i, "].", s.message()));
}

// Enums arrive from the store as numbers; a name that parses back to the
// same value is a declared, specified one.
bool IsKnown(casefile::ApplicantType t) {
  return casefile::ParseApplicantType(casefile::ApplicantTypeName(t)) == t;
}
bool IsKnown(casefile::CaseState s) {
  return casefile::ParseCaseState(casefile::CaseStateName(s)) == s;
}

std::string DayString(absl::CivilDay d) { return absl::FormatCivilTime(d); }

absl::Status CheckCaseDates(const ReportCase& c) {
  const bool closed = casefile::IsClosed(c.state);
  if (closed && !c.closed_date.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "closed_date: required in state ", casefile::CaseStateName(c.state)));
  }
  if (!closed && c.closed_date.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("closed_date: set although state ",
                     casefile::CaseStateName(c.state), " is open"));
  }
  if (c.closed_date.has_value() && *c.closed_date < c.receipt_date) {
    return absl::InvalidArgumentError(
        absl::StrCat("closed_date: ", DayString(*c.closed_date),
                     " is before receipt_date ", DayString(c.receipt_date)));
  }
  return absl::OkStatus();
}

// Adds one case to rows 一, 二, 三(…) and 四 of its applicant column.
absl::Status CountCase(const ReportCase& c, const Year& year,
                       ApplicationTable& table) {
  if (!IsKnown(c.applicant_type)) {
    return absl::InvalidArgumentError(
        absl::StrCat("applicant_type: unspecified or unknown value ",
                     static_cast<int>(c.applicant_type)));
  }
  if (!IsKnown(c.state)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "state: unspecified or unknown value ", static_cast<int>(c.state)));
  }
  FOI_RETURN_IF_ERROR(CheckCaseDates(c));
  // Every closed case is checked, not only this year's, so the same input
  // is accepted or refused whichever year is asked for.
  std::optional<R> result;
  if (casefile::IsClosed(c.state)) {
    FOI_ASSIGN_OR_RETURN(result, ResultRow(c));
  }

  const bool received_by_year_end = c.receipt_date <= year.last;
  const bool closed_before_year =
      c.closed_date.has_value() && *c.closed_date < year.first;
  if (!received_by_year_end || closed_before_year) return absl::OkStatus();

  const C column = ColumnFor(c.applicant_type);
  ++table.Mutable(
      year.Contains(c.receipt_date) ? R::kNewThisYear : R::kCarriedOver,
      column);
  if (c.closed_date.has_value() && year.Contains(*c.closed_date)) {
    ++table.Mutable(*result, column);
  } else {
    ++table.Mutable(R::kCarriedForward, column);
  }
  return absl::OkStatus();
}

// Fills 三(七) from the result rows and the 总计 column from the six
// applicant columns.
void FillTotals(ApplicationTable& table) {
  for (int r = static_cast<int>(R::kDisclosed);
       r < static_cast<int>(R::kHandledTotal); ++r) {
    for (int c = 0; c < static_cast<int>(C::kTotal); ++c) {
      table.cells[static_cast<int>(R::kHandledTotal)][c] += table.cells[r][c];
    }
  }
  for (auto& row : table.cells) {
    int sum = 0;
    for (int c = 0; c < static_cast<int>(C::kTotal); ++c) sum += row[c];
    row[static_cast<int>(C::kTotal)] = sum;
  }
}

// The identity the national table prints in its corner (kIdentityNote):
// 一 + 二 = 三(七) + 四. 一 and 二 are counted on intake, 三(七) is summed
// from the result rows, so a case that reached no result row and was not
// carried forward shows up here.
absl::Status CheckIdentity(const ApplicationTable& t) {
  for (const ColumnInfo& col : ApplicantColumns()) {
    const int in =
        t.Get(R::kNewThisYear, col.column) + t.Get(R::kCarriedOver, col.column);
    const int out = t.Get(R::kHandledTotal, col.column) +
                    t.Get(R::kCarriedForward, col.column);
    if (in != out) {
      return absl::InternalError(absl::StrCat("table 三 column ", col.code,
                                              ": 一 + 二 = ", in,
                                              " but 三(七) + 四 = ", out));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckAppeal(const Appeal& a) {
  const int kind = static_cast<int>(a.kind);
  if (kind < 0 ||
      kind > static_cast<int>(AppealKind::kLitigationAfterReconsideration)) {
    return absl::InvalidArgumentError(
        absl::StrCat("kind: unknown value ", kind));
  }
  const int result = static_cast<int>(a.result);
  if (result < 0 || result > static_cast<int>(AppealResult::kPending)) {
    return absl::InvalidArgumentError(
        absl::StrCat("result: unknown value ", result));
  }
  const bool pending = a.result == AppealResult::kPending;
  if (pending && a.decided_date.has_value()) {
    return absl::InvalidArgumentError(
        "result: PENDING although decided_date is set");
  }
  if (!pending && !a.decided_date.has_value()) {
    return absl::InvalidArgumentError(
        "decided_date: required once there is a result");
  }
  if (a.decided_date.has_value() && *a.decided_date < a.filed_date) {
    return absl::InvalidArgumentError(
        absl::StrCat("decided_date: ", DayString(*a.decided_date),
                     " is before filed_date ", DayString(a.filed_date)));
  }
  return absl::OkStatus();
}

AppealCounts& MutableFor(AppealTable& t, AppealKind k) {
  switch (k) {
    case AppealKind::kReconsideration:
      return t.reconsideration;
    case AppealKind::kLitigationDirect:
      return t.litigation_direct;
    case AppealKind::kLitigationAfterReconsideration:
      break;
  }
  return t.litigation_after_reconsideration;
}

void CountAppeal(const Appeal& a, const Year& year, AppealTable& table) {
  if (!year.Contains(a.filed_date)) return;
  AppealCounts& counts = MutableFor(table, a.kind);
  ++counts.total;
  // Table 四 is a snapshot at 31 December: a decision after it is still
  // pending for this year's report.
  const bool decided_in_year =
      a.decided_date.has_value() && *a.decided_date <= year.last;
  switch (decided_in_year ? a.result : AppealResult::kPending) {
    case AppealResult::kUpheld:
      ++counts.upheld;
      break;
    case AppealResult::kCorrected:
      ++counts.corrected;
      break;
    case AppealResult::kOther:
      ++counts.other;
      break;
    case AppealResult::kPending:
      ++counts.pending;
      break;
  }
}

absl::StatusOr<std::vector<Topic>> TopTopics(std::vector<Topic> topics,
                                             int max_topics) {
  TextRule label_rule;
  label_rule.max_chars = 200;
  label_rule.required = true;
  for (size_t i = 0; i < topics.size(); ++i) {
    absl::Status s = ValidateText("label", topics[i].label, label_rule);
    if (s.ok() && topics[i].count < 0) {
      s = absl::InvalidArgumentError(
          absl::StrCat("count: negative (", topics[i].count, ")"));
    }
    if (!s.ok()) return AtItem("topics", i, s);
  }
  std::stable_sort(
      topics.begin(), topics.end(),
      [](const Topic& a, const Topic& b) { return a.count > b.count; });
  if (topics.size() > static_cast<size_t>(max_topics)) {
    topics.resize(static_cast<size_t>(max_topics));
  }
  return topics;
}

}  // namespace

const AppealCounts& AppealTable::For(AppealKind k) const {
  switch (k) {
    case AppealKind::kReconsideration:
      return reconsideration;
    case AppealKind::kLitigationDirect:
      return litigation_direct;
    case AppealKind::kLitigationAfterReconsideration:
      break;
  }
  return litigation_after_reconsideration;
}

absl::StatusOr<AnnualReport> BuildAnnualReport(
    int year, const std::vector<ReportCase>& cases,
    const std::vector<Appeal>& appeals, std::vector<Topic> topics,
    int max_topics) {
  if (year < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("year: must be positive, got ", year));
  }
  if (max_topics < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("max_topics: negative (", max_topics, ")"));
  }
  const Year bounds{absl::CivilDay(year, 1, 1), absl::CivilDay(year, 12, 31)};

  AnnualReport report;
  report.year = year;
  for (size_t i = 0; i < cases.size(); ++i) {
    absl::Status s = CountCase(cases[i], bounds, report.applications);
    if (!s.ok()) return AtItem("cases", i, s);
  }
  FillTotals(report.applications);
  FOI_RETURN_IF_ERROR(CheckIdentity(report.applications));

  for (size_t i = 0; i < appeals.size(); ++i) {
    absl::Status s = CheckAppeal(appeals[i]);
    if (!s.ok()) return AtItem("appeals", i, s);
    CountAppeal(appeals[i], bounds, report.appeals);
  }

  FOI_ASSIGN_OR_RETURN(report.topics, TopTopics(std::move(topics), max_topics));
  return report;
}

}  // namespace foi::annual
