#include "libs/textsim/internal/phrase_rewriter.h"

#include <algorithm>

namespace foi::textsim_internal {

PhraseRewriter::PhraseRewriter()
    : bmp_starts_(std::make_unique<std::bitset<kBmpSize>>()) {}

PhraseRewriter::PhraseRewriter(std::vector<Rule> rules) : PhraseRewriter() {
  rules.erase(std::remove_if(rules.begin(), rules.end(),
                             [](const Rule& r) { return r.from.empty(); }),
              rules.end());
  // A stable sort keeps the caller's priority among rules that share a
  // first code point, which is all first-match needs.
  std::stable_sort(
      rules.begin(), rules.end(),
      [](const Rule& a, const Rule& b) { return a.from[0] < b.from[0]; });
  rules_ = std::move(rules);
  for (uint32_t i = 0; i < rules_.size();) {
    const char32_t first = rules_[i].from[0];
    uint32_t end = i;
    while (end < rules_.size() && rules_[end].from[0] == first) ++end;
    groups_.emplace(first, std::make_pair(i, end));
    if (first < kBmpSize) bmp_starts_->set(first);
    i = end;
  }
}

PhraseRewriter::PhraseRewriter(PhraseRewriter&&) noexcept = default;
PhraseRewriter& PhraseRewriter::operator=(PhraseRewriter&&) noexcept = default;
PhraseRewriter::~PhraseRewriter() = default;

std::u32string PhraseRewriter::Rewrite(std::u32string_view text) const {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char32_t c = text[i];
    if (c < kBmpSize && !bmp_starts_->test(c)) {
      out.push_back(c);
      ++i;
      continue;
    }
    const auto group = groups_.find(c);
    const Rule* applied = nullptr;
    if (group != groups_.end()) {
      for (uint32_t r = group->second.first; r < group->second.second; ++r) {
        const std::u32string& from = rules_[r].from;
        if (text.compare(i, from.size(), from) == 0) {
          applied = &rules_[r];
          break;
        }
      }
    }
    if (applied == nullptr) {
      out.push_back(c);
      ++i;
    } else {
      out.append(applied->to);
      i += applied->from.size();
    }
  }
  return out;
}

}  // namespace foi::textsim_internal
