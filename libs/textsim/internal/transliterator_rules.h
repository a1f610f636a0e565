// Loads the rules of an ICU transliterator as PhraseRewriter rules.
//
// Why not call icu::Transliterator per text: it is not thread-safe (each
// thread needs its own clone) and it costs about 15 us on a 30-character
// request, which alone would spend half of the one-minute budget for
// clustering 1,000,000 applications. Traditional-Simplified is a single
// rule-based transliterator made only of literal `from > to;` rules
// (3,952 in ICU 72, 976 of them phrases such as 計畫 > 计划), so its rules
// compiled into a PhraseRewriter give the same output; textsim_test checks
// that against ICU itself.
//
// Thread safety: pure function (ICU's registry is thread-safe).
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_TRANSLITERATOR_RULES_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_TRANSLITERATOR_RULES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/textsim/internal/phrase_rewriter.h"

namespace foi::textsim_internal {

// Returns the rules of ICU transliterator `id` ("Traditional-Simplified") in
// ICU's order. Returns INTERNAL if ICU cannot create it (ICU data missing),
// if it is compound or filtered, or if any rule is more than a literal
// `from > to;` - PhraseRewriter could not reproduce it.
absl::StatusOr<std::vector<PhraseRewriter::Rule>> LoadTransliteratorRules(
    absl::string_view id);

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_TRANSLITERATOR_RULES_H_
