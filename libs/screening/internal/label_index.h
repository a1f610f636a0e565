// Labels: the words that say what a number next to them is (身份证号,
// 银行卡号, 流水号, 台胞证 ...). They are found by the same Vectorscan pass
// as everything else and kept here in order, so that a detector confirming
// a number asks for the labels before it instead of searching the text.
//
// Thread safety: LabelIndex is built by one thread (one scan) and then only
// read; const methods may be called concurrently.
#ifndef FOI_LIBS_SCREENING_INTERNAL_LABEL_INDEX_H_
#define FOI_LIBS_SCREENING_INTERNAL_LABEL_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"

namespace foi::screening_internal {

// What a label word says; a word may say several things (身份证 names an
// ID and rules out a card number).
enum LabelKind : uint32_t {
  kIdLabel = 1u << 0,             // the number is a resident ID
  kCardLabel = 1u << 1,           // a payment card or account
  kPhoneLabel = 1u << 2,          // a telephone number
  kDocumentLabel = 1u << 3,       // a passport or permit
  kCompatriotLabel = 1u << 4,     // a 台胞证
  kDisabilityLabel = 1u << 5,     // a 残疾人证
  kSerialLabel = 1u << 6,         // a code or serial, not personal data
  kNotCardLabel = 1u << 7,        // anything but a card (IDs, serials)
  kNotCompatriotLabel = 1u << 8,  // a date, a booking, a phone
  kLevelHeaderLabel = 1u << 9,    // the 密级 column of a register
};

struct LabelWord {
  absl::string_view text;
  uint32_t kinds;  // LabelKind bits
};

// Every label word, each once.
const std::vector<LabelWord>& LabelWords();

enum class LabelVerdict { kNone, kPositive, kNegative };

class LabelIndex {
 public:
  LabelIndex() = default;

  // Finds every label word in `text` by plain search: for tests and for
  // callers that have no scan.
  static LabelIndex Build(absl::string_view text);

  // Records a label word at [begin, end) with `kinds`. Cheapest when calls
  // come in nondecreasing order of `end`, as Vectorscan reports matches.
  void Add(size_t begin, size_t end, uint32_t kinds);

  // Looks at the labels lying wholly within the `window` code points before
  // `begin`. Returns the verdict of the one that ends nearest to `begin`
  // (positive if it has a `positive` kind, else negative; a positive label
  // wins a tie), or kNone if there is none of either kind.
  LabelVerdict Nearest(absl::string_view text, size_t begin, uint32_t positive,
                       uint32_t negative, size_t window) const;

  // For a value in a plain-text table, whose label is a column header some
  // lines up: finds the nearest line above the line of `begin` (within
  // 4 KiB) that holds a label of either kind, and returns the verdict of the
  // label whose cell starts nearest to the display column of `begin`, or
  // kNone if there is no such line or no such cell starts within 8 columns.
  LabelVerdict Header(absl::string_view text, size_t begin, uint32_t positive,
                      uint32_t negative) const;

  // Nearest; if that finds nothing and `begin` is in a table cell, Header.
  LabelVerdict For(absl::string_view text, size_t begin, uint32_t positive,
                   uint32_t negative, size_t window) const;

 private:
  struct Hit {
    size_t begin;
    size_t end;
    uint32_t kinds;
  };

  // Index of the first hit whose end is after `pos`.
  size_t FirstEndingAfter(size_t pos) const;

  std::vector<Hit> hits_;  // in nondecreasing order of end
};

// Returns true if `begin` follows a column gap on its line (a tab, an
// ideographic space or two spaces): a cell of a plain-text table.
bool InTableCell(absl::string_view text, size_t begin);

}  // namespace foi::screening_internal

#endif  // FOI_LIBS_SCREENING_INTERNAL_LABEL_INDEX_H_
