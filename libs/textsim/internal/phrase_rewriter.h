// PhraseRewriter: left-to-right, first-match replacement of literal phrases
// in a code point string. It is the matching algorithm of an ICU rule-based
// transliterator whose rules are all plain `from > to;` literals (no context,
// no variables, no sets), which is what ICU's Traditional-Simplified is; the
// Normalizer uses it for that conversion (compiled from ICU's own rules) and
// for stripping request boilerplate.
//
// Thread safety: immutable after construction; Rewrite may be called
// concurrently.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_PHRASE_REWRITER_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_PHRASE_REWRITER_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace foi::textsim_internal {

class PhraseRewriter {
 public:
  struct Rule {
    std::u32string from;  // ignored if empty
    std::u32string to;
  };

  // An empty rewriter returns its input unchanged.
  PhraseRewriter();
  // Rules are tried in the order given; rules with an empty `from` are
  // dropped.
  explicit PhraseRewriter(std::vector<Rule> rules);

  PhraseRewriter(PhraseRewriter&&) noexcept;
  PhraseRewriter& operator=(PhraseRewriter&&) noexcept;
  ~PhraseRewriter();

  // Returns `text` rewritten: at each position the first rule whose `from`
  // matches there is applied and scanning resumes after the match; a
  // position no rule matches is copied. Replacements are never rescanned.
  std::u32string Rewrite(std::u32string_view text) const;

  // Returns the number of rules kept.
  size_t size() const { return rules_.size(); }

 private:
  static constexpr size_t kBmpSize = 0x10000;

  // Rules grouped by first code point, in their original order within a
  // group; `groups_` maps a first code point to its [begin, end) in rules_.
  std::vector<Rule> rules_;
  absl::flat_hash_map<char32_t, std::pair<uint32_t, uint32_t>> groups_;
  // Whether some rule starts with a given BMP code point: almost every
  // character of a text starts no rule, and this answers without hashing.
  std::unique_ptr<std::bitset<kBmpSize>> bmp_starts_;
};

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_PHRASE_REWRITER_H_
