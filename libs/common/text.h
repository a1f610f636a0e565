// Validation of text fields that arrive from clients: well-formed UTF-8,
// length limits counted in characters, no control characters.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_COMMON_TEXT_H_
#define FOI_LIBS_COMMON_TEXT_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace foi {

// Returns true if `s` is well-formed UTF-8 (no overlongs, no surrogates, no
// code points above U+10FFFF).
bool IsValidUtf8(absl::string_view s);

// Returns the number of code points in `s`. REQUIRES: IsValidUtf8(s).
size_t Utf8Length(absl::string_view s);

struct TextRule {
  // Most characters (code points) allowed.
  size_t max_chars;
  // Whether an empty (or all-blank) value is an error.
  bool required = false;
  // Whether line breaks and tabs are allowed; other control characters
  // never are.
  bool multiline = false;
};

// Checks one text field. Returns OK, or INVALID_ARGUMENT whose message starts
// with `field` ("case.applicant.name: required").
absl::Status ValidateText(absl::string_view field, absl::string_view value,
                          const TextRule& rule);

}  // namespace foi

#endif  // FOI_LIBS_COMMON_TEXT_H_
