// No acknowledged application is ever lost: submissions run while MariaDB is
// killed with SIGKILL and started again. Calls during the outage fail with
// UNAVAILABLE, the server heals by itself, and every case it acknowledged is
// stored with a verifying event chain. Retrying the failed submissions with
// their request ids never makes a second case.
#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/store/connection_pool.h"
#include "libs/store/mysql_case_repository.h"
#include "libs/store/testing/mariadb_instance.h"
#include "services/foi_server/assembly.h"
#include "tests/testing/submissions.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;

constexpr char kAdminSecret[] = "outage-admin-secret";

TEST(OutageIntegrationTest, AcknowledgedCasesSurviveADatabaseKill) {
  auto db = foi::testing::MariadbInstance::Create();
  ASSERT_THAT(db, IsOk());
  ASSERT_THAT((*db)->Start(), IsOk());

  foi_server::AssemblyOptions o;
  o.mysql = (*db)->options();
  o.mysql.pool_size = 4;
  o.mysql.acquire_timeout = absl::Seconds(2);
  o.mysql.connect_timeout = absl::Seconds(1);
  o.mysql.io_timeout = absl::Seconds(5);
  o.listen = "127.0.0.1:0";
  o.bootstrap_admin_secret = kAdminSecret;
  o.access_log = false;
  auto server = foi_server::Assembly::Start(o);
  ASSERT_THAT(server, IsOk());
  auto stub = v1::IntakeService::NewStub(
      grpc::CreateChannel(absl::StrCat("127.0.0.1:", (*server)->port()),
                          grpc::InsecureChannelCredentials()));

  absl::Mutex mu;
  std::map<std::string, std::string> acked;  // request_id -> case name
  std::vector<std::string> failed;           // request ids
  std::map<int, int> failure_codes;
  std::atomic<bool> stop{false};
  std::atomic<int> counter{0};
  auto submitter = [&] {
    while (!stop.load()) {
      const std::string rid = absl::StrCat("outage-", counter++);
      grpc::ClientContext ctx;
      ctx.AddMetadata("authorization", absl::StrCat("Bearer ", kAdminSecret));
      ctx.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(20));
      v1::Case c;
      grpc::Status s =
          stub->SubmitApplication(&ctx, foi::testing::ValidSubmission(rid), &c);
      absl::MutexLock lock(&mu);
      if (s.ok()) {
        acked[rid] = c.name();
      } else {
        failed.push_back(rid);
        ++failure_codes[s.error_code()];
      }
    }
  };
  auto acked_count = [&] {
    absl::MutexLock lock(&mu);
    return acked.size();
  };
  auto wait_for_acks = [&](size_t n) {
    const absl::Time deadline = absl::Now() + absl::Seconds(60);
    while (acked_count() < n && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(10));
    }
    return acked_count() >= n;
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back(submitter);
  ASSERT_TRUE(wait_for_acks(100));
  (*db)->Kill();
  absl::SleepFor(absl::Seconds(2));  // submissions keep failing meanwhile
  const size_t before_restart = acked_count();
  ASSERT_THAT((*db)->Start(), IsOk());
  EXPECT_TRUE(wait_for_acks(before_restart + 100))
      << "the server did not recover after the database came back";
  stop = true;
  for (auto& t : threads) t.join();

  // Calls that failed did so as UNAVAILABLE (the database was down).
  for (const auto& [code, n] : failure_codes) {
    EXPECT_EQ(code, grpc::StatusCode::UNAVAILABLE) << n << " calls";
  }
  EXPECT_GT(failed.size(), 0u) << "the outage was not observed";

  // The client retries what failed, with the same request ids.
  for (const std::string& rid : failed) {
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", absl::StrCat("Bearer ", kAdminSecret));
    v1::Case c;
    grpc::Status s =
        stub->SubmitApplication(&ctx, foi::testing::ValidSubmission(rid), &c);
    ASSERT_TRUE(s.ok()) << s.error_message();
    acked[rid] = c.name();
  }
  (*server)->Shutdown(absl::Seconds(1));

  // Every acknowledged case is there, once, with a verifying chain.
  auto pool = store::ConnectionPool::Create(o.mysql);
  ASSERT_THAT(pool, IsOk());
  auto numbers = store::ConnectionPool::Create(o.mysql);
  ASSERT_THAT(numbers, IsOk());
  auto repo =
      store::MysqlCaseRepository::Create(pool->get(), numbers->get(), "FOI");
  ASSERT_THAT(repo, IsOk());
  std::set<std::string> distinct;
  for (const auto& [rid, name] : acked) {
    auto history = (*repo)->ListEvents(name.substr(6));
    ASSERT_THAT(history, IsOk()) << rid;
    EXPECT_TRUE(history->verification.intact) << history->verification.problem;
    distinct.insert(name);
  }
  EXPECT_EQ(distinct.size(), acked.size());
  store::CaseQuery all;
  all.page_size = 100000;
  auto page = (*repo)->List(all);
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->cases.size(), acked.size())
      << "a submission the client saw fail was stored under a second case";
}

}  // namespace
}  // namespace foi
