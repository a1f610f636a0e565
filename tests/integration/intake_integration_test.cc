// IntakeService end to end inside one process: the real server assembly over
// loopback gRPC against a real MariaDB schema.
#include <atomic>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

// clang-format off
#include <cppconn/connection.h>
// clang-format on
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include "foi/v1/admin_service.grpc.pb.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/store/mysql_case_repository.h"
#include "libs/store/testing/test_database.h"
#include "libs/store/transaction.h"
#include "services/foi_server/assembly.h"
#include "tests/testing/server_fixture.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::ValidSubmission;
using ::testing::HasSubstr;

class IntakeIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    front_desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    reviewer_ = MintToken(v1::REVIEWER, "reviewer 1", "");
  }

  grpc::Status Submit(const v1::SubmitApplicationRequest& req, v1::Case* out) {
    grpc::ClientContext ctx;
    Auth(ctx, front_desk_);
    return intake_->SubmitApplication(&ctx, req, out);
  }

  int64_t CountRows(const std::string& table) {
    int64_t n = -1;
    EXPECT_THAT(store::RunOnConnection(
                    db_->pool(),
                    [&](store::Session& s) {
                      std::unique_ptr<sql::Statement> st(
                          s.connection().createStatement());
                      std::unique_ptr<sql::ResultSet> rs(
                          st->executeQuery("SELECT COUNT(*) FROM " + table));
                      rs->next();
                      n = rs->getInt64(1);
                      return absl::OkStatus();
                    }),
                IsOk());
    return n;
  }

  std::string front_desk_;
  std::string reviewer_;
};

TEST_F(IntakeIntegrationTest, SixtyFourConcurrentRetriesCreateExactlyOneCase) {
  const auto req = ValidSubmission("retry-storm-1");
  std::vector<std::thread> threads;
  std::vector<std::string> names(64);
  std::atomic<int> failures{0};
  for (int i = 0; i < 64; ++i) {
    threads.emplace_back([&, i] {
      v1::Case c;
      grpc::Status s = Submit(req, &c);
      if (!s.ok()) {
        ++failures;
        ADD_FAILURE() << s.error_code() << " " << s.error_message();
      }
      names[i] = c.name();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()).size(), 1u);
  EXPECT_EQ(CountRows("cases"), 1);
  EXPECT_EQ(CountRows("case_events"), 1);
}

TEST_F(IntakeIntegrationTest, ReusedRequestIdWithOtherContentIsAlreadyExists) {
  v1::Case first, second;
  ASSERT_TRUE(Submit(ValidSubmission("rid-7", 1), &first).ok());
  grpc::Status s = Submit(ValidSubmission("rid-7", 2), &second);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_THAT(s.error_message(), HasSubstr("request_id"));
  EXPECT_EQ(CountRows("cases"), 1);
}

TEST_F(IntakeIntegrationTest, InvalidApplicationNamesTheFieldAndWritesNothing) {
  auto req = ValidSubmission("rid-bad");
  req.mutable_case_()->mutable_applicant()->set_name("");
  v1::Case c;
  grpc::Status s = Submit(req, &c);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("case.applicant.name"));
  req = ValidSubmission("rid-bad-2");
  req.mutable_case_()->mutable_details()->set_information_description(
      "\xff\xfe");
  s = Submit(req, &c);
  // protobuf refuses the message before any handler runs; the error still
  // says what is wrong.
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("UTF-8"));
  req = ValidSubmission("rid-bad-3");
  req.mutable_case_()->mutable_details()->set_information_description(
      std::string(10001, 'x'));
  s = Submit(req, &c);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(),
              HasSubstr("case.details.information_description"));
  EXPECT_EQ(CountRows("cases"), 0);
  EXPECT_EQ(CountRows("idempotency_keys"), 0);
}

TEST_F(IntakeIntegrationTest, CaseNumbersAreUniqueAndFollowThePattern) {
  std::set<std::string> numbers;
  for (int i = 0; i < 45; ++i) {
    v1::Case c;
    ASSERT_TRUE(Submit(ValidSubmission(absl::StrCat("n-", i), i), &c).ok());
    EXPECT_THAT(c.case_number(),
                ::testing::MatchesRegex("FOI-[0-9]{4}-[0-9]{6}"));
    EXPECT_EQ(c.state(), v1::RECEIVED);
    numbers.insert(c.case_number());
  }
  EXPECT_EQ(numbers.size(), 45u);
}

TEST_F(IntakeIntegrationTest, ReviewersSeeTheNameButNotTheContactDetails) {
  v1::Case created;
  ASSERT_TRUE(Submit(ValidSubmission("rid-privacy"), &created).ok());
  grpc::ClientContext ctx;
  Auth(ctx, reviewer_);
  v1::GetCaseRequest req;
  req.set_name(created.name());
  v1::Case seen;
  ASSERT_TRUE(intake_->GetCase(&ctx, req, &seen).ok());
  EXPECT_EQ(seen.applicant().name(), "张三");
  EXPECT_TRUE(seen.applicant().phone().empty());
  EXPECT_TRUE(seen.applicant().id_document_number().empty());
}

TEST_F(IntakeIntegrationTest, TamperedEventIsDetectedByTheChain) {
  v1::Case created;
  ASSERT_TRUE(Submit(ValidSubmission("rid-chain"), &created).ok());
  {
    grpc::ClientContext ctx;
    Auth(ctx, front_desk_);
    v1::WithdrawApplicationRequest req;
    req.set_name(created.name());
    req.set_etag(created.etag());
    req.set_reason("申请人撤回");
    v1::Case withdrawn;
    ASSERT_TRUE(intake_->WithdrawApplication(&ctx, req, &withdrawn).ok());
    EXPECT_EQ(withdrawn.state(), v1::WITHDRAWN);
  }
  store::ConnectionPool& pool = db_->pool();
  auto numbers = store::ConnectionPool::Create(db_->options());
  ASSERT_THAT(numbers, IsOk());
  auto repo = store::MysqlCaseRepository::Create(&pool, numbers->get(), "FOI");
  ASSERT_THAT(repo, IsOk());
  const std::string id = created.name().substr(6);
  auto history = (*repo)->ListEvents(id);
  ASSERT_THAT(history, IsOk());
  ASSERT_EQ(history->events.size(), 2u);
  EXPECT_TRUE(history->verification.intact) << history->verification.problem;

  // The table refuses updates; someone able to drop the trigger is still
  // caught by the chain.
  absl::Status refused = store::RunOnConnection(pool, [&](store::Session& s) {
    std::unique_ptr<sql::Statement> st(s.connection().createStatement());
    st->execute("UPDATE case_events SET actor = 'x' WHERE case_id = '" + id +
                "'");
    return absl::OkStatus();
  });
  EXPECT_FALSE(refused.ok());
  ASSERT_THAT(
      store::RunOnConnection(
          pool,
          [&](store::Session& s) {
            std::unique_ptr<sql::Statement> st(
                s.connection().createStatement());
            st->execute("DROP TRIGGER case_events_no_update");
            st->execute(
                "UPDATE case_events SET payload = '{\"reason\":\"forged\"}'"
                " WHERE case_id = '" +
                id + "' AND seq = 2");
            return absl::OkStatus();
          }),
      IsOk());
  history = (*repo)->ListEvents(id);
  ASSERT_THAT(history, IsOk());
  EXPECT_FALSE(history->verification.intact);
  EXPECT_EQ(history->verification.first_bad_sequence, 2);
}

}  // namespace
}  // namespace foi
