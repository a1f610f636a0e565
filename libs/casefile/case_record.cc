#include "libs/casefile/case_record.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace foi::casefile {

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
