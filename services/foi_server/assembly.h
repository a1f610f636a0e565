// Puts a foi-tracker server together: database pools and migrations,
// repositories, the token cache and its refresher, the worker pool, the
// authenticated gRPC server with health, reflection and the chosen services.
// main.cc and the integration tests share it, so what is tested is what runs.
//
// Thread safety: Start and Shutdown are called from one thread.
#ifndef FOI_SERVICES_FOI_SERVER_ASSEMBLY_H_
#define FOI_SERVICES_FOI_SERVER_ASSEMBLY_H_

#include <memory>
#include <set>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "grpcpp/server.h"
#include "libs/common/clock.h"
#include "libs/common/id_generator.h"
#include "libs/render/letter_renderer.h"
#include "libs/screening/screener.h"
#include "libs/server/deps.h"
#include "libs/store/connection_pool.h"
#include "libs/store/mysql_analytics_repository.h"
#include "libs/store/mysql_case_repository.h"
#include "libs/store/mysql_deadline_repository.h"
#include "libs/store/mysql_hint_repository.h"
#include "libs/store/mysql_reply_repository.h"
#include "libs/store/mysql_review_repository.h"
#include "libs/store/mysql_token_repository.h"
#include "services/deadline/deadline_sweeper.h"

namespace foi::foi_server {

// Every service a foi-server can host.
const std::vector<std::string>& KnownTargets();

struct AssemblyOptions {
  store::MysqlOptions mysql;
  // How long start-up waits for the database to answer.
  absl::Duration db_wait = absl::Seconds(60);
  std::string listen = "127.0.0.1:50051";
  std::set<std::string> targets = {"admin",    "analytics", "casework",
                                   "deadline", "intake",    "reply",
                                   "review"};
  // The screening rule sets (deploy/screening of the source tree by
  // default).
  std::string screening_dir = FOI_DEFAULT_SCREENING_DIR;
  // The letter templates and the agency's details (deploy/ of the source
  // tree by default).
  std::string templates_dir = FOI_DEFAULT_TEMPLATES_DIR;
  std::string agency_config = FOI_DEFAULT_AGENCY_CONFIG;
  // A calendar file to use when it covers more than the one in the
  // database and the built-in one. Empty: none.
  std::string calendar_file;
  // Run the deadline sweeper (with the deadline target). Tests turn it off
  // and call DeadlineSweeper::RunOnce with their own clock.
  bool run_sweeper = true;
  std::string agency_prefix = "FOI";
  absl::TimeZone agency_zone = absl::FixedTimeZone(8 * 3600);
  std::string default_unit = "ogi-office";
  // When set, an ADMIN token with this secret is ensured at start-up.
  std::string bootstrap_admin_secret;
  std::string tls_cert_file;
  std::string tls_key_file;
  bool access_log = true;
  absl::Duration token_refresh = absl::Seconds(5);
  int max_queued_calls = 2000;
  // Injected for tests; the real clock and generator when null.
  Clock* clock = nullptr;
  IdGenerator* ids = nullptr;
};

class Assembly {
 public:
  // Starts everything. Returns UNAVAILABLE if the database does not answer
  // within options.db_wait, INVALID_ARGUMENT for bad options.
  static absl::StatusOr<std::unique_ptr<Assembly>> Start(
      AssemblyOptions options);
  // Shuts down (without drain time) if Shutdown was not called.
  ~Assembly();

  // The port the server listens on (useful with port 0).
  int port() const { return port_; }

  // What the services were given, for tests that drive the sweeper or move
  // the clock.
  server::Deps& deps() { return deps_; }

  // Stops taking calls (health turns NOT_SERVING), lets calls in flight
  // finish for up to `drain`, then stops the workers and the refresher.
  void Shutdown(absl::Duration drain);

 private:
  Assembly() = default;

  AssemblyOptions options_;
  SystemClock system_clock_;
  RandomIdGenerator random_ids_;
  std::unique_ptr<store::ConnectionPool> pool_;
  std::unique_ptr<store::ConnectionPool> numbers_pool_;
  std::unique_ptr<store::MysqlCaseRepository> cases_;
  std::unique_ptr<store::MysqlTokenRepository> tokens_;
  std::unique_ptr<server::TokenCache> token_cache_;
  std::unique_ptr<store::MysqlDeadlineRepository> deadlines_;
  std::unique_ptr<store::MysqlReviewRepository> reviews_;
  std::unique_ptr<screening::Screener> screener_;
  std::unique_ptr<store::MysqlReplyRepository> replies_;
  std::unique_ptr<store::MysqlAnalyticsRepository> analytics_;
  std::unique_ptr<store::MysqlHintRepository> hints_;
  std::unique_ptr<render::LetterRenderer> letters_;
  std::unique_ptr<server::CalendarHolder> calendars_;
  std::unique_ptr<server::AlertHub> alerts_;
  std::unique_ptr<deadline::DeadlineSweeper> sweeper_;
  std::unique_ptr<server::WorkerPool> workers_;
  server::Deps deps_;
  std::unique_ptr<grpc::Server> server_;
  absl::Notification stop_refresh_;
  std::thread refresher_;
  int port_ = 0;
  bool stopped_ = false;
};

}  // namespace foi::foi_server

#endif  // FOI_SERVICES_FOI_SERVER_ASSEMBLY_H_
