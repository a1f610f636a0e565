// CaseworkService end to end: the real server over loopback gRPC on MariaDB,
// time moved by hand.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/synchronization/barrier.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "services/deadline/deadline_sweeper.h"
#include "tests/testing/server_fixture.h"

namespace foi {
namespace {

using ::foi::testing::BeijingTime;
using ::foi::testing::IsOk;
using ::foi::testing::MakeDate;

std::string Ymd(const v1::Date& d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

const v1::Clock* ReplyClock(const v1::Case& c) {
  for (const v1::Clock& k : c.clocks()) {
    if (k.kind() == v1::REPLY) return &k;
  }
  return nullptr;
}

class CaseworkIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    li_ = MintToken(v1::OFFICER, "li", "ogi-office");
    wang_ = MintToken(v1::OFFICER, "wang", "ogi-office");
    zhao_ = MintToken(v1::OFFICER, "zhao", "planning");
    manager_ = MintToken(v1::MANAGER, "chen", "ogi-office");
    reviewer_ = MintToken(v1::REVIEWER, "sun", "");
  }

  v1::Case Submit(const std::string& rid, v1::Date receipt,
                  const std::string& unit = "ogi-office") {
    return SubmitAs(desk_, rid, receipt, unit);
  }

  grpc::Status Claim(const std::string& token, const v1::Case& c,
                     v1::Case* out) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::ClaimCaseRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    return casework_->ClaimCase(&ctx, req, out);
  }

  std::string desk_, li_, wang_, zhao_, manager_, reviewer_;
};

TEST_F(CaseworkIntegrationTest, TwoOfficersClaimingOneCaseAtOnceOneWins) {
  for (int round = 0; round < 5; ++round) {
    const v1::Case c =
        Submit(absl::StrCat("claim-", round), MakeDate(2024, 10, 8));
    absl::Barrier* start = new absl::Barrier(2);
    grpc::Status li_status, wang_status;
    v1::Case li_case, wang_case;
    std::thread a([&] {
      if (start->Block()) delete start;
      li_status = Claim(li_, c, &li_case);
    });
    std::thread b([&] {
      if (start->Block()) delete start;
      wang_status = Claim(wang_, c, &wang_case);
    });
    a.join();
    b.join();
    ASSERT_NE(li_status.ok(), wang_status.ok())
        << li_status.error_message() << " / " << wang_status.error_message();
    const grpc::Status& loser = li_status.ok() ? wang_status : li_status;
    EXPECT_EQ(loser.error_code(), grpc::ABORTED);
    const v1::Case now = GetAs(desk_, c.name());
    EXPECT_EQ(now.assignee(), li_status.ok() ? "li" : "wang");
    EXPECT_EQ(now.state(), v1::IN_PROGRESS);
  }
}

TEST_F(CaseworkIntegrationTest, CorrectionRestartsTheReplyClockEndToEnd) {
  v1::Case c = Submit("corr-1", MakeDate(2024, 9, 27));
  ASSERT_EQ(Ymd(ReplyClock(c)->due_date()), "2024-10-30");
  ASSERT_TRUE(Claim(li_, c, &c).ok());
  {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::RequestCorrectionRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    req.add_items("请说明所需信息的具体年度");
    req.add_items("请补充身份证明复印件");
    *req.mutable_deadline() = MakeDate(2024, 10, 22);
    ASSERT_TRUE(casework_->RequestCorrection(&ctx, req, &c).ok());
  }
  EXPECT_EQ(c.state(), v1::AWAITING_CORRECTION);
  EXPECT_FALSE(ReplyClock(c)->has_due_date()) << "Art. 30: the clock stops";

  clock_.Set(BeijingTime(2024, 10, 15));
  {
    grpc::ClientContext ctx;
    Auth(ctx, desk_);
    v1::SubmitCorrectionRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    *req.mutable_received_date() = MakeDate(2024, 10, 14);
    req.set_correction("申请2023年度的信息");
    grpc::Status s = intake_->SubmitCorrection(&ctx, req, &c);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }
  EXPECT_EQ(c.state(), v1::IN_PROGRESS);
  EXPECT_EQ(Ymd(ReplyClock(c)->start_date()), "2024-10-14");
  // 20 working days afresh from Mon 2024-10-14.
  EXPECT_EQ(Ymd(ReplyClock(c)->due_date()), "2024-11-11");
}

