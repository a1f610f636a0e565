#include "libs/render/letter_template.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace {

using ::foi::pdf::Block;
using ::foi::pdf::BlockStyle;
using ::foi::render::LetterTemplate;
using ::foi::render::LoadLetterTemplates;
using ::foi::render::TemplateData;
using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

::testing::Matcher<const Block&> IsBlock(BlockStyle style,
                                         const std::string& text) {
  return ::testing::AllOf(Field(&Block::style, style),
                          Field(&Block::text, text));
}

absl::StatusOr<std::vector<Block>> RenderBlocks(absl::string_view text,
                                                const TemplateData& data) {
  absl::StatusOr<LetterTemplate> t = LetterTemplate::Parse("x.tmpl", text);
  if (!t.ok()) return t.status();
  return t->Render(data);
}

TEST(LetterTemplateTest, SplitsTheFileIntoStyledBlocks) {
  TemplateData data;
  data.Set("agency", "云岭市自然资源和规划局")
      .Set("seal", "印")
      .Set("date", "D");
  absl::StatusOr<std::vector<Block>> blocks = RenderBlocks(
      "# 注释\n"
      "\n"
      "@title\n"
      "{{agency}}\n"
      "政府信息公开申请答复书\n"
      "\n"
      "@subtitle\n"
      "文号\n"
      "@plain\n"
      "甲：\n"
      "@paragraph\n"
      "第一句，\n"
      "  第二句。\n"
      "\n"
      "第二段。\n"
      "@right\n"
      "{{seal}}\n"
      "{{date}}\n",
      data);
  ASSERT_THAT(blocks, IsOk());
  EXPECT_THAT(
      *blocks,
      ElementsAre(IsBlock(BlockStyle::kTitle,
                          "云岭市自然资源和规划局\n政府信息公开申请答复书"),
                  IsBlock(BlockStyle::kSubtitle, "文号"),
                  IsBlock(BlockStyle::kPlain, "甲："),
                  IsBlock(BlockStyle::kParagraph, "第一句，第二句。"),
                  IsBlock(BlockStyle::kParagraph, "第二段。"),
                  IsBlock(BlockStyle::kRightAligned, "印\nD")));
}

TEST(LetterTemplateTest, EmptyBlocksAndParagraphsAreLeftOut) {
  TemplateData data;
  data.SetBool("on", false).Set("detail", "");
  absl::StatusOr<std::vector<Block>> blocks = RenderBlocks(
      "@paragraph\n"
      "{{#on}}\n"
      "条件段落。\n"
      "{{/on}}\n"
      "\n"
      "开头，\n"
      "{{#detail}}{{detail}}。{{/detail}}\n"
      "结尾。\n"
      "@plain\n"
      "{{#on}}x{{/on}}\n",
      data);
  ASSERT_THAT(blocks, IsOk());
  // The false section inside the second paragraph leaves an empty line that
  // must neither show nor split the paragraph.
  EXPECT_THAT(*blocks,
              ElementsAre(IsBlock(BlockStyle::kParagraph, "开头，结尾。")));
}

TEST(LetterTemplateTest, CommentLinesInsideBlocksVanish) {
  absl::StatusOr<std::vector<Block>> blocks = RenderBlocks(
      "@plain\n"
      "一\n"
      "# 说明\n"
      "二\n",
      TemplateData());
  ASSERT_THAT(blocks, IsOk());
  EXPECT_THAT(*blocks, ElementsAre(IsBlock(BlockStyle::kPlain, "一\n二")));
}

TEST(LetterTemplateTest, ValuesCannotStartBlocksOrChangeStyles) {
  TemplateData data;
  data.Set("v", "x\n@title\n伪造标题\n\n# 不是注释");
  absl::StatusOr<std::vector<Block>> blocks =
      RenderBlocks("@plain\n{{v}}\n", data);
  ASSERT_THAT(blocks, IsOk());
  ASSERT_THAT(*blocks, SizeIs(1));
  EXPECT_EQ((*blocks)[0].style, BlockStyle::kPlain);
  EXPECT_THAT((*blocks)[0].text, HasSubstr("@title"));
}

TEST(LetterTemplateTest, ErrorsNameTheFileAndTheLineInTheFile) {
  // Line 6 of the file is the second line of the second paragraph.
  absl::StatusOr<LetterTemplate> t = LetterTemplate::Parse(
      "reply_x.tmpl", "# c\n@paragraph\n甲。\n\n乙，\n{{unknown_name}}。\n");
  ASSERT_THAT(t, IsOk());
  EXPECT_THAT(t->Render(TemplateData()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("reply_x.tmpl:6: unknown variable "
                                 "'unknown_name'")));
  EXPECT_THAT(LetterTemplate::Parse("reply_y.tmpl",
                                    "@title\nT\n@plain\n# c\n{{#open}}\nx\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("reply_y.tmpl:5: section 'open'")));
}

TEST(LetterTemplateTest, RejectsUnknownStylesStrayTextAndEmptyFiles) {
  EXPECT_THAT(LetterTemplate::Parse("a.tmpl", "@title\nT\n@tilte\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a.tmpl:3: unknown block style")));
  EXPECT_THAT(LetterTemplate::Parse("a.tmpl", "# c\n正文\n@title\nT\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a.tmpl:2: text before the first block")));
  EXPECT_THAT(LetterTemplate::Parse("a.tmpl", "# only a comment\n"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(LetterTemplate::Parse("a.tmpl", "@plain\n\xff\n"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(LetterTemplateTest, SectionMayNotSpanAParagraphBreak) {
  EXPECT_THAT(LetterTemplate::Parse(
                  "a.tmpl", "@paragraph\n{{#a}}\n一。\n\n二。\n{{/a}}\n"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a.tmpl:2: section 'a' is never closed")));
}

class LoadLetterTemplatesTest : public ::testing::Test {
 protected:
  LoadLetterTemplatesTest()
      : dir_(std::filesystem::path(::testing::TempDir()) /
             ::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~LoadLetterTemplatesTest() override { std::filesystem::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  std::filesystem::path dir_;
};

TEST_F(LoadLetterTemplatesTest, LoadsTmplFilesKeyedByStem) {
  Write("reply_disclosed.tmpl", "@title\n答复书\n");
  Write("fee_notice.tmpl", "@title\n收费通知书\n");
  Write("README.md", "not a template {{");
  absl::StatusOr<std::map<std::string, LetterTemplate>> loaded =
      LoadLetterTemplates(dir_.string());
  ASSERT_THAT(loaded, IsOk());
  ASSERT_THAT(*loaded, SizeIs(2));
  EXPECT_EQ(loaded->at("reply_disclosed").name(), "reply_disclosed.tmpl");
  EXPECT_EQ(loaded->count("fee_notice"), 1u);
}

TEST_F(LoadLetterTemplatesTest, ParseErrorNamesTheFile) {
  Write("good.tmpl", "@title\nT\n");
  Write("bad.tmpl", "@title\nT\n@paragraph\n{{#x}}\n");
  EXPECT_THAT(
      LoadLetterTemplates(dir_.string()),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("bad.tmpl:4:")));
}

TEST_F(LoadLetterTemplatesTest, MissingDirectoryIsNotFound) {
  EXPECT_THAT(LoadLetterTemplates((dir_ / "absent").string()),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(LoadLetterTemplatesTest, EmptyDirectoryLoadsNothing) {
  absl::StatusOr<std::map<std::string, LetterTemplate>> loaded =
      LoadLetterTemplates(dir_.string());
  ASSERT_THAT(loaded, IsOk());
  EXPECT_THAT(*loaded, IsEmpty());
}

}  // namespace
