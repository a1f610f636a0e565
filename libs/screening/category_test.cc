#include "libs/screening/category.h"

#include <string>

#include "gtest/gtest.h"

namespace foi::screening {
namespace {

using rules::ExemptionGround;

TEST(CategoryTest, NumbersStartAtOneInDeclaredOrder) {
  // A proto enum mirrors these numbers; they must never move.
  EXPECT_EQ(static_cast<int>(Category::kIdentityNumber), 1);
  EXPECT_EQ(static_cast<int>(Category::kDocumentNumber), 6);
  EXPECT_EQ(static_cast<int>(Category::kClassificationMarking), 7);
  EXPECT_EQ(static_cast<int>(Category::kControlMarking), 8);
  EXPECT_EQ(static_cast<int>(Category::kStateSecret), 9);
  EXPECT_EQ(static_cast<int>(Category::kAdministrativeQuery), 16);
  EXPECT_EQ(kCategoryCount, 16);
}

TEST(CategoryTest, NamesRoundTrip) {
  for (int i = 1; i <= kCategoryCount; ++i) {
    const auto c = static_cast<Category>(i);
    const absl::string_view name = CategoryName(c);
    EXPECT_FALSE(name.empty()) << i;
    EXPECT_EQ(ParseCategory(name), c) << name;
  }
  EXPECT_EQ(CategoryName(Category::kIdentityNumber), "IDENTITY_NUMBER");
  EXPECT_EQ(CategoryName(Category::kSecurityOrStability),
            "SECURITY_OR_STABILITY");
}

TEST(CategoryTest, RejectsUnknownNamesAndValues) {
  EXPECT_EQ(ParseCategory("identity_number"), std::nullopt);
  EXPECT_EQ(ParseCategory(""), std::nullopt);
  EXPECT_EQ(ParseCategory("UNSPECIFIED"), std::nullopt);
  EXPECT_EQ(CategoryName(static_cast<Category>(0)), "");
  EXPECT_EQ(CategoryName(static_cast<Category>(17)), "");
  EXPECT_EQ(DefaultGround(static_cast<Category>(17)),
            ExemptionGround::kUnspecified);
}

TEST(CategoryTest, DefaultGroundsFollowArticles14To16) {
  EXPECT_EQ(DefaultGround(Category::kIdentityNumber),
            ExemptionGround::kThirdPartyRights);
  EXPECT_EQ(DefaultGround(Category::kBankCard),
            ExemptionGround::kThirdPartyRights);
  EXPECT_EQ(DefaultGround(Category::kClassificationMarking),
            ExemptionGround::kStateSecret);
  EXPECT_EQ(DefaultGround(Category::kControlMarking),
            ExemptionGround::kStateSecret);
  EXPECT_EQ(DefaultGround(Category::kCommercialSecret),
            ExemptionGround::kThirdPartyRights);
  EXPECT_EQ(DefaultGround(Category::kSecurityOrStability),
            ExemptionGround::kSecurityOrStability);
  EXPECT_EQ(DefaultGround(Category::kInternalAffairs),
            ExemptionGround::kInternalAffairs);
  EXPECT_EQ(DefaultGround(Category::kProcessInformation),
            ExemptionGround::kProcessInformation);
  EXPECT_EQ(DefaultGround(Category::kLawEnforcementFile),
            ExemptionGround::kLawEnforcementFile);
  EXPECT_EQ(DefaultGround(Category::kAdministrativeQuery),
            ExemptionGround::kAdministrativeQuery);
}

}  // namespace
}  // namespace foi::screening
