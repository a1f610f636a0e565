#include "libs/textsim/testing/application_generator.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"
#include "libs/common/text.h"
#include "libs/textsim/internal/code_points.h"
#include "libs/textsim/normalizer.h"
#include "libs/textsim/testing/application_vocabulary.h"

namespace foi::testing {
namespace {

TEST(GenerateApplicationsTest, IsDeterministicForASeed) {
  const auto a = GenerateApplications(500, 42);
  const auto b = GenerateApplications(500, 42);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text);
    EXPECT_EQ(a[i].group, b[i].group);
  }
  const auto c = GenerateApplications(500, 43);
  int same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i].text == c[i].text;
  EXPECT_LT(same, 10);
}

TEST(GenerateApplicationsTest, NumbersApplicationsFromOne) {
  const auto apps = GenerateApplications(1000, 1);
  ASSERT_EQ(apps.size(), 1000u);
  for (size_t i = 0; i < apps.size(); ++i) {
    EXPECT_EQ(apps[i].id, static_cast<int64_t>(i + 1));
  }
  EXPECT_TRUE(GenerateApplications(0, 1).empty());
  EXPECT_TRUE(GenerateApplications(-5, 1).empty());
}

TEST(GenerateApplicationsTest, MixesGroupsAndNoiseAsConfigured) {
  const auto apps = GenerateApplications(10000, 20240601);
  std::map<int64_t, int> sizes;
  int noise = 0;
  for (const auto& app : apps) {
    if (app.group == kNoiseGroup) {
      ++noise;
    } else {
      ++sizes[app.group];
    }
  }
  EXPECT_NEAR(noise, 3000, 50);
  int largest = 0;
  for (const auto& [group, size] : sizes) {
    EXPECT_GE(size, 2) << "group " << group;
    largest = std::max(largest, size);
  }
  EXPECT_GT(sizes.size(), 800u);
  EXPECT_GT(largest, 40);
}

TEST(GenerateApplicationsTest, WritesValidDistinctishUtf8) {
  const auto apps = GenerateApplications(5000, 3);
  std::set<std::string> distinct;
  for (const auto& app : apps) {
    EXPECT_TRUE(IsValidUtf8(app.text)) << app.text;
    EXPECT_GE(Utf8Length(app.text), 8u) << app.text;
    distinct.insert(app.text);
  }
  EXPECT_GT(distinct.size(), 4000u);
}

TEST(GenerateApplicationsTest, HonoursZeroNoise) {
  ApplicationGeneratorOptions options;
  options.noise_fraction = 0;
  for (const auto& app : GenerateApplications(2000, 5, options)) {
    EXPECT_NE(app.group, kNoiseGroup);
  }
}

// The generator's traditional forms must be ones ICU maps back, or the
// "traditional characters" paraphrases would be noise instead.
TEST(ToTraditionalTest, EveryPairMapsBackUnderTheNormalizer) {
  auto normalizer = textsim::Normalizer::Create();
  ASSERT_THAT(normalizer, IsOk());
  for (absl::string_view pair :
       textsim_internal::SimplifiedTraditionalPairs()) {
    const std::u32string cps = textsim_internal::DecodeUtf8Lossy(pair);
    ASSERT_EQ(cps.size(), 2u) << pair;
    const std::string simplified =
        textsim_internal::EncodeUtf8(cps.substr(0, 1));
    const std::string traditional =
        textsim_internal::EncodeUtf8(cps.substr(1, 1));
    EXPECT_EQ((*normalizer)->Normalize(traditional),
              (*normalizer)->Normalize(simplified))
        << pair;
  }
}

TEST(ToTraditionalTest, NormalizesBackToTheSimplifiedText) {
  auto normalizer = textsim::Normalizer::Create();
  ASSERT_THAT(normalizer, IsOk());
  ApplicationGeneratorOptions plain;
  plain.traditional_rate = 0;
  for (const auto& app : GenerateApplications(2000, 9, plain)) {
    const std::string traditional = ToTraditional(app.text);
    EXPECT_EQ((*normalizer)->Normalize(traditional),
              (*normalizer)->Normalize(app.text))
        << app.text << "\n"
        << traditional;
  }
}

}  // namespace
}  // namespace foi::testing
