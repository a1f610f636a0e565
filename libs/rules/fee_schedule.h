// The information processing fee (信息处理费) of OGI Regulations Art. 42 para
// 1, at the rates of the national measures, 《政府信息公开信息处理费管理办法》
// (国办函〔2020〕109号):
//
//   by count (Art. 4)  per applicant per calendar month: applications 1-10
//                      free; 11-30 CNY 100 each; from the 31st, each further
//                      band of 10 raises the rate by CNY 100 each (31-40:
//                      200, 41-50: 300, ...).
//   by pages (Art. 5)  per application: pages 1-30 free; 31-100 CNY 10 per
//                      page; 101-200 CNY 20; 201 and up CNY 40.
//
// Both are excess-progressive: each unit pays the rate of the band it falls
// in. For one application the agency picks one method, never both (Art. 3);
// a FeeQuote therefore always carries exactly one method.
//
// Whether a fee is due at all (the volume is "clearly beyond a reasonable
// range", Art. 42) is the agency's decision; these functions only price it.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_RULES_FEE_SCHEDULE_H_
#define FOI_LIBS_RULES_FEE_SCHEDULE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace foi::rules {

// Largest count or page number a quote accepts; anything above it is a
// data-entry error, not a request.
inline constexpr int kMaxFeeUnits = 100000;

enum class FeeMethod {
  kByCount,  // 按件计收, fee measures Art. 4
  kByPages,  // 按量计收, fee measures Art. 5
};

// "BY_COUNT" or "BY_PAGES", as in the API.
absl::string_view FeeMethodName(FeeMethod m);

// The article of the fee measures that sets the method's rates: "第四条"
// (by count) or "第五条" (by pages).
absl::string_view FeeMeasuresArticle(FeeMethod m);

// The measures' name for the method: "按件计收" or "按量计收".
absl::string_view FeeMethodLabel(FeeMethod m);

// One band of a quote: `units` units, each at `rate_yuan`.
struct FeeLine {
  // The units this line covers, in Chinese: "第11—30件", "第201—250页",
  // "第35件".
  std::string band;
  int64_t units = 0;
  // Per unit, in whole yuan; 0 for the free bands.
  int64_t rate_yuan = 0;
  // units * rate_yuan.
  int64_t amount_yuan = 0;
};

bool operator==(const FeeLine& a, const FeeLine& b);
inline bool operator!=(const FeeLine& a, const FeeLine& b) { return !(a == b); }

struct FeeQuote {
  FeeMethod method = FeeMethod::kByCount;
  // What was priced: the application's position in the month (QuoteByCount),
  // the number of applications in the month (QuoteMonthByCount) or the
  // number of pages (QuoteByPages).
  int64_t quantity = 0;
  // In band order; free bands are included with rate 0 so that the working
  // shows them.
  std::vector<FeeLine> lines;
  // The sum of the lines' amounts, in whole yuan.
  int64_t total_yuan = 0;
  // The working in Chinese, one clause per line joined by "；" and ending
  // with the total: "第1—10件：10件，不收费；第11—30件：20件×100元=2000元；
  // 合计2000元。"
  std::string working;
};

bool operator==(const FeeQuote& a, const FeeQuote& b);
inline bool operator!=(const FeeQuote& a, const FeeQuote& b) {
  return !(a == b);
}

// The per-count rate in yuan for the `position`-th application of one
// applicant in one calendar month (fee measures Art. 4).
// REQUIRES: 1 <= position <= kMaxFeeUnits.
int64_t CountRateYuan(int position);

// Prices one application that is the `position_in_month`-th application of
// its applicant in the current calendar month, counting this one: it pays the
// rate of the band its position falls in (fee measures Art. 4). The quote has
// one line for that application. INVALID_ARGUMENT naming
// "position_in_month" if it is below 1 or above kMaxFeeUnits.
absl::StatusOr<FeeQuote> QuoteByCount(int position_in_month);

// Prices all of an applicant's `applications_in_month` applications of one
// calendar month together (1..n), one line per band reached. The sum of
// QuoteByCount(1..n). INVALID_ARGUMENT naming "applications_in_month" if it
// is below 1 or above kMaxFeeUnits.
absl::StatusOr<FeeQuote> QuoteMonthByCount(int applications_in_month);

// Prices one application by the number of pages provided (fee measures
// Art. 5), one line per band reached. INVALID_ARGUMENT naming "pages" if it
// is below 1 or above kMaxFeeUnits.
absl::StatusOr<FeeQuote> QuoteByPages(int pages);

}  // namespace foi::rules

#endif  // FOI_LIBS_RULES_FEE_SCHEDULE_H_
