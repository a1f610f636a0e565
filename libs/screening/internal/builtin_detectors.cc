#include "libs/screening/internal/builtin_detectors.h"

#include <hs.h>

#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "libs/screening/internal/context_rules.h"
#include "libs/screening/internal/label_index.h"
#include "libs/screening/internal/utf8_cursor.h"
#include "libs/screening/rule_set.h"
#include "libs/screening/validators.h"

namespace foi::screening_internal {
namespace {

using screening::Category;
using screening::Position;
using Sink = std::vector<Candidate>;

// What one check says about a raw match: its final span and why.
struct Confirmed {
  size_t begin = 0;
  size_t end = 0;
  std::string explanation;
};

// How far before a number its label may end, in code points.
constexpr size_t kLabelWindow = 20;
constexpr size_t kDocumentLabelWindow = 30;

// "1985-03-12"; absl::FormatCivilTime goes through the time-zone library
// and costs ten times as much.
std::string FormatDate(absl::CivilDay d) {
  return absl::StrFormat("%04d-%02d-%02d", d.year(), d.month(), d.day());
}

bool IsDigitNeighbour(uint32_t c) {
  return IsAsciiAlnum(c) || IsFullWidthDigit(c);
}

// True if neither neighbour of [begin, end) continues a run of digits or
// letters: a 19-digit number is not a resident ID plus one digit.
bool Delimited(absl::string_view text, size_t begin, size_t end) {
  return !IsDigitNeighbour(CodePointBefore(text, begin)) &&
         !IsDigitNeighbour(CodePointAt(text, end));
}

bool PhoneSerialLabelled(absl::string_view text, size_t begin,
                         const LabelIndex& labels) {
  return labels.For(text, begin, kPhoneLabel, kSerialLabel, kLabelWindow) ==
         LabelVerdict::kNegative;
}

std::string StripSeparators(absl::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '-') out.push_back(c);
  }
  return out;
}

// --- Resident identity numbers (GB 11643-1999) ---

std::optional<Confirmed> ConfirmResidentId18(absl::string_view text,
                                             size_t begin, size_t end,
                                             const LabelIndex& labels) {
  if (!Delimited(text, begin, end)) return std::nullopt;
  const absl::string_view raw = text.substr(begin, end - begin);
  // Full-width digits arrive only through their own pattern; fold them then.
  const bool ascii = absl::ascii_isdigit(static_cast<unsigned char>(raw[0]));
  const std::string id = ascii ? std::string(raw) : FoldFullWidth(raw);
  auto r = screening::ValidateResidentId(id);
  if (!r.ok()) return std::nullopt;
  if (labels.For(text, begin, kIdLabel, kSerialLabel, kLabelWindow) ==
      LabelVerdict::kNegative) {
    return std::nullopt;
  }
  const char check = absl::ascii_toupper(static_cast<unsigned char>(id[17]));
  return Confirmed{
      begin, end,
      absl::StrCat("18-digit resident ID, check digit ", std::string(1, check),
                   " valid, born ", FormatDate(r->birth_date), ", region ",
                   id.substr(0, 2), " ", r->region,
                   raw.size() != id.size() ? " (full-width digits)" : "")};
}

std::optional<Confirmed> ConfirmResidentId15(absl::string_view text,
                                             size_t begin, size_t end,
                                             const LabelIndex& labels) {
  if (!Delimited(text, begin, end)) return std::nullopt;
  const absl::string_view id = text.substr(begin, end - begin);
  auto r = screening::ValidateResidentId(id);
  if (!r.ok()) return std::nullopt;
  // No check digit: only a label tells a legacy ID from any 15-digit number
  // (such as an old 15-digit business registration number).
  if (labels.For(text, begin, kIdLabel, kSerialLabel, kDocumentLabelWindow) !=
      LabelVerdict::kPositive) {
    return std::nullopt;
  }
  return Confirmed{
      begin, end,
      absl::StrCat("15-digit legacy resident ID, born ",
                   FormatDate(r->birth_date), ", region ", id.substr(0, 2), " ",
                   r->region, ", labelled as an ID")};
}

