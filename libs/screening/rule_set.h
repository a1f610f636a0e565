// An agency-editable rule set: the keywords and patterns of one exemption
// category, parsed from one `*.rules` file under deploy/screening. The file
// format is documented for administrators in deploy/screening/README.md; in
// short, one `directive: value` per line (a full-width colon works too):
//
//   # comment                        whole lines only
//   name: commercial_secret          header: [a-z0-9_]+, unique per screener
//   category: COMMERCIAL_SECRET      header: a CategoryName()
//   ground: THIRD_PARTY_RIGHTS       header: a rules::GroundInfo code
//   description: 商业秘密 (Art. 15)   header: optional free text
//   window: 30                       not indented, before the first pattern:
//   not-near: 第十五条               file-wide modifiers, for every pattern
//   keyword: 投标报价                 pattern: literal text (ASCII caseless)
//   regex reserve_price: 底价\s*[0-9]+万元
//                                    pattern: Vectorscan (PCRE) syntax,
//                                    UTF-8 code points, ^ $ at line breaks
//     near: 招标, 投标               indented: modifiers of the pattern
//     not-near: 反不正当竞争法         just above
//     not-in: 侵犯商业秘密罪
//     not-inside: 《 》
//     position: marking | clause | anywhere
//     window: 40
//
// Thread safety: ParseRuleSet is a pure function; RuleSet is a plain value.
#ifndef FOI_LIBS_SCREENING_RULE_SET_H_
#define FOI_LIBS_SCREENING_RULE_SET_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/rules/exemption_grounds.h"
#include "libs/screening/category.h"

namespace foi::screening {

// Where a match must sit for it to count.
enum class Position {
  kAnywhere,
  // In a marking position: alone or first/last on its line between spaces,
  // inside brackets (【内部】), before ★, after 密级：, or a space-separated
  // token on one of the first lines of the document or in a table column
  // headed 密级.
  kMarking,
  // A marking position, or a clause of its own: punctuation, a line break or
  // a space on both sides (，不得外传。).
  kClause,
};

// Conditions on the text around a match. A match counts only if all hold.
struct ContextRules {
  // At least one of these must occur within `window` code points before or
  // after the match (or overlap it). Empty: no such requirement.
  std::vector<std::string> near;
  // None of these may occur within `window` code points of the match.
  std::vector<std::string> not_near;
  // The match must not lie inside an occurrence of one of these phrases:
  // "秘密" in "商业秘密", "请示" in "请示报告制度".
  std::vector<std::string> not_in;
  // The match must not lie between an opening and a closing delimiter on the
  // same line: {"《", "》"} skips names of laws and documents.
  std::vector<std::pair<std::string, std::string>> not_inside;
  Position position = Position::kAnywhere;
  // Context window in code points, always set (1-200) after parsing.
  int window = 0;
};

// One keyword or regular expression of a rule set.
struct RulePattern {
  enum class Kind { kKeyword, kRegex };
  Kind kind = Kind::kKeyword;
  // The keyword itself, or the regex's id ("reserve_price"; "line12" when
  // the file gives none). Findings name it: "rule:commercial_secret:投标报价".
  std::string id;
  // The keyword, or the regex source.
  std::string expression;
  // 1-based line of the pattern in its file, for error messages.
  int line = 0;
  // The pattern's own modifiers merged with the file-wide ones (lists are
  // concatenated; its own window and position override the file's).
  ContextRules context;
};

// The parsed contents of one rule file.
struct RuleSet {
  std::string file_name;  // as passed to ParseRuleSet, for messages
  std::string name;       // header `name`, [a-z0-9_]+
  std::string description;
  Category category = Category::kStateSecret;
  rules::ExemptionGround ground = rules::ExemptionGround::kUnspecified;
  std::vector<RulePattern> patterns;
};

// Default context window, in code points, when a file sets none.
inline constexpr int kDefaultContextWindow = 20;
// Largest context window a file may set.
inline constexpr int kMaxContextWindow = 200;

// Parses the text of one rule file. `file_name` is used only in messages.
// Regexes are checked with Vectorscan at parse time, so a RuleSet that parses
// also compiles. Returns INVALID_ARGUMENT whose message starts
// "<file_name>:<line>: " for: contents that are not UTF-8, an unknown
// directive, a missing or repeated header, a header after the first pattern,
// an unknown category or ground, a bad name or window, an empty or duplicate
// keyword, a regex Vectorscan rejects or one that can match the empty
// string, an indented modifier with no pattern above it, a non-indented
// modifier after the first pattern, a malformed modifier value, and a file
// with no patterns.
absl::StatusOr<RuleSet> ParseRuleSet(absl::string_view file_name,
                                     absl::string_view contents);

}  // namespace foi::screening

#endif  // FOI_LIBS_SCREENING_RULE_SET_H_
