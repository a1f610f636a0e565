// ReviewService and the release gate end to end: the real server over
// loopback gRPC on MariaDB, the shipped screening rule sets, real PDFs.
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/pdf/pdf_document.h"
#include "libs/screening/testing/labelled_corpus.h"
#include "tests/testing/server_fixture.h"
#include "tests/testing/squeeze.h"

namespace foi {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::MakeDate;
using ::foi::testing::Squeeze;
using ::testing::HasSubstr;
using ::testing::Not;

// A letter with a resident ID (valid check digit), a mobile number, a bank
// card (Luhn-valid) and a commercial-secret passage.
constexpr char kLetter[] =
    "关于某某路段拆迁补偿情况的说明\n"
    "被征收人张某，身份证号码11010519491231002X，联系电话13912345678，"
    "补偿款已汇入其银行卡6222020200112233446。\n"
    "评估机构的投标报价及成本构成属于商业秘密，另行处理。\n"
    "补偿标准依照市政府公布的文件执行。\n";

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

class ReviewIntegrationTest : public foi::testing::ServerFixture {
 protected:
  void SetUp() override {
    ServerFixture::SetUp();
    desk_ = MintToken(v1::FRONT_DESK, "counter 1", "");
    li_ = MintToken(v1::OFFICER, "li", "ogi-office");
    // The same person holding a reviewer token: still the drafter.
    li_as_reviewer_ = MintToken(v1::REVIEWER, "li", "");
    sun_ = MintToken(v1::REVIEWER, "sun", "");
    manager_ = MintToken(v1::MANAGER, "chen", "ogi-office");
  }

  // A case received today, claimed by li.
  v1::Case ClaimedCase(const std::string& rid) {
    v1::Case c = SubmitAs(desk_, rid, MakeDate(2024, 10, 8), "ogi-office");
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::ClaimCaseRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    v1::Case out;
    grpc::Status s = casework_->ClaimCase(&ctx, req, &out);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return out;
  }

  grpc::Status AddDocument(const std::string& token, const v1::Case& c,
                           const std::string& file, const std::string& type,
                           const std::string& content,
                           v1::AddDocumentResponse* out) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::AddDocumentRequest req;
    req.set_parent(c.name());
    req.set_etag(c.etag());
    req.set_file_name(file);
    req.set_media_type(type);
    req.set_content(content);
    return review_->AddDocument(&ctx, req, out);
  }

  grpc::Status CreateReview(const std::string& token, const v1::Case& c,
                            v1::Review* out) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::CreateReviewRequest req;
    req.set_parent(c.name());
    req.set_etag(c.etag());
    return review_->CreateReview(&ctx, req, out);
  }

  grpc::Status Decide(const std::string& token, const v1::Review& r,
                      const v1::Finding& f, v1::FindingDecision decision,
                      v1::ExemptionGround ground, const std::string& reason,
                      v1::Review* out) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::DecideFindingRequest req;
    req.set_review(r.name());
    req.set_finding(f.id());
    req.set_etag(r.etag());
    req.set_decision(decision);
    req.set_ground(ground);
    req.set_reason(reason);
    return review_->DecideFinding(&ctx, req, out);
  }

  // Redacts personal data and commercial secrets, releases the rest.
  v1::Review DecideAll(const v1::Review& review) {
    v1::Review r = review;
    for (const v1::Finding& f : review.findings()) {
      const bool personal = f.category() == v1::IDENTITY_NUMBER ||
                            f.category() == v1::PHONE_NUMBER ||
                            f.category() == v1::BANK_CARD ||
                            f.category() == v1::COMMERCIAL_SECRET;
      v1::Review next;
      grpc::Status s = personal ? Decide(sun_, r, f, v1::REDACT,
                                         v1::THIRD_PARTY_RIGHTS, "", &next)
                                : Decide(sun_, r, f, v1::RELEASE,
                                         v1::EXEMPTION_GROUND_UNSPECIFIED,
                                         "already public", &next);
      EXPECT_TRUE(s.ok()) << s.error_message();
      r = next;
    }
    return r;
  }

  grpc::Status Complete(const std::string& token, const v1::Review& r,
                        v1::ReviewConclusion conclusion, v1::Review* out) {
    grpc::ClientContext ctx;
    Auth(ctx, token);
    v1::CompleteReviewRequest req;
    req.set_name(r.name());
    req.set_etag(r.etag());
    req.set_conclusion(conclusion);
    return review_->CompleteReview(&ctx, req, out);
  }

  grpc::Status Draft(
      const v1::Case& c, v1::ReplyOutcome outcome, v1::DraftReplyResponse* out,
      v1::ExemptionGround ground = v1::EXEMPTION_GROUND_UNSPECIFIED) {
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::DraftReplyRequest req;
    req.set_name(c.name());
    req.set_etag(c.etag());
    req.set_outcome(outcome);
    if (ground != v1::EXEMPTION_GROUND_UNSPECIFIED) req.add_grounds(ground);
    v1::ReplyDetails* details = req.mutable_details();
    details->set_delivery_form("电子文档");
    details->set_delivery_route("电子邮件发送至申请人预留邮箱");
    if (outcome == v1::PARTIALLY_DISCLOSED) {
      v1::WithheldItem* w = details->add_withheld();
      w->set_what("被征收人的身份证号码、联系电话和银行卡号");
      w->set_ground(ground);
    }
    return reply_->DraftReply(&ctx, req, out);
  }

  std::string desk_, li_, li_as_reviewer_, sun_, manager_;
};

