#include "libs/screening/internal/context_rules.h"

#include <algorithm>
#include <string>

#include "absl/strings/match.h"
#include "libs/screening/internal/utf8_cursor.h"

namespace foi::screening_internal {
namespace {

using screening::Position;

// Lines after the first few are body text, where a lone token between spaces
// is a table cell rather than a header marking.
constexpr int kHeaderLines = 5;
// How far back to look for the start of the document when deciding whether a
// line is a header line; a match further in is in the body.
constexpr size_t kHeaderBytes = 2048;

bool IsOpenBracket(uint32_t c) {
  switch (c) {
    case '(':
    case '[':
    case '{':
    case 0x3010:  // 【
    case 0x3014:  // 〔
    case 0xFF3B:  // ［
    case 0xFF08:  // （
    case 0x3008:  // 〈
    case 0x300A:  // 《
    case 0x300C:  // 「
    case 0x300E:  // 『
    case 0xFF5B:  // ｛
      return true;
    default:
      return false;
  }
}

bool IsCloseBracket(uint32_t c) {
  switch (c) {
    case ')':
    case ']':
    case '}':
    case 0x3011:  // 】
    case 0x3015:  // 〕
    case 0xFF3D:  // ］
    case 0xFF09:  // ）
    case 0x3009:  // 〉
    case 0x300B:  // 》
    case 0x300D:  // 」
    case 0x300F:  // 』
    case 0xFF5D:  // ｝
      return true;
    default:
      return false;
  }
}

// Punctuation that ends or separates clauses, full-width and ASCII.
bool IsClausePunct(uint32_t c) {
  switch (c) {
    case ',':
    case '.':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0xFF0C:  // ，
    case 0x3002:  // 。
    case 0xFF1B:  // ；
    case 0xFF1A:  // ：
    case 0xFF01:  // ！
    case 0xFF1F:  // ？
    case 0x3001:  // 、
    case 0xFF0E:  // ．, after enumeration numbers
      return true;
    default:
      return false;
  }
}

bool IsLineBreakOrEdge(uint32_t c) { return c == 0 || c == '\n'; }

// True if every code point of `s` satisfies `pred`.
template <typename Pred>
bool All(absl::string_view s, Pred pred) {
  for (size_t i = 0; i < s.size();) {
    if (!pred(CodePointAt(s, i))) return false;
    i += SequenceLength(static_cast<unsigned char>(s[i]));
  }
  return true;
}

bool IsHeaderLine(absl::string_view text, size_t line_begin) {
  if (line_begin > kHeaderBytes) return false;
  int lines_before = 0;
  for (size_t i = 0; i < line_begin; ++i) lines_before += text[i] == '\n';
  return lines_before < kHeaderLines;
}

// Skips line spaces forward from `pos`.
size_t SkipSpacesForward(absl::string_view text, size_t pos) {
  while (pos < text.size() && IsLineSpace(CodePointAt(text, pos))) {
    pos += SequenceLength(static_cast<unsigned char>(text[pos]));
  }
  return pos;
}

// Skips line spaces backward from `pos`.
size_t SkipSpacesBackward(absl::string_view text, size_t pos) {
  while (pos > 0 && IsLineSpace(CodePointBefore(text, pos))) {
    pos = BackCodePoints(text, pos, 1);
  }
  return pos;
}

// A clause may open with a short subject before the marking: 本登记簿内部使用,
// 此件不得外传. Longer prefixes are prose (加强内部使用管理).
constexpr size_t kMaxSubjectChars = 6;

bool IsSubjectStart(uint32_t c) {
  return c == 0x672C || c == 0x6B64 || c == 0x8BE5;  // 本 此 该
}

// Returns true if one of the few code points before `begin` is 本, 此 or 该
// opening a clause, with nothing but the subject in between.
bool OpensWithSubject(absl::string_view text, size_t begin) {
  size_t pos = begin;
  for (size_t n = 0; n < kMaxSubjectChars && pos > 0; ++n) {
    pos = BackCodePoints(text, pos, 1);
    const uint32_t c = CodePointAt(text, pos);
    if (c == '\n' || IsLineSpace(c) || IsClausePunct(c) || IsOpenBracket(c)) {
      return false;
    }
    if (IsSubjectStart(c)) {
      const uint32_t before = CodePointBefore(text, pos);
      if (IsLineBreakOrEdge(before) || IsLineSpace(before) ||
          IsClausePunct(before) || IsOpenBracket(before)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

absl::string_view MarkingPosition(absl::string_view text, size_t begin,
                                  size_t end, Position mode,
                                  const LabelIndex& labels) {
  if (mode == Position::kAnywhere) return "anywhere";
  const uint32_t prev = CodePointBefore(text, begin);
  const uint32_t next = CodePointAt(text, end);
  if (IsOpenBracket(prev) && IsCloseBracket(next)) return "in brackets";

  const size_t after = SkipSpacesForward(text, end);
  if (absl::StartsWith(text.substr(after), "\u2605")) return "before ★";

  size_t before = SkipSpacesBackward(text, begin);
  const absl::string_view head = text.substr(0, before);
  if (absl::EndsWith(head, ":") || absl::EndsWith(head, "\uff1a")) {
    before = SkipSpacesBackward(text, BackCodePoints(text, before, 1));
  }
  if (absl::EndsWith(text.substr(0, before), "密级")) return "after 密级";

  const size_t line_begin = LineBegin(text, begin);
  const size_t line_end = LineEnd(text, end);
  const bool prev_edge =
      IsLineBreakOrEdge(prev) || IsLineSpace(prev) || IsOpenBracket(prev);
  const bool next_edge =
      IsLineBreakOrEdge(next) || IsLineSpace(next) || IsCloseBracket(next);
  const bool nothing_before =
      All(text.substr(line_begin, begin - line_begin),
          [](uint32_t c) { return IsLineSpace(c) || IsOpenBracket(c); });
  if (nothing_before && next_edge) return "at line start";
  const bool nothing_after =
      All(text.substr(end, line_end - end), [](uint32_t c) {
        return IsLineSpace(c) || IsCloseBracket(c) || c == 0x3002;
      });
  if (nothing_after && prev_edge) return "at line end";
  if (IsLineSpace(prev) && (IsLineSpace(next) || IsLineBreakOrEdge(next))) {
    if (IsHeaderLine(text, line_begin)) return "in header line";
    // A cell of a register's 密级 column (收文登记簿).
    if (labels.Header(text, begin, kLevelHeaderLabel, 0) ==
        LabelVerdict::kPositive) {
      return "in 密级 column";
    }
  }
  if (mode == Position::kClause) {
    const bool opens = IsLineBreakOrEdge(prev) || IsLineSpace(prev) ||
                       IsClausePunct(prev) || IsOpenBracket(prev) ||
                       OpensWithSubject(text, begin);
    const bool closes = IsLineBreakOrEdge(next) || IsLineSpace(next) ||
                        IsClausePunct(next) || IsCloseBracket(next);
    if (opens && closes) return "own clause";
  }
  return "";
}

bool ContextAllows(const screening::ContextRules& rules, absl::string_view text,
                   size_t begin, size_t end, const LabelIndex& labels) {
  const size_t window = static_cast<size_t>(std::max(rules.window, 0));
  const size_t wb = BackCodePoints(text, begin, window);
  const size_t we = ForwardCodePoints(text, end, window);
  const absl::string_view region = text.substr(wb, we - wb);
  if (!rules.near.empty()) {
    bool found = false;
    for (const std::string& w : rules.near) {
      if (absl::StrContains(region, w)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  for (const std::string& w : rules.not_near) {
    if (absl::StrContains(region, w)) return false;
  }
  for (const std::string& phrase : rules.not_in) {
    // An occurrence covering [begin, end) starts in [end - |phrase|, begin]
    // and so lies inside [end - |phrase|, begin + |phrase|).
    const size_t lo = end >= phrase.size() ? end - phrase.size() : 0;
    const size_t hi = std::min(text.size(), begin + phrase.size());
    const absl::string_view around = text.substr(lo, hi - lo);
    for (size_t p = around.find(phrase); p != absl::string_view::npos;
         p = around.find(phrase, p + 1)) {
      if (lo + p <= begin && lo + p + phrase.size() >= end) return false;
    }
  }
  if (!rules.not_inside.empty()) {
    const size_t line_begin = LineBegin(text, begin);
    const size_t line_end = LineEnd(text, end);
    const absl::string_view left = text.substr(line_begin, begin - line_begin);
    const absl::string_view right = text.substr(end, line_end - end);
    for (const auto& [open, close] : rules.not_inside) {
      const size_t lo = left.rfind(open);
      const size_t lc = left.rfind(close);
      const bool opened = lo != absl::string_view::npos &&
                          (lc == absl::string_view::npos || lc < lo);
      if (!opened) continue;
      const size_t rc = right.find(close);
      const size_t ro = right.find(open);
      if (rc != absl::string_view::npos &&
          (ro == absl::string_view::npos || rc < ro)) {
        return false;
      }
    }
  }
  return rules.position == Position::kAnywhere ||
         !MarkingPosition(text, begin, end, rules.position, labels).empty();
}

}  // namespace foi::screening_internal
