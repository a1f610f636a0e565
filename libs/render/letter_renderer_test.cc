#include "libs/render/letter_renderer.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/render/testing/sample_letters.h"

#ifndef FOI_SOURCE_DIR
#error "FOI_SOURCE_DIR must name the source tree"
#endif

namespace {

using ::foi::render::AgencyConfig;
using ::foi::render::Letter;
using ::foi::render::LetterData;
using ::foi::render::LetterKind;
using ::foi::render::LetterRenderer;
using ::foi::render::LetterTemplate;
using ::foi::render::LoadAgencyConfig;
using ::foi::render::LoadLetterTemplates;
using ::foi::render::RequiredTemplateNames;
using ::foi::render::TemplateNameFor;
using ::foi::render::ToHtml;
using ::foi::render::ToText;
using ::foi::render::WithheldItem;
using ::foi::rules::ExemptionGround;
using ::foi::rules::OutcomeReason;
using ::foi::rules::ReplyOutcome;
using ::foi::testing::IsOk;
using ::foi::testing::SampleLetter;
using ::foi::testing::SampleLetters;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr char kTemplatesDir[] = FOI_SOURCE_DIR "/deploy/templates";
constexpr char kAgencyFile[] =
    FOI_SOURCE_DIR "/libs/render/testdata/agency.conf";
constexpr char kGoldenDir[] = FOI_SOURCE_DIR "/libs/render/testdata/golden";

AgencyConfig TestConfig() {
  absl::StatusOr<AgencyConfig> config = LoadAgencyConfig(kAgencyFile);
  EXPECT_THAT(config, IsOk());
  return config.ok() ? *config : AgencyConfig();
}

// Whitespace (including the ideographic space) removed, so that text can be
// compared whatever the line breaks and indents.
std::string Squeeze(absl::string_view s) {
  std::string out = absl::StrReplaceAll(s, {{"\u3000", ""}});
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](char c) { return absl::ascii_isspace(c); }),
            out.end());
  return out;
}

std::string CamelCase(absl::string_view snake) {
  std::string out;
  for (absl::string_view part : absl::StrSplit(snake, '_')) {
    if (part.empty()) continue;
    out.push_back(absl::ascii_toupper(part[0]));
    absl::StrAppend(&out, part.substr(1));
  }
  return out;
}

const SampleLetter& Sample(absl::string_view name) {
  static const auto* samples = new std::vector<SampleLetter>(SampleLetters());
  for (const SampleLetter& s : *samples) {
    if (s.name == name) return s;
  }
  ADD_FAILURE() << "no sample " << name;
  return samples->front();
}

class LetterRendererTest : public ::testing::Test {
 protected:
  LetterRendererTest()
      : loaded_(LetterRenderer::Load(kTemplatesDir, TestConfig())) {}

  void SetUp() override { ASSERT_THAT(loaded_, IsOk()); }

  const LetterRenderer& renderer() const { return **loaded_; }

  std::string RenderText(const LetterData& data) const {
    absl::StatusOr<Letter> letter = renderer().Render(data);
    EXPECT_THAT(letter, IsOk());
    return letter.ok() ? ToText(*letter) : "";
  }

  absl::StatusOr<std::unique_ptr<LetterRenderer>> loaded_;
};

class LetterRendererGoldenTest
    : public LetterRendererTest,
      public ::testing::WithParamInterface<SampleLetter> {};

