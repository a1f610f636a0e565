// ReplyService end to end: fee quotes, a draft for every outcome rendered as
// text, HTML and a real PDF, issuing (idempotent, immutable, hashed into the
// audit trail) — the real server over loopback gRPC on MariaDB.
// clang-format off
#include <cppconn/connection.h>
// clang-format on
#include <cppconn/statement.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/sha256.h"
#include "libs/pdf/pdf_document.h"
#include "libs/store/transaction.h"
#include "tests/testing/server_fixture.h"
#include "tests/testing/squeeze.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::MakeDate;
using ::foi::testing::Squeeze;
using ::testing::HasSubstr;

class ReplyIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    li_ = MintToken(v1::OFFICER, "li", "ogi-office");
    reviewer_ = MintToken(v1::REVIEWER, "sun", "");
  }

  v1::Case NewCase(const std::string& rid) {
    return SubmitAs(desk_, rid, MakeDate(2024, 10, 8), "ogi-office");
  }

  grpc::Status Draft(const v1::Case& c, const v1::DraftReplyRequest& base,
                     v1::DraftReplyResponse* out) {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::DraftReplyRequest req = base;
    req.set_name(c.name());
    req.set_etag(c.etag());
    return reply_->DraftReply(&ctx, req, out);
  }

  grpc::Status Render(const v1::Case& c, v1::LetterFormat format,
                      v1::RenderedLetter* out) {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::RenderReplyRequest req;
    req.set_name(c.name());
    req.set_format(format);
    return reply_->RenderReply(&ctx, req, out);
  }

  grpc::Status Issue(const v1::Case& c, v1::IssueReplyResponse* out) {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::IssueReplyRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    return reply_->IssueReply(&ctx, req, out);
  }

  std::string desk_, li_, reviewer_;
};

struct OutcomeCase {
  const char* label;
  v1::DraftReplyRequest request;
  const char* article;  // as the letter cites it
};

std::vector<OutcomeCase> OutcomesWithoutRelease() {
  std::vector<OutcomeCase> out;
  {
    OutcomeCase o{"already public", {}, "第三十六条第（一）项"};
    o.request.set_outcome(v1::ALREADY_PUBLIC);
    o.request.mutable_details()->set_where_to_get(
        "本机关门户网站“政府信息公开”专栏（2024年3月1日发布）");
    out.push_back(o);
  }
  {
    OutcomeCase o{"not disclosed", {}, "第十四条"};
    o.request.set_outcome(v1::NOT_DISCLOSED);
    o.request.add_grounds(v1::STATE_SECRET);
    out.push_back(o);
  }
  {
    OutcomeCase o{"not held", {}, "第三十六条第（四）项"};
    o.request.set_outcome(v1::CANNOT_PROVIDE);
    o.request.set_reason(v1::NOT_HELD);
    out.push_back(o);
  }
  {
    OutcomeCase o{"another agency", {}, "第三十六条第（五）项"};
    o.request.set_outcome(v1::NOT_THIS_AGENCY);
    o.request.mutable_details()->set_reason_detail(
        "该信息由市住房和城乡建设局制作并保存");
    o.request.mutable_details()->set_other_agency("市住房和城乡建设局");
    o.request.mutable_details()->set_other_agency_contact("0871-12345678");
    out.push_back(o);
  }
  {
    OutcomeCase o{"repeated", {}, "第三十六条第（六）项"};
    o.request.set_outcome(v1::NOT_PROCESSED);
    o.request.set_reason(v1::REPEATED_APPLICATION);
    *o.request.mutable_details()->mutable_earlier_reply_date() =
        MakeDate(2024, 9, 2);
    out.push_back(o);
  }
  {
    OutcomeCase o{"special regime", {}, "第三十六条第（七）项"};
    o.request.set_outcome(v1::SPECIAL_REGIME);
    o.request.mutable_details()->set_regime_name("不动产登记资料");
    o.request.mutable_details()->set_regime_law(
        "《不动产登记资料查询暂行办法》");
    out.push_back(o);
  }
  return out;
}

