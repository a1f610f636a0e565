// UTF-8 <-> code point conversion for textsim, lenient on input: applicants'
// text arrives from web forms, OCR and e-mail, and one stray byte must not
// make a whole application unusable for duplicate detection.
//
// Thread safety: pure functions.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_CODE_POINTS_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_CODE_POINTS_H_

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace foi::textsim_internal {

// Returns the code points of `utf8`. Each maximal ill-formed subsequence
// (Unicode 15, section 3.9) is dropped, so the result is the text with its
// invalid bytes removed.
std::u32string DecodeUtf8Lossy(absl::string_view utf8);

// Returns `text` encoded as UTF-8. REQUIRES: every element is a Unicode
// scalar value (as DecodeUtf8Lossy returns).
std::string EncodeUtf8(std::u32string_view text);

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_CODE_POINTS_H_