TEST_F(CaseworkIntegrationTest, ConsultationExcludesItsWorkingDaysEndToEnd) {
  v1::Case c = Submit("cons-1", MakeDate(2024, 9, 27));
  ASSERT_TRUE(Claim(li_, c, &c).ok());
  clock_.Set(BeijingTime(2024, 10, 9));
  {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::StartConsultationRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    req.set_kind("THIRD_PARTY");
    req.set_party("某建筑工程有限公司");
    req.set_reason("申请公开的合同涉及该公司商业秘密");
    ASSERT_TRUE(casework_->StartConsultation(&ctx, req, &c).ok());
  }
  EXPECT_EQ(c.state(), v1::IN_CONSULTATION);
  EXPECT_TRUE(ReplyClock(c)->paused());
  clock_.Set(BeijingTime(2024, 10, 16));
  {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::EndConsultationRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    req.set_outcome("第三方不同意公开报价部分");
    ASSERT_TRUE(casework_->EndConsultation(&ctx, req, &c).ok());
  }
  // (10-09, 10-16]: six working days (the make-up Saturday 10-12 too).
  EXPECT_EQ(ReplyClock(c)->suspended_working_days(), 6);
  EXPECT_EQ(Ymd(ReplyClock(c)->due_date()), "2024-11-07");

  grpc::ClientContext ctx;
  Auth(ctx, li_);
  v1::GetClocksRequest req;
  req.set_name(c.name());
  v1::GetClocksResponse clocks;
  ASSERT_TRUE(deadline_->GetClocks(&ctx, req, &clocks).ok());
  ASSERT_EQ(clocks.clocks_size(), 3);
  EXPECT_EQ(clocks.clocks(2).kind(), v1::CONSULTATION_REPLY);
  EXPECT_EQ(clocks.clocks(2).party(), "某建筑工程有限公司");
  EXPECT_EQ(clocks.clocks(2).allowed_working_days(), 15);
}

TEST_F(CaseworkIntegrationTest, SweeperDeemsUncorrectedApplicationsWithdrawn) {
  v1::Case c = Submit("lapse-1", MakeDate(2024, 9, 27));
  ASSERT_TRUE(Claim(li_, c, &c).ok());
  grpc::ClientContext ctx;
  Auth(ctx, li_);
  v1::RequestCorrectionRequest req;
  req.set_name(c.name());
  req.set_etag(c.etag());
  req.add_items("请明确申请公开的信息名称");
  *req.mutable_deadline() = MakeDate(2024, 10, 22);
  ASSERT_TRUE(casework_->RequestCorrection(&ctx, req, &c).ok());

  deadline::DeadlineSweeper sweeper(&server_->deps());
  clock_.Set(BeijingTime(2024, 10, 22, 23));
  auto on_deadline = sweeper.RunOnce(clock_.Now());
  ASSERT_THAT(on_deadline, IsOk());
  EXPECT_EQ(on_deadline->deemed_withdrawn, 0) << "the deadline day is allowed";
  clock_.Set(BeijingTime(2024, 10, 23, 0));
  auto after = sweeper.RunOnce(clock_.Now());
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(after->deemed_withdrawn, 1);
  const v1::Case now = GetAs(desk_, c.name());
  EXPECT_EQ(now.state(), v1::DEEMED_WITHDRAWN);

  grpc::ClientContext hctx;
  Auth(hctx, li_);
  v1::ListCaseEventsRequest hreq;
  hreq.set_name(c.name());
  v1::ListCaseEventsResponse history;
  ASSERT_TRUE(casework_->ListCaseEvents(&hctx, hreq, &history).ok());
  ASSERT_GE(history.events_size(), 4);
  EXPECT_EQ(history.events(history.events_size() - 1).type(),
            "DEEMED_WITHDRAWN");
  EXPECT_EQ(history.events(history.events_size() - 1).actor(), "tokens/system");
  EXPECT_TRUE(history.chain_intact()) << history.chain_problem();
}

