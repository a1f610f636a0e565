#include "libs/casefile/case_record.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace foi::casefile {

const char* ExtensionStateName(ExtensionState s) {
  switch (s) {
    case ExtensionState::kNone:
      return "";
    case ExtensionState::kPending:
      return "PENDING";
    case ExtensionState::kApproved:
      return "APPROVED";
    case ExtensionState::kRejected:
      return "REJECTED";
  }
  return "";
}

std::optional<ExtensionState> ParseExtensionState(absl::string_view name) {
  for (ExtensionState s :
       {ExtensionState::kNone, ExtensionState::kPending,
        ExtensionState::kApproved, ExtensionState::kRejected}) {
    if (name == ExtensionStateName(s)) return s;
  }
  return std::nullopt;
}

std::string EtagForVersion(int64_t version) {
  return absl::StrCat("W/\"", version, "\"");
}

std::optional<int64_t> VersionFromEtag(const std::string& etag) {
  absl::string_view v = etag;
  if (!absl::ConsumePrefix(&v, "W/\"") || !absl::ConsumeSuffix(&v, "\"")) {
    return std::nullopt;
  }
  int64_t version;
  if (!absl::SimpleAtoi(v, &version) || version < 1) return std::nullopt;
  return version;
}

}  // namespace foi::casefile
