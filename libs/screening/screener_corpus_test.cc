// Precision and recall of the shipped rule files and the built-in detectors
// over the labelled corpus in tests/data/screening. A finding is correct if it
// overlaps a gold span of the same category; a gold span is found if a
// finding of its category overlaps it.
#include <array>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/screening/category.h"
#include "libs/screening/screener.h"
#include "libs/screening/testing/labelled_corpus.h"

namespace foi::screening {
namespace {

using ::foi::testing::GoldSpan;
using ::foi::testing::IsOk;
using ::foi::testing::LabelledDocument;
using ::foi::testing::LoadLabelledCorpus;

bool Overlaps(size_t b1, size_t e1, size_t b2, size_t e2) {
  return b1 < e2 && b2 < e1;
}

struct Counts {
  int gold = 0;
  int gold_found = 0;
  int findings = 0;
  int findings_correct = 0;
  int near_misses = 0;
  int near_misses_hit = 0;
};

struct Evaluation {
  std::array<Counts, kCategoryCount + 1> by_category{};  // index = enum value
  std::vector<std::string> missed;
  std::vector<std::string> false_positives;
  std::vector<std::string> near_misses_hit;
};

class ScreenerCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto screener = Screener::LoadDirectory(FOI_SOURCE_DIR "/deploy/screening");
    ASSERT_THAT(screener, IsOk());
    auto corpus = LoadLabelledCorpus(FOI_SOURCE_DIR "/tests/data/screening");
    ASSERT_THAT(corpus, IsOk());
    corpus_ = new std::vector<LabelledDocument>(*std::move(corpus));
    evaluation_ = new Evaluation();
    for (const LabelledDocument& doc : *corpus_) {
      auto findings = (*screener)->Screen(doc.text);
      ASSERT_THAT(findings, IsOk()) << doc.name;
      Evaluate(doc, *findings, *evaluation_);
    }
  }

  static void TearDownTestSuite() {
    delete corpus_;
    delete evaluation_;
  }

  static void Evaluate(const LabelledDocument& doc,
                       const std::vector<Finding>& findings, Evaluation& ev) {
    for (const GoldSpan& g : doc.spans) {
      Counts& c = ev.by_category[static_cast<int>(g.category)];
      bool hit = false;
      for (const Finding& f : findings) {
        hit |= f.category == g.category &&
               Overlaps(f.byte_begin, f.byte_end, g.byte_begin, g.byte_end);
      }
      const std::string where = absl::StrFormat(
          "%s:%d %s '%s'", doc.name, g.line, CategoryName(g.category), g.text);
      if (g.near_miss) {
        ++c.near_misses;
        if (hit) {
          ++c.near_misses_hit;
          ev.near_misses_hit.push_back(where);
        }
      } else {
        ++c.gold;
        if (hit) {
          ++c.gold_found;
        } else {
          ev.missed.push_back(where);
        }
      }
    }
    for (const Finding& f : findings) {
      Counts& c = ev.by_category[static_cast<int>(f.category)];
      ++c.findings;
      bool correct = false;
      for (const GoldSpan& g : doc.spans) {
        correct |= !g.near_miss && g.category == f.category &&
                   Overlaps(f.byte_begin, f.byte_end, g.byte_begin, g.byte_end);
      }
      if (correct) {
        ++c.findings_correct;
      } else {
        ev.false_positives.push_back(absl::StrFormat(
            "%s chars [%d,%d) %s '%s' (%s)", doc.name, f.char_begin, f.char_end,
            f.detector, f.text, f.explanation));
      }
    }
  }

  static double Recall(const Counts& c) {
    return c.gold == 0 ? 1.0 : static_cast<double>(c.gold_found) / c.gold;
  }
  static double Precision(const Counts& c) {
    return c.findings == 0
               ? 1.0
               : static_cast<double>(c.findings_correct) / c.findings;
  }
  static const Counts& Of(Category c) {
    return evaluation_->by_category[static_cast<int>(c)];
  }

  static std::vector<LabelledDocument>* corpus_;
  static Evaluation* evaluation_;
};

