// The built-in detectors: personal identifiers and document markings, each a
// Vectorscan pattern that finds candidates plus a confirmation step (checksum,
// digit boundaries, labels, marking position) that turns a candidate into a
// finding or drops it.
//
// Thread safety: constant data and pure functions.
#ifndef FOI_LIBS_SCREENING_INTERNAL_BUILTIN_DETECTORS_H_
#define FOI_LIBS_SCREENING_INTERNAL_BUILTIN_DETECTORS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "libs/screening/category.h"
#include "libs/screening/internal/label_index.h"

namespace foi::screening_internal {

// A confirmed candidate: its final span, which may be wider than the raw
// match (a +86 prefix, a ★ period), and a one-line reason.
struct Candidate {
  screening::Category category;
  absl::string_view detector;  // static storage: "resident_id_18"
  size_t begin = 0;
  size_t end = 0;
  std::string explanation;
};

// Appends to `out` the findings that the raw match [begin, end) of one
// pattern confirms: none, one, or two (an 18-digit run read both as a
// resident ID and as a card number). A sink rather than a return value: it
// runs inside the Vectorscan callback, once per raw match, and most raw
// matches confirm nothing.
// REQUIRES: `text` is valid UTF-8; [begin, end) is a match of the pattern.
// `labels` holds every label word ending before `end` (the scan reports
// them first).
using ConfirmFn = void (*)(absl::string_view text, size_t begin, size_t end,
                           const LabelIndex& labels,
                           std::vector<Candidate>& out);

struct BuiltinPattern {
  absl::string_view expression;  // Vectorscan syntax
  unsigned flags;                // HS_FLAG_*
  ConfirmFn confirm;
  // False if `confirm` finds the start of a variable-width match itself, so
  // that Vectorscan need not track it (see PatternSpec::report_start).
  bool report_start = true;
};

// Every built-in pattern.
const std::vector<BuiltinPattern>& BuiltinPatterns();

// True if a bank-card label (卡号, 账号 ...) ends within 20 code points
// before `begin` nearer than any ID or serial-number label: the same 18
// digits can be read as a card number and as a resident ID, and only a label
// decides.
bool HasCardLabel(absl::string_view text, size_t begin,
                  const LabelIndex& labels);

}  // namespace foi::screening_internal

#endif  // FOI_LIBS_SCREENING_INTERNAL_BUILTIN_DETECTORS_H_
