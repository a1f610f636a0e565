#include "libs/screening/internal/utf8_cursor.h"

namespace foi::screening_internal {

uint32_t CodePointAt(absl::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  const auto lead = static_cast<unsigned char>(text[pos]);
  const size_t len = SequenceLength(lead);
  if (len == 1) return lead;
  uint32_t cp = lead & (0xFF >> (len + 1));
  for (size_t k = 1; k < len && pos + k < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
  }
  return cp;
}

uint32_t CodePointBefore(absl::string_view text, size_t pos) {
  if (pos == 0) return 0;
  size_t start = pos - 1;
  while (start > 0 && !IsCodePointBoundary(text, start)) --start;
  return CodePointAt(text, start);
}

size_t BackCodePoints(absl::string_view text, size_t pos, size_t n) {
  const char* data = text.data();
  while (n > 0 && pos > 0) {
    --pos;
    // Every byte but a continuation byte (10xxxxxx) starts a code point.
    n -= (static_cast<unsigned char>(data[pos]) & 0xC0) != 0x80;
  }
  return pos;
}

size_t ForwardCodePoints(absl::string_view text, size_t pos, size_t n) {
  const char* data = text.data();
  const size_t size = text.size();
  while (n > 0 && pos < size) {
    pos += SequenceLength(static_cast<unsigned char>(data[pos]));
    --n;
  }
  return pos < size ? pos : size;
}

bool IsLineSpace(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x3000;
}

namespace {

constexpr size_t kMaxLineReach = 4096;

}  // namespace

size_t LineBegin(absl::string_view text, size_t pos) {
  const size_t floor = pos > kMaxLineReach ? pos - kMaxLineReach : 0;
  const absl::string_view before = text.substr(floor, pos - floor);
  const size_t nl = before.rfind('\n');
  if (nl != absl::string_view::npos) return floor + nl + 1;
  if (floor == 0) return 0;
  size_t b = floor;
  while (!IsCodePointBoundary(text, b)) ++b;
  return b;
}

size_t LineEnd(absl::string_view text, size_t pos) {
  const absl::string_view after = text.substr(pos, kMaxLineReach);
  const size_t nl = after.find('\n');
  if (nl != absl::string_view::npos) return pos + nl;
  if (pos + after.size() == text.size()) return text.size();
  size_t e = pos + after.size();
  while (!IsCodePointBoundary(text, e)) --e;
  return e;
}

int DisplayWidth(absl::string_view s) {
  int width = 0;
  for (size_t i = 0; i < s.size();) {
    const uint32_t c = CodePointAt(s, i);
    i += SequenceLength(static_cast<unsigned char>(s[i]));
    if (c == '\t') {
      width = (width / 8 + 1) * 8;
    } else if (c >= 0x2E80 && !(c >= 0xFF61 && c <= 0xFFDC)) {
      width += 2;
    } else {
      width += 1;
    }
  }
  return width;
}

std::string FoldFullWidth(absl::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const uint32_t c = CodePointAt(s, i);
    const size_t len = SequenceLength(static_cast<unsigned char>(s[i]));
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A)) {
      out.push_back(static_cast<char>(c - 0xFEE0));
    } else {
      out.append(s.data() + i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace foi::screening_internal
