// foi-server: hosts foi-tracker's services. `--targets=all` runs every service
// in one process (a single-machine agency); `--targets=intake` (etc.) runs one
// per process for a microservice deployment. Wires dependencies and nothing
// else.
#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "libs/common/id_generator.h"
#include "libs/common/json_writer.h"
#include "libs/common/status_macros.h"
#include "libs/server/bootstrap.h"
#include "libs/server/log.h"
#include "libs/store/mysql_options.h"
#include "services/foi_server/assembly.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "host:port to serve on; port 0 picks a free one");
ABSL_FLAG(std::string, targets, "all",
          "services to host: 'all' or a comma list of admin, casework, "
          "deadline, intake, reply, review, analytics");
ABSL_FLAG(std::string, mysql_url, "mysql://root@127.0.0.1:3306/foi",
          "database: mysql://user[:password]@host[:port]/db[?socket=PATH]");
ABSL_FLAG(int, db_pool_size, 16, "database connections (and worker threads)");
ABSL_FLAG(int, db_wait_seconds, 60,
          "how long start-up waits for the database to answer");
ABSL_FLAG(int, max_queued_calls, 2000,
          "calls waiting for a worker beyond which the server sheds load");
ABSL_FLAG(std::string, calendar_file, "",
          "working-day calendar CSV to use if it covers more than the "
          "built-in one and the one last loaded into the database");
ABSL_FLAG(std::string, screening_dir, "",
          "directory of the confidentiality screening rule sets (*.rules); "
          "empty: the deploy/screening of the source tree it was built from");
ABSL_FLAG(std::string, templates_dir, "",
          "directory of the letter templates (*.tmpl); empty: the "
          "deploy/templates of the source tree it was built from");
ABSL_FLAG(std::string, agency_config, "",
          "the agency's details for letters (see deploy/agency.example.conf); "
          "empty: that example file");
ABSL_FLAG(std::string, agency_prefix, "FOI", "prefix of case numbers");
ABSL_FLAG(std::string, time_zone, "Asia/Shanghai", "the agency's time zone");
ABSL_FLAG(std::string, default_unit, "ogi-office",
          "unit that receives applications naming none");
ABSL_FLAG(std::string, bootstrap_admin_token_file, "",
          "file holding an ADMIN token's secret; created (mode 0600) with a "
          "new secret if missing. Empty: no bootstrap token");
ABSL_FLAG(std::string, tls_cert_file, "", "PEM certificate: serve over TLS");
ABSL_FLAG(std::string, tls_key_file, "", "PEM private key for TLS");
ABSL_FLAG(bool, access_log, true, "log one line per call");
ABSL_FLAG(int, token_refresh_seconds, 5,
          "how often tokens made on other replicas are picked up");
ABSL_FLAG(int, drain_seconds, 10,
          "on SIGTERM, how long in-flight calls may take to finish");

namespace {

using foi::server::Log;
using foi::server::LogLevel;

[[noreturn]] void Die(absl::string_view what, const absl::Status& s) {
  Log(LogLevel::kError, what, foi::JsonObject().Add("error", s.ToString()));
  std::exit(1);
}

// Reads the bootstrap secret, or makes one and writes it owner-only.
absl::StatusOr<std::string> LoadOrCreateSecret(const std::string& path) {
  {
    std::ifstream in(path);
    std::string secret;
    if (in && std::getline(in, secret)) {
      absl::StripAsciiWhitespace(&secret);
      if (!secret.empty()) return secret;
    }
  }
  foi::RandomIdGenerator ids;
  const std::string secret = ids.NewSecret();
  {
    std::ofstream out(path, std::ios::trunc);
    out << secret << "\n";
    if (!out) {
      return absl::InvalidArgumentError(
          absl::StrCat("--bootstrap_admin_token_file: cannot write ", path));
    }
  }
  if (chmod(path.c_str(), 0600) != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("--bootstrap_admin_token_file: cannot chmod ", path));
  }
  return secret;
}

absl::StatusOr<foi::foi_server::AssemblyOptions> OptionsFromFlags() {
  foi::foi_server::AssemblyOptions o;
  FOI_ASSIGN_OR_RETURN(
      o.targets, foi::server::ParseTargets(absl::GetFlag(FLAGS_targets),
                                           foi::foi_server::KnownTargets()));
  FOI_ASSIGN_OR_RETURN(
      o.mysql, foi::store::ParseMysqlUrl(absl::GetFlag(FLAGS_mysql_url)));
  o.mysql.pool_size = absl::GetFlag(FLAGS_db_pool_size);
  o.db_wait = absl::Seconds(absl::GetFlag(FLAGS_db_wait_seconds));
  if (!absl::LoadTimeZone(absl::GetFlag(FLAGS_time_zone), &o.agency_zone)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--time_zone: unknown zone ", absl::GetFlag(FLAGS_time_zone),
        " (is tzdata installed?)"));
  }
  o.listen = absl::GetFlag(FLAGS_listen);
  o.agency_prefix = absl::GetFlag(FLAGS_agency_prefix);
  o.default_unit = absl::GetFlag(FLAGS_default_unit);
  o.calendar_file = absl::GetFlag(FLAGS_calendar_file);
  if (!absl::GetFlag(FLAGS_templates_dir).empty()) {
    o.templates_dir = absl::GetFlag(FLAGS_templates_dir);
  }
  if (!absl::GetFlag(FLAGS_agency_config).empty()) {
    o.agency_config = absl::GetFlag(FLAGS_agency_config);
  }
  if (!absl::GetFlag(FLAGS_screening_dir).empty()) {
    o.screening_dir = absl::GetFlag(FLAGS_screening_dir);
  }
  o.tls_cert_file = absl::GetFlag(FLAGS_tls_cert_file);
  o.tls_key_file = absl::GetFlag(FLAGS_tls_key_file);
  o.access_log = absl::GetFlag(FLAGS_access_log);
  o.token_refresh = absl::Seconds(absl::GetFlag(FLAGS_token_refresh_seconds));
  o.max_queued_calls = absl::GetFlag(FLAGS_max_queued_calls);
  const std::string admin_file =
      absl::GetFlag(FLAGS_bootstrap_admin_token_file);
  if (!admin_file.empty()) {
    FOI_ASSIGN_OR_RETURN(o.bootstrap_admin_secret,
                         LoadOrCreateSecret(admin_file));
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "foi-server: foi-tracker's gRPC services.\n"
      "  foi-server --listen=127.0.0.1:50051 "
      "--mysql_url='mysql://root@localhost/foi?socket=/path' --targets=all");
  absl::ParseCommandLine(argc, argv);
  // Debian's Abseil is built with mutex deadlock detection on, which keeps a
  // lock graph on every acquisition (measured ~2% of intake CPU); lock order
  // is checked by the thread-safety annotations at compile time instead.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  // Before any thread starts, so that only main receives SIGTERM.
  foi::server::BlockTerminationSignals();

  auto options = OptionsFromFlags();
  if (!options.ok()) Die("bad flags", options.status());
  auto assembly = foi::foi_server::Assembly::Start(*std::move(options));
  if (!assembly.ok()) Die("start-up failed", assembly.status());

  const int sig = foi::server::WaitForTerminationSignal();
  Log(LogLevel::kInfo, "draining",
      foi::JsonObject().Add("signal", static_cast<int64_t>(sig)));
  (*assembly)->Shutdown(absl::Seconds(absl::GetFlag(FLAGS_drain_seconds)));
  Log(LogLevel::kInfo, "stopped");
  return 0;
}
