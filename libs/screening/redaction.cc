#include "libs/screening/redaction.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/common/text.h"

namespace foi::screening {
namespace {

bool OnBoundary(absl::string_view text, size_t pos) {
  return pos == text.size() ||
         (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// Lower is more restrictive; an unspecified ground restricts least.
int Restrictiveness(rules::ExemptionGround g) {
  return g == rules::ExemptionGround::kUnspecified
             ? std::numeric_limits<int>::max()
             : static_cast<int>(g);
}

size_t CountCodePoints(absl::string_view text, size_t from, size_t to) {
  size_t n = 0;
  for (size_t i = from; i < to; ++i) {
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return n;
}

}  // namespace

absl::StatusOr<RedactedText> Redact(absl::string_view text,
                                    std::vector<RedactionSpan> spans) {
  if (!IsValidUtf8(text)) {
    return absl::InvalidArgumentError("text: not valid UTF-8");
  }
  for (size_t i = 0; i < spans.size(); ++i) {
    const RedactionSpan& s = spans[i];
    if (s.byte_begin >= s.byte_end || s.byte_end > text.size()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "spans[", i, "]: [", s.byte_begin, ", ", s.byte_end,
          ") is empty or outside the text of ", text.size(), " bytes"));
    }
    if (!OnBoundary(text, s.byte_begin) || !OnBoundary(text, s.byte_end)) {
      return absl::InvalidArgumentError(
          absl::StrCat("spans[", i, "]: [", s.byte_begin, ", ", s.byte_end,
                       ") is not on code-point boundaries"));
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const RedactionSpan& a, const RedactionSpan& b) {
              return a.byte_begin < b.byte_begin;
            });

  // Merge overlapping and adjacent spans into regions.
  std::vector<RedactionLogEntry> regions;
  for (const RedactionSpan& s : spans) {
    if (!regions.empty() && s.byte_begin <= regions.back().byte_end) {
      RedactionLogEntry& r = regions.back();
      r.byte_end = std::max(r.byte_end, s.byte_end);
      if (Restrictiveness(s.ground) < Restrictiveness(r.ground)) {
        r.ground = s.ground;
        r.category = s.category;
      }
      continue;
    }
    RedactionLogEntry r;
    r.byte_begin = s.byte_begin;
    r.byte_end = s.byte_end;
    r.category = s.category;
    r.ground = s.ground;
    regions.push_back(r);
  }

  RedactedText out;
  out.text.reserve(text.size() + text.size() / 2);
  size_t pos = 0;
  size_t chars = 0;
  for (RedactionLogEntry& r : regions) {
    out.text.append(text.data() + pos, r.byte_begin - pos);
    chars += CountCodePoints(text, pos, r.byte_begin);
    r.char_begin = chars;
    for (size_t i = r.byte_begin; i < r.byte_end; ++i) {
      const char c = text[i];
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
      ++chars;
      if (c == '\n') {
        out.text.push_back('\n');
      } else {
        out.text.append(kRedactionMark.data(), kRedactionMark.size());
      }
    }
    r.char_end = chars;
    pos = r.byte_end;
  }
  out.text.append(text.data() + pos, text.size() - pos);
  out.log = std::move(regions);
  return out;
}

}  // namespace foi::screening
