#include "libs/screening/screener.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/common/text.h"
#include "libs/screening/testing/labelled_corpus.h"

namespace foi::screening {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Matches a finding by category and exact text.
auto Found(Category c, absl::string_view text) {
  return AllOf(Field(&Finding::category, c),
               Field(&Finding::text, std::string(text)));
}

// The texts of the findings of category `c`.
std::vector<std::string> TextsOf(const std::vector<Finding>& findings,
                                 Category c) {
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    if (f.category == c) out.push_back(f.text);
  }
  return out;
}

// Built-in detectors only: no rule files.
class ScreenerTest : public ::testing::Test {
 protected:
  ScreenerTest() {
    auto screener = Screener::Create({});
    EXPECT_THAT(screener, IsOk());
    if (screener.ok()) screener_ = *std::move(screener);
  }

  std::vector<Finding> Screen(absl::string_view text) {
    auto findings = screener_->Screen(text);
    EXPECT_THAT(findings, IsOk());
    return findings.ok() ? *std::move(findings) : std::vector<Finding>();
  }

  std::vector<std::string> Texts(absl::string_view text, Category c) {
    return TextsOf(Screen(text), c);
  }

  std::unique_ptr<Screener> screener_;
};

// --- Resident identity numbers ---

TEST_F(ScreenerTest, FindsResidentIdWithValidCheckDigitAndBirthDate) {
  const std::vector<Finding> f =
      Screen("申请人身份证号110101198503121239，已核验。");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, Category::kIdentityNumber);
  EXPECT_EQ(f[0].detector, "resident_id_18");
  EXPECT_EQ(f[0].text, "110101198503121239");
  EXPECT_EQ(f[0].suggested_ground, rules::ExemptionGround::kThirdPartyRights);
  EXPECT_THAT(f[0].explanation, HasSubstr("check digit 9 valid"));
  EXPECT_THAT(f[0].explanation, HasSubstr("born 1985-03-12"));
}

TEST_F(ScreenerTest, AcceptsCheckCharacterXInEitherCase) {
  EXPECT_THAT(Texts("号码11010519491231002X。", Category::kIdentityNumber),
              ElementsAre("11010519491231002X"));
  EXPECT_THAT(Texts("号码11010519491231002x。", Category::kIdentityNumber),
              ElementsAre("11010519491231002x"));
}

TEST_F(ScreenerTest, SkipsIdWithWrongCheckDigit) {
  EXPECT_THAT(Texts("身份证号110101198503121238", Category::kIdentityNumber),
              IsEmpty());
  EXPECT_THAT(Texts("身份证号11010519491231002Y", Category::kIdentityNumber),
              IsEmpty());
}

TEST_F(ScreenerTest, AcceptsLeapDaysOnlyInLeapYears) {
  EXPECT_THAT(Texts("身份证号440306198802291237", Category::kIdentityNumber),
              ElementsAre("440306198802291237"));  // 1988 is leap
  EXPECT_THAT(Texts("身份证号110101200002290018", Category::kIdentityNumber),
              ElementsAre("110101200002290018"));  // 2000 is leap
  EXPECT_THAT(Texts("身份证号440306199002291233", Category::kIdentityNumber),
              IsEmpty());  // 1990 is not
  EXPECT_THAT(Texts("身份证号110101190002291233", Category::kIdentityNumber),
              IsEmpty());  // 1900 is not
}

TEST_F(ScreenerTest, SkipsIdsEmbeddedInLongerDigitRuns) {
  // A 19-digit number is not a resident ID plus one digit, on either side.
  EXPECT_THAT(Screen("编号1101011985031212390"), IsEmpty());
  EXPECT_THAT(Screen("编号9110101198503121239"), IsEmpty());
  EXPECT_THAT(Texts("ID110101198503121239", Category::kIdentityNumber),
              IsEmpty());
}

TEST_F(ScreenerTest, FindsIdInFullWidthDigits) {
  const std::string fw = "１１０１０１１９８５０３１２１２３９";
  const std::string text = absl::StrCat("身份证号：", fw, "。");
  const std::vector<Finding> f = Screen(text);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, fw);
  EXPECT_EQ(f[0].byte_end - f[0].byte_begin, 54u);
  EXPECT_EQ(f[0].char_end - f[0].char_begin, 18u);
  EXPECT_THAT(f[0].explanation, HasSubstr("full-width"));
}

