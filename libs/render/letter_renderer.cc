#include "libs/render/letter_renderer.h"

#include <algorithm>
#include <set>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "libs/common/status_macros.h"
#include "libs/common/text.h"

namespace foi::render {
namespace {

using rules::ExemptionGround;
using rules::OutcomeReason;
using rules::ReplyOutcome;

constexpr size_t kMaxNameChars = 200;
constexpr size_t kMaxLineChars = 1000;
constexpr size_t kMaxListItems = 100;

// Single-line text: values go inside sentences, where a line break would
// tear the sentence apart.
absl::Status CheckText(absl::string_view field, absl::string_view value,
                       bool required, size_t max_chars = kMaxLineChars) {
  return ValidateText(field, value, TextRule{max_chars, required, false});
}

absl::Status RequireDate(absl::string_view field,
                         const std::optional<absl::CivilDay>& day) {
  if (!day.has_value()) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": required"));
  }
  return absl::OkStatus();
}

// How each ground reads in a letter ("该信息……"), after the wording of
// Arts. 14-16 themselves; the annual report's short labels would read
// oddly in a sentence.
absl::string_view GroundPhrase(ExemptionGround g) {
  switch (g) {
    case ExemptionGround::kStateSecret:
      return "属于依法确定为国家秘密的政府信息";
    case ExemptionGround::kProhibitedByLaw:
      return "属于法律、行政法规禁止公开的政府信息";
    case ExemptionGround::kSecurityOrStability:
      return "属于公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信"
             "息";
    case ExemptionGround::kThirdPartyRights:
      return "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害";
    case ExemptionGround::kInternalAffairs:
      return "属于行政机关的内部事务信息";
    case ExemptionGround::kProcessInformation:
      return "属于行政机关在履行行政管理职能过程中形成的过程性信息";
    case ExemptionGround::kLawEnforcementFile:
      return "属于行政执法案卷信息";
    case ExemptionGround::kAdministrativeQuery:
      return "属于行政查询事项";
    case ExemptionGround::kUnspecified:
      break;
  }
  return "";
}

void SetGroundValues(ExemptionGround g, TemplateData& item) {
  const rules::GroundInfo& info = rules::Info(g);
  item.Set("ground_code", std::string(info.code));
  item.Set("ground_label", std::string(info.label_zh));
  item.Set("ground_article", std::string(info.article));
  item.Set("ground_phrase", std::string(GroundPhrase(g)));
}

// "reason_not_held" and so on: one flag per reason of the outcome, so that
// a template can hold the wording of each reason in a section.
std::string ReasonFlag(const rules::ReasonInfo& info) {
  return absl::StrCat("reason_", absl::AsciiStrToLower(info.code));
}

// Values are fragments that templates punctuate ("……：{{where_to_get}}。"),
// so a full stop typed at the end of one would be doubled.
std::string Fragment(absl::string_view s) {
  s = absl::StripTrailingAsciiWhitespace(s);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (absl::string_view stop : {"。", "；", "，", ".", ";"}) {
      if (absl::ConsumeSuffix(&s, stop)) stripped = true;
    }
  }
  return std::string(s);
}

std::string OptionalDate(const std::optional<absl::CivilDay>& day) {
  return day.has_value() ? FormatChineseDate(*day) : "";
}

// Enums arrive from the API, where proto3 enums are open: a value outside
// the table must be an error before rules::Info looks it up.
template <typename Enum, typename Table>
bool IsKnown(Enum value, const Table& table, bool allow_unspecified) {
  const int v = static_cast<int>(value);
  return (allow_unspecified && v == 0) ||
         (v >= 1 && v <= static_cast<int>(table.size()));
}

absl::Status CheckEnums(const LetterData& d) {
  if (!IsKnown(d.outcome, rules::AllOutcomes(), true)) {
    return absl::InvalidArgumentError("outcome: unknown value");
  }
  if (!IsKnown(d.reason, rules::AllReasons(), true)) {
    return absl::InvalidArgumentError("reason: unknown value");
  }
  for (size_t i = 0; i < d.grounds.size(); ++i) {
    if (!IsKnown(d.grounds[i], rules::AllGrounds(), true)) {
      return absl::InvalidArgumentError(
          absl::StrCat("grounds[", i, "]: unknown value"));
    }
  }
  for (size_t i = 0; i < d.withheld.size(); ++i) {
    if (!IsKnown(d.withheld[i].ground, rules::AllGrounds(), true)) {
      return absl::InvalidArgumentError(
          absl::StrCat("withheld[", i, "].ground: unknown value"));
    }
  }
  return absl::OkStatus();
}

