#include "services/analytics_job/hint_finder.h"

#include <algorithm>
#include <utility>

#include "absl/hash/hash.h"
#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"
#include "libs/textsim/shingles.h"

namespace foi::analytics_job {
namespace {

// Matches read from the index per application: enough to fill the similar
// cases after dropping later ones, and to find catalogue members among
// them when many applications are alike.
constexpr int kQueryLimit = 200;
// Distinct texts whose similarity one query computes at most: a campaign
// of thousands of near-identical letters would otherwise make every new
// one cost as much as the campaign (the same bound as textsim::Cluster's
// max_bucket). The most recent look-alikes are the ones seen.
constexpr size_t kMaxVerified = 2000;

}  // namespace

absl::StatusOr<std::unique_ptr<HintFinder>> HintFinder::Create(
    const HintOptions& options) {
  if (!(options.threshold > 0 && options.threshold <= 1)) {
    return absl::InvalidArgumentError("threshold: must be in (0, 1]");
  }
  if (options.max_similar_cases < 1) {
    return absl::InvalidArgumentError("max_similar_cases: must be >= 1");
  }
  if (options.max_catalogue < 1) {
    return absl::InvalidArgumentError("max_catalogue: must be >= 1");
  }
  FOI_ASSIGN_OR_RETURN(std::unique_ptr<textsim::Normalizer> normalizer,
                       textsim::Normalizer::Create());
  FOI_ASSIGN_OR_RETURN(std::unique_ptr<textsim::SimilarityIndex> index,
                       textsim::SimilarityIndex::Create());
  return std::unique_ptr<HintFinder>(
      new HintFinder(options, std::move(normalizer), std::move(index)));
}

HintFinder::HintFinder(const HintOptions& options,
                       std::unique_ptr<textsim::Normalizer> normalizer,
                       std::unique_ptr<textsim::SimilarityIndex> index)
    : options_(options),
      normalizer_(std::move(normalizer)),
      index_(std::move(index)) {}

absl::Status HintFinder::Remember(const std::string& case_id,
                                  const std::vector<uint64_t>& shingles,
                                  textsim::YearSet years) {
  const uint64_t text = absl::HashOf(shingles, years);
  auto [it, is_new] =
      group_of_text_.try_emplace(text, static_cast<uint32_t>(groups_.size()));
  const uint32_t group = it->second;
  if (is_new) {
    FOI_RETURN_IF_ERROR(index_->Add(group, shingles));
    groups_.push_back(Group{{}, years});
  }
  std::vector<std::string>& members = groups_[group].case_ids;
  // Usually appended: applications mostly arrive in id order.
  members.insert(std::upper_bound(members.begin(), members.end(), case_id),
                 case_id);
  slots_.emplace(case_id, group);
  if (auto d = disclosed_in_.find(case_id); d != disclosed_in_.end()) {
    group_disclosures_[group].emplace_back(d->second, case_id);
  }
  return absl::OkStatus();
}

absl::Status HintFinder::Add(const std::string& case_id,
                             absl::string_view description) {
  if (slots_.contains(case_id)) {
    return absl::AlreadyExistsError(
        absl::StrCat("case ", case_id, " is already indexed"));
  }
  const std::string normalized = normalizer_->Normalize(description);
  return Remember(case_id, textsim::Shingles(normalized),
                  textsim::NamedYears(normalized));
}

store::CaseHints HintFinder::Compare(const store::ApplicationRow& app) const {
  const std::string normalized = normalizer_->Normalize(app.description);
  return Compare(app.case_id, textsim::Shingles(normalized),
                 textsim::NamedYears(normalized));
}

store::CaseHints HintFinder::Compare(const std::string& case_id,
                                     const std::vector<uint64_t>& shingles,
                                     textsim::YearSet years) const {
  store::CaseHints hints;
  hints.case_id = case_id;
  const size_t max_similar = static_cast<size_t>(options_.max_similar_cases);
  for (const auto& [group_id, similarity] :
       index_->Query(shingles, options_.threshold, kQueryLimit, kMaxVerified)) {
    const Group& group = groups_[static_cast<size_t>(group_id)];
    if (!textsim::YearsCompatible(years, group.years)) continue;
    // The earliest members before this case (not itself, nor later ones).
    for (size_t i = 0; i < group.case_ids.size() &&
                       group.case_ids[i] < case_id && i < max_similar;
         ++i) {
      store::SimilarCaseHint s;
      s.case_id = group.case_ids[i];
      s.similarity = similarity;
      hints.similar_cases.push_back(std::move(s));
    }
    auto disclosures = group_disclosures_.find(static_cast<uint32_t>(group_id));
    if (disclosures == group_disclosures_.end()) continue;
    for (const auto& [disclosure, via] : disclosures->second) {
      if (via == case_id || hints.catalogue.size() >=
                                static_cast<size_t>(options_.max_catalogue)) {
        continue;
      }
      bool known = false;
      for (const store::CatalogueHint& c : hints.catalogue) {
        known = known || c.disclosure_id == disclosure;
      }
      if (known) continue;
      store::CatalogueHint c;
      c.disclosure_id = disclosure;
      c.via_case_id = via;
      c.similarity = similarity;
      hints.catalogue.push_back(std::move(c));
    }
  }
  // Groups come most similar first; within a similarity, by id.
  std::stable_sort(
      hints.similar_cases.begin(), hints.similar_cases.end(),
      [](const store::SimilarCaseHint& a, const store::SimilarCaseHint& b) {
        if (a.similarity != b.similarity) {
          return a.similarity > b.similarity;
        }
        return a.case_id < b.case_id;
      });
  if (hints.similar_cases.size() > max_similar) {
    hints.similar_cases.resize(max_similar);
  }
  return hints;
}

absl::StatusOr<store::CaseHints> HintFinder::CompareAndAdd(
    const store::ApplicationRow& app) {
  if (slots_.contains(app.case_id)) {
    return absl::AlreadyExistsError(
        absl::StrCat("case ", app.case_id, " is already indexed"));
  }
  const std::string normalized = normalizer_->Normalize(app.description);
  std::vector<uint64_t> shingles = textsim::Shingles(normalized);
  const textsim::YearSet years = textsim::NamedYears(normalized);
  store::CaseHints hints = Compare(app.case_id, shingles, years);
  FOI_RETURN_IF_ERROR(Remember(app.case_id, shingles, years));
  return hints;
}

void HintFinder::SetCatalogue(
    const std::vector<store::CatalogueMembers>& catalogue) {
  disclosed_in_.clear();
  group_disclosures_.clear();
  for (const store::CatalogueMembers& entry : catalogue) {
    for (const std::string& case_id : entry.case_ids) {
      if (!disclosed_in_.emplace(case_id, entry.disclosure_id).second) {
        continue;  // in an earlier entry
      }
      if (auto slot = slots_.find(case_id); slot != slots_.end()) {
        group_disclosures_[slot->second].emplace_back(entry.disclosure_id,
                                                      case_id);
      }
    }
  }
}

bool HintFinder::Contains(const std::string& case_id) const {
  return slots_.contains(case_id);
}

}  // namespace foi::analytics_job