TEST_F(ReviewIntegrationTest, DisclosureIsGatedUntilAReviewerSignsOff) {
  v1::Case c = ClaimedCase("gate-1");
  v1::AddDocumentResponse added;
  ASSERT_TRUE(
      AddDocument(li_, c, "拆迁补偿说明.txt", "text/plain", kLetter, &added)
          .ok());
  c = added.case_();
  EXPECT_EQ(added.document().size_bytes(), std::string(kLetter).size());
  EXPECT_EQ(added.document().sha256().size(), 64u);

  // The gate: no review yet.
  v1::DraftReplyResponse drafted;
  grpc::Status s = Draft(c, v1::DISCLOSED, &drafted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("拆迁补偿说明.txt"));

  v1::Review review;
  ASSERT_TRUE(CreateReview(li_, c, &review).ok());
  EXPECT_EQ(review.state(), v1::OPEN);
  c = GetAs(li_, c.name());
  EXPECT_EQ(c.state(), v1::IN_REVIEW);
  std::vector<v1::FindingCategory> categories;
  for (const v1::Finding& f : review.findings()) {
    categories.push_back(f.category());
  }
  EXPECT_THAT(categories,
              ::testing::IsSupersetOf({v1::IDENTITY_NUMBER, v1::PHONE_NUMBER,
                                       v1::BANK_CARD, v1::COMMERCIAL_SECRET}));
  EXPECT_EQ(review.undecided_count(), review.findings_size());

  // Signing with findings undecided is refused.
  v1::Review done;
  s = Complete(sun_, review, v1::DISCLOSE, &done);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  review = DecideAll(review);
  EXPECT_EQ(review.undecided_count(), 0);

  // Wrong role, the drafter with a reviewer token, a conclusion that
  // contradicts the decisions: all refused.
  EXPECT_EQ(Complete(li_, review, v1::PARTIAL, &done).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Complete(manager_, review, v1::PARTIAL, &done).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  s = Complete(li_as_reviewer_, review, v1::PARTIAL, &done);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(s.error_message(), HasSubstr("drafted"));
  EXPECT_EQ(Complete(sun_, review, v1::DISCLOSE, &done).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  ASSERT_TRUE(Complete(sun_, review, v1::PARTIAL, &done).ok());
  EXPECT_EQ(done.state(), v1::COMPLETED);
  EXPECT_EQ(done.completed_by(), "sun");
  EXPECT_EQ(done.digest().size(), 64u);
  // A signed review cannot change.
  EXPECT_EQ(Decide(sun_, done, done.findings(0), v1::RELEASE,
                   v1::EXEMPTION_GROUND_UNSPECIFIED, "x", &review)
                .error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);

  c = GetAs(li_, c.name());
  EXPECT_EQ(c.state(), v1::IN_PROGRESS);
  // Redactions make it a partial disclosure (Art. 37).
  s = Draft(c, v1::DISCLOSED, &drafted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("PARTIALLY_DISCLOSED"));
  s = Draft(c, v1::PARTIALLY_DISCLOSED, &drafted, v1::THIRD_PARTY_RIGHTS);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(drafted.case_().state(), v1::REPLY_DRAFTED);
  EXPECT_EQ(drafted.case_().disposition().reply_outcome(),
            v1::PARTIALLY_DISCLOSED);

  // The sign-off, with its digest, is in the verified audit trail.
  grpc::ClientContext ctx;
  Auth(ctx, li_);
  v1::ListCaseEventsRequest req;
  req.set_name(c.name());
  v1::ListCaseEventsResponse events;
  ASSERT_TRUE(casework_->ListCaseEvents(&ctx, req, &events).ok());
  EXPECT_TRUE(events.chain_intact());
  std::string types;
  for (const v1::CaseEvent& e : events.events()) {
    absl::StrAppend(&types, e.type(), " ");
    if (e.type() == "REVIEW_COMPLETED") {
      EXPECT_THAT(e.payload_json(), HasSubstr(done.digest()));
    }
  }
  EXPECT_THAT(types, HasSubstr("DOCUMENT_ADDED REVIEW_STARTED"));
  EXPECT_THAT(types, HasSubstr("REVIEW_COMPLETED REPLY_DRAFTED"));
}

TEST_F(ReviewIntegrationTest, RedactedPdfContainsNoRedactedString) {
  v1::Case c = ClaimedCase("leak-1");
  v1::AddDocumentResponse added;
  ASSERT_TRUE(
      AddDocument(li_, c, "说明.txt", "text/plain", kLetter, &added).ok());
  v1::Review review;
  ASSERT_TRUE(CreateReview(li_, added.case_(), &review).ok());
  review = DecideAll(review);
  std::vector<std::string> redacted_strings;
  for (const v1::Finding& f : review.findings()) {
    if (f.decision() == v1::REDACT) redacted_strings.push_back(f.text());
  }
  ASSERT_GE(redacted_strings.size(), 4u);

  grpc::ClientContext ctx;
  Auth(ctx, li_);
  v1::GetRedactedDocumentRequest req;
  req.set_review(review.name());
  req.set_document(added.document().name());
  v1::RedactedDocument doc;
  ASSERT_TRUE(review_->GetRedactedDocument(&ctx, req, &doc).ok());
  EXPECT_FALSE(doc.final());  // a preview until signed off
  EXPECT_THAT(doc.redacted_text(), HasSubstr("■■■■■■■■■■■■■■■■■■"));
  // Each redacted character became one ■: the length in characters holds.
  EXPECT_EQ(CodePoints(doc.redacted_text()), CodePoints(kLetter));
  auto text = pdf::ExtractPdfText(doc.pdf());
  ASSERT_THAT(text, IsOk());
  for (const std::string& secret : redacted_strings) {
    EXPECT_THAT(*text, Not(HasSubstr(secret))) << secret;
    EXPECT_THAT(doc.redacted_text(), Not(HasSubstr(secret))) << secret;
  }
  // What was released is there.
  EXPECT_THAT(Squeeze(*text), HasSubstr("补偿标准依照市政府公布的文件执行"));
  EXPECT_FALSE(doc.log().empty());
  for (const v1::RedactionLogEntry& e : doc.log()) {
    EXPECT_NE(e.ground(), v1::EXEMPTION_GROUND_UNSPECIFIED);
    EXPECT_FALSE(e.findings().empty());
  }
}

TEST_F(ReviewIntegrationTest, PdfDocumentsAreScreenedFromTheirText) {
  pdf::PdfDocumentSpec spec;
  spec.blocks.push_back({pdf::BlockStyle::kParagraph, kLetter});
  auto bytes = pdf::RenderPdf(spec);
  ASSERT_THAT(bytes, IsOk());
  v1::Case c = ClaimedCase("pdf-1");
  v1::AddDocumentResponse added;
  grpc::Status s =
      AddDocument(li_, c, "说明.pdf", "application/pdf", *bytes, &added);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_GT(added.document().text_chars(), 50);
  v1::Review review;
  ASSERT_TRUE(CreateReview(li_, added.case_(), &review).ok());
  bool found_id = false;
  for (const v1::Finding& f : review.findings()) {
    if (f.category() == v1::IDENTITY_NUMBER) {
      found_id = f.text() == "11010519491231002X";
    }
  }
  EXPECT_TRUE(found_id);
}

TEST_F(ReviewIntegrationTest, ADocumentAddedAfterTheReviewReopensTheGate) {
  v1::Case c = ClaimedCase("gate-2");
  v1::AddDocumentResponse added;
  ASSERT_TRUE(AddDocument(li_, c, "a.txt", "text/plain",
                          "本通知自发布之日起施行。", &added)
                  .ok());
  v1::Review review, done;
  ASSERT_TRUE(CreateReview(li_, added.case_(), &review).ok());
  EXPECT_EQ(review.findings_size(), 0);
  ASSERT_TRUE(Complete(sun_, review, v1::DISCLOSE, &done).ok());
  c = GetAs(li_, c.name());
  ASSERT_TRUE(AddDocument(li_, c, "b.txt", "text/plain", kLetter, &added).ok());
  v1::DraftReplyResponse drafted;
  grpc::Status s = Draft(added.case_(), v1::DISCLOSED, &drafted);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(s.error_message(), HasSubstr("b.txt"));
  EXPECT_THAT(s.error_message(), Not(HasSubstr("a.txt")));
  // Outcomes that release nothing are not gated.
  s = Draft(added.case_(), v1::NOT_DISCLOSED, &drafted, v1::STATE_SECRET);
  EXPECT_TRUE(s.ok()) << s.error_message();
}

TEST_F(ReviewIntegrationTest, BadDocumentsAreRefusedAndChangeNothing) {
  const v1::Case c = ClaimedCase("bad-1");
  v1::AddDocumentResponse added;
  grpc::Status s = AddDocument(li_, c, "x.txt", "text/plain",
                               std::string("\xff\xfe bad", 6), &added);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("content"));
  s = AddDocument(li_, c, "x.pdf", "application/pdf", "%PDF-1.4 garbage",
                  &added);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("content"));
  s = AddDocument(li_, c, "x.doc", "application/msword", "abc", &added);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("media_type"));
  s = AddDocument(li_, c, "", "text/plain", "abc", &added);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("file_name"));
  s = AddDocument(li_, c, "big.txt", "text/plain",
                  std::string((16 << 20) + 1, 'a'), &added);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  // A reviewer does not attach documents.
  s = AddDocument(sun_, c, "x.txt", "text/plain", "abc", &added);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(GetAs(li_, c.name()).etag(), c.etag());

  grpc::ClientContext ctx;
  Auth(ctx, li_);
  v1::ListDocumentsRequest req;
  req.set_parent(c.name());
  v1::ListDocumentsResponse docs;
  ASSERT_TRUE(review_->ListDocuments(&ctx, req, &docs).ok());
  EXPECT_EQ(docs.documents_size(), 0);
}

