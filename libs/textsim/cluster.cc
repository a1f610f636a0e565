#include "libs/textsim/cluster.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/textsim/internal/document_sketches.h"
#include "libs/textsim/internal/lsh_linker.h"
#include "libs/textsim/internal/parallel.h"

namespace foi::textsim {
namespace {

absl::Status ValidateOptions(const ClusterOptions& options) {
  if (!(options.threshold > 0.0 && options.threshold <= 1.0)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "options.threshold: ", options.threshold, " outside (0, 1]"));
  }
  if (options.max_bucket < 2) {
    return absl::InvalidArgumentError(
        absl::StrCat("options.max_bucket: ", options.max_bucket, " < 2"));
  }
  if (options.num_threads < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("options.num_threads: ", options.num_threads, " < 0"));
  }
  return ValidateMinHashParams(options.minhash);
}

absl::Status CheckIds(absl::Span<const Document> documents) {
  if (documents.size() >= std::numeric_limits<uint32_t>::max()) {
    return absl::InvalidArgumentError(
        absl::StrCat("documents: ", documents.size(), " is 2^32 or more"));
  }
  std::vector<int64_t> ids;
  ids.reserve(documents.size());
  for (const Document& d : documents) ids.push_back(d.id);
  std::sort(ids.begin(), ids.end());
  const auto dup = std::adjacent_find(ids.begin(), ids.end());
  if (dup != ids.end()) {
    return absl::InvalidArgumentError(
        absl::StrCat("documents: id ", *dup, " appears more than once"));
  }
  return absl::OkStatus();
}

// Turns components into the documented order: ids ascending inside a
// cluster; clusters by size descending, then first id ascending.
std::vector<std::vector<int64_t>> CollectClusters(
    absl::Span<const Document> documents, UnionFind& components) {
  std::vector<std::pair<uint32_t, int64_t>> members;  // (root, id)
  for (uint32_t doc = 0; doc < documents.size(); ++doc) {
    if (components.SetSize(doc) >= 2) {
      members.emplace_back(components.Find(doc), documents[doc].id);
    }
  }
  std::sort(members.begin(), members.end());
  std::vector<std::vector<int64_t>> clusters;
  for (size_t i = 0; i < members.size();) {
    std::vector<int64_t>& cluster = clusters.emplace_back();
    const uint32_t root = members[i].first;
    for (; i < members.size() && members[i].first == root; ++i) {
      cluster.push_back(members[i].second);
    }
  }
  std::sort(clusters.begin(), clusters.end(),
            [](const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
              if (a.size() != b.size()) return a.size() > b.size();
              return a.front() < b.front();
            });
  return clusters;
}

struct Linked {
  textsim_internal::LinkResult result;
  size_t empty_documents = 0;
};

// A function of its own so the sketches are freed before the clusters are
// built.
Linked LinkDocuments(const Normalizer& normalizer, const MinHasher& hasher,
                     absl::Span<const Document> documents,
                     const ClusterOptions& options, int threads) {
  const textsim_internal::DocumentSketches sketches =
      textsim_internal::BuildSketches(normalizer, hasher, documents, threads);
  size_t empty = 0;
  for (size_t doc = 0; doc < sketches.size(); ++doc) {
    empty += sketches.Empty(doc) ? 1 : 0;
  }
  return {textsim_internal::LinkSimilar(
              sketches, {options.threshold, options.years_must_match,
                         options.weighting == ShingleWeighting::kIdf,
                         static_cast<size_t>(options.max_bucket), threads}),
          empty};
}

}  // namespace

ClusterOptions RecommendedClusterOptions(size_t documents) {
  ClusterOptions options;
  if (documents >= kIdfBatchSize) {
    options.weighting = ShingleWeighting::kIdf;
    options.threshold = 0.60;
  }
  return options;
}

absl::StatusOr<std::vector<std::vector<int64_t>>> Cluster(
    const Normalizer& normalizer, absl::Span<const Document> documents,
    const ClusterOptions& options) {
  absl::StatusOr<ClusterResult> result =
      ClusterWithStats(normalizer, documents, options);
  if (!result.ok()) return result.status();
  return std::move(result->clusters);
}

absl::StatusOr<ClusterResult> ClusterWithStats(
    const Normalizer& normalizer, absl::Span<const Document> documents,
    const ClusterOptions& options) {
  if (absl::Status s = ValidateOptions(options); !s.ok()) return s;
  if (absl::Status s = CheckIds(documents); !s.ok()) return s;
  absl::StatusOr<MinHasher> hasher = MinHasher::Create(options.minhash);
  if (!hasher.ok()) return hasher.status();
  const int threads = textsim_internal::ResolveThreads(options.num_threads);

  Linked linked =
      LinkDocuments(normalizer, *hasher, documents, options, threads);
  ClusterResult result;
  result.stats = linked.result.stats;
  result.stats.documents = documents.size();
  result.stats.empty_documents = linked.empty_documents;
  result.clusters = CollectClusters(documents, linked.result.components);
  return result;
}

}  // namespace foi::textsim
