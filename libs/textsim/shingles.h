// Character n-gram shingles of normalised text, and their Jaccard
// similarity.
//
// Chinese has no spaces, so words are not available without a segmenter,
// and segmenters disagree exactly where applicants vary their wording;
// overlapping n-grams of code points need none. n = 2 is the default because
// most Chinese words are two characters: a bigram set changes by only a few
// elements when a word is replaced, reordered or mistyped.
//
// Shingle hashes are stable across runs, processes and releases (they feed
// signatures stored in the database): FNV-1a 64 over the n code points (each
// code point xored in as one 32-bit unit), then MurmurHash3's fmix64.
// ShingleHashIsStable in shingles_test.cc pins the values.
//
// Thread safety: pure functions.
#ifndef FOI_LIBS_TEXTSIM_SHINGLES_H_
#define FOI_LIBS_TEXTSIM_SHINGLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace foi::textsim {

// Default: bigrams.
inline constexpr int kDefaultShingleSize = 2;

// Returns the stable 64-bit hash of one shingle (its code points).
uint64_t HashShingle(std::u32string_view gram);

// Returns the hashes of every run of `n` consecutive code points of
// `normalized` (Normalizer::Normalize output), sorted and unique. A text
// shorter than n code points but not empty yields one shingle, the whole
// text; an empty text yields none. Ill-formed UTF-8 bytes are skipped.
// REQUIRES: n >= 1 (smaller values are taken as 1).
std::vector<uint64_t> Shingles(absl::string_view normalized,
                               int n = kDefaultShingleSize);

// Returns |a ∩ b| / |a ∪ b| in [0, 1], and 0 when both are empty (an empty
// text is similar to nothing). REQUIRES: a and b sorted and unique, as
// Shingles returns them.
double Jaccard(absl::Span<const uint64_t> a, absl::Span<const uint64_t> b);

}  // namespace foi::textsim

#endif  // FOI_LIBS_TEXTSIM_SHINGLES_H_
