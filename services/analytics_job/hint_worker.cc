#include "services/analytics_job/hint_worker.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "libs/common/id_generator.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/log.h"

namespace foi::analytics_job {
namespace {

using server::Log;
using server::LogLevel;

constexpr int kPage = 20000;
constexpr size_t kWriteBatch = 500;

// Case ids start with their creation time in milliseconds, but a case is
// committed a little after its id is made: a run looks back this far past
// the previous run's start for cases committed since.
constexpr absl::Duration kCommitLag = absl::Minutes(2);

absl::Status ReadUnchecked(store::HintRepository& hints, std::string after,
                           std::vector<store::ApplicationRow>* out) {
  for (;;) {
    FOI_ASSIGN_OR_RETURN(std::vector<store::ApplicationRow> page,
                         hints.ListUnchecked(after, kPage));
    if (page.empty()) return absl::OkStatus();
    after = page.back().case_id;
    for (store::ApplicationRow& a : page) out->push_back(std::move(a));
  }
}

}  // namespace

absl::Status HintWorker::Prime(store::AnalyticsRepository& read,
                               store::HintRepository& hints, absl::Time now,
                               std::vector<store::ApplicationRow>* unchecked) {
  FOI_ASSIGN_OR_RETURN(finder_, HintFinder::Create(options_.finder));
  FOI_RETURN_IF_ERROR(ReadUnchecked(hints, "", unchecked));
  absl::flat_hash_set<std::string> pending;
  for (const store::ApplicationRow& a : *unchecked) pending.insert(a.case_id);
  const absl::CivilDay from =
      absl::ToCivilDay(now, options_.zone) - options_.window_days;
  std::string after;
  for (;;) {
    FOI_ASSIGN_OR_RETURN(std::vector<store::ApplicationRow> page,
                         read.ListApplications(after, kPage));
    if (page.empty()) break;
    after = page.back().case_id;
    for (const store::ApplicationRow& a : page) {
      if (a.receipt_date < from || pending.contains(a.case_id)) continue;
      FOI_RETURN_IF_ERROR(finder_->Add(a.case_id, a.description));
    }
  }
  Log(LogLevel::kInfo, "hint index built",
      JsonObject()
          .Add("indexed", static_cast<int64_t>(finder_->size()))
          .Add("to_compare", static_cast<int64_t>(unchecked->size())));
  return absl::OkStatus();
}

absl::StatusOr<HintRunStats> HintWorker::Run(store::AnalyticsRepository& read,
                                             store::HintRepository& hints,
                                             absl::Time now) {
  std::vector<store::ApplicationRow> unchecked;
  absl::Status status;
  if (finder_ == nullptr) {
    status = Prime(read, hints, now, &unchecked);
  } else {
    status = ReadUnchecked(hints, FormatId(last_success_ - kCommitLag, 0),
                           &unchecked);
  }
  HintRunStats stats;
  std::vector<store::CaseHints> batch;
  auto flush = [&]() -> absl::Status {
    FOI_RETURN_IF_ERROR(hints.WriteHints(batch, now));
    batch.clear();
    return absl::OkStatus();
  };
  if (status.ok()) {
    absl::StatusOr<std::vector<store::CatalogueMembers>> catalogue =
        hints.ListCatalogue();
    status = catalogue.status();
    if (status.ok()) finder_->SetCatalogue(*catalogue);
  }
  for (size_t i = 0; status.ok() && i < unchecked.size(); ++i) {
    const store::ApplicationRow& app = unchecked[i];
    // Indexed but never compared: it arrived while the index was being
    // built, after the unchecked were read.
    absl::StatusOr<store::CaseHints> found = finder_->Contains(app.case_id)
                                                 ? finder_->Compare(app)
                                                 : finder_->CompareAndAdd(app);
    if (!found.ok()) {
      status = found.status();
      break;
    }
    ++stats.compared;
    if (!found->similar_cases.empty()) ++stats.with_similar_cases;
    if (!found->catalogue.empty()) ++stats.with_catalogue;
    batch.push_back(*std::move(found));
    if (batch.size() >= kWriteBatch) status = flush();
  }
  if (status.ok()) status = flush();
  if (!status.ok()) {
    finder_.reset();  // start over from what the database says
    return status;
  }
  last_success_ = now;
  stats.indexed = finder_->size();
  return stats;
}

}  // namespace foi::analytics_job