TEST_F(ScreenerTest, FindsLegacyFifteenDigitIdOnlyWhenLabelled) {
  EXPECT_THAT(Texts("身份证号码：110101850312123", Category::kIdentityNumber),
              ElementsAre("110101850312123"));
  EXPECT_THAT(Screen("注册号：110101850312123"), IsEmpty());
  EXPECT_THAT(Screen("代码110101850312123"), IsEmpty());
}

TEST_F(ScreenerTest, SkipsDigitsLabelledAsCreditCode) {
  EXPECT_THAT(Screen("统一社会信用代码：110101198503121239"), IsEmpty());
  EXPECT_THAT(Screen("纳税人识别号110101198503121239"), IsEmpty());
}

TEST_F(ScreenerTest, FindsDisabilityCertificateNumberWithItsId) {
  EXPECT_THAT(
      Texts("残疾人证号：11010119850312123921", Category::kIdentityNumber),
      ElementsAre("11010119850312123921"));
  EXPECT_THAT(Screen("编号11010119850312123921"), IsEmpty());
}

// --- Telephone numbers ---

TEST_F(ScreenerTest, FindsMobileNumbersInCommonFormats) {
  const struct {
    const char* text;
    const char* found;
  } kCases[] = {
      {"手机13812345678。", "13812345678"},
      {"手机138 1234 5678。", "138 1234 5678"},
      {"手机138-1234-5678。", "138-1234-5678"},
      {"电话+86 13812345678", "+86 13812345678"},
      {"电话+86-13812345678", "+86-13812345678"},
      {"电话+8613812345678", "+8613812345678"},
      {"电话（+86）13812345678", "（+86）13812345678"},
      {"电话8613812345678，", "8613812345678"},
      {"电话１３８１２３４５６７８", "１３８１２３４５６７８"},
      {"Tel: 19912345678", "19912345678"},
  };
  for (const auto& c : kCases) {
    EXPECT_THAT(Texts(c.text, Category::kPhoneNumber), ElementsAre(c.found))
        << c.text;
  }
}

TEST_F(ScreenerTest, FindsLandlinesWithAreaCode) {
  const struct {
    const char* text;
    const char* found;
  } kCases[] = {
      {"电话010-62345678。", "010-62345678"},
      {"电话0571-87654321", "0571-87654321"},
      {"电话0599-5234567", "0599-5234567"},
      {"电话0755 26543210", "0755 26543210"},
      {"电话（010）62345678", "（010）62345678"},
      {"电话(0571)87654321", "(0571)87654321"},
      {"电话(0571) 87654321", "(0571) 87654321"},
      {"座机021-52345678转806", "021-52345678"},
  };
  for (const auto& c : kCases) {
    EXPECT_THAT(Texts(c.text, Category::kPhoneNumber), ElementsAre(c.found))
        << c.text;
  }
}

TEST_F(ScreenerTest, SkipsNumbersThatAreNotPhones) {
  for (const char* text :
       {"号码12345678901无效", "手机1381234567", "手机138123456789",
        "热线400-880-1234", "拨打12345", "订单号13812345678",
        "日期2023-12345678", "区号011-62345678", "电话010-12345678",
        "编号0571-876543210"}) {
    EXPECT_THAT(Texts(text, Category::kPhoneNumber), IsEmpty()) << text;
  }
}

// --- Payment cards ---

TEST_F(ScreenerTest, FindsLuhnValidCardsPlainAndGrouped) {
  EXPECT_THAT(Texts("卡号6222021234567890128。", Category::kBankCard),
              ElementsAre("6222021234567890128"));
  EXPECT_THAT(Texts("卡号6222 0212 3456 7890 128。", Category::kBankCard),
              ElementsAre("6222 0212 3456 7890 128"));
  EXPECT_THAT(Texts("信用卡4367-4212-3456-7896", Category::kBankCard),
              ElementsAre("4367-4212-3456-7896"));
  const std::vector<Finding> f = Screen("卡号6228480012345671");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].detector, "bank_card_luhn");
  EXPECT_THAT(f[0].explanation, HasSubstr("Luhn valid"));
}

TEST_F(ScreenerTest, SkipsCardsFailingLuhnOrLabelledAsSerials) {
  EXPECT_THAT(Screen("卡号6222021234567890127"), IsEmpty());
  EXPECT_THAT(Screen("交易流水号6222021234567890128"), IsEmpty());
  EXPECT_THAT(Screen("凭证号：6228480012345671"), IsEmpty());
  EXPECT_THAT(Screen("卡号62220212345678901280"), IsEmpty());  // 20 digits
  EXPECT_THAT(Screen("金额 1,234,567,890,123,456 元"), IsEmpty());
}