absl::Status ValidateReply(const LetterData& d) {
  FOI_RETURN_IF_ERROR(CheckEnums(d));
  FOI_RETURN_IF_ERROR(rules::ValidateOutcome(d.outcome, d.reason, d.grounds));
  std::set<ExemptionGround> grounds;
  for (size_t i = 0; i < d.grounds.size(); ++i) {
    if (!grounds.insert(d.grounds[i]).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("grounds[", i, "]: ", rules::Info(d.grounds[i]).code,
                       " listed twice"));
    }
  }
  FOI_RETURN_IF_ERROR(CheckText("reason_detail", d.reason_detail,
                                d.outcome == ReplyOutcome::kNotThisAgency));
  switch (d.outcome) {
    case ReplyOutcome::kAlreadyPublic:
      return CheckText("where_to_get", d.where_to_get, true);
    case ReplyOutcome::kPartiallyDisclosed: {
      if (d.withheld.empty()) {
        return absl::InvalidArgumentError(
            "withheld: PARTIALLY_DISCLOSED needs at least one withheld item "
            "(Art. 37)");
      }
      if (d.withheld.size() > kMaxListItems) {
        return absl::InvalidArgumentError(
            absl::StrCat("withheld: more than ", kMaxListItems, " items"));
      }
      std::set<ExemptionGround> used;
      for (size_t i = 0; i < d.withheld.size(); ++i) {
        const WithheldItem& w = d.withheld[i];
        const std::string field = absl::StrCat("withheld[", i, "]");
        FOI_RETURN_IF_ERROR(
            CheckText(absl::StrCat(field, ".what"), w.what, true));
        FOI_RETURN_IF_ERROR(CheckText(absl::StrCat(field, ".explanation"),
                                      w.explanation, false));
        if (w.ground == ExemptionGround::kUnspecified) {
          return absl::InvalidArgumentError(
              absl::StrCat(field, ".ground: required"));
        }
        if (grounds.count(w.ground) == 0) {
          return absl::InvalidArgumentError(
              absl::StrCat(field, ".ground: ", rules::Info(w.ground).code,
                           " is not in grounds"));
        }
        used.insert(w.ground);
      }
      for (size_t i = 0; i < d.grounds.size(); ++i) {
        if (used.count(d.grounds[i]) == 0) {
          return absl::InvalidArgumentError(
              absl::StrCat("grounds[", i, "]: ", rules::Info(d.grounds[i]).code,
                           " is not the ground of any withheld item"));
        }
      }
      [[fallthrough]];
    }
    case ReplyOutcome::kDisclosed:
      // Art. 40: the form and the route of provision.
      FOI_RETURN_IF_ERROR(CheckText("delivery_form", d.delivery_form, true));
      FOI_RETURN_IF_ERROR(CheckText("delivery_route", d.delivery_route, true));
      if (d.pages < 0) {
        return absl::InvalidArgumentError("pages: must not be negative");
      }
      return absl::OkStatus();
    case ReplyOutcome::kNotThisAgency:
      FOI_RETURN_IF_ERROR(CheckText("other_agency", d.other_agency, false));
      // Art. 36(5): once the competent agency is named, so is its contact.
      FOI_RETURN_IF_ERROR(CheckText("other_agency_contact",
                                    d.other_agency_contact,
                                    !d.other_agency.empty()));
      if (d.other_agency.empty() && !d.other_agency_contact.empty()) {
        return absl::InvalidArgumentError(
            "other_agency: required when other_agency_contact is set");
      }
      return absl::OkStatus();
    case ReplyOutcome::kNotProcessed:
      FOI_RETURN_IF_ERROR(
          CheckText("where_to_get", d.where_to_get,
                    d.reason == OutcomeReason::kPublishedMaterial));
      FOI_RETURN_IF_ERROR(CheckText("earlier_document_number",
                                    d.earlier_document_number, false));
      if (d.reason == OutcomeReason::kRepeatedApplication) {
        FOI_RETURN_IF_ERROR(
            RequireDate("earlier_reply_date", d.earlier_reply_date));
        if (*d.earlier_reply_date > *d.letter_date) {
          return absl::InvalidArgumentError(
              "earlier_reply_date: after letter_date");
        }
      }
      return absl::OkStatus();
    case ReplyOutcome::kSpecialRegime:
      FOI_RETURN_IF_ERROR(CheckText("regime_name", d.regime_name, true));
      FOI_RETURN_IF_ERROR(CheckText("regime_law", d.regime_law, true));
      return CheckText("where_to_get", d.where_to_get, false);
    case ReplyOutcome::kNotDisclosed:
    case ReplyOutcome::kCannotProvide:
    case ReplyOutcome::kUnspecified:
      return absl::OkStatus();
  }
  return absl::OkStatus();
}

