#include "libs/textsim/internal/sorted_sets.h"

namespace foi::textsim_internal {

std::vector<uint32_t> ToFingerprints(absl::Span<const uint64_t> shingles) {
  std::vector<uint32_t> out;
  out.reserve(shingles.size());
  for (uint64_t s : shingles) out.push_back(static_cast<uint32_t>(s));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace foi::textsim_internal