// The second-generation 残疾人证 number: the holder's 18-character resident
// ID followed by the disability category (1-7) and level (1-4) of
// GB/T 26341-2010. It carries the ID, so it is an identity number too.
std::optional<Confirmed> ConfirmDisabilityCertificate(
    absl::string_view text, size_t begin, size_t end,
    const LabelIndex& labels) {
  if (!Delimited(text, begin, end)) return std::nullopt;
  const absl::string_view number = text.substr(begin, end - begin);
  auto r = screening::ValidateResidentId(number.substr(0, 18));
  if (!r.ok()) return std::nullopt;
  if (labels.For(text, begin, kDisabilityLabel, kSerialLabel,
                 kDocumentLabelWindow) != LabelVerdict::kPositive) {
    return std::nullopt;
  }
  return Confirmed{
      begin, end,
      absl::StrCat("disability certificate number embedding a resident ID, "
                   "born ",
                   FormatDate(r->birth_date), ", category ",
                   number.substr(18, 1), ", level ", number.substr(19, 1))};
}

// --- Telephone numbers ---

// Country-code prefixes that may precede a mobile number, longest first.
constexpr absl::string_view kCountryPrefixes[] = {
    "\uff08+86\uff09", "(+86) ", "(+86)", "+86 ", "+86-", "+86",
    "0086 ",           "0086-",  "0086",  "86-",  "86 ",  "86",
};

std::optional<Confirmed> ConfirmMobile(absl::string_view text, size_t begin,
                                       size_t end, const LabelIndex& labels) {
  if (IsDigitNeighbour(CodePointAt(text, end))) return std::nullopt;
  size_t start = begin;
  absl::string_view prefix;
  const absl::string_view before = text.substr(0, begin);
  for (absl::string_view p : kCountryPrefixes) {
    if (absl::EndsWith(before, p)) {
      prefix = p;
      start = begin - p.size();
      break;
    }
  }
  if (IsDigitNeighbour(CodePointBefore(text, start))) {
    // "86" inside a longer digit run is no country code; try without it.
    if (prefix.empty() || IsDigitNeighbour(CodePointBefore(text, begin))) {
      return std::nullopt;
    }
    prefix = {};
    start = begin;
  }
  const absl::string_view raw = text.substr(begin, end - begin);
  const std::string digits =
      StripSeparators(absl::ascii_isdigit(static_cast<unsigned char>(raw[0]))
                          ? raw
                          : absl::string_view(FoldFullWidth(raw)));
  if (!screening::ValidateMobileNumber(digits).ok()) return std::nullopt;
  if (PhoneSerialLabelled(text, start, labels)) return std::nullopt;
  return Confirmed{
      start, end,
      absl::StrCat("mobile number, prefix ", digits.substr(0, 3),
                   prefix.empty() ? "" : ", with country code 86")};
}

std::optional<Confirmed> ConfirmLandline(absl::string_view text, size_t begin,
                                         size_t end, const LabelIndex& labels) {
  const uint32_t prev = CodePointBefore(text, begin);
  if (IsDigitNeighbour(prev) || prev == '+' || prev == '-' ||
      IsDigitNeighbour(CodePointAt(text, end))) {
    return std::nullopt;
  }
  absl::string_view s = text.substr(begin, end - begin);
  const bool paren =
      absl::ConsumePrefix(&s, "(") || absl::ConsumePrefix(&s, "\uff08");
  size_t n = 0;
  while (n < s.size() &&
         absl::ascii_isdigit(static_cast<unsigned char>(s[n]))) {
    ++n;
  }
  const absl::string_view area = s.substr(0, n);
  s.remove_prefix(n);
  if (paren && !absl::ConsumePrefix(&s, ")") &&
      !absl::ConsumePrefix(&s, "\uff09")) {
    return std::nullopt;
  }
  if (!absl::ConsumePrefix(&s, "-")) absl::ConsumePrefix(&s, " ");
  if (!screening::ValidateLandline(area, s).ok()) return std::nullopt;
  if (PhoneSerialLabelled(text, begin, labels)) return std::nullopt;
  return Confirmed{begin, end,
                   absl::StrCat("landline number, area code ", area)};
}

