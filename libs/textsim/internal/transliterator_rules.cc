#include "libs/textsim/internal/transliterator_rules.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "libs/textsim/internal/code_points.h"

namespace foi::textsim_internal {
namespace {

// Characters with a meaning in ICU rule syntax. A rule containing any of them
// (after unescaping) is not a plain literal rule.
constexpr absl::string_view kRuleSyntax = "{}[]$'\\|^@&=<>:;";

absl::StatusOr<std::u32string> ParseLiteral(absl::string_view side,
                                            absl::string_view rule) {
  std::string literal;
  for (char c : side) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) continue;
    if (kRuleSyntax.find(c) != absl::string_view::npos) {
      return absl::InternalError(
          absl::StrCat("transliterator rule is not a literal: ", rule));
    }
    literal.push_back(c);
  }
  return DecodeUtf8Lossy(literal);
}

}  // namespace

absl::StatusOr<std::vector<PhraseRewriter::Rule>> LoadTransliteratorRules(
    absl::string_view id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> transliterator(
      icu::Transliterator::createInstance(
          icu::UnicodeString::fromUTF8(
              icu::StringPiece(id.data(), static_cast<int32_t>(id.size()))),
          UTRANS_FORWARD, status));
  if (U_FAILURE(status) || transliterator == nullptr) {
    return absl::InternalError(
        absl::StrCat("ICU transliterator ", id, ": ", u_errorName(status)));
  }
  if (transliterator->countElements() != 0 ||
      transliterator->getFilter() != nullptr) {
    return absl::InternalError(absl::StrCat(
        "ICU transliterator ", id, " is compound or filtered: unsupported"));
  }
  icu::UnicodeString rules;
  transliterator->toRules(rules, /*escapeUnprintable=*/false);
  std::string text;
  rules.unescape().toUTF8String(text);

  std::vector<PhraseRewriter::Rule> out;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    if (!absl::ConsumeSuffix(&line, ";")) {
      return absl::InternalError(
          absl::StrCat("transliterator rule without ';': ", line));
    }
    const std::vector<absl::string_view> sides =
        absl::StrSplit(line, absl::MaxSplits(" > ", 1));
    if (sides.size() != 2) {
      return absl::InternalError(
          absl::StrCat("transliterator rule is not 'from > to': ", line));
    }
    auto from = ParseLiteral(sides[0], line);
    if (!from.ok()) return from.status();
    auto to = ParseLiteral(sides[1], line);
    if (!to.ok()) return to.status();
    if (from->empty()) {
      return absl::InternalError(
          absl::StrCat("transliterator rule matches nothing: ", line));
    }
    out.push_back({*std::move(from), *std::move(to)});
  }
  if (out.empty()) {
    return absl::InternalError(
        absl::StrCat("ICU transliterator ", id, " has no rules"));
  }
  return out;
}

}  // namespace foi::textsim_internal