// Goldens are the reviewed text of each letter. FOI_UPDATE_GOLDEN=1 rewrites
// them; read the diff before committing.
TEST_P(LetterRendererGoldenTest, MatchesGoldenText) {
  const SampleLetter& sample = GetParam();
  absl::StatusOr<Letter> letter = renderer().Render(sample.data);
  ASSERT_THAT(letter, IsOk());
  const std::string text = ToText(*letter);

  EXPECT_THAT(Squeeze(text), HasSubstr(sample.data.case_number));
  EXPECT_THAT(Squeeze(text), HasSubstr(sample.operative));
  EXPECT_THAT(Squeeze(text), HasSubstr(sample.article));
  EXPECT_THAT(text, HasSubstr(sample.data.request_summary));

  const std::string path = absl::StrCat(kGoldenDir, "/", sample.name, ".txt");
  const char* update = std::getenv("FOI_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << text;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing; run with FOI_UPDATE_GOLDEN=1";
  const std::string golden((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
  EXPECT_EQ(text, golden) << "differs from " << path;
}

INSTANTIATE_TEST_SUITE_P(
    AllLetters, LetterRendererGoldenTest, ::testing::ValuesIn(SampleLetters()),
    [](const ::testing::TestParamInfo<SampleLetter>& info) {
      return CamelCase(info.param.name);
    });

TEST_F(LetterRendererTest, SamplesCoverEveryTemplate) {
  std::set<std::string> used;
  for (const SampleLetter& s : SampleLetters()) {
    used.insert(TemplateNameFor(s.data.kind, s.data.outcome));
  }
  for (const std::string& name : RequiredTemplateNames()) {
    EXPECT_EQ(used.count(name), 1u) << name;
  }
  EXPECT_EQ(RequiredTemplateNames().size(), 12u);
}

TEST_F(LetterRendererTest, TitleIsTheTitleBlockOnOneLine) {
  absl::StatusOr<Letter> letter =
      renderer().Render(Sample("reply_disclosed").data);
  ASSERT_THAT(letter, IsOk());
  EXPECT_EQ(letter->title, "云岭市自然资源和规划局政府信息公开申请答复书");
}

TEST_F(LetterRendererTest, RemedyNoticeComesFromConfig) {
  AgencyConfig config = TestConfig();
  config.remedy_notice =
      "如不服本答复，请于60日内向{reconsideration_body}申请复议（测试）。";
  absl::StatusOr<std::unique_ptr<LetterRenderer>> custom =
      LetterRenderer::Load(kTemplatesDir, config);
  ASSERT_THAT(custom, IsOk());
  absl::StatusOr<Letter> letter =
      (*custom)->Render(Sample("reply_disclosed").data);
  ASSERT_THAT(letter, IsOk());
  const std::string text = ToText(*letter);
  EXPECT_THAT(
      text,
      HasSubstr("如不服本答复，请于60日内向云岭市人民政府申请复议（测试）。"));
  EXPECT_THAT(text, Not(HasSubstr("6个月内")));
}

TEST_F(LetterRendererTest, WithholdingRepliesSayReconsiderationComesFirst) {
  for (absl::string_view name :
       {"reply_not_disclosed", "reply_partially_disclosed"}) {
    EXPECT_THAT(
        RenderText(Sample(name).data),
        HasSubstr("应当依照《中华人民共和国行政复议法》第二十三条的规定，先"))
        << name;
  }
  const std::string disclosed = RenderText(Sample("reply_disclosed").data);
  EXPECT_THAT(disclosed, Not(HasSubstr("第二十三条")));
  EXPECT_THAT(
      disclosed,
      HasSubstr(
          "或者自收到本答复之日起6个月内向云岭市云溪区人民法院提起行政诉讼"));
}

TEST_F(LetterRendererTest, HtmlEscapesApplicantSuppliedText) {
  LetterData data = Sample("reply_disclosed").data;
  data.applicant_name = "<script>alert('name')</script>";
  data.request_summary = "征收方案</p><script>alert(1)</script>";
  absl::StatusOr<Letter> letter = renderer().Render(data);
  ASSERT_THAT(letter, IsOk());
  const std::string html = ToHtml(*letter);
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(
      html, HasSubstr("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;："));
  EXPECT_THAT(html, HasSubstr("征收方案&lt;/p&gt;&lt;script&gt;alert(1)"));
}

TEST_F(LetterRendererTest, PartialDisclosureGivesEachWithheldItemItsArticle) {
  const std::string text = RenderText(Sample("reply_partially_disclosed").data);
  EXPECT_THAT(text, HasSubstr("1．合同第5页所载中标单位的银行账号及开户行：该内"
                              "容涉及商业秘密、个人隐私等，"
                              "公开会对第三方合法权益造成损害，根据《中华人民共"
                              "和国政府信息公开条例》"
                              "第十五条的规定，不予公开。经书面征求意见，该单位"
                              "不同意公开且理由合理。"));
  EXPECT_THAT(text, HasSubstr("2．验收报告附件3专家组内部讨论记录：该内容属于行"
                              "政机关在履行行政管理职能"
                              "过程中形成的过程性信息，根据《中华人民共和国政府"
                              "信息公开条例》第十六条"
                              "第二款的规定，不予公开。\n"));
}

TEST_F(LetterRendererTest, GroundWithoutArticleIsStatedWithoutOne) {
  LetterData data = Sample("reply_not_disclosed").data;
  data.grounds = {ExemptionGround::kAdministrativeQuery};
  data.reason_detail.clear();
  const std::string text = Squeeze(RenderText(data));
  EXPECT_THAT(text, HasSubstr("您申请公开的政府信息属于行政查询事项。"
                              "根据《中华人民共和国政府信息公开条例》第三十六条"
                              "第（三）项的规定，本机关决定不予公开。"));
}

TEST_F(LetterRendererTest, SeveralGroundsAreJoinedAndTheirArticlesListedOnce) {
  LetterData data = Sample("reply_not_disclosed").data;
  data.grounds = {ExemptionGround::kStateSecret,
                  ExemptionGround::kSecurityOrStability,
                  ExemptionGround::kInternalAffairs};
  data.reason_detail.clear();
  const std::string text = Squeeze(RenderText(data));
  EXPECT_THAT(text,
              HasSubstr("属于依法确定为国家秘密的政府信息，且属于公开后可能"));
  EXPECT_THAT(text, HasSubstr("根据《中华人民共和国政府信息公开条例》第十四条、"
                              "第十六条第一款和第三十六条第（三）项的规定"));
}

TEST_F(LetterRendererTest, NotThisAgencyWithoutACompetentAgencySaysSo) {
  LetterData data = Sample("reply_not_this_agency").data;
  data.other_agency.clear();
  data.other_agency_contact.clear();
  EXPECT_THAT(RenderText(data),
              HasSubstr("本机关无法确定负责公开该政府信息的行政机关。"));
}

TEST_F(LetterRendererTest, ConsultationLetterDoesNotNameTheApplicant) {
  LetterData data = Sample("consultation_letter").data;
  data.applicant_name = "申请人甲某";
  const std::string text = RenderText(data);
  EXPECT_THAT(text, Not(HasSubstr("申请人甲某")));
  EXPECT_THAT(text, HasSubstr("云岭市恒达测绘有限公司："));
  EXPECT_THAT(text, HasSubstr("15个工作日内"));
}

TEST_F(LetterRendererTest, DocumentNumberComesFromPatternOverrideOrData) {
  EXPECT_THAT(RenderText(Sample("reply_disclosed").data),
              HasSubstr("云自然资规依公开〔2026〕202号"));
  EXPECT_THAT(RenderText(Sample("correction_notice").data),
              HasSubstr("云自然资规依公补〔2026〕31号"));
  LetterData data = Sample("reply_disclosed").data;
  data.document_number = "云自然资规依公开〔2026〕特1号";
  data.document_seq = 0;
  EXPECT_THAT(RenderText(data), HasSubstr("云自然资规依公开〔2026〕特1号"));
}

TEST_F(LetterRendererTest, FeeNoticeStatesBasisRateAmountAndPayment) {
  const std::string text =
      Squeeze(RenderText(Sample("fee_notice_by_pages").data));
  EXPECT_THAT(text, HasSubstr("第201—420页：220页×40元/页=8800元"));
  EXPECT_THAT(text, HasSubstr("应缴金额合计：人民币11500元。"));
  EXPECT_THAT(text, HasSubstr("收到本通知书次日起20个工作日内"));
  EXPECT_THAT(text, HasSubstr("逾期未缴纳的，视为放弃申请"));
  EXPECT_THAT(text, HasSubstr("云岭市非税收入统一缴费平台"));
}

TEST_F(LetterRendererTest, FeeNoticeRejectsAlteredMonthlyOrFreeQuotes) {
  LetterData data = Sample("fee_notice_by_count").data;
  data.fee->total_yuan += 100;
  EXPECT_THAT(renderer().Render(data),
              StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("fee:")));
  data.fee = *foi::rules::QuoteMonthByCount(35);
  EXPECT_THAT(renderer().Render(data),
              StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("fee:")));
  data.fee = *foi::rules::QuoteByCount(10);
  EXPECT_THAT(renderer().Render(data),
              StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("fee:")));
  data.fee.reset();
  EXPECT_THAT(renderer().Render(data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       StartsWith("fee: required")));
}