TEST_F(ReviewIntegrationTest, StaleReviewEtagIsAbortedAndDecisionsNeedGrounds) {
  v1::Case c = ClaimedCase("stale-1");
  v1::AddDocumentResponse added;
  ASSERT_TRUE(AddDocument(li_, c, "a.txt", "text/plain", kLetter, &added).ok());
  v1::Review review, next;
  ASSERT_TRUE(CreateReview(li_, added.case_(), &review).ok());
  ASSERT_GE(review.findings_size(), 2);
  // REDACT without a ground; RELEASE without a reason; an officer deciding.
  grpc::Status s = Decide(sun_, review, review.findings(0), v1::REDACT,
                          v1::EXEMPTION_GROUND_UNSPECIFIED, "", &next);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("ground"));
  s = Decide(sun_, review, review.findings(0), v1::RELEASE,
             v1::EXEMPTION_GROUND_UNSPECIFIED, "", &next);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), HasSubstr("reason"));
  s = Decide(li_, review, review.findings(0), v1::REDACT,
             v1::THIRD_PARTY_RIGHTS, "", &next);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  ASSERT_TRUE(Decide(sun_, review, review.findings(0), v1::REDACT,
                     v1::THIRD_PARTY_RIGHTS, "", &next)
                  .ok());
  // `review` is now stale.
  s = Decide(sun_, review, review.findings(1), v1::REDACT,
             v1::THIRD_PARTY_RIGHTS, "", &next);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(Complete(sun_, review, v1::PARTIAL, &next).error_code(),
            grpc::StatusCode::ABORTED);
}

