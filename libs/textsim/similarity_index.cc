#include "libs/textsim/similarity_index.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "absl/strings/str_cat.h"
#include "libs/textsim/internal/sorted_sets.h"

namespace foi::textsim {
namespace {

std::vector<uint64_t> SortedUnique(absl::Span<const uint64_t> shingles) {
  std::vector<uint64_t> out(shingles.begin(), shingles.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SimilarityIndex>> SimilarityIndex::Create(
    const MinHashParams& params) {
  absl::StatusOr<MinHasher> hasher = MinHasher::Create(params);
  if (!hasher.ok()) return hasher.status();
  return std::unique_ptr<SimilarityIndex>(
      new SimilarityIndex(*std::move(hasher)));
}

SimilarityIndex::SimilarityIndex(MinHasher hasher)
    : hasher_(std::move(hasher)),
      bands_(static_cast<uint32_t>(hasher_.params().bands)) {
  offsets_.push_back(0);
}

absl::Status SimilarityIndex::Add(int64_t id,
                                  absl::Span<const uint64_t> shingles) {
  const std::vector<uint64_t> set = SortedUnique(shingles);
  const std::vector<uint32_t> fingerprints =
      textsim_internal::ToFingerprints(set);
  // Hash outside the lock: it is the expensive part.
  const std::vector<uint64_t> keys =
      set.empty() ? std::vector<uint64_t>()
                  : hasher_.BandKeys(hasher_.Signature(set));

  absl::MutexLock lock(&mu_);
  const uint64_t entry = ids_.size();
  if ((entry + 1) * bands_ >= kNoSlot) {
    return absl::ResourceExhaustedError(
        absl::StrCat("similarity index full at ", entry, " applications"));
  }
  if (!known_ids_.insert(id).second) {
    return absl::AlreadyExistsError(
        absl::StrCat("application ", id, " is already indexed"));
  }
  ids_.push_back(id);
  shingles_.insert(shingles_.end(), fingerprints.begin(), fingerprints.end());
  offsets_.push_back(shingles_.size());
  for (uint32_t band = 0; band < bands_; ++band) {
    const auto slot = static_cast<uint32_t>(entry * bands_ + band);
    if (keys.empty()) {
      next_slot_.push_back(kNoSlot);
      continue;
    }
    auto [head, inserted] = bucket_heads_.try_emplace(keys[band], slot);
    next_slot_.push_back(inserted ? kNoSlot : head->second);
    head->second = slot;
  }
  return absl::OkStatus();
}

std::vector<std::pair<int64_t, double>> SimilarityIndex::Query(
    absl::Span<const uint64_t> shingles, double threshold, int limit,
    size_t max_verified) const {
  std::vector<std::pair<int64_t, double>> out;
  if (shingles.empty() || limit <= 0) return out;
  const std::vector<uint64_t> set = SortedUnique(shingles);
  const std::vector<uint32_t> fingerprints =
      textsim_internal::ToFingerprints(set);
  const std::vector<uint64_t> keys = hasher_.BandKeys(hasher_.Signature(set));
  const absl::Span<const uint32_t> query(fingerprints);

  absl::ReaderMutexLock lock(&mu_);
  absl::flat_hash_set<uint32_t> seen;
  const size_t budget = max_verified > 0 ? max_verified : SIZE_MAX;
  for (uint64_t key : keys) {
    const auto head = bucket_heads_.find(key);
    if (head == bucket_heads_.end()) continue;
    for (uint32_t slot = head->second; slot != kNoSlot && seen.size() < budget;
         slot = next_slot_[slot]) {
      const uint32_t entry = slot / bands_;
      if (!seen.insert(entry).second) continue;
      const absl::Span<const uint32_t> candidate(
          shingles_.data() + offsets_[entry],
          offsets_[entry + 1] - offsets_[entry]);
      const double similarity = textsim_internal::JaccardOf(query, candidate);
      if (similarity >= threshold) out.emplace_back(ids_[entry], similarity);
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return a.first < b.first;
  });
  if (out.size() > static_cast<size_t>(limit)) out.resize(limit);
  return out;
}

size_t SimilarityIndex::size() const {
  absl::ReaderMutexLock lock(&mu_);
  return ids_.size();
}

}  // namespace foi::textsim
