// The foi-server binary as a separate process, over real gRPC on loopback,
// against a real MariaDB schema: what a front-desk system sees.
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "foi/v1/admin_service.grpc.pb.h"
#include "foi/v1/intake_service.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/store/testing/test_database.h"
#include "tests/testing/submissions.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;

int FreePort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

std::string MysqlUrl(const store::MysqlOptions& o) {
  if (!o.unix_socket.empty()) {
    return absl::StrCat("mysql://", o.user, "@localhost/", o.database,
                        "?socket=", o.unix_socket);
  }
  return absl::StrCat("mysql://", o.user, "@", o.host, ":", o.port, "/",
                      o.database);
}

class IntakeE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = foi::testing::TestDatabase::CreateEmpty();
    ASSERT_THAT(db, IsOk());
    db_ = *std::move(db);
    char dir_template[] = "/tmp/foi-e2e-XXXXXX";
    ASSERT_NE(mkdtemp(dir_template), nullptr);
    dir_ = dir_template;
    const int port = FreePort();
    endpoint_ = absl::StrCat("127.0.0.1:", port);
    const std::string token_file = dir_ + "/admin.token";
    const std::vector<std::string> args = {
        FOI_SERVER_PATH,
        "--listen=" + endpoint_,
        "--mysql_url=" + MysqlUrl(db_->options()),
        "--targets=all",
        "--db_pool_size=4",
        "--bootstrap_admin_token_file=" + token_file,
    };
    pid_ = fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      const std::string log = dir_ + "/server.log";
      freopen(log.c_str(), "w", stderr);
      std::vector<char*> argv;
      for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    channel_ =
        grpc::CreateChannel(endpoint_, grpc::InsecureChannelCredentials());
    intake_ = v1::IntakeService::NewStub(channel_);
    admin_ = v1::AdminService::NewStub(channel_);
    // Ready when the token file exists and an authenticated call answers.
    const absl::Time deadline = absl::Now() + absl::Seconds(60);
    for (;;) {
      std::ifstream in(token_file);
      if (in && std::getline(in, admin_token_) && !admin_token_.empty()) {
        grpc::ClientContext ctx;
        Authorize(ctx, admin_token_);
        v1::ListTokensResponse resp;
        if (admin_->ListTokens(&ctx, {}, &resp).ok()) break;
      }
      ASSERT_LT(absl::Now(), deadline)
          << "foi-server did not come up; see " << dir_ << "/server.log";
      int status;
      ASSERT_EQ(waitpid(pid_, &status, WNOHANG), 0)
          << "foi-server exited; see " << dir_ << "/server.log";
      absl::SleepFor(absl::Milliseconds(100));
    }
  }

  void TearDown() override {
    if (pid_ > 0) StopServer();
  }

  // Sends SIGTERM and returns the exit status.
  int StopServer() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }

  static void Authorize(grpc::ClientContext& ctx, const std::string& token) {
    ctx.AddMetadata("authorization", "Bearer " + token);
  }

  std::string CreateToken(v1::Role role, const std::string& name = "e2e") {
    grpc::ClientContext ctx;
    Authorize(ctx, admin_token_);
    v1::CreateTokenRequest req;
    req.mutable_token()->set_display_name(name);
    req.mutable_token()->set_role(role);
    req.mutable_token()->set_unit("ogi-office");
    v1::CreateTokenResponse resp;
    grpc::Status s = admin_->CreateToken(&ctx, req, &resp);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return resp.secret();
  }

  // Runs foictl as `token` with `args` (shell-quoted by the caller) and
  // returns its exit status; stdout goes to `*out`.
  int Foictl(const std::string& token, const std::string& args,
             std::string* out) {
    const std::string command =
        absl::StrCat("FOI_ENDPOINT=", endpoint_, " FOI_TOKEN=", token, " ",
                     FOICTL_PATH, " ", args, " 2>>", dir_, "/foictl.log");
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return -1;
    out->clear();
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out->append(buf, n);
    const int status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  std::unique_ptr<foi::testing::TestDatabase> db_;
  std::string dir_;
  std::string endpoint_;
  pid_t pid_ = -1;
  std::string admin_token_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::IntakeService::Stub> intake_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
};

