#include "services/analytics_job/hint_finder.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/common/status_macros.h"
#include "libs/textsim/shingles.h"

namespace foi::analytics_job {
namespace {

// Matches read from the index per application: enough to fill the similar
// cases after dropping later ones, and to find catalogue members among
// them when many applications are alike.
constexpr int kQueryLimit = 200;

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
  const int64_t slot = static_cast<int64_t>(case_ids_.size());
  FOI_RETURN_IF_ERROR(index_->Add(slot, shingles));
  case_ids_.push_back(case_id);
  years_.push_back(years);
  slots_.emplace(case_id, slot);
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
  for (const auto& [slot, similarity] :
       index_->Query(shingles, options_.threshold, kQueryLimit)) {
    const std::string& other = case_ids_[static_cast<size_t>(slot)];
    if (other >= case_id) continue;  // itself, or a later case
    if (!textsim::YearsCompatible(years, years_[static_cast<size_t>(slot)])) {
      continue;
    }
    if (hints.similar_cases.size() <
        static_cast<size_t>(options_.max_similar_cases)) {
      store::SimilarCaseHint s;
      s.case_id = other;
      s.similarity = similarity;
      hints.similar_cases.push_back(std::move(s));
    }
    auto disclosed = disclosed_in_.find(other);
    if (disclosed == disclosed_in_.end() ||
        hints.catalogue.size() >= static_cast<size_t>(options_.max_catalogue)) {
      continue;
    }
    bool known = false;
    for (const store::CatalogueHint& c : hints.catalogue) {
      known = known || c.disclosure_id == disclosed->second;
    }
    if (known) continue;
    store::CatalogueHint c;
    c.disclosure_id = disclosed->second;
    c.via_case_id = other;
    c.similarity = similarity;
    hints.catalogue.push_back(std::move(c));
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
  for (const store::CatalogueMembers& entry : catalogue) {
    for (const std::string& case_id : entry.case_ids) {
      disclosed_in_.emplace(case_id, entry.disclosure_id);
    }
  }
}

bool HintFinder::Contains(const std::string& case_id) const {
  return slots_.contains(case_id);
}

}  // namespace foi::analytics_job
