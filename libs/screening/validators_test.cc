#include "libs/screening/validators.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/common/testing/status_matchers.h"

namespace foi::screening {
namespace {

using ::foi::testing::IsOk;
using ::foi::testing::StatusIs;

// Check digits below were computed independently (ISO 7064 MOD 11-2).
TEST(ResidentIdCheckCharacterTest, MatchesTheStandardsWorkedExample) {
  // GB 11643-1999's own example: 11010519491231002X.
  EXPECT_EQ(ResidentIdCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(ResidentIdCheckCharacter("11010119850312123"), '9');
  EXPECT_EQ(ResidentIdCheckCharacter("44030619880229123"), '7');
}

struct IdCase {
  const char* id;
  bool valid;
  const char* why;
};

class ValidateResidentIdTest : public ::testing::TestWithParam<IdCase> {};

TEST_P(ValidateResidentIdTest, AcceptsOnlyRealIds) {
  const IdCase& c = GetParam();
  if (c.valid) {
    EXPECT_THAT(ValidateResidentId(c.id), IsOk()) << c.why;
  } else {
    EXPECT_THAT(ValidateResidentId(c.id),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << c.why;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ValidateResidentIdTest,
    ::testing::Values(
        IdCase{"11010519491231002X", true, "X check, upper case"},
        IdCase{"11010519491231002x", true, "X check, lower case"},
        IdCase{"110101198503121239", true, "ordinary"},
        IdCase{"110101198503121238", false, "wrong check digit"},
        IdCase{"11010519491231002Y", false, "check neither digit nor X"},
        IdCase{"440306198802291237", true, "29 Feb 1988, leap year"},
        IdCase{"110101200002290018", true, "29 Feb 2000, leap (div 400)"},
        IdCase{"440306199002291233", false, "29 Feb 1990, not leap"},
        IdCase{"110101190002291233", false, "29 Feb 1900, not leap (div 100)"},
        IdCase{"110101198513011236", false, "month 13"},
        IdCase{"110101198504311237", false, "31 April"},
        IdCase{"110101190001010014", true, "1 Jan 1900, first year"},
        IdCase{"110101189912311231", false, "1899, before range"},
        IdCase{"110101210001011231", false, "2100, after range"},
        IdCase{"910101198503121238", false, "region 91 is no province"},
        IdCase{"11010119850312123", false, "17 characters"},
        IdCase{"1101011985031212390", false, "19 characters"},
        IdCase{"11010119850312A239", false, "letter inside"},
        IdCase{"110101850312123", true, "15-digit legacy, 1985-03-12"},
        IdCase{"110101850229123", false, "15-digit, 29 Feb 1985"},
        IdCase{"110101880229123", true, "15-digit, 29 Feb 1988"},
        IdCase{"110101851301123", false, "15-digit, month 13"},
        IdCase{"910101850312123", false, "15-digit, region 91"}));

TEST(ValidateResidentIdTest, ReportsBirthDateRegionAndForm) {
  auto id = ValidateResidentId("440306198802291237");
  ASSERT_THAT(id, IsOk());
  EXPECT_EQ(id->birth_date, absl::CivilDay(1988, 2, 29));
  EXPECT_EQ(id->region, "广东");
  EXPECT_FALSE(id->legacy);

  auto legacy = ValidateResidentId("110101850312123");
  ASSERT_THAT(legacy, IsOk());
  EXPECT_EQ(legacy->birth_date, absl::CivilDay(1985, 3, 12));
  EXPECT_TRUE(legacy->legacy);
}

TEST(PassesLuhnTest, AcceptsValidAndRejectsAltered) {
  EXPECT_TRUE(PassesLuhn("6222021234567890128"));
  EXPECT_TRUE(PassesLuhn("4367421234567896"));
  EXPECT_TRUE(PassesLuhn("0"));
  EXPECT_FALSE(PassesLuhn("6222021234567890127"));
  // Adjacent transpositions are caught (all but 09 <-> 90).
  EXPECT_FALSE(PassesLuhn("6222021234568790128"));
}

struct CardCase {
  const char* digits;
  const char* scheme;  // nullptr: invalid
};

class ValidateBankCardTest : public ::testing::TestWithParam<CardCase> {};

TEST_P(ValidateBankCardTest, ChecksPrefixLengthAndLuhn) {
  const CardCase& c = GetParam();
  auto card = ValidateBankCard(c.digits);
  if (c.scheme == nullptr) {
    EXPECT_THAT(card, StatusIs(absl::StatusCode::kInvalidArgument)) << c.digits;
  } else {
    ASSERT_THAT(card, IsOk()) << c.digits;
    EXPECT_EQ(card->scheme, c.scheme);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ValidateBankCardTest,
    ::testing::Values(CardCase{"6222021234567890128", "UnionPay"},
                      CardCase{"6228480012345671", "UnionPay"},
                      CardCase{"6217001234567890122", "UnionPay"},
                      CardCase{"4367421234567896", "Visa"},
                      CardCase{"5189051234567894", "Mastercard"},
                      CardCase{"2221001234567896", "Mastercard"},
                      CardCase{"3568991234567890123", "JCB"},
                      CardCase{"6011001234567891", "Discover"},
                      CardCase{"9558801234567890128", "domestic"},
                      CardCase{"6222021234567890127", nullptr},   // Luhn
                      CardCase{"622202123456789", nullptr},       // 15 digits
                      CardCase{"62220212345678901234", nullptr},  // 20 digits
                      CardCase{"1234567890123452", nullptr},  // no issuer 12
                      CardCase{"3301022023000517", nullptr},  // no issuer 33
                      CardCase{"6222 0212 3456 7890", nullptr}));  // spaces

TEST(ValidateMobileNumberTest, AcceptsPrefixes13To19) {
  for (const char* m :
       {"13812345678", "14512345678", "15012345678", "16612345678",
        "17712345678", "18912345678", "19912345678"}) {
    EXPECT_THAT(ValidateMobileNumber(m), IsOk()) << m;
  }
  for (const char* m : {"12345678901", "10012345678", "23812345678",
                        "1381234567", "138123456789", "1381234567a"}) {
    EXPECT_THAT(ValidateMobileNumber(m),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << m;
  }
}

TEST(ValidateLandlineTest, ChecksAreaCodeAndSubscriber) {
  EXPECT_THAT(ValidateLandline("010", "62345678"), IsOk());
  EXPECT_THAT(ValidateLandline("021", "52345678"), IsOk());
  EXPECT_THAT(ValidateLandline("0571", "87654321"), IsOk());
  EXPECT_THAT(ValidateLandline("0599", "5234567"), IsOk());
  EXPECT_THAT(ValidateLandline("011", "62345678"),
              StatusIs(absl::StatusCode::kInvalidArgument));  // no 011
  EXPECT_THAT(ValidateLandline("0211", "62345678"),
              StatusIs(absl::StatusCode::kInvalidArgument));  // 02X is 3
  EXPECT_THAT(ValidateLandline("400", "8801234"),
              StatusIs(absl::StatusCode::kInvalidArgument));  // not 0
  EXPECT_THAT(ValidateLandline("010", "12345678"),
              StatusIs(absl::StatusCode::kInvalidArgument));  // starts 1
  EXPECT_THAT(ValidateLandline("010", "623456"),
              StatusIs(absl::StatusCode::kInvalidArgument));  // 6 digits
  EXPECT_THAT(ValidateLandline("010", "623456789"),
              StatusIs(absl::StatusCode::kInvalidArgument));  // 9 digits
}

TEST(ValidateVehiclePlateTest, AcceptsOrdinaryAndNewEnergyPlates) {
  auto plate = ValidateVehiclePlate("京A12345");
  ASSERT_THAT(plate, IsOk());
  EXPECT_EQ(plate->region, "北京");
  EXPECT_FALSE(plate->new_energy);
  EXPECT_THAT(ValidateVehiclePlate("粤BA1234"), IsOk());
  EXPECT_THAT(ValidateVehiclePlate("沪CAB123"), IsOk());  // two letters

  auto green = ValidateVehiclePlate("粤BD12345");
  ASSERT_THAT(green, IsOk());
  EXPECT_TRUE(green->new_energy);
  EXPECT_THAT(ValidateVehiclePlate("苏E12345F"), IsOk());  // large vehicle
}

TEST(ValidateVehiclePlateTest, RejectsMalformedPlates) {
  for (const char* p : {"港A12345",   // not a province abbreviation
                        "京I12345",   // I is never an office letter
                        "京A1O345",   // nor O in a serial
                        "京AABC12",   // three letters
                        "京A1234",    // serial too short
                        "京A123456",  // six digits, no new-energy letter
                        "京AX12345",  // X is no new-energy letter
                        "京A1234567"}) {
    EXPECT_THAT(ValidateVehiclePlate(p),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << p;
  }
}

TEST(ValidateTravelDocumentNumberTest, ClassifiesByShape) {
  using K = TravelDocumentKind;
  const struct {
    const char* number;
    K kind;
  } kCases[] = {
      {"E12345678", K::kPassport},
      {"EA1234567", K::kPassport},
      {"G12345678", K::kPassport},
      {"C12345678", K::kHongKongMacauPermit},
      {"CB1234567", K::kHongKongMacauPermit},
      {"H12345678", K::kHomeReturnPermit},
      {"M1234567890", K::kHomeReturnPermit},
      {"L12345678", K::kTaiwanPermit},
      {"12345678", K::kTaiwanCompatriotPermit},
  };
  for (const auto& c : kCases) {
    auto doc = ValidateTravelDocumentNumber(c.number);
    ASSERT_THAT(doc, IsOk()) << c.number;
    EXPECT_EQ(doc->kind, c.kind) << c.number;
  }
  for (const char* n : {"E1234567", "G1234567X", "EI1234567", "K12345678",
                        "H123456789", "1234567", "E123456789"}) {
    EXPECT_THAT(ValidateTravelDocumentNumber(n),
                StatusIs(absl::StatusCode::kInvalidArgument))
        << n;
  }
}

}  // namespace
}  // namespace foi::screening