std::vector<LabelledDocument>* ScreenerCorpusTest::corpus_ = nullptr;
Evaluation* ScreenerCorpusTest::evaluation_ = nullptr;

TEST_F(ScreenerCorpusTest, CorpusHasEnoughDocumentsAndLabels) {
  ASSERT_NE(corpus_, nullptr);
  int gold = 0;
  int near_misses = 0;
  std::array<int, kCategoryCount + 1> per_category{};
  for (const LabelledDocument& doc : *corpus_) {
    for (const GoldSpan& g : doc.spans) {
      if (g.near_miss) {
        ++near_misses;
      } else {
        ++gold;
        ++per_category[static_cast<int>(g.category)];
      }
    }
  }
  EXPECT_GE(corpus_->size(), 40u);
  EXPECT_GE(gold, 400);
  EXPECT_GE(near_misses, 30);
  for (int i = 1; i <= kCategoryCount; ++i) {
    EXPECT_GT(per_category[i], 0) << CategoryName(static_cast<Category>(i));
  }
}

TEST_F(ScreenerCorpusTest, MeetsRecallAndPrecisionTargets) {
  ASSERT_NE(evaluation_, nullptr);
  Counts total;
  std::printf("\n%-24s %6s %6s %8s %6s %6s %9s %8s\n", "category", "gold",
              "found", "recall", "finds", "right", "precision", "nearmiss");
  for (int i = 1; i <= kCategoryCount; ++i) {
    const Counts& c = evaluation_->by_category[i];
    std::printf("%-24s %6d %6d %8.3f %6d %6d %9.3f %5d/%-3d\n",
                std::string(CategoryName(static_cast<Category>(i))).c_str(),
                c.gold, c.gold_found, Recall(c), c.findings, c.findings_correct,
                Precision(c), c.near_misses_hit, c.near_misses);
    total.gold += c.gold;
    total.gold_found += c.gold_found;
    total.findings += c.findings;
    total.findings_correct += c.findings_correct;
    total.near_misses += c.near_misses;
    total.near_misses_hit += c.near_misses_hit;
  }
  std::printf("%-24s %6d %6d %8.3f %6d %6d %9.3f %5d/%-3d\n", "TOTAL",
              total.gold, total.gold_found, Recall(total), total.findings,
              total.findings_correct, Precision(total), total.near_misses_hit,
              total.near_misses);
  for (const std::string& m : evaluation_->missed) {
    std::printf("missed: %s\n", m.c_str());
  }
  for (const std::string& fp : evaluation_->false_positives) {
    std::printf("false positive: %s\n", fp.c_str());
  }
  for (const std::string& n : evaluation_->near_misses_hit) {
    std::printf("near miss found: %s\n", n.c_str());
  }

  EXPECT_GE(Recall(Of(Category::kIdentityNumber)), 0.99);
  EXPECT_GE(Recall(Of(Category::kPhoneNumber)), 0.99);
  EXPECT_GE(Recall(Of(Category::kBankCard)), 0.99);
  Counts markings = Of(Category::kClassificationMarking);
  markings.gold += Of(Category::kControlMarking).gold;
  markings.gold_found += Of(Category::kControlMarking).gold_found;
  EXPECT_GE(Recall(markings), 0.99);
  EXPECT_GE(Precision(total), 0.95);
}

// The detectors with checksums, formats or marking positions must skip every
// near miss: wrong check digits, impossible dates, numbers embedded in longer
// runs, serial numbers, 商业秘密 and 工作秘密.
TEST_F(ScreenerCorpusTest, PreciseDetectorsSkipEveryNearMiss) {
  ASSERT_NE(evaluation_, nullptr);
  for (Category c :
       {Category::kIdentityNumber, Category::kPhoneNumber, Category::kBankCard,
        Category::kEmail, Category::kVehiclePlate, Category::kDocumentNumber,
        Category::kClassificationMarking, Category::kControlMarking}) {
    EXPECT_EQ(Of(c).near_misses_hit, 0) << CategoryName(c);
  }
}

}  // namespace
}  // namespace foi::screening
