#include "libs/screening/rule_set.h"

#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "libs/common/text.h"
#include "libs/screening/internal/pattern_database.h"

namespace foi::screening {
namespace {

using screening_internal::PatternDatabase;
using screening_internal::PatternSpec;

constexpr absl::string_view kIdeographicSpace = "\u3000";
constexpr absl::string_view kFullWidthColon = "\uff1a";

// Trims ASCII whitespace and ideographic spaces, which administrators type
// when editing in a Chinese input method.
absl::string_view Trim(absl::string_view s) {
  for (;;) {
    s = absl::StripAsciiWhitespace(s);
    if (absl::ConsumePrefix(&s, kIdeographicSpace) ||
        absl::ConsumeSuffix(&s, kIdeographicSpace)) {
      continue;
    }
    return s;
  }
}

bool IsRuleName(absl::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c)) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

// Splits a list value at ASCII and full-width commas and the enumeration
// comma 、, dropping empty items.
std::vector<std::string> SplitList(absl::string_view value) {
  std::string normalized(value);
  for (absl::string_view sep : {"\uff0c", "\u3001"}) {
    size_t pos;
    while ((pos = normalized.find(sep.data(), 0, sep.size())) !=
           std::string::npos) {
      normalized.replace(pos, sep.size(), ",");
    }
  }
  std::vector<std::string> items;
  for (absl::string_view item : absl::StrSplit(normalized, ',')) {
    item = Trim(item);
    if (!item.empty()) items.emplace_back(item);
  }
  return items;
}

// Parser state for one file.
class Parser {
 public:
  explicit Parser(absl::string_view file_name) {
    set_.file_name = std::string(file_name);
  }

  absl::StatusOr<RuleSet> Parse(absl::string_view contents) {
    // A byte-order mark is what Windows editors put first; it is not text.
    absl::ConsumePrefix(&contents, "\xEF\xBB\xBF");
    int number = 0;
    for (absl::string_view line : absl::StrSplit(contents, '\n')) {
      ++number;
      absl::ConsumeSuffix(&line, "\r");
      if (!IsValidUtf8(line)) return Error(number, "not valid UTF-8");
      absl::Status s = ParseLine(number, line);
      if (!s.ok()) return s;
    }
    last_line_ = number;
    return Finish();
  }

 private:
  absl::Status Error(int line, absl::string_view message) const {
    return absl::InvalidArgumentError(
        absl::StrCat(set_.file_name, ":", line, ": ", message));
  }

