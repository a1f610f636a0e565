// Human case numbers: `{agency prefix}-{year}-{sequence}`, e.g.
// `FOI-2026-000042`, unique per agency.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CASEFILE_CASE_NUMBER_H_
#define FOI_LIBS_CASEFILE_CASE_NUMBER_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace foi::casefile {

struct CaseNumber {
  std::string prefix;
  int year = 0;
  int64_t sequence = 0;
};

// Checks an agency prefix: 1..16 characters of A-Z, 0-9. Returns
// INVALID_ARGUMENT otherwise.
absl::Status ValidateAgencyPrefix(absl::string_view prefix);

// Formats a case number; the sequence has at least six digits.
// REQUIRES: ValidateAgencyPrefix(n.prefix).ok(), 1 <= n.year <= 9999,
// n.sequence >= 1.
std::string FormatCaseNumber(const CaseNumber& n);

// Parses a formatted case number. Returns INVALID_ARGUMENT if malformed.
absl::StatusOr<CaseNumber> ParseCaseNumber(absl::string_view s);

}  // namespace foi::casefile

#endif  // FOI_LIBS_CASEFILE_CASE_NUMBER_H_