TEST_F(ReplyIntegrationTest, EveryOutcomeDraftsAndRendersAsTextHtmlAndPdf) {
  int n = 0;
  for (const OutcomeCase& o : OutcomesWithoutRelease()) {
    SCOPED_TRACE(o.label);
    const v1::Case c = NewCase(absl::StrCat("outcome-", n++));
    v1::DraftReplyResponse drafted;
    grpc::Status s = Draft(c, o.request, &drafted);
    ASSERT_TRUE(s.ok()) << s.error_message();
    EXPECT_EQ(drafted.case_().state(), v1::REPLY_DRAFTED);
    EXPECT_THAT(Squeeze(drafted.letter_text()), HasSubstr(o.article));

    v1::RenderedLetter text, html, pdf;
    ASSERT_TRUE(Render(c, v1::TEXT, &text).ok());
    ASSERT_TRUE(Render(c, v1::HTML, &html).ok());
    ASSERT_TRUE(Render(c, v1::PDF, &pdf).ok());
    EXPECT_FALSE(text.issued());
    EXPECT_THAT(text.content(), HasSubstr(c.case_number()));
    EXPECT_THAT(html.content(), HasSubstr("<html lang=\"zh-CN\""));
    EXPECT_EQ(pdf.content_type(), "application/pdf");
    EXPECT_EQ(pdf.sha256(), Sha256Hex(pdf.content()));
    auto extracted = pdf::ExtractPdfText(pdf.content());
    ASSERT_THAT(extracted, IsOk());
    EXPECT_THAT(Squeeze(*extracted), HasSubstr(c.case_number()));
    EXPECT_THAT(Squeeze(*extracted), HasSubstr(o.article));
    EXPECT_THAT(Squeeze(*extracted), HasSubstr("张三"));
  }
}