TEST_F(ScreenerTest, SkipsCardValuesInASerialNumberColumn) {
  const std::string table =
      "日期        付款凭证号               金额\n"
      "20230704    6222021234567890128      12,860.00\n";
  EXPECT_THAT(Texts(table, Category::kBankCard), IsEmpty());
  const std::string cards =
      "姓名    工资卡号                 金额\n"
      "李强    6222021234567890128      12,860.00\n";
  EXPECT_THAT(Texts(cards, Category::kBankCard),
              ElementsAre("6222021234567890128"));
}

TEST_F(ScreenerTest, ReportsIdThatPassesLuhnAsCardOnlyAfterCardLabel) {
  // 620102198704151350 is a valid resident ID and a Luhn-valid UnionPay
  // prefix: without a card label it is an ID only.
  EXPECT_THAT(
      Screen("身份证号620102198704151350"),
      ElementsAre(Found(Category::kIdentityNumber, "620102198704151350")));
  EXPECT_THAT(
      Screen("银行卡号620102198704151350"),
      ElementsAre(Found(Category::kIdentityNumber, "620102198704151350"),
                  Found(Category::kBankCard, "620102198704151350")));
}

// --- E-mail, plates, documents ---

TEST_F(ScreenerTest, FindsWholeEmailAddresses) {
  EXPECT_THAT(Texts("邮箱zhang.san@163.com。", Category::kEmail),
              ElementsAre("zhang.san@163.com"));
  EXPECT_THAT(Texts("邮箱li_si+foi@jl.gov.cn，", Category::kEmail),
              ElementsAre("li_si+foi@jl.gov.cn"));
  EXPECT_THAT(Texts("user@localhost 或 @163.com", Category::kEmail), IsEmpty());
}

TEST_F(ScreenerTest, FindsVehiclePlates) {
  EXPECT_THAT(Texts("车牌京A12345。", Category::kVehiclePlate),
              ElementsAre("京A12345"));
  EXPECT_THAT(Texts("车牌京A·12345。", Category::kVehiclePlate),
              ElementsAre("京A·12345"));
  EXPECT_THAT(Texts("新能源车粤BD12345号", Category::kVehiclePlate),
              ElementsAre("粤BD12345"));
  EXPECT_THAT(Texts("大型新能源车苏E12345F号", Category::kVehiclePlate),
              ElementsAre("苏E12345F"));
  for (const char* text : {"京AIO123", "京AABC12", "京A123456", "港A12345"}) {
    EXPECT_THAT(Texts(text, Category::kVehiclePlate), IsEmpty()) << text;
  }
}

TEST_F(ScreenerTest, FindsDocumentNumbersOnlyNextToALabel) {
  EXPECT_THAT(Texts("护照号码E12345678。", Category::kDocumentNumber),
              ElementsAre("E12345678"));
  EXPECT_THAT(Texts("往来港澳通行证CA1234567", Category::kDocumentNumber),
              ElementsAre("CA1234567"));
  EXPECT_THAT(Texts("回乡证号H12345678", Category::kDocumentNumber),
              ElementsAre("H12345678"));
  EXPECT_THAT(Texts("台胞证号码12345678，", Category::kDocumentNumber),
              ElementsAre("12345678"));
  EXPECT_THAT(Texts("军官证号：南字第1234567号", Category::kDocumentNumber),
              ElementsAre("南字第1234567号"));
  EXPECT_THAT(Texts("零件型号E12345678", Category::kDocumentNumber), IsEmpty());
  EXPECT_THAT(
      Texts("台胞证号码如下。入住日期20231110", Category::kDocumentNumber),
      IsEmpty());
  EXPECT_THAT(Texts("台胞证联系电话0599-20200467", Category::kDocumentNumber),
              IsEmpty());
}

// --- Markings ---

TEST_F(ScreenerTest, FindsClassificationMarkingsWithStarAndPeriod) {
  EXPECT_THAT(Texts("秘密★1年\n正文", Category::kClassificationMarking),
              ElementsAre("秘密★1年"));
  EXPECT_THAT(Texts("机密★10年", Category::kClassificationMarking),
              ElementsAre("机密★10年"));
  EXPECT_THAT(Texts("绝密★长期", Category::kClassificationMarking),
              ElementsAre("绝密★长期"));
  EXPECT_THAT(Texts("绝密★启用前", Category::kClassificationMarking),
              ElementsAre("绝密★启用前"));
  EXPECT_THAT(Texts("秘密 ★ 6个月", Category::kClassificationMarking),
              ElementsAre("秘密 ★ 6个月"));
  EXPECT_THAT(Texts("文件（机密★）", Category::kClassificationMarking),
              ElementsAre("机密★"));
}

