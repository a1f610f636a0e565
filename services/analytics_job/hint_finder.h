// HintFinder: for each new application, the earlier applications that ask
// for much the same information (any applicant), and the proactive
// disclosures that already answer it, so the officer can reply under OGI
// Regulations Art. 36(1) by pointing to where the information is published.
// Pure: applications in, hints out; foi-analytics feeds it from the
// database (hint_worker.h).
//
// "Much the same" is the clustering's test applied one pair at a time:
// Jaccard of the normalised bigram shingles >= threshold, and no two
// different years named (textsim/years.h), candidates proposed by the same
// MinHash LSH bands as textsim::Cluster.
//
// Identical requests (a campaign: thousands of copies of one letter) are
// indexed once, as a group of their case ids: a query then verifies each
// distinct text once instead of every copy, which kept a pass over 34,000
// applications of a handful of texts from finishing.
//
// Memory: about 600 bytes per distinct text indexed (textsim's
// SimilarityIndex), plus about 60 bytes per application (its id).
//
// Thread safety: not thread-safe; one worker owns it.
#ifndef FOI_SERVICES_ANALYTICS_JOB_HINT_FINDER_H_
#define FOI_SERVICES_ANALYTICS_JOB_HINT_FINDER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "libs/store/hint_repository.h"
#include "libs/textsim/cluster.h"
#include "libs/textsim/normalizer.h"
#include "libs/textsim/similarity_index.h"
#include "libs/textsim/years.h"

namespace foi::analytics_job {

struct HintOptions {
  // Jaccard similarity from which two applications ask for the same
  // information; that of the clustering by default. Range (0, 1].
  double threshold = textsim::kDefaultClusterThreshold;
  // Similar cases kept per application, most similar first. >= 1.
  int max_similar_cases = 5;
  // Catalogue entries kept per application. >= 1.
  int max_catalogue = 3;
};

class HintFinder {
 public:
  // Returns a finder, or INVALID_ARGUMENT naming the option out of range,
  // or the Normalizer's error.
  static absl::StatusOr<std::unique_ptr<HintFinder>> Create(
      const HintOptions& options = {});

  // Adds an application without comparing it (one compared earlier).
  // ALREADY_EXISTS if `case_id` was added before.
  absl::Status Add(const std::string& case_id, absl::string_view description);

  // Returns the hints of `app` against the applications added so far whose
  // ids sort before its own (case ids sort by creation time, so these are
  // the earlier cases): similar cases, most similar first (ties by id), and
  // the catalogue entries whose cases include one similar to it, by that
  // similarity. `app` itself may have been added (it is not its own hint).
  store::CaseHints Compare(const store::ApplicationRow& app) const;

  // Compare, then adds `app`. ALREADY_EXISTS if it was added.
  absl::StatusOr<store::CaseHints> CompareAndAdd(
      const store::ApplicationRow& app);

  // Replaces the catalogue: which disclosure each case's information went
  // into. A case in several keeps the first.
  void SetCatalogue(const std::vector<store::CatalogueMembers>& catalogue);

  // Whether `case_id` was added.
  bool Contains(const std::string& case_id) const;

  // Applications added.
  size_t size() const { return slots_.size(); }

  // Distinct texts indexed (identical shingle sets and years count once).
  size_t distinct_texts() const { return groups_.size(); }

 private:
  HintFinder(const HintOptions& options,
             std::unique_ptr<textsim::Normalizer> normalizer,
             std::unique_ptr<textsim::SimilarityIndex> index);

  store::CaseHints Compare(const std::string& case_id,
                           const std::vector<uint64_t>& shingles,
                           textsim::YearSet years) const;

  // Indexes an application: into the group of its identical text, or as
  // a new group.
  absl::Status Remember(const std::string& case_id,
                        const std::vector<uint64_t>& shingles,
                        textsim::YearSet years);

  // Applications with one text (shingle set and years).
  struct Group {
    std::vector<std::string> case_ids;  // ascending
    textsim::YearSet years = 0;
  };

  const HintOptions options_;
  const std::unique_ptr<textsim::Normalizer> normalizer_;
  // Ids are indexes into groups_.
  const std::unique_ptr<textsim::SimilarityIndex> index_;
  std::vector<Group> groups_;
  // Hash of (shingles, years) -> group; a 64-bit hash collision would join
  // two texts, once in about 10^19 pairs.
  absl::flat_hash_map<uint64_t, uint32_t> group_of_text_;
  // case id -> group.
  absl::flat_hash_map<std::string, uint32_t> slots_;
  // case id -> disclosure id, and per group its members in the catalogue
  // as (disclosure id, case id).
  absl::flat_hash_map<std::string, std::string> disclosed_in_;
  absl::flat_hash_map<uint32_t,
                      std::vector<std::pair<std::string, std::string>>>
      group_disclosures_;
};

}  // namespace foi::analytics_job

#endif  // FOI_SERVICES_ANALYTICS_JOB_HINT_FINDER_H_
