#include "libs/render/template.h"

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace {

using ::foi::render::Escaping;
using ::foi::render::Template;
using ::foi::render::TemplateData;
using ::foi::testing::IsOk;
using ::foi::testing::IsOkAndHolds;
using ::foi::testing::StatusIs;
using ::testing::HasSubstr;

absl::StatusOr<std::string> RenderText(absl::string_view text,
                                       const TemplateData& data,
                                       Escaping escaping = Escaping::kNone) {
  absl::StatusOr<Template> t = Template::Parse("t.tmpl", text);
  if (!t.ok()) return t.status();
  return t->Render(data, escaping);
}

TEST(TemplateTest, SubstitutesVariablesWithOrWithoutSpaces) {
  TemplateData data;
  data.Set("name", "张三").Set("date", "2026年11月2日");
  EXPECT_THAT(RenderText("{{name}}：{{ date }}收到", data),
              IsOkAndHolds("张三：2026年11月2日收到"));
}

TEST(TemplateTest, UnknownVariableIsAnErrorNamingTemplateAndLine) {
  TemplateData data;
  data.Set("name", "x");
  EXPECT_THAT(RenderText("第一行\n第二行{{name}}\n第三行{{nmae}}", data),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("t.tmpl:3: unknown variable 'nmae'")));
}

TEST(TemplateTest, EmptyTextIsAValueNotAMissingVariable) {
  TemplateData data;
  data.Set("x", "");
  EXPECT_THAT(RenderText("[{{x}}]", data), IsOkAndHolds("[]"));
}

TEST(TemplateTest, UnclosedSectionNamesTheLineWhereItOpened) {
  EXPECT_THAT(Template::Parse("a.tmpl", "x\n\n{{#flag}}\ny"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a.tmpl:3: section 'flag' is never closed")));
}

TEST(TemplateTest, MismatchedCloseIsAnError) {
  EXPECT_THAT(Template::Parse("a.tmpl", "{{#a}}{{#b}}{{/a}}{{/b}}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a.tmpl:1: '{{/a}}' closes section 'b'")));
  EXPECT_THAT(Template::Parse("a.tmpl", "x\n{{/a}}"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a.tmpl:2: '{{/a}}' closes no section")));
}

TEST(TemplateTest, UnterminatedTagAndBadNamesAreErrors) {
  EXPECT_THAT(
      Template::Parse("a.tmpl", "ok\n{{name"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("a.tmpl:2:")));
  EXPECT_THAT(Template::Parse("a.tmpl", "{{}}"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Template::Parse("a.tmpl", "{{a.b}}"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Template::Parse("a.tmpl", "{{#}}{{/}}"),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(TemplateTest, LineNumbersStartAtFirstLine) {
  absl::StatusOr<Template> t = Template::Parse("b.tmpl", "x\n{{missing}}", 40);
  ASSERT_THAT(t, IsOk());
  EXPECT_THAT(
      t->Render(TemplateData()),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("b.tmpl:41:")));
}

TEST(TemplateTest, SectionsFollowFlagsTextAndLists) {
  TemplateData data;
  data.SetBool("yes", true)
      .SetBool("no", false)
      .Set("text", "t")
      .Set("empty", "");
  data.SetList("none");
  EXPECT_THAT(RenderText("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#text}}T{{/text}}"
                         "{{#empty}}E{{/empty}}{{#none}}L{{/none}}",
                         data),
              IsOkAndHolds("YT"));
  EXPECT_THAT(RenderText("{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^text}}T{{/text}}"
                         "{{^empty}}E{{/empty}}{{^none}}L{{/none}}",
                         data),
              IsOkAndHolds("NEL"));
}

TEST(TemplateTest, ListItemsShadowOuterNamesAndSeeThem) {
  TemplateData data;
  data.Set("unit", "件").Set("index", "outer");
  data.AddItem("rows").Set("index", "1");
  data.AddItem("rows").Set("index", "2");
  EXPECT_THAT(RenderText("{{#rows}}{{index}}{{unit}};{{/rows}}{{index}}", data),
              IsOkAndHolds("1件;2件;outer"));
}

TEST(TemplateTest, UnknownSectionIsAnError) {
  EXPECT_THAT(RenderText("x{{#gone}}y{{/gone}}", TemplateData()),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("unknown section 'gone'")));
}

TEST(TemplateTest, FlagOrListUsedAsTextIsAnError) {
  TemplateData data;
  data.SetBool("flag", true);
  data.SetList("rows");
  EXPECT_THAT(RenderText("{{flag}}", data),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(RenderText("{{rows}}", data),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(TemplateTest, StandaloneSectionAndCommentLinesLeaveNoBlankLine) {
  TemplateData data;
  data.AddItem("items").Set("x", "a");
  data.AddItem("items").Set("x", "b");
  data.SetBool("off", false);
  EXPECT_THAT(RenderText("head\n"
                         "  {{#items}}\n"
                         "- {{x}}\n"
                         "  {{/items}}\n"
                         "{{! a comment }}\n"
                         "{{#off}}\n"
                         "hidden\n"
                         "{{/off}}\n"
                         "tail",
                         data),
              IsOkAndHolds("head\n- a\n- b\ntail"));
}

TEST(TemplateTest, InlineSectionTagsKeepTheirLine) {
  TemplateData data;
  data.SetBool("on", true);
  EXPECT_THAT(RenderText("a {{#on}}b{{/on}}\nc", data), IsOkAndHolds("a b\nc"));
}

TEST(TemplateTest, HtmlEscapingAppliesToValuesOnly) {
  TemplateData data;
  data.Set("v", "<script>alert('x')</script> & \"q\"");
  EXPECT_THAT(
      RenderText("<p>{{v}}</p>", data, Escaping::kHtml),
      IsOkAndHolds("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                   "&quot;q&quot;</p>"));
  EXPECT_THAT(RenderText("<p>{{&v}}</p>", data, Escaping::kHtml),
              IsOkAndHolds("<p><script>alert('x')</script> & \"q\"</p>"));
  EXPECT_THAT(RenderText("{{v}}", data, Escaping::kNone),
              IsOkAndHolds("<script>alert('x')</script> & \"q\""));
}

TEST(TemplateTest, ValuesAreNeverReparsedAsTags) {
  TemplateData data;
  data.Set("v", "{{other}}");
  EXPECT_THAT(RenderText("{{v}}", data), IsOkAndHolds("{{other}}"));
}

TEST(TemplateTest, CopiesShareTheParsedTree) {
  absl::StatusOr<Template> t = Template::Parse("c.tmpl", "{{a}}");
  ASSERT_THAT(t, IsOk());
  Template copy = *t;
  TemplateData data;
  data.Set("a", "1");
  EXPECT_THAT(copy.Render(data), IsOkAndHolds("1"));
  EXPECT_EQ(copy.name(), "c.tmpl");
}

}  // namespace
