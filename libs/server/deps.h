// What services need, built once in main and handed to each service's
// Register(). Interfaces only: tests pass fakes (STYLE.md 2.6).
#ifndef FOI_LIBS_SERVER_DEPS_H_
#define FOI_LIBS_SERVER_DEPS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "grpcpp/impl/service_type.h"
#include "libs/common/clock.h"
#include "libs/common/id_generator.h"
#include "libs/render/letter_renderer.h"
#include "libs/screening/screener.h"
#include "libs/server/alert_hub.h"
#include "libs/server/calendar_holder.h"
#include "libs/server/token_cache.h"
#include "libs/server/worker_pool.h"
#include "libs/store/analytics_repository.h"
#include "libs/store/case_repository.h"
#include "libs/store/deadline_repository.h"
#include "libs/store/hint_repository.h"
#include "libs/store/reply_repository.h"
#include "libs/store/review_repository.h"
#include "libs/store/token_repository.h"

namespace foi::server {

struct Deps {
  store::CaseRepository* cases = nullptr;
  store::TokenRepository* tokens = nullptr;
  store::DeadlineRepository* deadlines = nullptr;
  store::ReviewRepository* reviews = nullptr;
  store::ReplyRepository* replies = nullptr;
  store::AnalyticsRepository* analytics = nullptr;
  // Near-duplicate hints written by foi-analytics; read-only here.
  store::HintRepository* hints = nullptr;
  // The reply letters: the agency's templates and details.
  const render::LetterRenderer* letters = nullptr;
  // The confidentiality detectors with the agency's rule sets.
  const screening::Screener* screener = nullptr;
  // The working-day calendar in force.
  CalendarHolder* calendars = nullptr;
  // Wakes WatchAlerts streams when the sweeper raises alerts.
  AlertHub* alerts = nullptr;
  // Refreshed at once when this process creates or revokes a token.
  TokenCache* token_cache = nullptr;
  Clock* clock = nullptr;
  IdGenerator* ids = nullptr;
  // Where handlers run database work.
  WorkerPool* workers = nullptr;
  // The agency's time zone: "today" for receipt dates (Art. 31).
  absl::TimeZone agency_zone;
  // The unit an application goes to when it names none.
  std::string default_unit = "ogi-office";

  // Services registered with the builder; they must outlive the server.
  std::vector<std::unique_ptr<grpc::Service>> services;
};

}  // namespace foi::server

#endif  // FOI_LIBS_SERVER_DEPS_H_