TEST_F(IntakeE2eTest, FrontDeskSubmitsGetsPagesAndWithdraws) {
  const std::string desk = CreateToken(v1::FRONT_DESK);

  // Submit 250 applications; the first is fetched back.
  v1::Case first;
  for (int i = 0; i < 250; ++i) {
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    v1::Case c;
    grpc::Status s = intake_->SubmitApplication(
        &ctx, foi::testing::ValidSubmission(absl::StrCat("e2e-", i), i), &c);
    ASSERT_TRUE(s.ok()) << i << ": " << s.error_message();
    if (i == 0) first = c;
  }
  {
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    v1::GetCaseRequest req;
    req.set_name(first.name());
    v1::Case got;
    ASSERT_TRUE(intake_->GetCase(&ctx, req, &got).ok());
    EXPECT_EQ(got.case_number(), first.case_number());
    EXPECT_EQ(got.applicant().name(), "张三");
    EXPECT_TRUE(got.has_receipt_date());
  }

  // Page through them: every case exactly once, in creation order.
  std::vector<std::string> seen;
  v1::ListCasesRequest list;
  list.set_page_size(40);
  int pages = 0;
  do {
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    v1::ListCasesResponse resp;
    ASSERT_TRUE(intake_->ListCases(&ctx, list, &resp).ok());
    for (const v1::Case& c : resp.cases()) seen.push_back(c.name());
    list.set_page_token(resp.next_page_token());
    ++pages;
  } while (!list.page_token().empty());
  EXPECT_EQ(pages, 7);
  EXPECT_EQ(seen.size(), 250u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 250u);
  EXPECT_EQ(seen.front(), first.name());

  // A token from another filter is refused.
  {
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    v1::ListCasesRequest other;
    other.set_filter("state = WITHDRAWN");
    v1::ListCasesRequest paged;
    paged.set_page_size(10);
    v1::ListCasesResponse resp;
    ASSERT_TRUE(intake_->ListCases(&ctx, paged, &resp).ok());
    grpc::ClientContext ctx2;
    Authorize(ctx2, desk);
    other.set_page_token(resp.next_page_token());
    EXPECT_EQ(intake_->ListCases(&ctx2, other, &resp).error_code(),
              grpc::StatusCode::INVALID_ARGUMENT);
  }

  // Withdraw with a stale etag: ABORTED, nothing changes.
  v1::WithdrawApplicationRequest withdraw;
  withdraw.set_name(first.name());
  withdraw.set_etag("W/\"99\"");
  withdraw.set_reason("申请人电话撤回");
  {
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    v1::Case resp;
    EXPECT_EQ(intake_->WithdrawApplication(&ctx, withdraw, &resp).error_code(),
              grpc::StatusCode::ABORTED);
    grpc::ClientContext get_ctx;
    Authorize(get_ctx, desk);
    v1::GetCaseRequest get;
    get.set_name(first.name());
    v1::Case unchanged;
    ASSERT_TRUE(intake_->GetCase(&get_ctx, get, &unchanged).ok());
    EXPECT_EQ(unchanged.state(), v1::RECEIVED);
    EXPECT_EQ(unchanged.etag(), first.etag());
  }
  // With the fresh etag: OK, and the etag moves on.
  {
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    withdraw.set_etag(first.etag());
    v1::Case resp;
    grpc::Status s = intake_->WithdrawApplication(&ctx, withdraw, &resp);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(resp.state(), v1::WITHDRAWN);
    EXPECT_NE(resp.etag(), first.etag());
  }
  // Withdrawing again is refused by the state machine.
  {
    grpc::ClientContext get_ctx;
    Authorize(get_ctx, desk);
    v1::GetCaseRequest get;
    get.set_name(first.name());
    v1::Case now;
    ASSERT_TRUE(intake_->GetCase(&get_ctx, get, &now).ok());
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    withdraw.set_etag(now.etag());
    v1::Case resp;
    EXPECT_EQ(intake_->WithdrawApplication(&ctx, withdraw, &resp).error_code(),
              grpc::StatusCode::FAILED_PRECONDITION);
  }
}

