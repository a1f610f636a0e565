#include "libs/rules/fee_schedule.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace foi::rules {
namespace {

// Fee measures Art. 4 (一)-(三): the first two bands, then bands of ten from
// the 31st application on.
constexpr int kFreeApplications = 10;
constexpr int kFirstPaidBandEnd = 30;
constexpr int64_t kFirstPaidRateYuan = 100;
constexpr int kApplicationsPerBand = 10;
constexpr int64_t kRateStepYuan = 100;

// A band of the schedule: units first..last (inclusive) at rate_yuan each.
struct Band {
  int first;
  int last;
  int64_t rate_yuan;
};

// Fee measures Art. 5 (一)-(四). The last band has no upper end; kMaxFeeUnits
// stands in for it.
constexpr Band kPageBands[] = {
    {1, 30, 0},
    {31, 100, 10},
    {101, 200, 20},
    {201, kMaxFeeUnits, 40},
};

// The per-count band that `position` falls in (Art. 4).
Band CountBandOf(int position) {
  if (position <= kFreeApplications) return {1, kFreeApplications, 0};
  if (position <= kFirstPaidBandEnd) {
    return {kFreeApplications + 1, kFirstPaidBandEnd, kFirstPaidRateYuan};
  }
  // (三): 「以10件为一档，每增加一档，收费标准提高100元/件」, so band k (k >=
  // 1) covers 31+10(k-1) .. 30+10k at 100 + 100k.
  const int k = (position - kFirstPaidBandEnd - 1) / kApplicationsPerBand + 1;
  return {kFirstPaidBandEnd + (k - 1) * kApplicationsPerBand + 1,
          kFirstPaidBandEnd + k * kApplicationsPerBand,
          kFirstPaidRateYuan + kRateStepYuan * k};
}

// "第11—30件", or "第35件" for a single unit.
std::string RangeLabel(int first, int last, absl::string_view unit) {
  if (first == last) return absl::StrCat("第", first, unit);
  return absl::StrCat("第", first, "—", last, unit);
}

std::string LineWorking(const FeeLine& line, absl::string_view unit) {
  if (line.rate_yuan == 0) {
    return absl::StrCat(line.units, unit, "，不收费");
  }
  return absl::StrCat(line.units, unit, "×", line.rate_yuan,
                      "元=", line.amount_yuan, "元");
}

FeeLine MakeLine(int first, int last, int64_t rate_yuan,
                 absl::string_view unit) {
  FeeLine line;
  line.band = RangeLabel(first, last, unit);
  line.units = last - first + 1;
  line.rate_yuan = rate_yuan;
  line.amount_yuan = line.units * rate_yuan;
  return line;
}

// Fills total_yuan and the working for a quote whose lines cover 1..n.
void FinishProgressive(FeeQuote& quote, absl::string_view unit) {
  std::vector<std::string> clauses;
  quote.total_yuan = 0;
  for (const FeeLine& line : quote.lines) {
    quote.total_yuan += line.amount_yuan;
    clauses.push_back(absl::StrCat(line.band, "：", LineWorking(line, unit)));
  }
  clauses.push_back(absl::StrCat("合计", quote.total_yuan, "元"));
  quote.working = absl::StrCat(absl::StrJoin(clauses, "；"), "。");
}

absl::Status CheckUnits(absl::string_view field, int n) {
  if (n < 1 || n > kMaxFeeUnits) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": ", n, " is out of range 1..", kMaxFeeUnits));
  }
  return absl::OkStatus();
}

}  // namespace

absl::string_view FeeMethodName(FeeMethod m) {
  switch (m) {
    case FeeMethod::kByCount:
      return "BY_COUNT";
    case FeeMethod::kByPages:
      return "BY_PAGES";
  }
  return "";
}

absl::string_view FeeMeasuresArticle(FeeMethod m) {
  return m == FeeMethod::kByCount ? "第四条" : "第五条";
}

absl::string_view FeeMethodLabel(FeeMethod m) {
  return m == FeeMethod::kByCount ? "按件计收" : "按量计收";
}

bool operator==(const FeeLine& a, const FeeLine& b) {
  return a.band == b.band && a.units == b.units && a.rate_yuan == b.rate_yuan &&
         a.amount_yuan == b.amount_yuan;
}

bool operator==(const FeeQuote& a, const FeeQuote& b) {
  return a.method == b.method && a.quantity == b.quantity &&
         a.lines == b.lines && a.total_yuan == b.total_yuan &&
         a.working == b.working;
}

int64_t CountRateYuan(int position) { return CountBandOf(position).rate_yuan; }

absl::StatusOr<FeeQuote> QuoteByCount(int position_in_month) {
  if (absl::Status s = CheckUnits("position_in_month", position_in_month);
      !s.ok()) {
    return s;
  }
  // The measures count per applicant per month, so one application pays the
  // rate of its own position, not a share of the month's total.
  const Band band = CountBandOf(position_in_month);
  FeeQuote quote;
  quote.method = FeeMethod::kByCount;
  quote.quantity = position_in_month;
  quote.lines.push_back(
      MakeLine(position_in_month, position_in_month, band.rate_yuan, "件"));
  quote.total_yuan = quote.lines.front().amount_yuan;
  quote.working =
      absl::StrCat("本件为同一申请人本自然月内第", position_in_month,
                   "件申请，属于", RangeLabel(band.first, band.last, "件"),
                   "档：", LineWorking(quote.lines.front(), "件"), "；合计",
                   quote.total_yuan, "元。");
  return quote;
}

absl::StatusOr<FeeQuote> QuoteMonthByCount(int applications_in_month) {
  if (absl::Status s =
          CheckUnits("applications_in_month", applications_in_month);
      !s.ok()) {
    return s;
  }
  FeeQuote quote;
  quote.method = FeeMethod::kByCount;
  quote.quantity = applications_in_month;
  for (int first = 1; first <= applications_in_month;) {
    const Band band = CountBandOf(first);
    const int last = std::min(band.last, applications_in_month);
    quote.lines.push_back(MakeLine(first, last, band.rate_yuan, "件"));
    first = last + 1;
  }
  FinishProgressive(quote, "件");
  return quote;
}

absl::StatusOr<FeeQuote> QuoteByPages(int pages) {
  if (absl::Status s = CheckUnits("pages", pages); !s.ok()) return s;
  FeeQuote quote;
  quote.method = FeeMethod::kByPages;
  quote.quantity = pages;
  for (const Band& band : kPageBands) {
    if (band.first > pages) break;
    quote.lines.push_back(
        MakeLine(band.first, std::min(band.last, pages), band.rate_yuan, "页"));
  }
  FinishProgressive(quote, "页");
  return quote;
}

}  // namespace foi::rules