TEST_F(ReplyIntegrationTest, DraftsNameWhatTheLetterLacks) {
  const v1::Case c = NewCase("lacks-1");
  v1::DraftReplyRequest req;
  req.set_outcome(v1::NOT_THIS_AGENCY);  // needs the reason in a sentence
  v1::DraftReplyResponse drafted;
  grpc::Status s = Draft(c, req, &drafted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("details."));
  req.set_outcome(v1::CANNOT_PROVIDE);  // needs a reason
  s = Draft(c, req, &drafted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("reason"));
  EXPECT_EQ(GetAs(li_, c.name()).etag(), c.etag());
  v1::RenderedLetter letter;
  EXPECT_EQ(Render(c, v1::TEXT, &letter).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(ReplyIntegrationTest, IssuedLetterIsNumberedHashedIdempotentAndFinal) {
  const v1::Case c = NewCase("issue-1");
  v1::IssueReplyResponse issued;
  // Nothing drafted yet.
  EXPECT_EQ(Issue(c, &issued).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  v1::DraftReplyResponse drafted;
  ASSERT_TRUE(Draft(c, OutcomesWithoutRelease()[2].request, &drafted).ok());
  grpc::Status s = Issue(drafted.case_(), &issued);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(issued.case_().state(), v1::REPLIED);
  EXPECT_FALSE(issued.document_number().empty());
  EXPECT_THAT(issued.document_number(), HasSubstr("2024"));

  // The stored letter is what RenderReply returns, with the hashes given.
  v1::RenderedLetter text, pdf;
  ASSERT_TRUE(Render(c, v1::TEXT, &text).ok());
  ASSERT_TRUE(Render(c, v1::PDF, &pdf).ok());
  EXPECT_TRUE(text.issued());
  EXPECT_EQ(text.sha256(), issued.text_sha256());
  EXPECT_EQ(pdf.sha256(), issued.pdf_sha256());
  EXPECT_THAT(text.content(), HasSubstr(issued.document_number()));
  auto extracted = pdf::ExtractPdfText(pdf.content());
  ASSERT_THAT(extracted, IsOk());
  EXPECT_THAT(Squeeze(*extracted),
              HasSubstr(Squeeze(issued.document_number())));

  // A retry with the etag it was sent with gets the same letter.
  v1::IssueReplyResponse again;
  ASSERT_TRUE(Issue(drafted.case_(), &again).ok());
  EXPECT_EQ(again.document_number(), issued.document_number());
  EXPECT_EQ(again.pdf_sha256(), issued.pdf_sha256());

  // The case is closed: no new draft; the letter's hash is in the chain.
  EXPECT_EQ(Draft(issued.case_(), OutcomesWithoutRelease()[1].request, &drafted)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  grpc::ClientContext ctx;
  Auth(ctx, li_);
  v1::ListCaseEventsRequest req;
  req.set_name(c.name());
  v1::ListCaseEventsResponse events;
  ASSERT_TRUE(casework_->ListCaseEvents(&ctx, req, &events).ok());
  EXPECT_TRUE(events.chain_intact());
  const v1::CaseEvent& last = events.events(events.events_size() - 1);
  EXPECT_EQ(last.type(), "REPLY_ISSUED");
  EXPECT_THAT(last.payload_json(), HasSubstr(issued.pdf_sha256()));
  EXPECT_THAT(last.payload_json(), HasSubstr(issued.text_sha256()));

  // The table refuses any change to an issued letter.
  absl::Status changed =
      store::RunOnConnection(db_->pool(), [&](store::Session& session) {
        std::unique_ptr<sql::Statement> st(
            session.connection().createStatement());
        st->execute("UPDATE reply_letters SET text = 'forged'");
        return absl::OkStatus();
      });
  EXPECT_FALSE(changed.ok());
  absl::Status deleted =
      store::RunOnConnection(db_->pool(), [&](store::Session& session) {
        std::unique_ptr<sql::Statement> st(
            session.connection().createStatement());
        st->execute("DELETE FROM reply_letters");
        return absl::OkStatus();
      });
  EXPECT_FALSE(deleted.ok());
  v1::RenderedLetter after;
  ASSERT_TRUE(Render(c, v1::TEXT, &after).ok());
  EXPECT_EQ(after.sha256(), issued.text_sha256());
}

TEST_F(ReplyIntegrationTest, DocumentNumbersIncreasePerLetter) {
  std::vector<std::string> numbers;
  for (int i = 0; i < 3; ++i) {
    const v1::Case c = NewCase(absl::StrCat("num-", i));
    v1::DraftReplyResponse drafted;
    ASSERT_TRUE(Draft(c, OutcomesWithoutRelease()[2].request, &drafted).ok());
    v1::IssueReplyResponse issued;
    ASSERT_TRUE(Issue(drafted.case_(), &issued).ok());
    numbers.push_back(issued.document_number());
  }
  EXPECT_NE(numbers[0], numbers[1]);
  EXPECT_NE(numbers[1], numbers[2]);
  EXPECT_THAT(numbers[2], HasSubstr("3"));
}

TEST_F(ReplyIntegrationTest, FeeQuotesShowTheirWorking) {
  auto quote = [&](v1::FeeMethod m, int q, v1::FeeQuote* out) {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::QuoteFeeRequest req;
    req.set_method(m);
    req.set_quantity(q);
    return reply_->QuoteFee(&ctx, req, out);
  };
  v1::FeeQuote q;
  ASSERT_TRUE(quote(v1::BY_PAGES, 201, &q).ok());
  // 70 x 10 + 100 x 20 + 1 x 40.
  EXPECT_EQ(q.total_yuan(), 2740);
  EXPECT_THAT(q.working(), HasSubstr("2740"));
  ASSERT_TRUE(quote(v1::BY_COUNT, 31, &q).ok());
  EXPECT_EQ(q.total_yuan(), 200);
  ASSERT_TRUE(quote(v1::BY_COUNT, 10, &q).ok());
  EXPECT_EQ(q.total_yuan(), 0);
  grpc::Status s = quote(v1::BY_PAGES, 0, &q);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("quantity"));
  s = quote(v1::FEE_METHOD_UNSPECIFIED, 3, &q);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("method"));
}

}  // namespace
}  // namespace foi
