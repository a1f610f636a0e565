#include "services/deadline/deadline_sweeper.h"

#include <algorithm>

#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/case_commands.h"
#include "libs/server/log.h"

namespace foi::deadline {

absl::StatusOr<SweepResult> DeadlineSweeper::RunOnce(absl::Time now) {
  const absl::CivilDay today = absl::ToCivilDay(now, deps_->agency_zone);
  auto cal = deps_->calendars->Get();
  FOI_ASSIGN_OR_RETURN(calendar::CalendarDay soon,
                       cal->AddWorkingDays(today, kDueSoonWorkingDays));
  FOI_ASSIGN_OR_RETURN(auto candidates,
                       deps_->deadlines->ListAlertCandidates(soon.day));
  SweepResult result;
  for (const store::AlertCandidate& c : candidates) {
    // Due on `today` is still on time; overdue from the next day on.
    const bool overdue = c.reply_due_date < today;
    const int level = overdue ? 2 : 1;
    if (c.alert_level >= level) continue;
    FOI_ASSIGN_OR_RETURN(bool raised,
                         deps_->deadlines->RaiseAlert(
                             c, overdue ? "OVERDUE" : "DUE_SOON", level, now));
    if (raised) ++(overdue ? result.overdue : result.due_soon);
  }
  if (result.due_soon + result.overdue > 0) deps_->alerts->Notify();

  // Art. 30: an application not corrected by the deadline is deemed
  // withdrawn. The sweeper acts as the system administrator.
  const server::Principal system{"system", "deadline sweeper",
                                 casefile::Role::kAdmin, ""};
  FOI_ASSIGN_OR_RETURN(std::vector<std::string> lapsed,
                       deps_->cases->ListCorrectionOverdue(today));
  for (const std::string& id : lapsed) {
    casefile::CaseCommand cmd;
    cmd.action = casefile::CaseAction::kDeemWithdrawn;
    auto r = server::RunCaseCommand(*deps_, system, id, 0, std::move(cmd));
    if (r.ok()) {
      ++result.deemed_withdrawn;
    } else if (!absl::IsAborted(r.status()) &&
               !absl::IsFailedPrecondition(r.status())) {
      // A concurrent correction wins the race; anything else is a fault.
      return r.status();
    }
  }
  return result;
}

void DeadlineSweeper::Start() {
  thread_ = std::thread([this] {
    do {
      const absl::Time now = deps_->clock->Now();
      auto r = RunOnce(now);
      if (r.ok()) {
        server::Log(server::LogLevel::kInfo, "deadline sweep",
                    JsonObject()
                        .Add("due_soon", static_cast<int64_t>(r->due_soon))
                        .Add("overdue", static_cast<int64_t>(r->overdue))
                        .Add("deemed_withdrawn",
                             static_cast<int64_t>(r->deemed_withdrawn)));
      } else {
        server::Log(server::LogLevel::kWarning, "deadline sweep failed",
                    JsonObject().Add("error", r.status().ToString()));
      }
      // Next: just after midnight in the agency's zone; sooner (a minute)
      // after a failure, and at least hourly so a clock jump is caught.
      const absl::CivilDay today = absl::ToCivilDay(now, deps_->agency_zone);
      const absl::Time boundary =
          absl::FromCivil(absl::CivilSecond(today + 1), deps_->agency_zone) +
          absl::Seconds(5);
      absl::Duration wait = std::min(boundary - now, absl::Hours(1));
      if (!r.ok()) wait = absl::Minutes(1);
      if (stop_.WaitForNotificationWithTimeout(wait)) return;
    } while (true);
  });
}

void DeadlineSweeper::Stop() {
  if (!thread_.joinable()) return;
  stop_.Notify();
  thread_.join();
}

}  // namespace foi::deadline
