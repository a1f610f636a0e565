#include "libs/textsim/years.h"

#include "libs/textsim/internal/years.h"

namespace foi::textsim {

YearSet NamedYears(absl::string_view normalized) {
  return textsim_internal::YearMask(normalized);
}

bool YearsCompatible(YearSet a, YearSet b) {
  return textsim_internal::YearsCompatible(a, b);
}

}  // namespace foi::textsim
