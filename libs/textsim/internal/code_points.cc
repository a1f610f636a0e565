#include "libs/textsim/internal/code_points.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace foi::textsim_internal {

std::u32string DecodeUtf8Lossy(absl::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  // ICU's macro takes an int32_t length; texts of 2 GiB or more are
  // decoded in slices, which only matters for a sequence split by a slice
  // boundary (it is then dropped as ill-formed).
  constexpr size_t kSlice = size_t{1} << 30;
  for (size_t base = 0; base < utf8.size(); base += kSlice) {
    const auto length =
        static_cast<int32_t>(std::min(kSlice, utf8.size() - base));
    const uint8_t* slice = s + base;
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(slice, i, length, c);  // c < 0: ill-formed, already skipped
      if (c >= 0) out.push_back(static_cast<char32_t>(c));
    }
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

}  // namespace foi::textsim_internal
