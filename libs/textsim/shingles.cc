#include "libs/textsim/shingles.h"

#include <algorithm>
#include <string>

#include "libs/textsim/internal/code_points.h"
#include "libs/textsim/internal/hashing.h"
#include "libs/textsim/internal/sorted_sets.h"

namespace foi::textsim {

uint64_t HashShingle(std::u32string_view gram) {
  uint64_t h = textsim_internal::kFnvOffsetBasis;
  for (char32_t c : gram) {
    h ^= static_cast<uint64_t>(c);
    h *= textsim_internal::kFnvPrime;
  }
  return textsim_internal::Fmix64(h);
}

std::vector<uint64_t> Shingles(absl::string_view normalized, int n) {
  const std::u32string text = textsim_internal::DecodeUtf8Lossy(normalized);
  const size_t width = static_cast<size_t>(std::max(n, 1));
  std::vector<uint64_t> out;
  if (text.empty()) return out;
  if (text.size() <= width) {
    out.push_back(HashShingle(text));
    return out;
  }
  const std::u32string_view view(text);
  out.reserve(text.size() - width + 1);
  for (size_t i = 0; i + width <= text.size(); ++i) {
    out.push_back(HashShingle(view.substr(i, width)));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(absl::Span<const uint64_t> a, absl::Span<const uint64_t> b) {
  return textsim_internal::JaccardOf(a, b);
}

}  // namespace foi::textsim
