// The filter language of ListCases: a conjunction of comparisons joined by
// AND, a subset of AIP-160.
//
//   state = RECEIVED AND unit = "ogi-office" AND receipt_date >= 2026-01-01
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_CASE_FILTER_H_
#define FOI_LIBS_CASEFILE_CASE_FILTER_H_

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "libs/casefile/case_types.h"

namespace foi::casefile {

struct CaseFilter {
  std::optional<CaseState> state;
  std::optional<std::string> unit;
  std::optional<Channel> channel;
  // Inclusive bounds on the receipt date.
  std::optional<absl::CivilDay> receipt_from;
  std::optional<absl::CivilDay> receipt_to;
};

// Parses `filter`; the empty string matches every case. Fields: state,
// unit, channel (operator =) and receipt_date (=, <, <=, >, >=). Returns
// INVALID_ARGUMENT starting "filter: " on anything else.
absl::StatusOr<CaseFilter> ParseCaseFilter(absl::string_view filter);

// Returns a canonical text of `f`, equal for equal filters (for page-token
// binding).
std::string CanonicalCaseFilter(const CaseFilter& f);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_CASE_FILTER_H_
