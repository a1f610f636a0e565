// SimilarityIndex: earlier applications, indexed for the intake question
// "has anyone asked for this before?" (OGI Regulations Art. 44: information
// several applicants ask for may move to proactive disclosure). Applications
// are added one at a time as they arrive; a query finds those whose shingle
// sets are close to a new one, through the same MinHash LSH bands as
// Cluster, and scores each by exact Jaccard.
//
// Memory: about 550 bytes per application with default params (shingles as
// 32-bit fingerprints, one hash table entry and one link per band).
//
// Thread safety: thread-safe. Add takes an exclusive lock; Query and size
// take a shared one and may run concurrently with each other.
#ifndef FOI_LIBS_TEXTSIM_SIMILARITY_INDEX_H_
#define FOI_LIBS_TEXTSIM_SIMILARITY_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/types/span.h"
#include "libs/textsim/min_hasher.h"

namespace foi::textsim {

class SimilarityIndex {
 public:
  // Returns an empty index using `params` for signatures and bands, or the
  // errors of ValidateMinHashParams.
  static absl::StatusOr<std::unique_ptr<SimilarityIndex>> Create(
      const MinHashParams& params = {});

  SimilarityIndex(const SimilarityIndex&) = delete;
  SimilarityIndex& operator=(const SimilarityIndex&) = delete;

  // Adds application `id` with its shingles (Shingles(Normalize(text)); any
  // order, duplicates ignored). An application with no shingles is kept but
  // never matches. Returns ALREADY_EXISTS if `id` was added before, and
  // RESOURCE_EXHAUSTED past 2^32 / bands applications.
  absl::Status Add(int64_t id, absl::Span<const uint64_t> shingles);

  // Returns up to `limit` added applications whose Jaccard similarity with
  // `shingles` is at least `threshold`, as (id, similarity), most similar
  // first, then by id ascending. The similarity is exact; finding a match
  // depends on LSH, so a match sharing no band with the query is missed
  // (probabilities in min_hasher.h). Returns nothing if `shingles` is empty
  // or limit <= 0. A threshold <= 0 is taken as "any shared band".
  // `max_verified` > 0 stops after computing that many exact similarities:
  // among thousands of look-alikes (a campaign of letters differing in a
  // name or number) a query then costs a bounded amount, at the price of
  // seeing only some of them, mostly the most recently added (each band's
  // bucket is walked newest first). 0: no bound.
  std::vector<std::pair<int64_t, double>> Query(
      absl::Span<const uint64_t> shingles, double threshold, int limit,
      size_t max_verified = 0) const;

  // Returns the number of applications added.
  size_t size() const;

 private:
  explicit SimilarityIndex(MinHasher hasher);

  static constexpr uint32_t kNoSlot = UINT32_MAX;

  const MinHasher hasher_;
  const uint32_t bands_;

  mutable absl::Mutex mu_;
  // Per application, in order of Add.
  std::vector<int64_t> ids_ ABSL_GUARDED_BY(mu_);
  std::vector<uint64_t> offsets_ ABSL_GUARDED_BY(mu_);   // into shingles_
  std::vector<uint32_t> shingles_ ABSL_GUARDED_BY(mu_);  // sorted unique
  // Buckets as linked lists of slots (slot = application * bands + band):
  // head per band key, and per slot the previous slot of its bucket.
  absl::flat_hash_map<uint64_t, uint32_t> bucket_heads_ ABSL_GUARDED_BY(mu_);
  std::vector<uint32_t> next_slot_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<int64_t> known_ids_ ABSL_GUARDED_BY(mu_);
};

}  // namespace foi::textsim

#endif  // FOI_LIBS_TEXTSIM_SIMILARITY_INDEX_H_