// The subscriber number is a run of 7 or 8 digits; the area code and its
// separator or brackets come before it: 0571-87654321, 0755 26543210,
// （010）62345678, (0571) 87654321. Returns the start of the whole number,
// or nullopt if no area code precedes the run.
std::optional<size_t> LandlineStart(absl::string_view text, size_t run) {
  absl::string_view before = text.substr(0, run);
  const bool dash = absl::ConsumeSuffix(&before, "-");
  const bool paren = !dash && (absl::ConsumeSuffix(&before, ")") ||
                               absl::ConsumeSuffix(&before, "\uff09") ||
                               absl::ConsumeSuffix(&before, ") ") ||
                               absl::ConsumeSuffix(&before, "\uff09 "));
  if (!dash && !paren && !absl::ConsumeSuffix(&before, " ")) {
    return std::nullopt;
  }
  size_t area = before.size();
  while (area > 0 && before.size() - area < 5 &&
         absl::ascii_isdigit(static_cast<unsigned char>(before[area - 1]))) {
    --area;
  }
  if (before.size() - area < 3 || before.size() - area > 4) return std::nullopt;
  if (!paren) return area;
  before = before.substr(0, area);
  if (absl::ConsumeSuffix(&before, "(") ||
      absl::ConsumeSuffix(&before, "\uff08")) {
    return before.size();
  }
  return std::nullopt;
}

std::optional<Confirmed> ConfirmLandlineRun(absl::string_view text, size_t run,
                                            size_t end,
                                            const LabelIndex& labels) {
  const std::optional<size_t> start = LandlineStart(text, run);
  if (!start) return std::nullopt;
  return ConfirmLandline(text, *start, end, labels);
}

// --- Payment cards ---

std::optional<Confirmed> ConfirmCardDigits(absl::string_view text, size_t begin,
                                           size_t end, absl::string_view digits,
                                           const LabelIndex& labels) {
  auto card = screening::ValidateBankCard(digits);
  if (!card.ok()) return std::nullopt;
  if (labels.For(text, begin, kCardLabel, kNotCardLabel, kLabelWindow) ==
      LabelVerdict::kNegative) {
    return std::nullopt;
  }
  return Confirmed{
      begin, end,
      absl::StrCat(digits.size(), "-digit card number, Luhn valid, ",
                   card->scheme, " prefix ", digits.substr(0, 2))};
}

std::optional<Confirmed> ConfirmBankCard(absl::string_view text, size_t begin,
                                         size_t end, const LabelIndex& labels) {
  if (!Delimited(text, begin, end)) return std::nullopt;
  return ConfirmCardDigits(text, begin, end, text.substr(begin, end - begin),
                           labels);
}

bool IsGroupSeparator(char c) { return c == ' ' || c == '-'; }

// Cards printed in groups of four ("6222 0212 3456 7890 123"). Vectorscan
// reports every shorter prefix too; only the longest grouping of at most 19
// digits starting here is the card.
std::optional<Confirmed> ConfirmGroupedBankCard(absl::string_view text,
                                                size_t begin, size_t end,
                                                const LabelIndex& labels) {
  if (IsDigitNeighbour(CodePointBefore(text, begin))) return std::nullopt;
  if (begin >= 2 && IsGroupSeparator(text[begin - 1]) &&
      absl::ascii_isdigit(static_cast<unsigned char>(text[begin - 2]))) {
    return std::nullopt;  // a later group of some longer number
  }
  size_t pos = begin;
  size_t digits = 0;
  for (;;) {
    size_t g = pos;
    while (g < text.size() &&
           absl::ascii_isdigit(static_cast<unsigned char>(text[g]))) {
      ++g;
    }
    digits += g - pos;
    pos = g;
    if (pos + 1 < text.size() && IsGroupSeparator(text[pos]) &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[pos + 1]))) {
      size_t next = pos + 1;
      while (next < text.size() &&
             absl::ascii_isdigit(static_cast<unsigned char>(text[next]))) {
        ++next;
      }
      if (digits + (next - pos - 1) <= 19) {
        ++pos;
        continue;
      }
    }
    break;
  }
  if (pos != end || IsDigitNeighbour(CodePointAt(text, end))) {
    return std::nullopt;
  }
  return ConfirmCardDigits(text, begin, end,
                           StripSeparators(text.substr(begin, end - begin)),
                           labels);
}

// --- E-mail ---

bool IsDomainChar(uint32_t c) { return IsAsciiAlnum(c) || c == '-'; }

bool IsLocalPartChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '.' ||
         c == '_' || c == '%' || c == '+' || c == '-';
}

