// The years a request names, public for callers that compare requests one
// by one (SimilarityIndex users) and want Cluster's rule: two requests that
// both name years, and no year in common, ask for different information (a
// 2022 budget is not the 2023 budget, however alike the wording).
//
// Thread safety: pure functions.
#ifndef FOI_LIBS_TEXTSIM_YEARS_H_
#define FOI_LIBS_TEXTSIM_YEARS_H_

#include <cstdint>

#include "absl/strings/string_view.h"

namespace foi::textsim {

// A set of years 1990..2053, one bit each; 0 when none is named.
using YearSet = uint64_t;

// Returns the years `normalized` (Normalizer::Normalize output) names: runs
// of exactly four ASCII digits in 1990..2053. Longer digit runs (reference
// numbers such as 罚字〔2023〕156号) name no year.
YearSet NamedYears(absl::string_view normalized);

// Returns false when both name years and no year is common to both.
bool YearsCompatible(YearSet a, YearSet b);

}  // namespace foi::textsim

#endif  // FOI_LIBS_TEXTSIM_YEARS_H_
