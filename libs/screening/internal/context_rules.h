// Checks on the text around a candidate match: marking positions and the
// context conditions of rule files.
//
// Every function takes `text` that is valid UTF-8 and a span [begin, end) on
// code-point boundaries.
//
// Thread safety: free functions, safe to call concurrently.
#ifndef FOI_LIBS_SCREENING_INTERNAL_CONTEXT_RULES_H_
#define FOI_LIBS_SCREENING_INTERNAL_CONTEXT_RULES_H_

#include <cstddef>

#include "absl/strings/string_view.h"
#include "libs/screening/internal/label_index.h"
#include "libs/screening/rule_set.h"

namespace foi::screening_internal {

// Returns why [begin, end) is in a position of kind `mode` ("in brackets",
// "before ★", "after 密级", "at line start", "at line end", "in header line",
// "in 密级 column", "own clause"), or "" if it is not. kAnywhere always
// returns "anywhere". `labels` locates the 密级 column headers.
absl::string_view MarkingPosition(absl::string_view text, size_t begin,
                                  size_t end, screening::Position mode,
                                  const LabelIndex& labels);

// Returns true if the match [begin, end) satisfies every condition of
// `rules` (near, not-near, not-in, not-inside, position).
bool ContextAllows(const screening::ContextRules& rules, absl::string_view text,
                   size_t begin, size_t end, const LabelIndex& labels);

}  // namespace foi::screening_internal

#endif  // FOI_LIBS_SCREENING_INTERNAL_CONTEXT_RULES_H_
