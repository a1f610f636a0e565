// Puts a newer working-day calendar in force and recomputes the clocks of
// every open case on it, recording a CLOCKS_RECOMPUTED event (old and new due
// dates) on each case whose due dates moved.
//
// Thread safety: safe to call concurrently with other calls on the same
// repositories; two reloads at once both finish, the later one winning.
#ifndef FOI_SERVICES_ADMIN_CALENDAR_RELOAD_H_
#define FOI_SERVICES_ADMIN_CALENDAR_RELOAD_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/calendar/working_day_calendar.h"
#include "libs/store/case_repository.h"

namespace foi::admin {

struct RecomputeResult {
  int recomputed = 0;  // open cases looked at
  int changed = 0;     // cases whose due dates moved
};

// Recomputes the clocks of every open case on `cal`. A case changed
// concurrently is read again and retried. UNAVAILABLE if the store is down
// (the cases done so far stay done; running it again finishes the rest).
absl::StatusOr<RecomputeResult> RecomputeOpenClocks(
    store::CaseRepository& cases, const calendar::WorkingDayCalendar& cal,
    const std::string& actor, absl::Time now);

}  // namespace foi::admin

#endif  // FOI_SERVICES_ADMIN_CALENDAR_RELOAD_H_