absl::Status ValidateFee(const LetterData& d) {
  if (!d.fee.has_value()) {
    return absl::InvalidArgumentError("fee: required");
  }
  const rules::FeeQuote& fee = *d.fee;
  if (fee.method != rules::FeeMethod::kByCount &&
      fee.method != rules::FeeMethod::kByPages) {
    return absl::InvalidArgumentError("fee.method: unknown value");
  }
  if (fee.quantity < 1 || fee.quantity > rules::kMaxFeeUnits) {
    return absl::InvalidArgumentError("fee.quantity: out of range");
  }
  // The notice states amounts the applicant must pay: recompute them rather
  // than print whatever arrived.
  const int quantity = static_cast<int>(fee.quantity);
  absl::StatusOr<rules::FeeQuote> expected =
      fee.method == rules::FeeMethod::kByCount ? rules::QuoteByCount(quantity)
                                               : rules::QuoteByPages(quantity);
  if (!expected.ok() || *expected != fee) {
    return absl::InvalidArgumentError(absl::StrCat(
        "fee: not the quote of ",
        fee.method == rules::FeeMethod::kByCount ? "rules::QuoteByCount"
                                                 : "rules::QuoteByPages",
        "(", fee.quantity, ")"));
  }
  if (fee.total_yuan <= 0) {
    return absl::InvalidArgumentError(
        "fee: the total is 0 yuan; no fee notice is due");
  }
  return absl::OkStatus();
}

}  // namespace

absl::string_view LetterKindName(LetterKind kind) {
  switch (kind) {
    case LetterKind::kReply:
      return "reply";
    case LetterKind::kCorrectionNotice:
      return "correction_notice";
    case LetterKind::kExtensionNotice:
      return "extension_notice";
    case LetterKind::kConsultationLetter:
      return "consultation_letter";
    case LetterKind::kFeeNotice:
      return "fee_notice";
  }
  return "";
}

std::string TemplateNameFor(LetterKind kind, ReplyOutcome outcome) {
  if (kind != LetterKind::kReply) return std::string(LetterKindName(kind));
  return absl::StrCat("reply_",
                      absl::AsciiStrToLower(rules::Info(outcome).code));
}

std::vector<std::string> RequiredTemplateNames() {
  std::vector<std::string> names;
  for (const rules::OutcomeInfo& o : rules::AllOutcomes()) {
    names.push_back(TemplateNameFor(LetterKind::kReply, o.outcome));
  }
  for (LetterKind k :
       {LetterKind::kCorrectionNotice, LetterKind::kExtensionNotice,
        LetterKind::kConsultationLetter, LetterKind::kFeeNotice}) {
    names.push_back(TemplateNameFor(k, ReplyOutcome::kUnspecified));
  }
  return names;
}

