#include "libs/screening/validators.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace foi::screening {
namespace {

bool AllDigits(absl::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

int Number(absl::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

// Returns the province-level region of the first two digits of a resident ID
// (GB/T 2260 codes), or "" if none has that code. 71 (Taiwan) and 81-83 are
// used by residence permits for Hong Kong, Macau and Taiwan residents.
absl::string_view RegionOfCode(int code) {
  switch (code) {
    case 11:
      return "北京";
    case 12:
      return "天津";
    case 13:
      return "河北";
    case 14:
      return "山西";
    case 15:
      return "内蒙古";
    case 21:
      return "辽宁";
    case 22:
      return "吉林";
    case 23:
      return "黑龙江";
    case 31:
      return "上海";
    case 32:
      return "江苏";
    case 33:
      return "浙江";
    case 34:
      return "安徽";
    case 35:
      return "福建";
    case 36:
      return "江西";
    case 37:
      return "山东";
    case 41:
      return "河南";
    case 42:
      return "湖北";
    case 43:
      return "湖南";
    case 44:
      return "广东";
    case 45:
      return "广西";
    case 46:
      return "海南";
    case 50:
      return "重庆";
    case 51:
      return "四川";
    case 52:
      return "贵州";
    case 53:
      return "云南";
    case 54:
      return "西藏";
    case 61:
      return "陕西";
    case 62:
      return "甘肃";
    case 63:
      return "青海";
    case 64:
      return "宁夏";
    case 65:
      return "新疆";
    case 71:
      return "台湾";
    case 81:
      return "香港";
    case 82:
      return "澳门";
    case 83:
      return "台湾";
    default:
      return "";
  }
}

// Builds the date and checks the round trip: CivilDay silently normalises
// 1985-02-30 to 1985-03-02 (absl/time/civil_time.h).
absl::StatusOr<absl::CivilDay> BirthDate(int y, int m, int d) {
  const absl::CivilDay day(y, m, d);
  if (day.year() != y || day.month() != m || day.day() != d) {
    return absl::InvalidArgumentError(
        absl::StrCat("birth date ", y, "-", m, "-", d, " does not exist"));
  }
  return day;
}

struct PlateProvince {
  absl::string_view abbreviation;
  absl::string_view region;
};

constexpr std::array<PlateProvince, 31> kPlateProvinces = {{
    {"京", "北京"},   {"津", "天津"}, {"沪", "上海"}, {"渝", "重庆"},
    {"冀", "河北"},   {"豫", "河南"}, {"云", "云南"}, {"辽", "辽宁"},
    {"黑", "黑龙江"}, {"湘", "湖南"}, {"皖", "安徽"}, {"鲁", "山东"},
    {"新", "新疆"},   {"苏", "江苏"}, {"浙", "浙江"}, {"赣", "江西"},
    {"鄂", "湖北"},   {"桂", "广西"}, {"甘", "甘肃"}, {"晋", "山西"},
    {"蒙", "内蒙古"}, {"陕", "陕西"}, {"吉", "吉林"}, {"闽", "福建"},
    {"贵", "贵州"},   {"粤", "广东"}, {"青", "青海"}, {"藏", "西藏"},
    {"川", "四川"},   {"宁", "宁夏"}, {"琼", "海南"},
}};

// Plate serials use the Latin letters except I and O (GA 36-2018), which
// would be read as 1 and 0.
bool IsPlateLetter(char c) {
  return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O';
}

// New-energy serials mark the power train with a letter: D and A-C, E for
// battery-electric, F and G-K for the others (GA 36-2018 and its 2021
// extension).
bool IsNewEnergyLetter(char c) { return c >= 'A' && c <= 'K' && c != 'I'; }

}  // namespace

char ResidentIdCheckCharacter(absl::string_view first17) {
  // GB 11643-1999: weight of position i (1-based from the left) is
  // 2^(18-i) mod 11; the check value maps 0..10 to "10X98765432".
  static constexpr std::array<int, 17> kWeights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                   3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr absl::string_view kCheck = "10X98765432";
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[sum % 11];
}

absl::StatusOr<ResidentId> ValidateResidentId(absl::string_view id) {
  ResidentId out;
  if (id.size() == 18) {
    const absl::string_view body = id.substr(0, 17);
    if (!AllDigits(body)) {
      return absl::InvalidArgumentError("first 17 characters must be digits");
    }
    const char last = absl::ascii_toupper(static_cast<unsigned char>(id[17]));
    if (!absl::ascii_isdigit(static_cast<unsigned char>(last)) && last != 'X') {
      return absl::InvalidArgumentError("check character must be 0-9 or X");
    }
    const char expected = ResidentIdCheckCharacter(body);
    if (last != expected) {
      return absl::InvalidArgumentError(
          absl::StrCat("check character ", std::string(1, last),
                       " does not match computed ", std::string(1, expected)));
    }
    const int year = Number(id.substr(6, 4));
    if (year < 1900 || year > 2099) {
      return absl::InvalidArgumentError(
          absl::StrCat("birth year ", year, " outside 1900-2099"));
    }
    auto day =
        BirthDate(year, Number(id.substr(10, 2)), Number(id.substr(12, 2)));
    if (!day.ok()) return day.status();
    out.birth_date = *day;
  } else if (id.size() == 15) {
    if (!AllDigits(id)) {
      return absl::InvalidArgumentError("15-digit form must be all digits");
    }
    // The legacy form has a two-digit year; it was replaced from 1999, so
    // every holder was born in the 1900s.
    auto day = BirthDate(1900 + Number(id.substr(6, 2)),
                         Number(id.substr(8, 2)), Number(id.substr(10, 2)));
    if (!day.ok()) return day.status();
    out.birth_date = *day;
    out.legacy = true;
  } else {
    return absl::InvalidArgumentError(
        absl::StrCat("length ", id.size(), " is neither 18 nor 15"));
  }
  out.region = RegionOfCode(Number(id.substr(0, 2)));
  if (out.region.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("region code ", id.substr(0, 2), " is not a province"));
  }
  return out;
}

bool PassesLuhn(absl::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

absl::StatusOr<BankCard> ValidateBankCard(absl::string_view digits) {
  if (!AllDigits(digits)) {
    return absl::InvalidArgumentError("card number must be all digits");
  }
  const size_t n = digits.size();
  if (n < 16 || n > 19) {
    return absl::InvalidArgumentError(
        absl::StrCat("length ", n, " outside 16-19"));
  }
  // Issuer identification numbers (ISO/IEC 7812) of the schemes whose cards
  // circulate in China, with the lengths they issue. 15-digit American
  // Express numbers are outside the 16-19 range screened here.
  absl::string_view scheme;
  const int two = Number(digits.substr(0, 2));
  const int four = Number(digits.substr(0, 4));
  if (two == 62) {
    scheme = "UnionPay";
  } else if (digits[0] == '4' && (n == 16 || n == 19)) {
    scheme = "Visa";
  } else if (((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) &&
             n == 16) {
    scheme = "Mastercard";
  } else if (four >= 3528 && four <= 3589) {
    scheme = "JCB";
  } else if (two == 60 || two == 65) {
    scheme = "Discover";
  } else if (two == 95) {
    // Pre-UnionPay domestic debit cards (9558 ICBC, 9559 ABC): 19 digits.
    if (n == 19) scheme = "domestic";
  }
  if (scheme.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "no scheme issues ", n, "-digit cards starting ", digits.substr(0, 4)));
  }
  if (!PassesLuhn(digits)) {
    return absl::InvalidArgumentError("Luhn check fails");
  }
  return BankCard{scheme};
}

absl::Status ValidateMobileNumber(absl::string_view digits) {
  if (digits.size() != 11 || !AllDigits(digits)) {
    return absl::InvalidArgumentError("mobile number must be 11 digits");
  }
  // MIIT numbering plan: mobile network prefixes are 13x-19x.
  if (digits[0] != '1' || digits[1] < '3') {
    return absl::InvalidArgumentError(absl::StrCat(
        "prefix ", digits.substr(0, 3), " is not a mobile prefix"));
  }
  return absl::OkStatus();
}

absl::Status ValidateLandline(absl::string_view area_code,
                              absl::string_view subscriber) {
  if (!AllDigits(area_code) || area_code[0] != '0') {
    return absl::InvalidArgumentError("area code must be digits starting 0");
  }
  // Three-digit area codes exist only for Beijing (010) and the 02X large
  // cities; every other region has four digits starting 03-09.
  bool area_ok;
  if (area_code.size() == 3) {
    area_ok = area_code == "010" || area_code[1] == '2';
  } else if (area_code.size() == 4) {
    area_ok = area_code[1] >= '3';
  } else {
    area_ok = false;
  }
  if (!area_ok) {
    return absl::InvalidArgumentError(
        absl::StrCat("area code ", area_code, " does not exist"));
  }
  if (!AllDigits(subscriber) || subscriber.size() < 7 ||
      subscriber.size() > 8) {
    return absl::InvalidArgumentError("subscriber number must be 7-8 digits");
  }
  if (subscriber[0] == '0' || subscriber[0] == '1') {
    return absl::InvalidArgumentError(
        "subscriber number cannot start with 0 or 1");
  }
  return absl::OkStatus();
}

absl::StatusOr<VehiclePlate> ValidateVehiclePlate(absl::string_view plate) {
  VehiclePlate out;
  for (const PlateProvince& p : kPlateProvinces) {
    if (absl::StartsWith(plate, p.abbreviation)) {
      out.region = p.region;
      plate.remove_prefix(p.abbreviation.size());
      break;
    }
  }
  if (out.region.empty()) {
    return absl::InvalidArgumentError("no province abbreviation");
  }
  if (plate.empty() || !IsPlateLetter(plate[0])) {
    return absl::InvalidArgumentError("no issuing-office letter");
  }
  const absl::string_view serial = plate.substr(1);
  for (char c : serial) {
    if (!IsPlateLetter(c) &&
        !absl::ascii_isdigit(static_cast<unsigned char>(c))) {
      return absl::InvalidArgumentError("serial must be letters and digits");
    }
  }
  if (serial.size() == 5) {
    int letters = 0;
    for (char c : serial) letters += IsPlateLetter(c);
    // Self-chosen serials may hold at most two letters (GA 36-2018).
    if (letters > 2) {
      return absl::InvalidArgumentError("serial has more than two letters");
    }
    return out;
  }
  if (serial.size() == 6) {
    const bool small =
        IsNewEnergyLetter(serial[0]) && AllDigits(serial.substr(2));
    const bool large =
        AllDigits(serial.substr(0, 5)) && IsNewEnergyLetter(serial[5]);
    if (!small && !large) {
      return absl::InvalidArgumentError("not a new-energy serial");
    }
    out.new_energy = true;
    return out;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("serial length ", serial.size(), " is neither 5 nor 6"));
}

absl::StatusOr<TravelDocument> ValidateTravelDocumentNumber(
    absl::string_view number) {
  using K = TravelDocumentKind;
  const size_t n = number.size();
  if (n == 8 && AllDigits(number)) {
    return TravelDocument{K::kTaiwanCompatriotPermit,
                          "Taiwan residents' mainland travel permit"};
  }
  if (n < 9) return absl::InvalidArgumentError("too short");
  const char lead = number[0];
  const absl::string_view rest = number.substr(1);
  // E and C numbers issued since 2012 may carry a second letter when the
  // 8-digit range runs out.
  const bool digits8 = n == 9 && AllDigits(rest);
  const bool letter_digits7 =
      n == 9 && IsPlateLetter(rest[0]) && AllDigits(rest.substr(1));
  if ((lead == 'E' && (digits8 || letter_digits7)) ||
      (lead == 'G' && digits8)) {
    return TravelDocument{K::kPassport, "PRC passport"};
  }
  if (lead == 'C' && (digits8 || letter_digits7)) {
    return TravelDocument{K::kHongKongMacauPermit,
                          "mainland residents' Hong Kong/Macau permit"};
  }
  if ((lead == 'H' || lead == 'M') && AllDigits(rest) &&
      (rest.size() == 8 || rest.size() == 10)) {
    return TravelDocument{K::kHomeReturnPermit,
                          "Hong Kong/Macau residents' home-return permit"};
  }
  if (lead == 'L' && digits8) {
    return TravelDocument{K::kTaiwanPermit,
                          "mainland residents' Taiwan travel permit"};
  }
  return absl::InvalidArgumentError("no document number has this shape");
}

}  // namespace foi::screening