TEST_F(IntakeE2eTest, CallsWithoutAValidTokenAreUnauthenticated) {
  v1::Case c;
  {
    grpc::ClientContext ctx;
    EXPECT_EQ(
        intake_->SubmitApplication(&ctx, foi::testing::ValidSubmission("x"), &c)
            .error_code(),
        grpc::StatusCode::UNAUTHENTICATED);
  }
  {
    grpc::ClientContext ctx;
    Authorize(ctx, "not-a-token");
    EXPECT_EQ(intake_->GetCase(&ctx, {}, &c).error_code(),
              grpc::StatusCode::UNAUTHENTICATED);
  }
}

TEST_F(IntakeE2eTest, FrontDeskCannotCreateTokensAndRevokedTokensStopWorking) {
  const std::string desk = CreateToken(v1::FRONT_DESK);
  {
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    v1::CreateTokenRequest req;
    req.mutable_token()->set_display_name("sneaky");
    req.mutable_token()->set_role(v1::ADMIN);
    v1::CreateTokenResponse resp;
    EXPECT_EQ(admin_->CreateToken(&ctx, req, &resp).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  // Revoke it: from then on it is UNAUTHENTICATED.
  std::string name;
  {
    grpc::ClientContext ctx;
    Authorize(ctx, admin_token_);
    v1::ListTokensResponse resp;
    ASSERT_TRUE(admin_->ListTokens(&ctx, {}, &resp).ok());
    for (const v1::Token& t : resp.tokens()) {
      if (t.role() == v1::FRONT_DESK) name = t.name();
    }
  }
  ASSERT_FALSE(name.empty());
  {
    grpc::ClientContext ctx;
    Authorize(ctx, admin_token_);
    v1::RevokeTokenRequest req;
    req.set_name(name);
    v1::Token resp;
    ASSERT_TRUE(admin_->RevokeToken(&ctx, req, &resp).ok());
    EXPECT_TRUE(resp.has_revoke_time());
  }
  grpc::ClientContext ctx;
  Authorize(ctx, desk);
  v1::ListCasesResponse resp;
  EXPECT_EQ(intake_->ListCases(&ctx, {}, &resp).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(IntakeE2eTest, SigtermDrainsAndExitsCleanly) {
  const int status = StopServer();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace foi

namespace foi {
namespace {

// The release path as an officer and a reviewer drive it from the command
// line, against the foi-server binary: attach, review, redact, sign off,
// draft, issue, fetch the PDF; and a fee quote.
TEST_F(IntakeE2eTest, FoictlTakesADocumentThroughReviewToAnIssuedReply) {
  const std::string desk = CreateToken(v1::FRONT_DESK);
  const std::string officer = CreateToken(v1::OFFICER, "officer li");
  const std::string reviewer = CreateToken(v1::REVIEWER, "reviewer sun");
  grpc::ClientContext ctx;
  Authorize(ctx, desk);
  v1::Case c;
  ASSERT_TRUE(intake_
                  ->SubmitApplication(
                      &ctx, foi::testing::ValidSubmission("e2e-release"), &c)
                  .ok());
  std::string out;
  ASSERT_EQ(Foictl(officer, "claim " + c.name(), &out), 0) << out;
  const std::string doc = dir_ + "/notice.txt";
  std::ofstream(doc)
      << "征收补偿公示\n被征收人王某，身份证号码11010519491231002X。\n"
         "补偿标准依照市政府公布的文件执行。\n";
  ASSERT_EQ(Foictl(officer, absl::StrCat("doc add ", c.name(), " ", doc), &out),
            0)
      << out;
  ASSERT_EQ(Foictl(officer, "review create " + c.name(), &out), 0) << out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      out, m, std::regex("\"(cases/[A-Za-z0-9_-]+/reviews/[A-Za-z0-9_-]+)\"")))
      << out;
  const std::string review = m[1];
  ASSERT_EQ(Foictl(reviewer, "review get " + review, &out), 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "11010519491231002X")) << out;
  ASSERT_EQ(Foictl(reviewer,
                   "review decide " + review +
                       " 1 --redact --ground=THIRD_PARTY_RIGHTS",
                   &out),
            0)
      << out;
  // The officer cannot sign off; the reviewer can.
  EXPECT_EQ(Foictl(officer,
                   "review complete " + review + " --conclusion=PARTIAL", &out),
            1);
  ASSERT_EQ(Foictl(reviewer,
                   "review complete " + review + " --conclusion=PARTIAL", &out),
            0)
      << out;
  ASSERT_EQ(
      Foictl(officer,
             "reply draft " + c.name() +
                 " --outcome=PARTIALLY_DISCLOSED"
                 " --grounds=THIRD_PARTY_RIGHTS --delivery-form=电子文档"
                 " --delivery-route=电子邮件"
                 " \'--withheld=被征收人的身份证号码|THIRD_PARTY_RIGHTS\'",
             &out),
      0)
      << out;
  EXPECT_TRUE(absl::StrContains(out, "第三十七条")) << out;
  ASSERT_EQ(Foictl(officer, "reply issue " + c.name(), &out), 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "REPLIED")) << out;
  const std::string pdf = dir_ + "/reply.pdf";
  ASSERT_EQ(
      Foictl(officer, "reply render " + c.name() + " --format=pdf --out=" + pdf,
             &out),
      0);
  FILE* text = popen(("pdftotext " + pdf + " -").c_str(), "r");
  ASSERT_NE(text, nullptr);
  std::string letter;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, text)) > 0) letter.append(buf, n);
  pclose(text);
  EXPECT_TRUE(absl::StrContains(letter, c.case_number())) << letter;

  // The reply counts in this year's annual report (a manager's view).
  const std::string manager = CreateToken(v1::MANAGER, "manager chen");
  const std::string year =
      absl::FormatTime("%Y", absl::Now(), absl::FixedTimeZone(8 * 3600));
  ASSERT_EQ(Foictl(manager, "report annual --format=csv --year=" + year, &out),
            0)
      << out;
  EXPECT_TRUE(absl::StrContains(out, "部分公开")) << out;
  EXPECT_EQ(Foictl(officer, "report annual --year=" + year, &out), 1);

  ASSERT_EQ(Foictl(officer, "fee --by=pages 201", &out), 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "2740")) << out;
  EXPECT_EQ(Foictl(officer, "fee --by=weight 3", &out), 2);
}