struct InvalidCase {
  const char* sample;
  std::function<void(LetterData&)> mutate;
  const char* field;
};

TEST_F(LetterRendererTest, InvalidLetterDataNamesTheField) {
  const InvalidCase cases[] = {
      {"reply_disclosed", [](LetterData& d) { d.case_number.clear(); },
       "case_number:"},
      {"reply_disclosed", [](LetterData& d) { d.applicant_name = " "; },
       "applicant_name:"},
      {"reply_disclosed", [](LetterData& d) { d.request_summary = "a\nb"; },
       "request_summary:"},
      {"reply_disclosed", [](LetterData& d) { d.receipt_date.reset(); },
       "receipt_date:"},
      {"reply_disclosed",
       [](LetterData& d) { d.letter_date = absl::CivilDay(2026, 11, 1); },
       "letter_date:"},
      {"reply_disclosed", [](LetterData& d) { d.document_seq = 0; },
       "document_seq:"},
      {"reply_disclosed",
       [](LetterData& d) { d.outcome = ReplyOutcome::kUnspecified; },
       "outcome:"},
      {"reply_disclosed", [](LetterData& d) { d.delivery_form.clear(); },
       "delivery_form:"},
      {"reply_disclosed", [](LetterData& d) { d.delivery_route.clear(); },
       "delivery_route:"},
      {"reply_disclosed",
       [](LetterData& d) { d.grounds = {ExemptionGround::kStateSecret}; },
       "grounds:"},
      {"reply_already_public", [](LetterData& d) { d.where_to_get.clear(); },
       "where_to_get:"},
      {"reply_partially_disclosed", [](LetterData& d) { d.withheld.clear(); },
       "withheld:"},
      {"reply_partially_disclosed",
       [](LetterData& d) { d.withheld[1].what.clear(); }, "withheld[1].what:"},
      {"reply_partially_disclosed",
       [](LetterData& d) {
         d.withheld[1].ground = ExemptionGround::kStateSecret;
       },
       "withheld[1].ground:"},
      {"reply_partially_disclosed",
       [](LetterData& d) {
         d.grounds.push_back(ExemptionGround::kLawEnforcementFile);
       },
       "grounds[2]:"},
      {"reply_not_disclosed",
       [](LetterData& d) { d.grounds.push_back(d.grounds[0]); }, "grounds[1]:"},
      {"reply_not_disclosed", [](LetterData& d) { d.grounds.clear(); },
       "grounds:"},
      {"reply_cannot_provide_not_held",
       [](LetterData& d) { d.reason = OutcomeReason::kUnspecified; },
       "reason:"},
      {"reply_cannot_provide_not_held",
       [](LetterData& d) { d.reason = OutcomeReason::kPublishedMaterial; },
       "reason:"},
      {"reply_not_this_agency", [](LetterData& d) { d.reason_detail.clear(); },
       "reason_detail:"},
      {"reply_not_this_agency",
       [](LetterData& d) { d.other_agency_contact.clear(); },
       "other_agency_contact:"},
      {"reply_not_processed_repeated_application",
       [](LetterData& d) { d.earlier_reply_date.reset(); },
       "earlier_reply_date:"},
      {"reply_not_processed_published_material",
       [](LetterData& d) { d.where_to_get.clear(); }, "where_to_get:"},
      {"reply_special_regime", [](LetterData& d) { d.regime_law.clear(); },
       "regime_law:"},
      {"correction_notice", [](LetterData& d) { d.correction_items.clear(); },
       "correction_items:"},
      {"correction_notice", [](LetterData& d) { d.correction_items[2] = ""; },
       "correction_items[2]:"},
      {"correction_notice",
       [](LetterData& d) { d.correction_deadline = d.letter_date; },
       "correction_deadline:"},
      {"extension_notice", [](LetterData& d) { d.new_due_date = d.due_date; },
       "new_due_date:"},
      {"extension_notice", [](LetterData& d) { d.extension_reason.clear(); },
       "extension_reason:"},
      {"extension_notice",
       [](LetterData& d) { d.letter_date = absl::CivilDay(2026, 12, 1); },
       "letter_date:"},
      {"reply_disclosed",
       [](LetterData& d) { d.kind = static_cast<LetterKind>(42); }, "kind:"},
      {"reply_disclosed",
       [](LetterData& d) { d.outcome = static_cast<ReplyOutcome>(99); },
       "outcome:"},
      {"reply_cannot_provide_not_held",
       [](LetterData& d) { d.reason = static_cast<OutcomeReason>(-3); },
       "reason:"},
      {"reply_not_disclosed",
       [](LetterData& d) { d.grounds = {static_cast<ExemptionGround>(9)}; },
       "grounds[0]:"},
      {"reply_partially_disclosed",
       [](LetterData& d) {
         d.withheld[0].ground = static_cast<ExemptionGround>(100);
       },
       "withheld[0].ground:"},
      {"fee_notice_by_count",
       [](LetterData& d) {
         d.fee->method = static_cast<foi::rules::FeeMethod>(7);
       },
       "fee.method:"},
      {"consultation_letter", [](LetterData& d) { d.third_party_name.clear(); },
       "third_party_name:"},
      {"consultation_letter",
       [](LetterData& d) { d.consulted_information.clear(); },
       "consulted_information:"},
  };
  for (const InvalidCase& c : cases) {
    LetterData data = Sample(c.sample).data;
    c.mutate(data);
    EXPECT_THAT(
        renderer().Render(data),
        StatusIs(absl::StatusCode::kInvalidArgument, StartsWith(c.field)))
        << c.sample << " / " << c.field;
  }
}