absl::Status ValidateLetterData(const LetterData& d) {
  switch (d.kind) {
    case LetterKind::kReply:
    case LetterKind::kCorrectionNotice:
    case LetterKind::kExtensionNotice:
    case LetterKind::kConsultationLetter:
    case LetterKind::kFeeNotice:
      break;
    default:
      return absl::InvalidArgumentError("kind: unknown value");
  }
  FOI_RETURN_IF_ERROR(CheckText("case_number", d.case_number, true, 64));
  FOI_RETURN_IF_ERROR(CheckText("applicant_name", d.applicant_name,
                                d.kind != LetterKind::kConsultationLetter,
                                kMaxNameChars));
  FOI_RETURN_IF_ERROR(CheckText("request_summary", d.request_summary, true));
  FOI_RETURN_IF_ERROR(RequireDate("receipt_date", d.receipt_date));
  FOI_RETURN_IF_ERROR(RequireDate("letter_date", d.letter_date));
  if (*d.letter_date < *d.receipt_date) {
    return absl::InvalidArgumentError("letter_date: before receipt_date");
  }
  FOI_RETURN_IF_ERROR(
      CheckText("document_number", d.document_number, false, kMaxNameChars));
  if (d.document_number.empty() && d.document_seq <= 0) {
    return absl::InvalidArgumentError(
        "document_seq: required (> 0) when document_number is empty");
  }
  switch (d.kind) {
    case LetterKind::kReply:
      return ValidateReply(d);
    case LetterKind::kCorrectionNotice:
      if (d.correction_items.empty()) {
        return absl::InvalidArgumentError(
            "correction_items: at least one item (Art. 30)");
      }
      if (d.correction_items.size() > kMaxListItems) {
        return absl::InvalidArgumentError(absl::StrCat(
            "correction_items: more than ", kMaxListItems, " items"));
      }
      for (size_t i = 0; i < d.correction_items.size(); ++i) {
        FOI_RETURN_IF_ERROR(CheckText(absl::StrCat("correction_items[", i, "]"),
                                      d.correction_items[i], true));
      }
      FOI_RETURN_IF_ERROR(
          RequireDate("correction_deadline", d.correction_deadline));
      if (*d.correction_deadline <= *d.letter_date) {
        return absl::InvalidArgumentError(
            "correction_deadline: must be after letter_date");
      }
      return absl::OkStatus();
    case LetterKind::kExtensionNotice:
      FOI_RETURN_IF_ERROR(RequireDate("due_date", d.due_date));
      FOI_RETURN_IF_ERROR(RequireDate("new_due_date", d.new_due_date));
      if (*d.new_due_date <= *d.due_date) {
        return absl::InvalidArgumentError(
            "new_due_date: must be after due_date");
      }
      // Art. 33 para 2: the applicant is told of the extension before the
      // original time runs out.
      if (*d.letter_date > *d.due_date) {
        return absl::InvalidArgumentError("letter_date: after due_date");
      }
      return CheckText("extension_reason", d.extension_reason, true);
    case LetterKind::kConsultationLetter:
      FOI_RETURN_IF_ERROR(CheckText("third_party_name", d.third_party_name,
                                    true, kMaxNameChars));
      return CheckText("consulted_information", d.consulted_information, true);
    case LetterKind::kFeeNotice:
      return ValidateFee(d);
  }
  return absl::OkStatus();
}

