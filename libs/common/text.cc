#include "libs/common/text.h"

#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace foi {
namespace {

// Decodes one code point at s[i]; returns its length in bytes, or 0 if the
// sequence there is malformed (RFC 3629).
size_t DecodeOne(absl::string_view s, size_t i, uint32_t* cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  size_t len;
  uint32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, *cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, *cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, *cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (b & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

}  // namespace

bool IsValidUtf8(absl::string_view s) {
  uint32_t cp;
  for (size_t i = 0; i < s.size();) {
    const size_t n = DecodeOne(s, i, &cp);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

size_t Utf8Length(absl::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

absl::Status ValidateText(absl::string_view field, absl::string_view value,
                          const TextRule& rule) {
  // Cheap byte bound first: a code point is at most 4 bytes.
  if (value.size() > 4 * rule.max_chars) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": longer than ", rule.max_chars, " characters"));
  }
  uint32_t cp;
  size_t chars = 0;
  for (size_t i = 0; i < value.size(); ++chars) {
    const size_t n = DecodeOne(value, i, &cp);
    if (n == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": not valid UTF-8 at byte ", i));
    }
    const bool allowed_break =
        rule.multiline && (cp == '\n' || cp == '\r' || cp == '\t');
    if ((cp < 0x20 || cp == 0x7F) && !allowed_break) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, ": control character at byte ", i));
    }
    i += n;
  }
  if (chars > rule.max_chars) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": longer than ", rule.max_chars, " characters"));
  }
  if (rule.required && absl::StripAsciiWhitespace(value).empty()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": required"));
  }
  return absl::OkStatus();
}

}  // namespace foi
