#include "libs/casefile/case_number.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace foi::casefile {

absl::Status ValidateAgencyPrefix(absl::string_view prefix) {
  if (prefix.empty() || prefix.size() > 16) {
    return absl::InvalidArgumentError(
        "agency prefix: must be 1 to 16 characters");
  }
  for (char c : prefix) {
    if (!absl::ascii_isupper(c) && !absl::ascii_isdigit(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "agency prefix: '", prefix, "' may hold only A-Z and 0-9"));
    }
  }
  return absl::OkStatus();
}

std::string FormatCaseNumber(const CaseNumber& n) {
  return absl::StrFormat("%s-%04d-%06d", n.prefix, n.year, n.sequence);
}

absl::StatusOr<CaseNumber> ParseCaseNumber(absl::string_view s) {
  std::vector<absl::string_view> parts = absl::StrSplit(s, '-');
  CaseNumber n;
  if (parts.size() != 3 || !ValidateAgencyPrefix(parts[0]).ok() ||
      parts[1].size() != 4 || parts[2].size() < 6 ||
      !absl::SimpleAtoi(parts[1], &n.year) ||
      !absl::SimpleAtoi(parts[2], &n.sequence) || n.year < 1 ||
      n.sequence < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("case number: '", s, "' is not PREFIX-YYYY-NNNNNN"));
  }
  n.prefix = std::string(parts[0]);
  return n;
}

}  // namespace foi::casefile
