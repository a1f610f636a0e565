// Redaction for partial disclosure (OGI Regulations Art. 37: the disclosable
// part is released and the withheld part explained), done so that nothing of
// a withheld passage can leak: every code point of every span becomes ■
// (U+25A0), whatever it was, so neither the characters nor their byte lengths
// survive; only line breaks are kept, so that the layout of the page does.
//
// Thread safety: a pure function.
#ifndef FOI_LIBS_SCREENING_REDACTION_H_
#define FOI_LIBS_SCREENING_REDACTION_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/rules/exemption_grounds.h"
#include "libs/screening/category.h"

namespace foi::screening {

// A passage to withhold, usually from a Finding a reviewer upheld.
struct RedactionSpan {
  size_t byte_begin = 0;  // [byte_begin, byte_end) in the input
  size_t byte_end = 0;
  Category category = Category::kIdentityNumber;
  rules::ExemptionGround ground = rules::ExemptionGround::kUnspecified;
};

// One withheld region of the output, for the reply letter's statement of
// reasons.
struct RedactionLogEntry {
  // [char_begin, char_end) in code points; the same positions in input and
  // output, because each code point is replaced by exactly one.
  size_t char_begin = 0;
  size_t char_end = 0;
  // [byte_begin, byte_end) in the input.
  size_t byte_begin = 0;
  size_t byte_end = 0;
  Category category = Category::kIdentityNumber;
  rules::ExemptionGround ground = rules::ExemptionGround::kUnspecified;
};

struct RedactedText {
  std::string text;
  // One entry per withheld region, in text order.
  std::vector<RedactionLogEntry> log;
};

// The character that replaces each withheld code point.
inline constexpr absl::string_view kRedactionMark = "\u25A0";

// Returns `text` with every code point inside any span replaced by ■, except
// '\n', which is kept. Overlapping or adjacent spans merge into one region
// and one log entry, so the log does not reveal where one withheld item ends
// and the next begins; the region takes the most restrictive ground among
// its spans (lowest ExemptionGround number: Art. 14 before 15 before 16;
// kUnspecified last) and that span's category. The output has the same
// number of code points as the input. Spans may come in any order.
// Returns INVALID_ARGUMENT if `text` is not valid UTF-8, or a span is empty,
// reversed, past the end of `text`, or not on code-point boundaries (the
// message names the span's index).
absl::StatusOr<RedactedText> Redact(absl::string_view text,
                                    std::vector<RedactionSpan> spans);

}  // namespace foi::screening

#endif  // FOI_LIBS_SCREENING_REDACTION_H_