TEST_F(LetterRendererTest, TrailingFullStopsInValuesAreNotDoubled) {
  LetterData data = Sample("reply_already_public").data;
  data.where_to_get += "。";
  const std::string text = RenderText(data);
  EXPECT_THAT(text, Not(HasSubstr("。。")));
}

TEST_F(LetterRendererTest, RendersConcurrently) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) {
        absl::StatusOr<Letter> letter =
            renderer().Render(Sample("reply_partially_disclosed").data);
        if (letter.ok()) results[i] = ToText(*letter);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) EXPECT_EQ(r, results[0]);
  EXPECT_FALSE(results[0].empty());
}

class LetterRendererCreateTest : public ::testing::Test {
 protected:
  LetterRendererCreateTest() : templates_(LoadLetterTemplates(kTemplatesDir)) {}
  void SetUp() override { ASSERT_THAT(templates_, IsOk()); }

  absl::StatusOr<std::map<std::string, LetterTemplate>> templates_;
};

TEST_F(LetterRendererCreateTest, MissingTemplateIsNotFoundNamingTheFile) {
  templates_->erase("reply_special_regime");
  EXPECT_THAT(LetterRenderer::Create(*templates_, TestConfig()),
              StatusIs(absl::StatusCode::kNotFound,
                       HasSubstr("reply_special_regime.tmpl")));
}