TEST_F(IntakeE2eTest, FoiAnalyticsPointsTheQueueToSimilarEarlierCases) {
  const std::string desk = CreateToken(v1::FRONT_DESK);
  const std::string manager = CreateToken(v1::MANAGER, "manager chen");
  std::vector<v1::Case> cases;
  for (const char* text :
       {"申请公开东湖区2024年老旧小区改造资金安排",
        "请提供2024年东湖区老旧小区改造资金安排的相关信息"}) {
    auto req =
        foi::testing::ValidSubmission(absl::StrCat("e2e-hint-", cases.size()));
    req.mutable_case_()->mutable_details()->set_information_description(text);
    grpc::ClientContext ctx;
    Authorize(ctx, desk);
    v1::Case c;
    ASSERT_TRUE(intake_->SubmitApplication(&ctx, req, &c).ok());
    cases.push_back(c);
    absl::SleepFor(absl::Milliseconds(5));  // ids sort by creation time
  }
  std::string out;
  ASSERT_EQ(Foictl(manager, "hints " + cases[1].name(), &out), 0) << out;
  EXPECT_TRUE(absl::StrContains(out, "not compared yet")) << out;

  // One run of the job binary: hints, then candidates.
  const std::string job =
      absl::StrCat(FOI_ANALYTICS_PATH, " --mysql_url='",
                   MysqlUrl(db_->options()), "' 2>>", dir_, "/analytics.log");
  ASSERT_EQ(std::system(job.c_str()), 0) << "see " << dir_ << "/analytics.log";

  ASSERT_EQ(Foictl(manager, "hints " + cases[1].name(), &out), 0) << out;
  EXPECT_TRUE(absl::StrContains(out, cases[0].case_number())) << out;
  ASSERT_EQ(Foictl(manager, "queue --view=ALL --csv", &out), 0) << out;
  // The later case has one similar earlier case; the earlier one none.
  EXPECT_TRUE(absl::StrContains(out, absl::StrCat(",1,", cases[1].name())))
      << out;
  EXPECT_TRUE(absl::StrContains(out, absl::StrCat(",0,", cases[0].name())))
      << out;
}

}  // namespace
}  // namespace foi