// The pattern matches from the last character before '@' (a start-of-match
// for the whole local part would need Vectorscan's costly leftmost-start
// tracking); the local part is found here by scanning back.
std::optional<Confirmed> ConfirmEmail(absl::string_view text, size_t /*begin*/,
                                      size_t end, const LabelIndex& labels) {
  // "a@b.com" is also reported inside "a@b.com.cn" (\b holds before '.'
  // and '-'); keep the whole address.
  const uint32_t next = CodePointAt(text, end);
  if (IsDomainChar(next) ||
      (next == '.' && IsDomainChar(CodePointAt(text, end + 1)))) {
    return std::nullopt;
  }
  const size_t at = text.rfind('@', end);
  if (at == absl::string_view::npos) return std::nullopt;
  size_t begin = at;
  while (begin > 0 && at - begin < 64 && IsLocalPartChar(text[begin - 1])) {
    --begin;
  }
  const absl::string_view address = text.substr(begin, end - begin);
  if (begin == at || address.front() == '.' || text[at - 1] == '.') {
    return std::nullopt;
  }
  return Confirmed{begin, end,
                   absl::StrCat("e-mail address, domain ",
                                text.substr(at + 1, end - at - 1))};
}

// --- Vehicle plates ---

std::optional<Confirmed> ConfirmPlate(absl::string_view text, size_t begin,
                                      size_t end, const LabelIndex& labels) {
  if (IsAsciiAlnum(CodePointAt(text, end)) ||
      IsAsciiAlnum(CodePointBefore(text, begin))) {
    return std::nullopt;
  }
  std::string plate;
  const absl::string_view raw = text.substr(begin, end - begin);
  for (size_t i = 0; i < raw.size();) {
    const uint32_t c = CodePointAt(raw, i);
    const size_t len = SequenceLength(static_cast<unsigned char>(raw[i]));
    // Separators written between the office letter and the serial.
    if (c != ' ' && c != 0xB7 && c != 0x30FB && c != 0x2022) {
      plate.append(raw.data() + i, len);
    }
    i += len;
  }
  auto p = screening::ValidateVehiclePlate(plate);
  if (!p.ok()) return std::nullopt;
  return Confirmed{begin, end,
                   absl::StrCat(p->new_energy ? "new-energy vehicle plate, "
                                              : "vehicle plate, ",
                                p->region)};
}

// --- Travel and identity documents ---

// True if 8 digits read as a date YYYYMMDD in 1900-2099, as in 20231110.
bool IsDateLike(absl::string_view digits) {
  auto number = [&](size_t pos, size_t len) {
    int n = 0;
    for (char c : digits.substr(pos, len)) n = n * 10 + (c - '0');
    return n;
  };
  const int y = number(0, 4), m = number(4, 2), d = number(6, 2);
  const absl::CivilDay day(y, m, d);
  return y >= 1900 && y <= 2099 && day.year() == y && day.month() == m &&
         day.day() == d;
}

std::optional<Confirmed> ConfirmTravelDocument(absl::string_view text,
                                               size_t begin, size_t end,
                                               const LabelIndex& labels) {
  if (!Delimited(text, begin, end)) return std::nullopt;
  const absl::string_view number = text.substr(begin, end - begin);
  auto doc = screening::ValidateTravelDocumentNumber(number);
  if (!doc.ok()) return std::nullopt;
  // No checksum: E12345678 could be a part number, so a label must say what
  // it is.
  LabelVerdict verdict;
  if (doc->kind == screening::TravelDocumentKind::kTaiwanCompatriotPermit) {
    // Eight bare digits are mostly dates and the tails of phone numbers and
    // codes (0599-20200467): only a 台胞证 label decides, and for a date only
    // one right before it, not a column header.
    const uint32_t prev = CodePointBefore(text, begin);
    if (prev == '-' || prev == '/' || prev == '.' || prev == '+') {
      return std::nullopt;
    }
    verdict = IsDateLike(number)
                  ? labels.Nearest(text, begin, kCompatriotLabel,
                                   kNotCompatriotLabel, kLabelWindow)
                  : labels.For(text, begin, kCompatriotLabel,
                               kNotCompatriotLabel, kLabelWindow);
  } else {
    verdict = labels.For(text, begin, kDocumentLabel, kSerialLabel,
                         kDocumentLabelWindow);
  }
  if (verdict != LabelVerdict::kPositive) return std::nullopt;
  return Confirmed{begin, end,
                   absl::StrCat(doc->description, " number, labelled")};
}

