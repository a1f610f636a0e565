// MinHash signatures of shingle sets and their locality-sensitive hashing
// (LSH) band keys, for finding pairs of similar applications without
// comparing every pair.
//
// Signature[i] is the minimum of h_i over the set, where h_i(x) = a_i * x +
// b_i (mod 2^64) with a_i odd: a permutation of the 64-bit shingle hashes, so
// Pr[signatures agree at i] is close to the Jaccard similarity of the sets.
// The coefficients come from SplitMix64 seeded with MinHashParams::seed. The
// signature is cut into `bands` bands of rows = num_hashes / bands values,
// and each band hashes to one key; two sets share at least one band key with
// probability 1 - (1 - J^rows)^bands (for the default 16 x 4: 0.64 at
// J = 0.5, 0.89 at 0.6, 0.99 at 0.7).
//
// Signatures and band keys are stable across runs, processes and releases for
// the same MinHashParams (they are meant to be stored); store the params
// with them.
//
// Thread safety: immutable; all methods may be called concurrently.
#ifndef FOI_LIBS_TEXTSIM_MIN_HASHER_H_
#define FOI_LIBS_TEXTSIM_MIN_HASHER_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace foi::textsim {

struct MinHashParams {
  // Signature length. Default: 64. At most kMaxMinHashes.
  int num_hashes = 64;
  // LSH bands; must divide num_hashes. Default: 16 (4 rows per band).
  int bands = 16;
  // Seed of the hash functions. Changing it changes every signature.
  // Default: 0x5f0e1a44b1f0c0de (fixed forever: signatures are stored).
  uint64_t seed = 0x5f0e1a44b1f0c0deULL;
};

inline constexpr int kMaxMinHashes = 1024;

// Returns OK, or INVALID_ARGUMENT naming the field: num_hashes outside
// [1, kMaxMinHashes], bands < 1, or bands not dividing num_hashes.
absl::Status ValidateMinHashParams(const MinHashParams& params);

class MinHasher {
 public:
  // Returns a hasher for `params`, or the errors of ValidateMinHashParams.
  static absl::StatusOr<MinHasher> Create(const MinHashParams& params);

  const MinHashParams& params() const { return params_; }
  int rows_per_band() const { return params_.num_hashes / params_.bands; }

  // Returns the num_hashes values of the MinHash signature of `shingles`
  // (any order; duplicates do not matter). The empty set's signature is all
  // UINT64_MAX, which no non-empty set has.
  std::vector<uint64_t> Signature(absl::Span<const uint64_t> shingles) const;

  // Returns one key per band: a stable hash of the band's rows mixed with the
  // band index, so equal keys in different bands never collide by design.
  // Identical signatures have identical keys. Returns an empty vector if
  // signature.size() != num_hashes.
  std::vector<uint64_t> BandKeys(absl::Span<const uint64_t> signature) const;

 private:
  explicit MinHasher(const MinHashParams& params);

  MinHashParams params_;
  std::vector<uint64_t> multipliers_;  // a_i, odd
  std::vector<uint64_t> increments_;   // b_i
  std::vector<uint64_t> band_seeds_;   // one per band
};

}  // namespace foi::textsim

#endif  // FOI_LIBS_TEXTSIM_MIN_HASHER_H_
