// The years a normalised request names, for Cluster's rule that two
// requests naming different years ask for different information (a 2022
// budget is not the 2023 budget, however alike the wording).
//
// Thread safety: pure functions.
#ifndef FOI_LIBS_TEXTSIM_INTERNAL_YEARS_H_
#define FOI_LIBS_TEXTSIM_INTERNAL_YEARS_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace foi::textsim_internal {

// Years representable in a YearMask: bit (year - kFirstMaskYear).
inline constexpr int kFirstMaskYear = 1990;
inline constexpr int kLastMaskYear = kFirstMaskYear + 63;

// Returns the set of years `normalized` (Normalizer output) names: every
// run of exactly four ASCII digits with a value in [kFirstMaskYear,
// kLastMaskYear]. Longer digit runs (reference numbers such as
// 罚字〔2023〕156号, normalised to 2023156) name no year.
uint64_t YearMask(absl::string_view normalized);

// Returns false when both name years and no year is common to both.
inline bool YearsCompatible(uint64_t a, uint64_t b) {
  return a == 0 || b == 0 || (a & b) != 0;
}

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_INTERNAL_YEARS_H_