std::optional<Confirmed> ConfirmOfficerId(absl::string_view text, size_t begin,
                                          size_t end,
                                          const LabelIndex& labels) {
  if (IsDigitNeighbour(CodePointAt(text, end))) return std::nullopt;
  return Confirmed{begin, end, "military officer ID (军官证) number"};
}

// --- Markings ---

size_t SkipSpaces(absl::string_view text, size_t pos) {
  while (pos < text.size() && IsLineSpace(CodePointAt(text, pos))) {
    pos += SequenceLength(static_cast<unsigned char>(text[pos]));
  }
  return pos;
}

bool IsPeriodNumeral(uint32_t c) {
  if (IsAnyDigit(c)) return true;
  switch (c) {
    case 0x4E00:  // 一
    case 0x4E8C:  // 二
    case 0x4E09:  // 三
    case 0x56DB:  // 四
    case 0x4E94:  // 五
    case 0x516D:  // 六
    case 0x4E03:  // 七
    case 0x516B:  // 八
    case 0x4E5D:  // 九
    case 0x5341:  // 十
      return true;
    default:
      return false;
  }
}

// Returns the end of the classification period that starts at `pos` (after
// optional spaces): "1年", "10年", "十年", "6个月", "长期" or "启用前"
// (examination papers); `pos` itself if there is none. GB/T 9704-2012 prints
// the level and the period as one marking joined by ★ ("秘密★1年").
size_t ConsumePeriod(absl::string_view text, size_t pos) {
  const size_t start = SkipSpaces(text, pos);
  const absl::string_view rest = text.substr(start);
  for (absl::string_view word : {"长期", "启用前"}) {
    if (absl::StartsWith(rest, word)) return start + word.size();
  }
  size_t p = start;
  for (int n = 0;
       n < 3 && p < text.size() && IsPeriodNumeral(CodePointAt(text, p)); ++n) {
    p += SequenceLength(static_cast<unsigned char>(text[p]));
  }
  if (p == start) return pos;
  for (absl::string_view unit : {"年", "个月"}) {
    if (absl::StartsWith(text.substr(p), unit)) return p + unit.size();
  }
  return pos;
}

std::optional<Confirmed> ConfirmClassification(absl::string_view text,
                                               size_t begin, size_t end,
                                               const LabelIndex& labels) {
  const absl::string_view word = text.substr(begin, end - begin);
  const size_t after = SkipSpaces(text, end);
  if (absl::StartsWith(text.substr(after), "\u2605")) {
    // ★ is used for nothing else next to these words: a marking wherever it
    // stands.
    const size_t star_end = after + 3;
    const size_t period_end = ConsumePeriod(text, star_end);
    std::string explanation =
        absl::StrCat("classification marking ", word, " with ★");
    if (period_end > star_end) {
      const size_t period_begin = SkipSpaces(text, star_end);
      absl::StrAppend(&explanation, ", period ",
                      text.substr(period_begin, period_end - period_begin));
    }
    return Confirmed{begin, period_end, std::move(explanation)};
  }
  const absl::string_view where =
      MarkingPosition(text, begin, end, Position::kMarking, labels);
  if (where.empty()) return std::nullopt;
  return Confirmed{
      begin, end,
      absl::StrCat("classification marking ", word, " (", where, ")")};
}

std::optional<Confirmed> ConfirmControl(absl::string_view text, size_t begin,
                                        size_t end, Position mode,
                                        const LabelIndex& labels) {
  const absl::string_view where =
      MarkingPosition(text, begin, end, mode, labels);
  if (where.empty()) return std::nullopt;
  return Confirmed{
      begin, end,
      absl::StrCat("control marking ", text.substr(begin, end - begin), " (",
                   where, ")")};
}

std::optional<Confirmed> ConfirmControlStrict(absl::string_view text,
                                              size_t begin, size_t end,
                                              const LabelIndex& labels) {
  return ConfirmControl(text, begin, end, Position::kMarking, labels);
}

std::optional<Confirmed> ConfirmControlClause(absl::string_view text,
                                              size_t begin, size_t end,
                                              const LabelIndex& labels) {
  return ConfirmControl(text, begin, end, Position::kClause, labels);
}

// --- Dispatch ---