namespace {

// The values every template sees, whatever the letter.
void SetCommonValues(const LetterData& d, const AgencyConfig& config,
                     TemplateData& t) {
  t.Set("agency_name", config.agency_name);
  t.Set("agency_short", config.agency_short);
  t.Set("agency_address", config.address);
  t.Set("agency_postcode", config.postcode);
  t.Set("agency_phone", config.phone);
  t.Set("seal_text", config.seal_text);
  t.Set("reconsideration_body", config.reconsideration_body);
  t.Set("court", config.court);
  t.Set("case_number", d.case_number);
  t.Set("request_summary", Fragment(d.request_summary));
  t.Set("receipt_date", FormatChineseDate(*d.receipt_date));
  t.Set("letter_date", FormatChineseDate(*d.letter_date));
  if (d.kind != LetterKind::kConsultationLetter) {
    t.Set("applicant_name", d.applicant_name);
  }
  std::string number = d.document_number;
  if (number.empty()) {
    auto it = config.document_number_patterns.find(
        std::string(LetterKindName(d.kind)));
    const std::string& pattern = it == config.document_number_patterns.end()
                                     ? config.document_number_pattern
                                     : it->second;
    number = FormatDocumentNumber(pattern, config.agency_short,
                                  d.letter_date->year(), d.document_seq);
  }
  t.Set("document_number", std::move(number));
  // Reconsideration comes first when information is withheld (2023
  // Administrative Reconsideration Law Art. 23 para 1 (4)), and the letter
  // must say so (para 2).
  const bool withholds = d.kind == LetterKind::kReply &&
                         (d.outcome == ReplyOutcome::kNotDisclosed ||
                          d.outcome == ReplyOutcome::kPartiallyDisclosed);
  t.Set(
      "remedy_notice",
      ExpandRemedyNotice(withholds ? config.remedy_notice_reconsideration_first
                                   : config.remedy_notice,
                         config));
}

void SetGroundList(const LetterData& d, TemplateData& t) {
  std::vector<TemplateData>& list = t.SetList("grounds");
  std::vector<std::string> articles;
  for (size_t i = 0; i < d.grounds.size(); ++i) {
    TemplateData& item = list.emplace_back();
    SetGroundValues(d.grounds[i], item);
    item.Set("index", absl::StrCat(i + 1));
    item.SetBool("first", i == 0);
    item.SetBool("last", i + 1 == d.grounds.size());
    const absl::string_view article = rules::Info(d.grounds[i]).article;
    if (!article.empty() && std::find(articles.begin(), articles.end(),
                                      article) == articles.end()) {
      articles.emplace_back(article);
    }
  }
  t.Set("ground_articles", absl::StrJoin(articles, "、"));
}

void SetReplyValues(const LetterData& d, TemplateData& t) {
  const rules::OutcomeInfo& outcome = rules::Info(d.outcome);
  t.Set("outcome_code", std::string(outcome.code));
  t.Set("outcome_label", std::string(outcome.label_zh));
  t.Set("outcome_article", std::string(outcome.article));
  t.Set("reason_detail", Fragment(d.reason_detail));
  if (d.reason != OutcomeReason::kUnspecified) {
    const rules::ReasonInfo& reason = rules::Info(d.reason);
    t.Set("reason_code", std::string(reason.code));
    t.Set("reason_label", std::string(reason.label_zh));
    t.Set("reason_article", std::string(reason.article));
  }
  for (const rules::ReasonInfo& r : rules::AllReasons()) {
    if (r.outcome == d.outcome) t.SetBool(ReasonFlag(r), r.reason == d.reason);
  }
  switch (d.outcome) {
    case ReplyOutcome::kAlreadyPublic:
      t.Set("where_to_get", Fragment(d.where_to_get));
      break;
    case ReplyOutcome::kPartiallyDisclosed: {
      SetGroundList(d, t);
      std::vector<TemplateData>& list = t.SetList("withheld");
      for (size_t i = 0; i < d.withheld.size(); ++i) {
        TemplateData& item = list.emplace_back();
        SetGroundValues(d.withheld[i].ground, item);
        item.Set("index", absl::StrCat(i + 1));
        item.Set("what", Fragment(d.withheld[i].what));
        item.Set("explanation", Fragment(d.withheld[i].explanation));
      }
      [[fallthrough]];
    }
    case ReplyOutcome::kDisclosed:
      t.Set("delivery_form", Fragment(d.delivery_form));
      t.Set("delivery_route", Fragment(d.delivery_route));
      t.Set("page_count", d.pages > 0 ? absl::StrCat(d.pages) : "");
      break;
    case ReplyOutcome::kNotDisclosed:
      SetGroundList(d, t);
      break;
    case ReplyOutcome::kCannotProvide:
      t.Set("correction_notice_date", OptionalDate(d.correction_notice_date));
      break;
    case ReplyOutcome::kNotThisAgency:
      t.Set("other_agency", d.other_agency);
      t.Set("other_agency_contact", Fragment(d.other_agency_contact));
      break;
    case ReplyOutcome::kNotProcessed:
      t.Set("where_to_get", Fragment(d.where_to_get));
      t.Set("earlier_reply_date", OptionalDate(d.earlier_reply_date));
      t.Set("earlier_document_number", d.earlier_document_number);
      break;
    case ReplyOutcome::kSpecialRegime:
      t.Set("regime_name", Fragment(d.regime_name));
      t.Set("regime_law", d.regime_law);
      t.Set("where_to_get", Fragment(d.where_to_get));
      break;
    case ReplyOutcome::kUnspecified:
      break;
  }
}

void SetFeeValues(const rules::FeeQuote& fee, const AgencyConfig& config,
                  TemplateData& t) {
  const bool by_count = fee.method == rules::FeeMethod::kByCount;
  const absl::string_view unit = by_count ? "件" : "页";
  t.SetBool("fee_by_count", by_count);
  t.SetBool("fee_by_pages", !by_count);
  t.Set("fee_quantity", absl::StrCat(fee.quantity));
  t.Set("fee_method_label", std::string(rules::FeeMethodLabel(fee.method)));
  t.Set("fee_measures_article",
        std::string(rules::FeeMeasuresArticle(fee.method)));
  std::vector<TemplateData>& lines = t.SetList("fee_lines");
  for (const rules::FeeLine& line : fee.lines) {
    TemplateData& item = lines.emplace_back();
    item.Set("band", line.band);
    item.Set("units", absl::StrCat(line.units));
    item.Set("unit", std::string(unit));
    item.Set("rate", absl::StrCat(line.rate_yuan));
    item.Set("amount", absl::StrCat(line.amount_yuan));
    item.SetBool("free", line.rate_yuan == 0);
  }
  t.Set("fee_total", absl::StrCat(fee.total_yuan));
  t.Set("fee_working", fee.working);
  t.Set("fee_payment_route", config.fee_payment_route);
}

TemplateData BuildTemplateData(const LetterData& d,
                               const AgencyConfig& config) {
  TemplateData t;
  SetCommonValues(d, config, t);
  switch (d.kind) {
    case LetterKind::kReply:
      SetReplyValues(d, t);
      break;
    case LetterKind::kCorrectionNotice: {
      std::vector<TemplateData>& items = t.SetList("correction_items");
      for (size_t i = 0; i < d.correction_items.size(); ++i) {
        TemplateData& item = items.emplace_back();
        item.Set("index", absl::StrCat(i + 1));
        item.Set("item", Fragment(d.correction_items[i]));
      }
      t.Set("correction_deadline", FormatChineseDate(*d.correction_deadline));
      break;
    }
    case LetterKind::kExtensionNotice:
      t.Set("due_date", FormatChineseDate(*d.due_date));
      t.Set("new_due_date", FormatChineseDate(*d.new_due_date));
      t.Set("extension_reason", Fragment(d.extension_reason));
      break;
    case LetterKind::kConsultationLetter:
      t.Set("third_party_name", d.third_party_name);
      t.Set("consulted_information", Fragment(d.consulted_information));
      break;
    case LetterKind::kFeeNotice:
      SetFeeValues(*d.fee, config, t);
      break;
  }
  return t;
}

// Sample letters for Create's start-up check: each kind, outcome and reason,
// once with every optional field filled and once with none, so that both
// sides of every {{#x}}/{{^x}} in a template are rendered.
std::vector<LetterData> SampleLetters() {
  std::vector<LetterData> samples;
  LetterData base;
  base.case_number = "SAMPLE-1";
  base.applicant_name = "示例申请人";
  base.request_summary = "示例信息";
  base.receipt_date = absl::CivilDay(2026, 1, 5);
  base.letter_date = absl::CivilDay(2026, 1, 20);
  base.document_seq = 1;
  for (bool full : {true, false}) {
    auto add = [&](LetterData d) {
      if (full) {
        d.reason_detail = d.reason_detail.empty() ? "示例" : d.reason_detail;
        d.pages = 3;
        d.where_to_get = "示例途径";
        d.other_agency = "示例机关";
        d.other_agency_contact = "示例电话";
        d.earlier_document_number = "示例文号";
        d.correction_notice_date = absl::CivilDay(2026, 1, 6);
        d.earlier_reply_date = absl::CivilDay(2025, 12, 1);
      }
      samples.push_back(std::move(d));
    };
    for (const rules::OutcomeInfo& o : rules::AllOutcomes()) {
      LetterData d = base;
      d.outcome = o.outcome;
      d.delivery_form = "示例形式";
      d.delivery_route = "示例途径";
      d.regime_name = "示例资料";
      d.regime_law = "《示例办法》";
      if (o.outcome == ReplyOutcome::kAlreadyPublic)
        d.where_to_get = "示例途径";
      if (o.outcome == ReplyOutcome::kNotThisAgency)
        d.reason_detail = "示例理由";
      if (o.outcome == ReplyOutcome::kNotDisclosed ||
          o.outcome == ReplyOutcome::kPartiallyDisclosed) {
        // Two grounds, one with an article and one without, for both the
        // first/last flags and an empty ground_article.
        d.grounds = {ExemptionGround::kThirdPartyRights,
                     ExemptionGround::kAdministrativeQuery};
        if (o.outcome == ReplyOutcome::kPartiallyDisclosed) {
          d.withheld = {{"示例甲", ExemptionGround::kThirdPartyRights,
                         full ? "示例说明" : ""},
                        {"示例乙", ExemptionGround::kAdministrativeQuery, ""}};
        }
      }
      bool has_reasons = false;
      for (const rules::ReasonInfo& r : rules::AllReasons()) {
        if (r.outcome != o.outcome) continue;
        has_reasons = true;
        LetterData with_reason = d;
        with_reason.reason = r.reason;
        if (r.reason == OutcomeReason::kPublishedMaterial) {
          with_reason.where_to_get = "示例途径";
        }
        if (r.reason == OutcomeReason::kRepeatedApplication) {
          with_reason.earlier_reply_date = absl::CivilDay(2025, 12, 1);
        }
        add(std::move(with_reason));
      }
      if (!has_reasons) add(std::move(d));
    }
    LetterData correction = base;
    correction.kind = LetterKind::kCorrectionNotice;
    correction.correction_items = {"示例一", "示例二"};
    correction.correction_deadline = absl::CivilDay(2026, 2, 5);
    add(std::move(correction));
    LetterData extension = base;
    extension.kind = LetterKind::kExtensionNotice;
    extension.due_date = absl::CivilDay(2026, 2, 2);
    extension.new_due_date = absl::CivilDay(2026, 3, 2);
    extension.extension_reason = "示例原因";
    add(std::move(extension));
    LetterData consultation = base;
    consultation.kind = LetterKind::kConsultationLetter;
    consultation.third_party_name = "示例第三方";
    consultation.consulted_information = "示例内容";
    add(std::move(consultation));
    for (auto quote : {rules::QuoteByCount(31), rules::QuoteByPages(201)}) {
      LetterData fee = base;
      fee.kind = LetterKind::kFeeNotice;
      fee.fee = *std::move(quote);
      add(std::move(fee));
    }
  }
  return samples;
}

}  // namespace