TEST_F(CaseworkIntegrationTest, EachRoleIsConfinedToWhatItMayDo) {
  const v1::Case ours = Submit("scope-1", MakeDate(2024, 10, 8));
  const v1::Case theirs = Submit("scope-2", MakeDate(2024, 10, 8), "planning");
  auto code = [&](const std::string& token, auto call) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    return call(ctx).error_code();
  };
  auto claim = [&](const v1::Case& c) {
    return [&, c](grpc::ClientContext& ctx) {
      v1::ClaimCaseRequest req;
      req.set_name(c.name());
      req.set_etag(c.etag());
      v1::Case out;
      return casework_->ClaimCase(&ctx, req, &out);
    };
  };
  auto assign = [&](const v1::Case& c) {
    return [&, c](grpc::ClientContext& ctx) {
      v1::AssignCaseRequest req;
      req.set_name(c.name());
      req.set_etag(c.etag());
      req.set_assignee("zhao");
      v1::Case out;
      return casework_->AssignCase(&ctx, req, &out);
    };
  };
  auto note = [&](const v1::Case& c) {
    return [&, c](grpc::ClientContext& ctx) {
      v1::AddNoteRequest req;
      req.set_name(c.name());
      req.set_etag(c.etag());
      req.set_note("已电话联系申请人");
      v1::Case out;
      return casework_->AddNote(&ctx, req, &out);
    };
  };
  auto history = [&](const v1::Case& c) {
    return [&, c](grpc::ClientContext& ctx) {
      v1::ListCaseEventsRequest req;
      req.set_name(c.name());
      v1::ListCaseEventsResponse out;
      return casework_->ListCaseEvents(&ctx, req, &out);
    };
  };
  auto consult = [&](const v1::Case& c) {
    return [&, c](grpc::ClientContext& ctx) {
      v1::StartConsultationRequest req;
      req.set_name(c.name());
      req.set_etag(c.etag());
      req.set_kind("OTHER_AGENCY");
      req.set_party("市财政局");
      req.set_reason("共同制作 (Art. 34)");
      v1::Case out;
      return casework_->StartConsultation(&ctx, req, &out);
    };
  };
  auto transfer = [&](const v1::Case& c) {
    return [&, c](grpc::ClientContext& ctx) {
      v1::TransferCaseRequest req;
      req.set_name(c.name());
      req.set_etag(c.etag());
      req.set_unit("legal");
      v1::Case out;
      return casework_->TransferCase(&ctx, req, &out);
    };
  };
  auto queue = [&](v1::QueueView view) {
    return [&, view](grpc::ClientContext& ctx) {
      v1::ListQueueRequest req;
      req.set_view(view);
      v1::ListQueueResponse out;
      return casework_->ListQueue(&ctx, req, &out);
    };
  };
  // An officer acts only on the own unit's cases.
  EXPECT_EQ(code(li_, claim(theirs)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(li_, note(theirs)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(li_, history(theirs)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(li_, consult(theirs)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(li_, queue(v1::ALL)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(li_, assign(ours)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(li_, transfer(ours)), grpc::PERMISSION_DENIED);
  // A manager manages the own unit only.
  EXPECT_EQ(code(manager_, assign(theirs)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(manager_, transfer(theirs)), grpc::PERMISSION_DENIED);
  // Reviewers and front desks do no casework.
  EXPECT_EQ(code(reviewer_, claim(ours)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(reviewer_, queue(v1::MINE)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(desk_, claim(ours)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(desk_, note(ours)), grpc::PERMISSION_DENIED);
  EXPECT_EQ(code(desk_, queue(v1::UNIT)), grpc::PERMISSION_DENIED);
  // What is allowed works, and nothing above changed a case.
  EXPECT_EQ(code(zhao_, history(theirs)), grpc::OK);
  EXPECT_EQ(code(reviewer_, history(theirs)), grpc::OK);
  EXPECT_EQ(GetAs(desk_, theirs.name()).etag(), theirs.etag());
  EXPECT_EQ(GetAs(desk_, ours.name()).etag(), ours.etag());
  EXPECT_EQ(code(std::string(kAdminSecret), assign(theirs)), grpc::OK);
  EXPECT_EQ(code(manager_, assign(ours)), grpc::OK);
}

TEST_F(CaseworkIntegrationTest, QueueIsOrderedByDueDateAndSaysWhyCasesWait) {
  clock_.Set(BeijingTime(2024, 10, 30));
  const v1::Case late = Submit("q-1", MakeDate(2024, 9, 27));  // due 10-30
  const v1::Case soon = Submit("q-2", MakeDate(2024, 10, 8));  // due 11-04
  v1::Case waiting = Submit("q-3", MakeDate(2024, 9, 20));     // due earliest
  Submit("q-4", MakeDate(2024, 10, 29));
  Submit("q-5", MakeDate(2024, 10, 8), "planning");
  ASSERT_TRUE(Claim(li_, waiting, &waiting).ok());
  {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::RequestCorrectionRequest req;
    req.set_name(waiting.name());
    req.set_etag(waiting.etag());
    req.add_items("请补充联系地址");
    *req.mutable_deadline() = MakeDate(2024, 11, 15);
    ASSERT_TRUE(casework_->RequestCorrection(&ctx, req, &waiting).ok());
  }

  // The unit's queue, two at a time: due first, the stopped clock last.
  std::vector<v1::QueueEntry> entries;
  v1::ListQueueRequest req;
  req.set_view(v1::UNIT);
  req.set_page_size(2);
  do {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::ListQueueResponse resp;
    ASSERT_TRUE(casework_->ListQueue(&ctx, req, &resp).ok());
    for (const auto& e : resp.entries()) entries.push_back(e);
    req.set_page_token(resp.next_page_token());
  } while (!req.page_token().empty());
  ASSERT_EQ(entries.size(), 4u) << "planning's case is not in the unit queue";
  EXPECT_EQ(entries[0].case_().name(), late.name());
  EXPECT_EQ(entries[0].working_days_left(), 0);
  // Queue lines name the applicant but carry no contact or identity data.
  EXPECT_EQ(entries[0].case_().applicant().name(), "张三");
  EXPECT_TRUE(entries[0].case_().applicant().phone().empty());
  EXPECT_TRUE(entries[0].case_().applicant().id_document_number().empty());
  EXPECT_EQ(entries[1].case_().name(), soon.name());
  EXPECT_EQ(entries[1].working_days_left(), 3);
  EXPECT_EQ(entries[3].case_().name(), waiting.name());
  EXPECT_FALSE(entries[3].has_working_days_left());
  EXPECT_EQ(entries[3].waiting_on(), "APPLICANT");

  grpc::ClientContext mine_ctx;
  Auth(mine_ctx, li_);
  v1::ListQueueRequest mine;
  mine.set_view(v1::MINE);
  v1::ListQueueResponse mine_resp;
  ASSERT_TRUE(casework_->ListQueue(&mine_ctx, mine, &mine_resp).ok());
  ASSERT_EQ(mine_resp.entries_size(), 1);
  EXPECT_EQ(mine_resp.entries(0).case_().name(), waiting.name());

  grpc::ClientContext free_ctx;
  Auth(free_ctx, wang_);
  v1::ListQueueRequest unassigned;
  unassigned.set_view(v1::UNIT_UNASSIGNED);
  v1::ListQueueResponse free_resp;
  ASSERT_TRUE(casework_->ListQueue(&free_ctx, unassigned, &free_resp).ok());
  EXPECT_EQ(free_resp.entries_size(), 3);
}

}  // namespace
}  // namespace foi