  absl::Status ParseLine(int line, absl::string_view raw) {
    const bool indented =
        !raw.empty() && (raw[0] == ' ' || raw[0] == '\t' ||
                         absl::StartsWith(raw, kIdeographicSpace));
    const absl::string_view text = Trim(raw);
    if (text.empty() || text[0] == '#') return absl::OkStatus();

    // "directive[ id]: value"; a full-width colon is accepted too, whichever
    // comes first.
    size_t colon = text.find(':');
    size_t colon_len = 1;
    const size_t wide = text.find(kFullWidthColon);
    if (wide != absl::string_view::npos &&
        (colon == absl::string_view::npos || wide < colon)) {
      colon = wide;
      colon_len = kFullWidthColon.size();
    }
    if (colon == absl::string_view::npos) {
      return Error(line, "expected 'directive: value'");
    }
    const absl::string_view head = Trim(text.substr(0, colon));
    const absl::string_view value = Trim(text.substr(colon + colon_len));
    std::vector<absl::string_view> words =
        absl::StrSplit(head, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (words.empty()) return Error(line, "missing directive before ':'");
    const absl::string_view directive = words[0];
    if (words.size() > 2 || (words.size() == 2 && directive != "regex")) {
      return Error(line,
                   absl::StrCat("unexpected words before ':' in '", head, "'"));
    }
    const absl::string_view id = words.size() == 2 ? words[1] : "";

    if (directive == "keyword" || directive == "regex") {
      if (indented) {
        return Error(line, "keyword and regex lines must not be indented");
      }
      return AddPattern(line, directive == "regex", id, value);
    }
    if (IsModifier(directive)) {
      if (indented) {
        if (set_.patterns.empty()) {
          return Error(line, absl::StrCat("indented '", directive,
                                          "' has no pattern above it"));
        }
        return ApplyModifier(line, directive, value,
                             set_.patterns.back().context, pattern_window_set_,
                             pattern_position_set_);
      }
      if (!set_.patterns.empty()) {
        return Error(line,
                     absl::StrCat("file-wide '", directive,
                                  "' must come before the first pattern "
                                  "(indent it to attach it to the pattern "
                                  "above)"));
      }
      return ApplyModifier(line, directive, value, file_context_,
                           file_window_set_, file_position_set_);
    }
    if (indented) {
      return Error(line, absl::StrCat("'", directive,
                                      "' is not a modifier and must not be "
                                      "indented"));
    }
    return ApplyHeader(line, directive, value);
  }

  static bool IsModifier(absl::string_view d) {
    return d == "near" || d == "not-near" || d == "not-in" ||
           d == "not-inside" || d == "position" || d == "window";
  }

  absl::Status ApplyHeader(int line, absl::string_view directive,
                           absl::string_view value) {
    if (directive != "name" && directive != "category" &&
        directive != "ground" && directive != "description") {
      return Error(line, absl::StrCat("unknown directive '", directive, "'"));
    }
    if (!set_.patterns.empty()) {
      return Error(line, absl::StrCat("header '", directive,
                                      "' must come before the first pattern"));
    }
    auto [it, inserted] = headers_.emplace(std::string(directive), line);
    if (!inserted) {
      return Error(line, absl::StrCat("repeated header '", directive,
                                      "' (first at line ", it->second, ")"));
    }
    if (value.empty()) {
      return Error(line,
                   absl::StrCat("header '", directive, "' needs a value"));
    }
    if (directive == "name") {
      if (!IsRuleName(value)) {
        return Error(line, absl::StrCat("name '", value,
                                        "' must be lowercase letters, digits "
                                        "and '_'"));
      }
      set_.name = std::string(value);
    } else if (directive == "category") {
      std::optional<Category> c = ParseCategory(value);
      if (!c)
        return Error(line, absl::StrCat("unknown category '", value, "'"));
      set_.category = *c;
    } else if (directive == "ground") {
      std::optional<rules::ExemptionGround> g = rules::ParseGround(value);
      if (!g) return Error(line, absl::StrCat("unknown ground '", value, "'"));
      set_.ground = *g;
    } else {
      set_.description = std::string(value);
    }
    return absl::OkStatus();
  }

  absl::Status ApplyModifier(int line, absl::string_view directive,
                             absl::string_view value, ContextRules& context,
                             bool& window_set, bool& position_set) {
    if (directive == "window") {
      int window = 0;
      if (!absl::SimpleAtoi(value, &window) || window < 1 ||
          window > kMaxContextWindow) {
        return Error(line, absl::StrCat("window '", value, "' must be 1-",
                                        kMaxContextWindow));
      }
      if (window_set) return Error(line, "repeated 'window'");
      window_set = true;
      context.window = window;
      return absl::OkStatus();
    }
    if (directive == "position") {
      if (position_set) return Error(line, "repeated 'position'");
      position_set = true;
      if (value == "marking") {
        context.position = Position::kMarking;
      } else if (value == "clause") {
        context.position = Position::kClause;
      } else if (value == "anywhere") {
        context.position = Position::kAnywhere;
      } else {
        return Error(line, absl::StrCat("position '", value,
                                        "' must be marking, clause or "
                                        "anywhere"));
      }
      return absl::OkStatus();
    }
    if (directive == "not-inside") {
      std::vector<absl::string_view> pair =
          absl::StrSplit(value, absl::ByAnyChar(" \t"), absl::SkipEmpty());
      if (pair.size() != 2) {
        return Error(line,
                     "not-inside needs an opening and a closing delimiter "
                     "separated by a space, e.g. '《 》'");
      }
      context.not_inside.emplace_back(std::string(pair[0]),
                                      std::string(pair[1]));
      return absl::OkStatus();
    }
    std::vector<std::string> items = SplitList(value);
    if (items.empty()) {
      return Error(line,
                   absl::StrCat("'", directive, "' needs a list of words"));
    }
    std::vector<std::string>& target = directive == "near" ? context.near
                                       : directive == "not-near"
                                           ? context.not_near
                                           : context.not_in;
    for (std::string& item : items) target.push_back(std::move(item));
    return absl::OkStatus();
  }

  absl::Status AddPattern(int line, bool is_regex, absl::string_view id,
                          absl::string_view value) {
    if (value.empty()) {
      return Error(line, is_regex ? "empty regex" : "empty keyword");
    }
    RulePattern p;
    p.line = line;
    p.expression = std::string(value);
    if (is_regex) {
      p.kind = RulePattern::Kind::kRegex;
      if (!id.empty() && !IsRuleName(id)) {
        return Error(line, absl::StrCat("regex id '", id,
                                        "' must be lowercase letters, digits "
                                        "and '_'"));
      }
      p.id = id.empty() ? absl::StrCat("line", line) : std::string(id);
      PatternSpec spec{p.expression, screening_internal::kRuleRegexFlags,
                       absl::StrCat(set_.file_name, ":", line)};
      absl::Status s = PatternDatabase::Check(spec);
      if (!s.ok()) return s;  // already "<file>:<line>: ..."
    } else {
      p.kind = RulePattern::Kind::kKeyword;
      p.id = p.expression;
    }
    const std::string key = absl::StrCat(is_regex ? "r:" : "k:", p.id);
    auto [it, inserted] = ids_.emplace(key, line);
    if (!inserted) {
      return Error(
          line,
          absl::StrCat("duplicate ", is_regex ? "regex id '" : "keyword '",
                       p.id, "' (first at line ", it->second, ")"));
    }
    p.context = file_context_;
    pattern_window_set_ = false;
    pattern_position_set_ = false;
    set_.patterns.push_back(std::move(p));
    return absl::OkStatus();
  }

  absl::StatusOr<RuleSet> Finish() {
    for (absl::string_view header : {"name", "category", "ground"}) {
      if (!headers_.contains(header)) {
        return Error(1, absl::StrCat("missing header '", header, "'"));
      }
    }
    if (set_.patterns.empty()) {
      return Error(last_line_, "no keyword or regex lines");
    }
    const int file_window =
        file_context_.window > 0 ? file_context_.window : kDefaultContextWindow;
    for (RulePattern& p : set_.patterns) {
      if (p.context.window == 0) p.context.window = file_window;
    }
    return std::move(set_);
  }

  RuleSet set_;
  ContextRules file_context_;
  bool file_window_set_ = false;
  bool file_position_set_ = false;
  bool pattern_window_set_ = false;
  bool pattern_position_set_ = false;
  absl::flat_hash_map<std::string, int> headers_;
  absl::flat_hash_map<std::string, int> ids_;
  int last_line_ = 0;
};

}  // namespace

absl::StatusOr<RuleSet> ParseRuleSet(absl::string_view file_name,
                                     absl::string_view contents) {
  return Parser(file_name).Parse(contents);
}

}  // namespace foi::screening
