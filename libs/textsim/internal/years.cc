#include "libs/textsim/internal/years.h"

#include <cstddef>

namespace foi::textsim_internal {

uint64_t YearMask(absl::string_view normalized) {
  uint64_t mask = 0;
  for (size_t i = 0; i < normalized.size();) {
    if (normalized[i] < '0' || normalized[i] > '9') {
      ++i;
      continue;
    }
    size_t end = i;
    int value = 0;
    while (end < normalized.size() && normalized[end] >= '0' &&
           normalized[end] <= '9') {
      if (end - i < 4) value = value * 10 + (normalized[end] - '0');
      ++end;
    }
    if (end - i == 4 && value >= kFirstMaskYear && value <= kLastMaskYear) {
      mask |= uint64_t{1} << (value - kFirstMaskYear);
    }
    i = end;
  }
  return mask;
}

}  // namespace foi::textsim_internal
