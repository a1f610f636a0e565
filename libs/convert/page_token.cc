#include "libs/convert/page_token.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "foi/internal/page_token.pb.h"
#include "libs/common/sha256.h"

namespace foi::convert {
namespace {

std::string QueryHash(absl::string_view query) {
  return Sha256Hex(query).substr(0, 16);
}

}  // namespace

std::string EncodePageToken(absl::string_view last_key,
                            absl::string_view query) {
  foi::internal::PageToken t;
  t.set_last_key(std::string(last_key));
  t.set_query_hash(QueryHash(query));
  return absl::WebSafeBase64Escape(t.SerializeAsString());
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            absl::string_view query) {
  if (token.empty()) return std::string();
  std::string bytes;
  foi::internal::PageToken t;
  if (token.size() > 1024 || !absl::WebSafeBase64Unescape(token, &bytes) ||
      !t.ParseFromString(bytes) || t.last_key().empty()) {
    return absl::InvalidArgumentError("page_token: not a token we issued");
  }
  if (t.query_hash() != QueryHash(query)) {
    return absl::InvalidArgumentError(
        "page_token: belongs to a different filter");
  }
  return t.last_key();
}

absl::StatusOr<int> ResolvePageSize(int requested, int default_size,
                                    int max_size) {
  if (requested < 0) {
    return absl::InvalidArgumentError("page_size: must not be negative");
  }
  if (requested == 0) return default_size;
  return requested > max_size ? max_size : requested;
}

}  // namespace foi::convert