TEST_F(LetterRendererCreateTest, UnknownVariableFailsAtStartUpWithFileAndLine) {
  absl::StatusOr<LetterTemplate> broken = LetterTemplate::Parse(
      "reply_disclosed.tmpl",
      "@title\n政府信息公开申请答复书\n@plain\n{{applicant_nmae}}：\n");
  ASSERT_THAT(broken, IsOk());
  templates_->insert_or_assign("reply_disclosed", *broken);
  EXPECT_THAT(LetterRenderer::Create(*templates_, TestConfig()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("reply_disclosed.tmpl:4: unknown variable "
                                 "'applicant_nmae'")));
}

TEST_F(LetterRendererCreateTest, VariableOfAnotherKindIsAnError) {
  // {{withheld}} belongs to partial disclosures only; the disclosed reply
  // must not quietly print nothing for it.
  absl::StatusOr<LetterTemplate> broken = LetterTemplate::Parse(
      "reply_disclosed.tmpl",
      "@title\nT\n@plain\n{{#withheld}}{{what}}{{/withheld}}\n");
  ASSERT_THAT(broken, IsOk());
  templates_->insert_or_assign("reply_disclosed", *broken);
  EXPECT_THAT(LetterRenderer::Create(*templates_, TestConfig()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("reply_disclosed.tmpl:4: unknown section")));
}

TEST_F(LetterRendererCreateTest, TemplateWithoutTitleIsRejected) {
  absl::StatusOr<LetterTemplate> untitled =
      LetterTemplate::Parse("fee_notice.tmpl", "@plain\n{{applicant_name}}\n");
  ASSERT_THAT(untitled, IsOk());
  templates_->insert_or_assign("fee_notice", *untitled);
  EXPECT_THAT(LetterRenderer::Create(*templates_, TestConfig()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("fee_notice.tmpl")));
}

TEST_F(LetterRendererCreateTest, InvalidConfigIsRejected) {
  AgencyConfig config = TestConfig();
  config.seal_text.clear();
  EXPECT_THAT(
      LetterRenderer::Create(*templates_, config),
      StatusIs(absl::StatusCode::kInvalidArgument, StartsWith("seal_text:")));
}

}  // namespace