TEST_F(ScreenerTest, FindsBareClassificationWordsOnlyInMarkingPositions) {
  EXPECT_THAT(Texts("000128\n机密\n特急", Category::kClassificationMarking),
              ElementsAre("机密"));
  EXPECT_THAT(Texts("密级：秘密", Category::kClassificationMarking),
              ElementsAre("秘密"));
  EXPECT_THAT(Texts("标题下方【秘密】字样", Category::kClassificationMarking),
              ElementsAre("秘密"));
  for (const char* text : {"涉及商业秘密的内容", "工作人员应严守秘密",
                           "保证数据的机密性", "属于国家秘密", "商业秘密\n",
                           "第一行\n第二行\n第三行\n第四行\n第五行\n"
                           "第六行 秘密 文字"}) {
    EXPECT_THAT(Texts(text, Category::kClassificationMarking), IsEmpty())
        << text;
  }
}

TEST_F(ScreenerTest, FindsControlMarkingsButNotProse) {
  EXPECT_THAT(Texts("内部\n关于……的通知", Category::kControlMarking),
              ElementsAre("内部"));
  EXPECT_THAT(Texts("〔内部〕", Category::kControlMarking),
              ElementsAre("内部"));
  EXPECT_THAT(Texts("内部资料　注意保存\n", Category::kControlMarking),
              ElementsAre("内部资料", "注意保存"));
  EXPECT_THAT(
      Texts("本资料仅供内部使用，不得外传。", Category::kControlMarking),
      ElementsAre("仅供内部使用", "不得外传"));
  EXPECT_THAT(Texts("（此件不公开）", Category::kControlMarking),
              ElementsAre("此件不公开"));
  for (const char* text :
       {"加强内部控制制度建设", "请整理内部资料并报送", "开展内部审计",
        "（此件公开发布）", "内部，由办公室负责"}) {
    EXPECT_THAT(Texts(text, Category::kControlMarking), IsEmpty()) << text;
  }
}

// --- Offsets, order, limits ---

TEST_F(ScreenerTest, ReportsByteAndCharOffsetsInMixedText) {
  const std::string text =
      "姓名：张三 Zhang San，手机13812345678，邮箱zs@163.com；身份证号"
      "11010519491231002X。";
  const std::vector<Finding> f = Screen(text);
  ASSERT_EQ(f.size(), 3u);
  for (const Finding& finding : f) {
    EXPECT_EQ(
        text.substr(finding.byte_begin, finding.byte_end - finding.byte_begin),
        finding.text);
    EXPECT_EQ(finding.char_begin, Utf8Length(absl::string_view(text).substr(
                                      0, finding.byte_begin)));
    EXPECT_EQ(finding.char_end - finding.char_begin, Utf8Length(finding.text));
  }
  EXPECT_EQ(f[0].byte_begin, text.find("13812345678"));
  // 姓名：张三 (5 CJK + space) Zhang San (9) ，手机 (3) = 18 code points.
  EXPECT_EQ(f[0].char_begin, 18u);
  EXPECT_EQ(f[1].text, "zs@163.com");
  EXPECT_EQ(f[2].text, "11010519491231002X");
}

TEST_F(ScreenerTest, SortsFindingsAndKeepsOverlapsOfDifferentCategories) {
  const std::string text =
      "卡号620102198704151350，手机13812345678，身份证号110101198503121239";
  const std::vector<Finding> f = Screen(text);
  ASSERT_EQ(f.size(), 4u);
  for (size_t i = 1; i < f.size(); ++i) {
    EXPECT_LE(std::make_pair(f[i - 1].byte_begin, f[i - 1].byte_end),
              std::make_pair(f[i].byte_begin, f[i].byte_end));
  }
  EXPECT_EQ(f[0].byte_begin, f[1].byte_begin);
  EXPECT_NE(f[0].category, f[1].category);
}

