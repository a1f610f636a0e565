// The labelled screening corpus (tests/data/screening): plain UTF-8 documents
// with inline labels, for precision/recall tests and for any test that needs
// realistic documents with known sensitive passages (PDF rendering, review
// flows). The label format is documented in tests/data/screening/README.md:
//
//   ⟦CATEGORY|text⟧    text is a passage of that category (gold span)
//   ⟦!CATEGORY|text⟧   text is a near miss: it must NOT be found as CATEGORY
//
// CATEGORY is a screening::CategoryName(). Labels do not nest. Stripping the
// labels leaves exactly the document.
//
// Thread safety: pure functions, apart from reading files.
#ifndef FOI_LIBS_SCREENING_TESTING_LABELLED_CORPUS_H_
#define FOI_LIBS_SCREENING_TESTING_LABELLED_CORPUS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/screening/category.h"

namespace foi::testing {

// One labelled passage, with offsets into the stripped document.
struct GoldSpan {
  screening::Category category = screening::Category::kIdentityNumber;
  // True for ⟦!...⟧: a near miss that must not be found as `category`.
  bool near_miss = false;
  size_t byte_begin = 0;
  size_t byte_end = 0;
  size_t char_begin = 0;
  size_t char_end = 0;
  std::string text;
  int line = 0;  // 1-based line in the file, for failure messages
};

struct LabelledDocument {
  std::string name;  // file name, e.g. "01_bid_evaluation_notice.txt"
  std::string text;  // the document with labels stripped
  std::vector<GoldSpan> spans;  // in text order
};

// Parses one labelled document. Returns INVALID_ARGUMENT "<name>:<line>: ..."
// for text that is not UTF-8, an unclosed, empty or nested label, a missing
// '|', or an unknown category.
absl::StatusOr<LabelledDocument> ParseLabelledDocument(
    absl::string_view name, absl::string_view labelled);

// Loads every *.txt file of `dir`, in name order. Returns NOT_FOUND if the
// directory cannot be listed or holds no *.txt file, otherwise the errors of
// ParseLabelledDocument.
absl::StatusOr<std::vector<LabelledDocument>> LoadLabelledCorpus(
    const std::string& dir);

}  // namespace foi::testing

#endif  // FOI_LIBS_SCREENING_TESTING_LABELLED_CORPUS_H_
