#include "services/admin/calendar_reload.h"

#include "libs/casefile/case_clocks.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"

namespace foi::admin {
namespace {

constexpr int kBatch = 500;

std::string DateText(const std::optional<absl::CivilDay>& d) {
  return d ? absl::FormatCivilTime(*d) : std::string();
}

// Recomputes one case; returns whether its due dates moved.
absl::StatusOr<bool> RecomputeOne(store::CaseRepository& cases,
                                  const calendar::WorkingDayCalendar& cal,
                                  casefile::CaseRecord c,
                                  const std::string& actor, absl::Time now) {
  for (int attempt = 0;; ++attempt) {
    FOI_ASSIGN_OR_RETURN(casefile::CaseClocks clocks,
                         casefile::ComputeCaseClocks(cal, c));
    const casefile::ClockState next = casefile::WithDerived(c, clocks);
    if (next.reply_due_date == c.clocks.reply_due_date &&
        next.correction_notice_due_date ==
            c.clocks.correction_notice_due_date &&
        next.provisional == c.clocks.provisional) {
      return false;
    }
    store::TransitionCommand cmd;
    cmd.case_id = c.id;
    cmd.expected_version = c.version;
    cmd.action = casefile::CaseAction::kRecomputeClocks;
    cmd.role = casefile::Role::kAdmin;
    cmd.actor = actor;
    cmd.now = now;
    cmd.changes.clocks = next;
    cmd.payload_json =
        JsonObject()
            .Add("calendar_version", cal.version())
            .Add("old_reply_due_date", DateText(c.clocks.reply_due_date))
            .Add("new_reply_due_date", DateText(next.reply_due_date))
            .Add("old_provisional", c.clocks.provisional)
            .Add("new_provisional", next.provisional)
            .Build();
    auto applied = cases.ApplyTransition(cmd);
    if (applied.ok()) return true;
    // Someone changed the case meanwhile: read it again, once more.
    if (!absl::IsAborted(applied.status()) || attempt == 2) {
      return applied.status();
    }
    FOI_ASSIGN_OR_RETURN(c, cases.Get(c.id));
  }
}

}  // namespace

absl::StatusOr<RecomputeResult> RecomputeOpenClocks(
    store::CaseRepository& cases, const calendar::WorkingDayCalendar& cal,
    const std::string& actor, absl::Time now) {
  RecomputeResult result;
  std::string after;
  for (;;) {
    FOI_ASSIGN_OR_RETURN(auto batch, cases.ListOpenCases(after, kBatch));
    for (casefile::CaseRecord& c : batch) {
      after = c.id;
      ++result.recomputed;
      auto changed = RecomputeOne(cases, cal, std::move(c), actor, now);
      // A case closed meanwhile is no longer the reload's business.
      if (!changed.ok() && absl::IsFailedPrecondition(changed.status())) {
        continue;
      }
      FOI_RETURN_IF_ERROR(changed.status());
      result.changed += *changed;
    }
    if (static_cast<int>(batch.size()) < kBatch) return result;
  }
}

}  // namespace foi::admin