TEST_F(ReviewIntegrationTest, ReviewersMarkWhatTheDetectorsMissed) {
  v1::Case c = ClaimedCase("manual-1");
  v1::AddDocumentResponse added;
  ASSERT_TRUE(AddDocument(li_, c, "a.txt", "text/plain",
                          "会议决定：由王五负责该地块的后续谈判。", &added)
                  .ok());
  v1::Review review, next;
  ASSERT_TRUE(CreateReview(li_, added.case_(), &review).ok());
  const int before = review.findings_size();
  grpc::ClientContext ctx;
  Auth(ctx, sun_);
  v1::AddFindingRequest req;
  req.set_review(review.name());
  req.set_etag(review.etag());
  req.set_document(added.document().name());
  req.set_char_begin(6);  // 王五
  req.set_char_end(8);
  req.set_category(v1::PERSONAL_PRIVACY);
  req.set_explanation("第三方姓名");
  grpc::Status s = review_->AddFinding(&ctx, req, &next);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_EQ(next.findings_size(), before + 1);
  const v1::Finding& f = next.findings(before);
  EXPECT_EQ(f.text(), "王五");
  EXPECT_EQ(f.detector(), "manual");
  EXPECT_EQ(f.span().byte_end() - f.span().byte_begin(), 6);
}