TEST_F(ScreenerTest, RejectsInvalidUtf8) {
  EXPECT_THAT(screener_->Screen("身份证\xFF号"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(screener_->Screen("\xC0\xAF"),  // overlong '/'
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(ScreenerTest, RejectsTextOverTheLimit) {
  const std::string big(Screener::kMaxTextBytes + 1, 'a');
  EXPECT_THAT(screener_->Screen(big),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST_F(ScreenerTest, HandlesEmptyTextAndLongDigitRuns) {
  EXPECT_THAT(Screen(""), IsEmpty());
  // Every digit pattern matches at every offset of the run; none is a
  // finding, and nothing is kept per offset.
  EXPECT_THAT(Screen(std::string(1 << 20, '7')), IsEmpty());
}

// --- Rule sets ---

RuleSet MustParse(absl::string_view contents) {
  auto set = ParseRuleSet("test.rules", contents);
  EXPECT_THAT(set, IsOk());
  return set.ok() ? *std::move(set) : RuleSet();
}

constexpr absl::string_view kTestRules =
    "name: test\n"
    "category: COMMERCIAL_SECRET\n"
    "ground: THIRD_PARTY_RIGHTS\n"
    "window: 10\n"
    "keyword: 底价\n"
    "  near: 招标, 拍卖\n"
    "keyword: 商业秘密\n"
    "  not-in: 侵犯商业秘密罪\n"
    "  not-inside: 《 》\n"
    "  not-near: 第十五条\n"
    "keyword: 内部\n"
    "  position: marking\n"
    "regex price: 报价[0-9]+\n";

class ScreenerRuleTest : public ::testing::Test {
 protected:
  ScreenerRuleTest() {
    std::vector<RuleSet> sets;
    sets.push_back(MustParse(kTestRules));
    auto screener = Screener::Create(std::move(sets));
    EXPECT_THAT(screener, IsOk());
    if (screener.ok()) screener_ = *std::move(screener);
  }

  std::vector<std::string> Rules(absl::string_view text) {
    auto findings = screener_->Screen(text);
    EXPECT_THAT(findings, IsOk());
    std::vector<std::string> out;
    if (!findings.ok()) return out;
    for (const Finding& f : *findings) {
      if (f.category == Category::kCommercialSecret) out.push_back(f.text);
    }
    return out;
  }

  std::unique_ptr<Screener> screener_;
};

TEST_F(ScreenerRuleTest, NamesRuleDetectorsAndUsesTheFilesGround) {
  auto f = screener_->Screen("招标底价");
  ASSERT_THAT(f, IsOk());
  ASSERT_EQ(f->size(), 1u);
  EXPECT_EQ((*f)[0].detector, "rule:test:底价");
  EXPECT_EQ((*f)[0].suggested_ground,
            rules::ExemptionGround::kThirdPartyRights);
  EXPECT_THAT((*f)[0].explanation, HasSubstr("test.rules:5"));
}

TEST_F(ScreenerRuleTest, RequiresNearWordsWithinTheWindow) {
  EXPECT_THAT(Rules("本次招标的底价为"), ElementsAre("底价"));
  EXPECT_THAT(Rules("商品底价为"), IsEmpty());
  EXPECT_THAT(Rules("招标公告发布以后经过了很长时间才确定底价"), IsEmpty());
}

TEST_F(ScreenerRuleTest, HonoursNotInNotInsideAndNotNear) {
  EXPECT_THAT(Rules("第三方的商业秘密。"), ElementsAre("商业秘密"));
  EXPECT_THAT(Rules("构成侵犯商业秘密罪"), IsEmpty());
  EXPECT_THAT(Rules("《关于禁止侵犯商业秘密行为的若干规定》"), IsEmpty());
  EXPECT_THAT(Rules("依照第十五条，商业秘密不公开"), IsEmpty());
}

TEST_F(ScreenerRuleTest, HonoursMarkingPosition) {
  EXPECT_THAT(Rules("内部\n正文"), ElementsAre("内部"));
  EXPECT_THAT(Rules("加强内部管理"), IsEmpty());
}

TEST_F(ScreenerRuleTest, ReportsEachRegexMatchOnceAtItsLongest) {
  EXPECT_THAT(Rules("报价300万元，另报价45元"),
              ElementsAre("报价300", "报价45"));
}

TEST_F(ScreenerRuleTest, MatchesAsciiKeywordsIgnoringCase) {
  std::vector<RuleSet> sets;
  sets.push_back(MustParse(
      "name: ascii\ncategory: COMMERCIAL_SECRET\nground: THIRD_PARTY_RIGHTS\n"
      "keyword: Source Code\n"));
  auto screener = Screener::Create(std::move(sets));
  ASSERT_THAT(screener, IsOk());
  auto f = (*screener)->Screen("the SOURCE CODE of (a+b)");
  ASSERT_THAT(f, IsOk());
  EXPECT_THAT(*f,
              ElementsAre(Found(Category::kCommercialSecret, "SOURCE CODE")));
}

TEST(ScreenerCreateTest, RejectsDuplicateRuleSetNames) {
  std::vector<RuleSet> sets;
  sets.push_back(MustParse(kTestRules));
  sets.push_back(MustParse(kTestRules));
  EXPECT_THAT(Screener::Create(std::move(sets)),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// --- Shipped rule files ---

TEST(ScreenerLoadDirectoryTest, LoadsAllEightShippedRuleFiles) {
  auto screener = Screener::LoadDirectory(FOI_SOURCE_DIR "/deploy/screening");
  ASSERT_THAT(screener, IsOk());
  std::vector<std::string> names;
  for (const RuleSet& set : (*screener)->rule_sets()) {
    names.push_back(set.name);
    EXPECT_FALSE(set.patterns.empty()) << set.name;
    EXPECT_EQ(set.ground, DefaultGround(set.category)) << set.name;
  }
  EXPECT_THAT(names,
              UnorderedElementsAre(
                  "state_secret", "security_stability", "commercial_secret",
                  "personal_privacy", "internal_affairs", "process_information",
                  "law_enforcement_file", "administrative_query"));
}

class ScreenerDirectoryTest : public ::testing::Test {
 protected:
  ScreenerDirectoryTest()
      : dir_(std::filesystem::path(::testing::TempDir()) /
             absl::StrCat("screening_", ::testing::UnitTest::GetInstance()
                                            ->current_test_info()
                                            ->name())) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~ScreenerDirectoryTest() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, absl::string_view contents) {
    std::ofstream(dir_ / name, std::ios::binary) << std::string(contents);
  }

  std::filesystem::path dir_;
};

TEST_F(ScreenerDirectoryTest, ReturnsNotFoundForMissingOrEmptyDirectory) {
  EXPECT_THAT(Screener::LoadDirectory((dir_ / "missing").string()),
              StatusIs(absl::StatusCode::kNotFound));
  Write("README.md", "not a rule file");
  EXPECT_THAT(Screener::LoadDirectory(dir_.string()),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(ScreenerDirectoryTest, NamesFileAndLineOfABadRuleFile) {
  Write("a.rules", kTestRules);
  Write("b.rules",
        "name: b\ncategory: STATE_SECRET\nground: STATE_SECRET\n"
        "keyword: 涉密\nregex: (unclosed\n");
  EXPECT_THAT(
      Screener::LoadDirectory(dir_.string()),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("b.rules:5: ")));
}

// --- Concurrency ---

TEST(ScreenerConcurrencyTest, FourThreadsGetTheSameFindings) {
  auto screener = Screener::LoadDirectory(FOI_SOURCE_DIR "/deploy/screening");
  ASSERT_THAT(screener, IsOk());
  auto corpus =
      foi::testing::LoadLabelledCorpus(FOI_SOURCE_DIR "/tests/data/screening");
  ASSERT_THAT(corpus, IsOk());
  std::vector<std::vector<Finding>> expected;
  for (const auto& doc : *corpus) {
    auto f = (*screener)->Screen(doc.text);
    ASSERT_THAT(f, IsOk());
    expected.push_back(*std::move(f));
  }
  auto same = [](const std::vector<Finding>& a, const std::vector<Finding>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].byte_begin != b[i].byte_begin ||
          a[i].byte_end != b[i].byte_end || a[i].category != b[i].category ||
          a[i].detector != b[i].detector ||
          a[i].char_begin != b[i].char_begin || a[i].text != b[i].text) {
        return false;
      }
    }
    return true;
  };
  constexpr int kThreads = 4;
  constexpr int kRounds = 5;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRounds; ++round) {
        for (size_t d = 0; d < corpus->size(); ++d) {
          // Each thread walks the corpus from a different place.
          const size_t i = (d + static_cast<size_t>(t) * 7) % corpus->size();
          auto f = (*screener)->Screen((*corpus)[i].text);
          if (!f.ok() || !same(*f, expected[i])) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_THAT(mismatches, ElementsAre(0, 0, 0, 0));
}

}  // namespace
}  // namespace foi::screening
