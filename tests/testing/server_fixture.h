// A whole foi-server in the test process (the real assembly, real gRPC over
// loopback, a fresh MariaDB schema) with an injected clock, stubs of every
// service and helpers to mint tokens and submit applications.
#ifndef FOI_TESTS_TESTING_SERVER_FIXTURE_H_
#define FOI_TESTS_TESTING_SERVER_FIXTURE_H_

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "foi/v1/admin_service.grpc.pb.h"
#include "foi/v1/analytics_service.grpc.pb.h"
#include "foi/v1/casework_service.grpc.pb.h"
#include "foi/v1/deadline_service.grpc.pb.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "foi/v1/reply_service.grpc.pb.h"
#include "foi/v1/review_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/common/testing/fake_clock.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/store/testing/test_database.h"
#include "services/foi_server/assembly.h"
#include "tests/testing/submissions.h"

namespace foi::testing {

// 10:00 in Beijing on the given day.
inline absl::Time BeijingTime(int y, int m, int d, int hour = 10) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hour, 0, 0),
                         absl::FixedTimeZone(8 * 3600));
}

inline v1::Date MakeDate(int y, int m, int d) {
  v1::Date out;
  out.set_year(y);
  out.set_month(m);
  out.set_day(d);
  return out;
}

class ServerFixture : public ::testing::Test {
 protected:
  static constexpr char kAdminSecret[] = "fixture-admin-secret";

  ServerFixture() : clock_(BeijingTime(2024, 10, 8)) {}

  void SetUp() override {
    auto db = TestDatabase::Create();
    ASSERT_THAT(db, IsOk());
    db_ = *std::move(db);
    foi_server::AssemblyOptions o;
    o.mysql = db_->options();
    o.mysql.pool_size = 6;
    o.listen = "127.0.0.1:0";
    o.bootstrap_admin_secret = kAdminSecret;
    o.access_log = false;
    o.run_sweeper = false;
    o.clock = &clock_;
    auto assembly = foi_server::Assembly::Start(std::move(o));
    ASSERT_THAT(assembly, IsOk());
    server_ = *std::move(assembly);
    // Redacted documents come back with their PDF: no 4 MiB cap.
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(-1);
    auto channel =
        grpc::CreateCustomChannel(absl::StrCat("127.0.0.1:", server_->port()),
                                  grpc::InsecureChannelCredentials(), args);
    intake_ = v1::IntakeService::NewStub(channel);
    casework_ = v1::CaseworkService::NewStub(channel);
    deadline_ = v1::DeadlineService::NewStub(channel);
    admin_ = v1::AdminService::NewStub(channel);
    review_ = v1::ReviewService::NewStub(channel);
    reply_ = v1::ReplyService::NewStub(channel);
    analytics_ = v1::AnalyticsService::NewStub(channel);
  }

  // Mints a token; its display name is the officer's name.
  std::string MintToken(v1::Role role, const std::string& name,
                        const std::string& unit) {
    grpc::ClientContext ctx;
    Auth(ctx, kAdminSecret);
    v1::CreateTokenRequest req;
    req.mutable_token()->set_display_name(name);
    req.mutable_token()->set_role(role);
    req.mutable_token()->set_unit(unit);
    v1::CreateTokenResponse resp;
    grpc::Status s = admin_->CreateToken(&ctx, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.secret();
  }

  static void Auth(grpc::ClientContext& ctx, const std::string& token) {
    ctx.AddMetadata("authorization", "Bearer " + token);
  }

  // Submits an application received on `receipt` to `unit`.
  v1::Case SubmitAs(const std::string& token, const std::string& request_id,
                    v1::Date receipt, const std::string& unit = "") {
    auto req = ValidSubmission(request_id);
    *req.mutable_case_()->mutable_receipt_date() = receipt;
    req.mutable_case_()->set_unit(unit);
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::Case c;
    grpc::Status s = intake_->SubmitApplication(&ctx, req, &c);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return c;
  }

  // Submits a request for `description` from the applicant whose identity
  // document number is `id_number`, received on `receipt`.
  v1::Case SubmitRequest(const std::string& token,
                         const std::string& request_id,
                         const std::string& id_number,
                         const std::string& description, v1::Date receipt) {
    auto req = ValidSubmission(request_id);
    req.mutable_case_()->mutable_applicant()->set_id_document_number(id_number);
    req.mutable_case_()->mutable_details()->set_information_description(
        description);
    *req.mutable_case_()->mutable_receipt_date() = receipt;
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::Case c;
    grpc::Status s = intake_->SubmitApplication(&ctx, req, &c);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return c;
  }

  v1::Case GetAs(const std::string& token, const std::string& name) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::GetCaseRequest req;
    req.set_name(name);
    v1::Case c;
    grpc::Status s = intake_->GetCase(&ctx, req, &c);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return c;
  }

  FakeClock clock_;
  std::unique_ptr<TestDatabase> db_;
  std::unique_ptr<foi_server::Assembly> server_;
  std::unique_ptr<v1::IntakeService::Stub> intake_;
  std::unique_ptr<v1::CaseworkService::Stub> casework_;
  std::unique_ptr<v1::DeadlineService::Stub> deadline_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::ReviewService::Stub> review_;
  std::unique_ptr<v1::ReplyService::Stub> reply_;
  std::unique_ptr<v1::AnalyticsService::Stub> analytics_;
};

}  // namespace foi::testing

#endif  // FOI_TESTS_TESTING_SERVER_FIXTURE_H_