TEST_F(ReviewIntegrationTest, ScreenTextFindsWithoutStoringAndChecksInput) {
  grpc::ClientContext ctx;
  Auth(ctx, li_);
  v1::ScreenTextRequest req;
  req.set_text(kLetter);
  v1::ScreenTextResponse resp;
  ASSERT_TRUE(review_->ScreenText(&ctx, req, &resp).ok());
  ASSERT_FALSE(resp.findings().empty());
  for (const v1::Finding& f : resp.findings()) {
    EXPECT_EQ(
        std::string(kLetter).substr(
            f.span().byte_begin(), f.span().byte_end() - f.span().byte_begin()),
        f.text());
  }
  grpc::ClientContext bad;
  Auth(bad, li_);
  req.set_text(std::string("\xc3\x28", 2));
  EXPECT_EQ(review_->ScreenText(&bad, req, &resp).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  grpc::ClientContext desk;
  Auth(desk, desk_);
  req.set_text("abc");
  EXPECT_EQ(review_->ScreenText(&desk, req, &resp).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

// Every document of the labelled corpus, every finding redacted: the
// regenerated PDF holds exactly the redacted text (page numbers aside) and
// none of the redacted strings.
TEST_F(ReviewIntegrationTest, NoRedactedStringSurvivesInAnyCorpusPdf) {
  auto corpus = foi::testing::LoadLabelledCorpus(FOI_CORPUS_DIR);
  ASSERT_THAT(corpus, IsOk());
  ASSERT_GE(corpus->size(), 40u);
  const std::regex page_number("第\\d+页共\\d+页");
  int checked_strings = 0;
  for (size_t i = 0; i < corpus->size(); ++i) {
    const auto& doc = (*corpus)[i];
    SCOPED_TRACE(doc.name);
    v1::Case c = ClaimedCase(absl::StrCat("corpus-", i));
    v1::AddDocumentResponse added;
    ASSERT_TRUE(
        AddDocument(li_, c, doc.name, "text/plain", doc.text, &added).ok());
    v1::Review review;
    ASSERT_TRUE(CreateReview(li_, added.case_(), &review).ok());
    std::vector<std::string> secrets;
    for (const v1::Finding& f : review.findings()) {
      const v1::ExemptionGround ground =
          f.suggested_ground() != v1::EXEMPTION_GROUND_UNSPECIFIED
              ? f.suggested_ground()
              : v1::THIRD_PARTY_RIGHTS;
      v1::Review next;
      grpc::Status s = Decide(sun_, review, f, v1::REDACT, ground, "", &next);
      ASSERT_TRUE(s.ok()) << s.error_message();
      review = next;
      secrets.push_back(f.text());
    }
    v1::Review done;
    ASSERT_TRUE(Complete(sun_, review,
                         secrets.empty() ? v1::DISCLOSE : v1::PARTIAL, &done)
                    .ok());
    grpc::ClientContext ctx;
    Auth(ctx, li_);
    v1::GetRedactedDocumentRequest req;
    req.set_review(done.name());
    req.set_document(added.document().name());
    v1::RedactedDocument redacted;
    ASSERT_TRUE(review_->GetRedactedDocument(&ctx, req, &redacted).ok());
    EXPECT_TRUE(redacted.final());
    auto text = pdf::ExtractPdfText(redacted.pdf());
    ASSERT_THAT(text, IsOk());
    const std::string in_pdf =
        std::regex_replace(Squeeze(*text), page_number, "");
    // Compared whole, reported short: the texts are pages long.
    EXPECT_TRUE(in_pdf == Squeeze(redacted.redacted_text()))
        << "the PDF's text differs from the redacted text";
    for (const std::string& secret : secrets) {
      // A keyword may also stand, unflagged, elsewhere in the released text.
      if (redacted.redacted_text().find(secret) != std::string::npos) continue;
      EXPECT_EQ(text->find(secret), std::string::npos) << secret;
      ++checked_strings;
    }
  }
  EXPECT_GT(checked_strings, 400);
}

}  // namespace
}  // namespace foi
