// Opaque page tokens for List methods (AIP-158): a serialized
// foi.internal.PageToken, web-safe base64, bound to the query it came from.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_CONVERT_PAGE_TOKEN_H_
#define FOI_LIBS_CONVERT_PAGE_TOKEN_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace foi::convert {

// Makes the token for the page after `last_key` of the query `query`.
std::string EncodePageToken(absl::string_view last_key,
                            absl::string_view query);

// Returns the last key of a token made for `query`; "" for an empty token.
// INVALID_ARGUMENT ("page_token: ...") if the token is malformed or belongs
// to another query.
absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            absl::string_view query);

// Resolves a requested page size: 0 means `default_size`, above `max_size`
// is lowered to it, negative is INVALID_ARGUMENT ("page_size: ...").
absl::StatusOr<int> ResolvePageSize(int requested, int default_size,
                                    int max_size);

}  // namespace foi::convert

#endif  // FOI_LIBS_CONVERT_PAGE_TOKEN_H_
