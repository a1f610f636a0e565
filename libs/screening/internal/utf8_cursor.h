// Code-point stepping over text already known to be valid UTF-8, for the
// detectors that look at the characters around a match.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_SCREENING_INTERNAL_UTF8_CURSOR_H_
#define FOI_LIBS_SCREENING_INTERNAL_UTF8_CURSOR_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"

namespace foi::screening_internal {

// Returns true if `pos` is the start of a code point or the end of `text`.
inline bool IsCodePointBoundary(absl::string_view text, size_t pos) {
  return pos == text.size() ||
         (pos < text.size() &&
          (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

// Returns the code point starting at `pos`, or 0 at the end of `text`.
// REQUIRES: text is valid UTF-8 and IsCodePointBoundary(text, pos).
uint32_t CodePointAt(absl::string_view text, size_t pos);

// Returns the code point ending at `pos`, or 0 at the start of `text`.
// REQUIRES: text is valid UTF-8 and IsCodePointBoundary(text, pos).
uint32_t CodePointBefore(absl::string_view text, size_t pos);

// Returns the byte position `n` code points before `pos`, stopping at 0.
size_t BackCodePoints(absl::string_view text, size_t pos, size_t n);

// Returns the byte position `n` code points after `pos`, stopping at the end.
size_t ForwardCodePoints(absl::string_view text, size_t pos, size_t n);

// Returns the length in bytes of the code point that starts with `lead`.
inline size_t SequenceLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

inline bool IsAsciiDigit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(uint32_t c) {
  return IsAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
// Full-width digits ０-９ (U+FF10-U+FF19), used in some typeset documents.
inline bool IsFullWidthDigit(uint32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
inline bool IsAnyDigit(uint32_t c) {
  return IsAsciiDigit(c) || IsFullWidthDigit(c);
}

// Spaces that separate tokens on a line: ASCII space and tab, CR, NBSP and
// the ideographic space U+3000 that Chinese layouts use for indentation.
bool IsLineSpace(uint32_t c);

// Returns the start of the line holding `pos`: just after the previous '\n',
// or 0. Looks back at most 4 KiB, so that text with few line breaks costs no
// more per call than text with many; further back it returns a position
// inside the line, which is never a line start.
size_t LineBegin(absl::string_view text, size_t pos);

// Returns the position of the '\n' ending the line holding `pos`, or the
// end of `text`; looks ahead at most 4 KiB, like LineBegin.
size_t LineEnd(absl::string_view text, size_t pos);

// Returns the columns a monospaced table layout gives `s`: CJK and
// full-width characters take two, tabs advance to the next multiple of 8,
// everything else one.
int DisplayWidth(absl::string_view s);

// Returns a copy of `s` with full-width digits and letters (U+FF10-FF19,
// U+FF21-FF3A, U+FF41-FF5A) folded to ASCII; everything else unchanged.
std::string FoldFullWidth(absl::string_view s);

}  // namespace foi::screening_internal

#endif  // FOI_LIBS_SCREENING_INTERNAL_UTF8_CURSOR_H_