void Push(Sink& out, Category category, absl::string_view detector,
          std::optional<Confirmed> c) {
  if (c) {
    out.push_back(Candidate{category, detector, c->begin, c->end,
                            std::move(c->explanation)});
  }
}

// One pattern, [0-9]{7}\b, stands for every plain digit-run detector: it
// matches once per maximal run of 7 or more ASCII digits (at its end, where
// \b holds), instead of a dozen fixed-width patterns each matching at every
// offset of every run. The run's length then says what it can be; a landline
// is an area code and a 7- or 8-digit run.
void DispatchDigitRun(absl::string_view text, size_t /*begin*/, size_t end,
                      const LabelIndex& labels, Sink& out) {
  constexpr size_t kLongest = 20;
  size_t start = end;
  while (start > 0 && end - start <= kLongest &&
         absl::ascii_isdigit(static_cast<unsigned char>(text[start - 1]))) {
    --start;
  }
  switch (end - start) {
    case 7:
      Push(out, Category::kPhoneNumber, "landline_cn",
           ConfirmLandlineRun(text, start, end, labels));
      break;
    case 8: {
      const size_t before = out.size();
      Push(out, Category::kPhoneNumber, "landline_cn",
           ConfirmLandlineRun(text, start, end, labels));
      if (out.size() == before) {
        Push(out, Category::kDocumentNumber, "taiwan_compatriot_permit",
             ConfirmTravelDocument(text, start, end, labels));
      }
      break;
    }
    case 11:
      Push(out, Category::kPhoneNumber, "mobile_cn",
           ConfirmMobile(text, start, end, labels));
      break;
    case 13:  // 86 and a mobile number
      if (text.substr(start, 2) == "86") {
        Push(out, Category::kPhoneNumber, "mobile_cn",
             ConfirmMobile(text, start + 2, end, labels));
      }
      break;
    case 15:
      Push(out, Category::kIdentityNumber, "resident_id_15",
           ConfirmResidentId15(text, start, end, labels));
      break;
    case 16:
    case 17:
    case 19:
      Push(out, Category::kBankCard, "bank_card_luhn",
           ConfirmBankCard(text, start, end, labels));
      break;
    case 18:
      // Both readings; the screener keeps the card only under a card label.
      Push(out, Category::kIdentityNumber, "resident_id_18",
           ConfirmResidentId18(text, start, end, labels));
      Push(out, Category::kBankCard, "bank_card_luhn",
           ConfirmBankCard(text, start, end, labels));
      break;
    case 20:
      Push(out, Category::kIdentityNumber, "disability_certificate",
           ConfirmDisabilityCertificate(text, start, end, labels));
      break;
    default:
      break;
  }
}

// Adapts a single-finding check to a ConfirmFn.
#define FOI_EMIT(category, detector, check)                                   \
  [](absl::string_view text, size_t begin, size_t end,                        \
     const LabelIndex& labels, Sink& out) {                                   \
    Push(out, Category::category, detector, check(text, begin, end, labels)); \
  }

}  // namespace