LetterRenderer::LetterRenderer(std::map<std::string, LetterTemplate> templates,
                               AgencyConfig config)
    : templates_(std::move(templates)), config_(std::move(config)) {}

absl::StatusOr<std::unique_ptr<LetterRenderer>> LetterRenderer::Load(
    const std::string& templates_dir, AgencyConfig config) {
  FOI_ASSIGN_OR_RETURN(auto templates, LoadLetterTemplates(templates_dir));
  return Create(std::move(templates), std::move(config));
}

absl::StatusOr<std::unique_ptr<LetterRenderer>> LetterRenderer::Create(
    std::map<std::string, LetterTemplate> templates, AgencyConfig config) {
  FOI_RETURN_IF_ERROR(ValidateAgencyConfig(config));
  for (const std::string& name : RequiredTemplateNames()) {
    if (templates.count(name) == 0) {
      return absl::NotFoundError(absl::StrCat(
          name, kLetterTemplateExtension, ": required template is missing"));
    }
  }
  std::unique_ptr<LetterRenderer> renderer(
      new LetterRenderer(std::move(templates), std::move(config)));
  for (const LetterData& sample : SampleLetters()) {
    absl::StatusOr<Letter> letter = renderer->Render(sample);
    if (!letter.ok()) return letter.status();
  }
  return renderer;
}

absl::StatusOr<Letter> LetterRenderer::Render(const LetterData& data) const {
  FOI_RETURN_IF_ERROR(ValidateLetterData(data));
  const std::string name = TemplateNameFor(data.kind, data.outcome);
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    // Create checked every required name.
    return absl::InternalError(absl::StrCat(name, ": template missing"));
  }
  FOI_ASSIGN_OR_RETURN(std::vector<pdf::Block> blocks,
                       it->second.Render(BuildTemplateData(data, config_)));
  Letter letter;
  for (const pdf::Block& b : blocks) {
    if (b.style == pdf::BlockStyle::kTitle) {
      letter.title = absl::StrReplaceAll(b.text, {{"\n", ""}});
      break;
    }
  }
  if (letter.title.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(it->second.name(), ": the letter has no @title block"));
  }
  letter.blocks = std::move(blocks);
  return letter;
}

}  // namespace foi::render
