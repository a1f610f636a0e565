#include "libs/textsim/min_hasher.h"

#include <algorithm>
#include <limits>

#include "absl/strings/str_cat.h"
#include "libs/textsim/internal/hashing.h"

namespace foi::textsim {

using textsim_internal::Fmix64;

absl::Status ValidateMinHashParams(const MinHashParams& params) {
  if (params.num_hashes < 1 || params.num_hashes > kMaxMinHashes) {
    return absl::InvalidArgumentError(
        absl::StrCat("minhash.num_hashes: ", params.num_hashes, " outside [1, ",
                     kMaxMinHashes, "]"));
  }
  if (params.bands < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("minhash.bands: ", params.bands, " < 1"));
  }
  if (params.num_hashes % params.bands != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("minhash.bands: ", params.bands,
                     " does not divide num_hashes ", params.num_hashes));
  }
  return absl::OkStatus();
}

absl::StatusOr<MinHasher> MinHasher::Create(const MinHashParams& params) {
  if (absl::Status s = ValidateMinHashParams(params); !s.ok()) return s;
  return MinHasher(params);
}

MinHasher::MinHasher(const MinHashParams& params) : params_(params) {
  uint64_t state = params.seed;
  multipliers_.reserve(params.num_hashes);
  increments_.reserve(params.num_hashes);
  for (int i = 0; i < params.num_hashes; ++i) {
    multipliers_.push_back(textsim_internal::SplitMix64(state) | 1);
    increments_.push_back(textsim_internal::SplitMix64(state));
  }
  for (int b = 0; b < params.bands; ++b) {
    band_seeds_.push_back(textsim_internal::SplitMix64(state));
  }
}

std::vector<uint64_t> MinHasher::Signature(
    absl::Span<const uint64_t> shingles) const {
  const size_t k = multipliers_.size();
  std::vector<uint64_t> signature(k, std::numeric_limits<uint64_t>::max());
  const uint64_t* a = multipliers_.data();
  const uint64_t* b = increments_.data();
  uint64_t* sig = signature.data();
  // The shingle hashes are already uniform (fmix64), so one multiply-add per
  // function is enough of a permutation; this loop is the hot spot of
  // clustering (num_hashes x shingles per document).
  for (uint64_t x : shingles) {
    for (size_t i = 0; i < k; ++i) {
      sig[i] = std::min(sig[i], a[i] * x + b[i]);
    }
  }
  return signature;
}

std::vector<uint64_t> MinHasher::BandKeys(
    absl::Span<const uint64_t> signature) const {
  std::vector<uint64_t> keys;
  if (signature.size() != static_cast<size_t>(params_.num_hashes)) {
    return keys;
  }
  const int rows = rows_per_band();
  keys.reserve(params_.bands);
  for (int band = 0; band < params_.bands; ++band) {
    uint64_t key = band_seeds_[band];
    for (int r = 0; r < rows; ++r) {
      key = Fmix64(key ^ signature[band * rows + r]) +
            textsim_internal::kGoldenGamma;
    }
    keys.push_back(Fmix64(key ^ static_cast<uint64_t>(band)));
  }
  return keys;
}

}  // namespace foi::textsim