const std::vector<BuiltinPattern>& BuiltinPatterns() {
  // Full-width digits ０-９ are EF BC 90-99 in UTF-8, all three bytes, so a
  // run of them has a fixed width like an ASCII run; Ｘ is EF BC B8, ｘ
  // EF BD 98.
#define FW_DIGIT "\\xEF\\xBC[\\x90-\\x99]"
  static const std::vector<BuiltinPattern>* patterns = [] {
    auto* p = new std::vector<BuiltinPattern>{
        // Plain runs of 7-20 ASCII digits: IDs, phones, cards, 台胞证.
        {"[0-9]{7}\\b", 0, &DispatchDigitRun},
        // Runs that end in a check character X.
        {"[0-9]{17}[Xx]", 0,
         FOI_EMIT(kIdentityNumber, "resident_id_18", ConfirmResidentId18)},
        {"[0-9]{17}[Xx][1-7][1-4]", 0,
         FOI_EMIT(kIdentityNumber, "disability_certificate",
                  ConfirmDisabilityCertificate)},
        {"(?:" FW_DIGIT "){17}(?:" FW_DIGIT "|\\xEF\\xBC\\xB8|\\xEF\\xBD\\x98)",
         0, FOI_EMIT(kIdentityNumber, "resident_id_18", ConfirmResidentId18)},
        {"1[3-9][0-9][- ][0-9]{4}[- ][0-9]{4}", 0,
         FOI_EMIT(kPhoneNumber, "mobile_cn", ConfirmMobile)},
        {"\\xEF\\xBC\\x91\\xEF\\xBC[\\x93-\\x99](?:" FW_DIGIT "){9}", 0,
         FOI_EMIT(kPhoneNumber, "mobile_cn", ConfirmMobile)},
        {"[1-9][0-9]{3}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{1,3})?", 0,
         FOI_EMIT(kBankCard, "bank_card_luhn", ConfirmGroupedBankCard)},
        {"[A-Za-z0-9._%+-]@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"
         "\\b",
         0, FOI_EMIT(kEmail, "email", ConfirmEmail), /*report_start=*/false},
        // Province, office letter (never I or O), an optional separator
        // (· ・ • or a space) and a serial of 5, or 6 for new energy.
        {"(?:京|津|沪|渝|冀|豫|云|辽|黑|湘|皖|鲁|新|苏|浙|赣|"
         "鄂|桂|甘|晋|蒙|陕|吉|闽|贵|粤|青|藏|川|宁|琼)"
         "[A-HJ-NP-Z](?:\\x{B7}|\\x{30FB}|\\x{2022}| )?[A-HJ-NP-Z0-9]{5,6}",
         HS_FLAG_UTF8, FOI_EMIT(kVehiclePlate, "vehicle_plate", ConfirmPlate)},
        {"[EG][0-9]{8}", 0,
         FOI_EMIT(kDocumentNumber, "passport_cn", ConfirmTravelDocument)},
        {"E[A-HJ-NP-Z][0-9]{7}", 0,
         FOI_EMIT(kDocumentNumber, "passport_cn", ConfirmTravelDocument)},
        {"C[0-9]{8}", 0,
         FOI_EMIT(kDocumentNumber, "hk_macau_permit", ConfirmTravelDocument)},
        {"C[A-HJ-NP-Z][0-9]{7}", 0,
         FOI_EMIT(kDocumentNumber, "hk_macau_permit", ConfirmTravelDocument)},
        {"[HM][0-9]{8}", 0,
         FOI_EMIT(kDocumentNumber, "home_return_permit",
                  ConfirmTravelDocument)},
        {"[HM][0-9]{10}", 0,
         FOI_EMIT(kDocumentNumber, "home_return_permit",
                  ConfirmTravelDocument)},
        {"L[0-9]{8}", 0,
         FOI_EMIT(kDocumentNumber, "taiwan_permit", ConfirmTravelDocument)},
        {"(?:军|南|北|沈|兰|成|济|广|海|空|参|政|后|装|武)字第[0-9]{6,8}号",
         HS_FLAG_UTF8,
         FOI_EMIT(kDocumentNumber, "military_officer_id", ConfirmOfficerId)},
        {"绝密", 0,
         FOI_EMIT(kClassificationMarking, "classification_marking",
                  ConfirmClassification)},
        {"机密", 0,
         FOI_EMIT(kClassificationMarking, "classification_marking",
                  ConfirmClassification)},
        {"秘密", 0,
         FOI_EMIT(kClassificationMarking, "classification_marking",
                  ConfirmClassification)},
        // Bare 内部 is everyday prose (内部控制): only a strict marking
        // position.
        {"内部", 0,
         FOI_EMIT(kControlMarking, "control_marking", ConfirmControlStrict)},
    };
    // Longer phrases are markings also as a clause of their own (，不得外传。).
    for (const char* phrase :
         {"内部资料", "内部文件", "内部使用", "仅供内部使用", "仅限内部使用",
          "内部传阅", "内部参考", "内部明电", "注意保存", "注意保密",
          "不得外传", "严禁外传", "请勿外传", "不得翻印", "此件不公开"}) {
      p->push_back(
          {phrase, 0,
           FOI_EMIT(kControlMarking, "control_marking", ConfirmControlClause)});
    }
    return p;
  }();
#undef FW_DIGIT
  return *patterns;
}

#undef FOI_EMIT

bool HasCardLabel(absl::string_view text, size_t begin,
                  const LabelIndex& labels) {
  return labels.Nearest(text, begin, kCardLabel, kNotCardLabel, kLabelWindow) ==
         LabelVerdict::kPositive;
}

}  // namespace foi::screening_internal
