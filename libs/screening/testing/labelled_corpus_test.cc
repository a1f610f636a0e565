#include "libs/screening/testing/labelled_corpus.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::testing {
namespace {

using screening::Category;
using ::testing::HasSubstr;

TEST(ParseLabelledDocumentTest, StripsLabelsAndKeepsOffsets) {
  auto doc = ParseLabelledDocument(
      "d.txt",
      "第一行\n电话⟦PHONE_NUMBER|13812345678⟧，代码⟦!IDENTITY_NUMBER|"
      "110101850312123⟧。");
  ASSERT_THAT(doc, IsOk());
  EXPECT_EQ(doc->text, "第一行\n电话13812345678，代码110101850312123。");
  ASSERT_EQ(doc->spans.size(), 2u);
  const GoldSpan& phone = doc->spans[0];
  EXPECT_EQ(phone.category, Category::kPhoneNumber);
  EXPECT_FALSE(phone.near_miss);
  EXPECT_EQ(phone.line, 2);
  EXPECT_EQ(
      doc->text.substr(phone.byte_begin, phone.byte_end - phone.byte_begin),
      "13812345678");
  EXPECT_EQ(phone.char_begin, 6u);
  EXPECT_EQ(phone.char_end, 17u);
  EXPECT_TRUE(doc->spans[1].near_miss);
  EXPECT_EQ(doc->spans[1].text, "110101850312123");
}

TEST(ParseLabelledDocumentTest, RejectsMalformedLabels) {
  for (const char* bad :
       {"⟦PHONE_NUMBER|138", "138⟧", "⟦PHONE_NUMBER 138⟧", "⟦PHONE|138⟧",
        "⟦PHONE_NUMBER|⟧", "⟦EMAIL|a⟦EMAIL|b⟧⟧", "\xFF"}) {
    EXPECT_THAT(ParseLabelledDocument("d.txt", bad),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << bad;
  }
  EXPECT_THAT(
      ParseLabelledDocument("d.txt", "a\nb\n⟦X|y⟧"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("d.txt:3")));
}

TEST(LoadLabelledCorpusTest, LoadsTheCorpusInNameOrder) {
  auto corpus = LoadLabelledCorpus(FOI_SOURCE_DIR "/tests/data/screening");
  ASSERT_THAT(corpus, IsOk());
  ASSERT_GE(corpus->size(), 40u);
  for (size_t i = 1; i < corpus->size(); ++i) {
    EXPECT_LT((*corpus)[i - 1].name, (*corpus)[i].name);
  }
  for (const LabelledDocument& doc : *corpus) {
    EXPECT_EQ(doc.text.find("\u27E6"), std::string::npos) << doc.name;
    for (const GoldSpan& g : doc.spans) {
      EXPECT_EQ(doc.text.substr(g.byte_begin, g.byte_end - g.byte_begin),
                g.text)
          << doc.name << ":" << g.line;
    }
  }
  EXPECT_THAT(LoadLabelledCorpus(FOI_SOURCE_DIR "/no/such/dir"),
              StatusIs(absl::StatusCode::kNotFound));
}

}  // namespace
}  // namespace foi::testing
