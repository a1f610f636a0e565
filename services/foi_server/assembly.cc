#include "services/foi_server/assembly.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "libs/common/sha256.h"
#include "libs/common/status_macros.h"
#include "libs/server/access_log.h"
#include "libs/server/authenticator.h"
#include "libs/server/bootstrap.h"
#include "libs/server/decode_error.h"
#include "libs/server/log.h"
#include "libs/store/migrations.h"
#include "services/admin/admin_service.h"
#include "services/analytics/analytics_service.h"
#include "services/casework/casework_service.h"
#include "services/deadline/deadline_service.h"
#include "services/foi_server/default_calendar.h"
#include "services/intake/intake_service.h"
#include "services/reply/reply_service.h"
#include "services/review/review_service.h"

namespace foi::foi_server {
namespace {

using server::Log;
using server::LogLevel;

// Waits for the database, then creates the schema and migrates it.
absl::Status PrepareDatabase(const AssemblyOptions& o,
                             store::ConnectionPool& pool) {
  const absl::Time deadline = absl::Now() + o.db_wait;
  for (;;) {
    absl::Status s = store::EnsureDatabase(o.mysql);
    if (s.ok()) break;
    if (!absl::IsUnavailable(s) || absl::Now() > deadline) return s;
    absl::SleepFor(absl::Milliseconds(250));
  }
  FOI_ASSIGN_OR_RETURN(int version,
                       store::ApplyMigrations(pool, store::SchemaMigrations()));
  Log(LogLevel::kInfo, "schema ready",
      JsonObject().Add("version", static_cast<int64_t>(version)));
  return absl::OkStatus();
}

// Picks the calendar in force at start-up: of the one stored in the
// database (loaded by an admin), the built-in one and --calendar_file, the
// one covering the latest day; the database's on a tie, so an admin's load
// is not undone by a restart.
absl::StatusOr<std::shared_ptr<const calendar::WorkingDayCalendar>>
ChooseCalendar(const AssemblyOptions& o, store::DeadlineRepository& store) {
  std::shared_ptr<const calendar::WorkingDayCalendar> best;
  auto consider =
      [&](absl::StatusOr<std::unique_ptr<calendar::WorkingDayCalendar>> c)
      -> absl::Status {
    if (!c.ok()) return c.status();
    if (best == nullptr || (*c)->last_day() > best->last_day()) {
      best = *std::move(c);
    }
    return absl::OkStatus();
  };
  FOI_ASSIGN_OR_RETURN(auto stored, store.LatestCalendar());
  if (stored.has_value()) {
    FOI_RETURN_IF_ERROR(
        consider(calendar::WorkingDayCalendar::FromCsv(stored->csv)));
  }
  FOI_RETURN_IF_ERROR(
      consider(calendar::WorkingDayCalendar::FromCsv(DefaultCalendarCsv())));
  if (!o.calendar_file.empty()) {
    FOI_RETURN_IF_ERROR(
        consider(calendar::WorkingDayCalendar::LoadFile(o.calendar_file)));
  }
  Log(LogLevel::kInfo, "calendar",
      JsonObject()
          .Add("version", best->version())
          .Add("first_day", absl::FormatCivilTime(best->first_day()))
          .Add("last_day", absl::FormatCivilTime(best->last_day())));
  return best;
}

}  // namespace

const std::vector<std::string>& KnownTargets() {
  static const auto* targets = new std::vector<std::string>{
      "admin",  "analytics", "casework", "deadline",
      "intake", "reply",     "review"};
  return *targets;
}

absl::StatusOr<std::unique_ptr<Assembly>> Assembly::Start(
    AssemblyOptions options) {
  std::unique_ptr<Assembly> a(new Assembly());
  a->options_ = std::move(options);
  const AssemblyOptions& o = a->options_;
  Clock* clock = o.clock != nullptr ? o.clock : &a->system_clock_;
  IdGenerator* ids = o.ids != nullptr ? o.ids : &a->random_ids_;

  FOI_ASSIGN_OR_RETURN(a->pool_, store::ConnectionPool::Create(o.mysql));
  store::MysqlOptions numbers = o.mysql;
  numbers.pool_size = 1;
  FOI_ASSIGN_OR_RETURN(a->numbers_pool_,
                       store::ConnectionPool::Create(numbers));
  FOI_RETURN_IF_ERROR(PrepareDatabase(o, *a->pool_));

  FOI_ASSIGN_OR_RETURN(
      a->cases_, store::MysqlCaseRepository::Create(
                     a->pool_.get(), a->numbers_pool_.get(), o.agency_prefix));
  a->tokens_ = std::make_unique<store::MysqlTokenRepository>(a->pool_.get());
  if (!o.bootstrap_admin_secret.empty()) {
    store::TokenRecord admin;
    admin.create_time = absl::FromUnixMicros(absl::ToUnixMicros(clock->Now()));
    admin.id = ids->NewId(admin.create_time);
    admin.token_hash = Sha256Hex(o.bootstrap_admin_secret);
    admin.display_name = "bootstrap admin";
    admin.role = casefile::Role::kAdmin;
    admin.created_by = "foi-server";
    FOI_RETURN_IF_ERROR(a->tokens_->EnsureExists(admin));
  }
  a->token_cache_ = std::make_unique<server::TokenCache>(a->tokens_.get());
  FOI_RETURN_IF_ERROR(a->token_cache_->Refresh());
  a->deadlines_ =
      std::make_unique<store::MysqlDeadlineRepository>(a->pool_.get());
  a->reviews_ = std::make_unique<store::MysqlReviewRepository>(a->pool_.get());
  if (o.targets.count("review")) {
    FOI_ASSIGN_OR_RETURN(a->screener_,
                         screening::Screener::LoadDirectory(o.screening_dir));
  }
  a->replies_ = std::make_unique<store::MysqlReplyRepository>(a->pool_.get());
  a->analytics_ =
      std::make_unique<store::MysqlAnalyticsRepository>(a->pool_.get());
  a->hints_ = std::make_unique<store::MysqlHintRepository>(a->pool_.get());
  if (o.targets.count("reply")) {
    FOI_ASSIGN_OR_RETURN(render::AgencyConfig agency,
                         render::LoadAgencyConfig(o.agency_config));
    FOI_ASSIGN_OR_RETURN(a->letters_, render::LetterRenderer::Load(
                                          o.templates_dir, std::move(agency)));
  }
  FOI_ASSIGN_OR_RETURN(auto calendar, ChooseCalendar(o, *a->deadlines_));
  a->calendars_ = std::make_unique<server::CalendarHolder>(std::move(calendar));
  a->alerts_ =
      std::make_unique<server::AlertHub>(a->deadlines_.get(), absl::Seconds(1));
  // Picks up tokens, and calendars loaded through other replicas.
  a->refresher_ = std::thread([raw = a.get()] {
    while (!raw->stop_refresh_.WaitForNotificationWithTimeout(
        raw->options_.token_refresh)) {
      if (absl::Status s = raw->token_cache_->Refresh(); !s.ok()) {
        Log(LogLevel::kWarning, "token refresh failed",
            JsonObject().Add("error", s.ToString()));
      }
      auto stored = raw->deadlines_->LatestCalendar();
      if (stored.ok() && stored->has_value() &&
          (*stored)->version != raw->calendars_->Get()->version()) {
        auto cal = calendar::WorkingDayCalendar::FromCsv((*stored)->csv);
        if (cal.ok() &&
            (*cal)->last_day() >= raw->calendars_->Get()->last_day()) {
          raw->calendars_->Set(*std::move(cal));
        }
      }
    }
  });

  a->workers_ = std::make_unique<server::WorkerPool>(o.mysql.pool_size,
                                                     o.max_queued_calls);
  server::Deps& deps = a->deps_;
  deps.cases = a->cases_.get();
  deps.tokens = a->tokens_.get();
  deps.deadlines = a->deadlines_.get();
  deps.reviews = a->reviews_.get();
  deps.screener = a->screener_.get();
  deps.replies = a->replies_.get();
  deps.analytics = a->analytics_.get();
  deps.hints = a->hints_.get();
  deps.letters = a->letters_.get();
  deps.calendars = a->calendars_.get();
  deps.alerts = a->alerts_.get();
  deps.token_cache = a->token_cache_.get();
  deps.clock = clock;
  deps.ids = ids;
  deps.workers = a->workers_.get();
  deps.agency_zone = o.agency_zone;
  deps.default_unit = o.default_unit;

  auto authenticator = std::make_shared<server::Authenticator>(
      a->token_cache_.get(), server::AccessPolicy::Default());
  FOI_ASSIGN_OR_RETURN(
      auto creds, server::MakeServerCredentials(o.listen, o.tls_cert_file,
                                                o.tls_key_file, authenticator));
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(o.listen, creds, &a->port_);
  // Documents up to review::kMaxDocumentBytes arrive in one message.
  builder.SetMaxReceiveMessageSize(
      static_cast<int>(review::kMaxDocumentBytes + (1 << 20)));
  if (o.targets.count("intake")) intake::Register(builder, deps);
  if (o.targets.count("admin")) admin::Register(builder, deps);
  if (o.targets.count("deadline")) deadline::Register(builder, deps);
  if (o.targets.count("casework")) casework::Register(builder, deps);
  if (o.targets.count("review")) review::Register(builder, deps);
  if (o.targets.count("reply")) reply::Register(builder, deps);
  if (o.targets.count("analytics")) analytics::Register(builder, deps);
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(server::MakeDecodeErrorInterceptorFactory());
  if (o.access_log) {
    interceptors.push_back(server::MakeAccessLogInterceptorFactory());
  }
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  a->server_ = builder.BuildAndStart();
  if (a->server_ == nullptr || a->port_ == 0) {
    return absl::UnavailableError(absl::StrCat("cannot listen on ", o.listen));
  }
  if (o.targets.count("deadline") && o.run_sweeper) {
    a->sweeper_ = std::make_unique<deadline::DeadlineSweeper>(&a->deps_);
    a->sweeper_->Start();
  }
  Log(LogLevel::kInfo, "serving",
      JsonObject()
          .Add("listen", o.listen)
          .Add("port", static_cast<int64_t>(a->port_))
          .Add("targets", absl::StrJoin(o.targets, ",")));
  return a;
}

void Assembly::Shutdown(absl::Duration drain) {
  if (stopped_) return;
  stopped_ = true;
  if (server_ != nullptr) {
    server_->GetHealthCheckService()->Shutdown();
    server_->Shutdown(absl::ToChronoTime(absl::Now() + drain));
    server_->Wait();
  }
  if (sweeper_ != nullptr) sweeper_->Stop();
  workers_.reset();  // runs what is queued, then joins
  alerts_.reset();
  stop_refresh_.Notify();
  if (refresher_.joinable()) refresher_.join();
}

Assembly::~Assembly() { Shutdown(absl::ZeroDuration()); }

}  // namespace foi::foi_server
