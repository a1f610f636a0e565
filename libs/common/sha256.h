// SHA-256 digests, as raw bytes or lowercase hex.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_COMMON_SHA256_H_
#define FOI_LIBS_COMMON_SHA256_H_

#include <string>

#include "absl/strings/string_view.h"

namespace foi {

// Returns the 32-byte SHA-256 digest of `data`.
std::string Sha256(absl::string_view data);

// Returns the SHA-256 digest of `data` as 64 lowercase hex characters.
std::string Sha256Hex(absl::string_view data);

}  // namespace foi

#endif  // FOI_LIBS_COMMON_SHA256_H_
