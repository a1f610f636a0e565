// Fixed 64-bit hash primitives for textsim. Signatures and band keys are
// stored in the database, so every value computed from these must be the same
// in every process, build and release: nothing here may depend on absl::Hash,
// std::hash, pointer values or a per-process seed.
//
// Thread safety: pure functions.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_HASHING_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_HASHING_H_

#include <cstdint>

namespace foi::textsim_internal {

// FNV-1a 64-bit offset basis and prime (Fowler, Noll, Vo).
inline constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ULL;
inline constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
// 2^64 / golden ratio, the usual odd constant for spreading small integers.
inline constexpr uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;

// MurmurHash3's 64-bit finalizer: a bijection on uint64_t with full
// avalanche, so FNV's weak high bits do not leak into MinHash.
inline constexpr uint64_t Fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

// SplitMix64 (Steele, Lea, Flood): advances `state` and returns the next
// value. Used to derive MinHash coefficients from a seed.
inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += kGoldenGamma);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_HASHING_H_
