// Renders the letters of an application under the OGI Regulations from
// templates (deploy/templates/*.tmpl, see letter_template.h) and the agency's
// details (agency_config.h):
//
//   kReply              政府信息公开申请答复书, one template per outcome of
//                       rules::ReplyOutcome (Art. 36, 37; reasons under
//                       Arts. 30, 35, 38, 39)
//   kCorrectionNotice   补正告知书 (Art. 30)
//   kExtensionNotice    延期答复告知书 (Art. 33 para 2)
//   kConsultationLetter 征求意见书 to a third party (Art. 32)
//   kFeeNotice          收费通知书 (Art. 42; fee measures 国办函〔2020〕109号)
//
// The renderer fills the templates' variables from LetterData and the
// config; the list of variables each template may use is in
// deploy/templates/README.md. The wording lives in the templates so that an
// agency can edit it without a rebuild; the articles come from
// libs/rules so that letters, release gate and annual report agree.
//
// Thread safety: a LetterRenderer is immutable after Load/Create; Render may
// be called concurrently.
#ifndef FOI_LIBS_RENDER_LETTER_RENDERER_H_
#define FOI_LIBS_RENDER_LETTER_RENDERER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "libs/render/agency_config.h"
#include "libs/render/letter.h"
#include "libs/render/letter_template.h"
#include "libs/rules/exemption_grounds.h"
#include "libs/rules/fee_schedule.h"
#include "libs/rules/reply_outcomes.h"

namespace foi::render {

enum class LetterKind {
  kReply,
  kCorrectionNotice,
  kExtensionNotice,
  kConsultationLetter,
  kFeeNotice,
};

// "reply", "correction_notice", "extension_notice", "consultation_letter",
// "fee_notice" (also the suffix of document_number_pattern overrides).
absl::string_view LetterKindName(LetterKind kind);

// A part of the requested information that a partial disclosure withholds
// (Art. 37: "对不予公开的内容说明理由").
struct WithheldItem {
  // Required. What was withheld, e.g. "第3页第三方企业的银行账号".
  std::string what;
  // Required, not kUnspecified, and listed in LetterData::grounds.
  rules::ExemptionGround ground = rules::ExemptionGround::kUnspecified;
  // Optional. Why the ground applies here, in a sentence.
  std::string explanation;
};

// Everything a letter says about one application. Which fields a kind needs
// is stated on each field; Render rejects a letter missing any of them and
// ignores fields of other kinds. Text fields are single lines of UTF-8 and
// are used as parts of sentences: the templates punctuate them, and a
// trailing "。" or "；" in a value is dropped rather than doubled.
struct LetterData {
  LetterKind kind = LetterKind::kReply;

  // --- Every kind.
  // Required. The case number, e.g. "YS-2026-000123".
  std::string case_number;
  // Required (except kConsultationLetter, which goes to the third party and
  // does not name the applicant). Person or organisation.
  std::string applicant_name;
  // Required. What was asked for, one line: "2025年云溪区征收补偿方案".
  std::string request_summary;
  // Required. The day the application was received (Art. 31).
  std::optional<absl::CivilDay> receipt_date;
  // Required. The date on the letter; not before receipt_date.
  std::optional<absl::CivilDay> letter_date;
  // The document number: if empty, made from the config's pattern with the
  // letter_date's year and document_seq.
  std::string document_number;
  // Required (> 0) when document_number is empty.
  int64_t document_seq = 0;

  // --- kReply.
  rules::ReplyOutcome outcome = rules::ReplyOutcome::kUnspecified;
  // Required with kCannotProvide and kNotProcessed (rules::ValidateOutcome).
  rules::OutcomeReason reason = rules::OutcomeReason::kUnspecified;
  // Required with kNotDisclosed and kPartiallyDisclosed, in the order the
  // letter gives them; no duplicates.
  std::vector<rules::ExemptionGround> grounds;
  // Required with kPartiallyDisclosed: each withheld part and its ground.
  std::vector<WithheldItem> withheld;
  // Optional (kNotDisclosed, kCannotProvide, kNotProcessed); required with
  // kNotThisAgency (Art. 36(5): "说明理由"). Why, in a sentence.
  std::string reason_detail;
  // Required with kDisclosed and kPartiallyDisclosed (Art. 40): the form,
  // e.g. "纸质复印件", and the route, e.g. "邮政挂号信寄至您申请中填写的通信
  // 地址".
  std::string delivery_form;
  std::string delivery_route;
  // Optional with kDisclosed and kPartiallyDisclosed: pages provided.
  int pages = 0;
  // Required with kAlreadyPublic (Art. 36(1)) and kNotProcessed for
  // kPublishedMaterial (Art. 39 para 2): where and how to get it. Optional
  // with kNotProcessed for kPetitionOrComplaint (the proper channel) and
  // with kSpecialRegime (the office that handles it).
  std::string where_to_get;
  // Optional with kNotThisAgency: the competent agency if it can be
  // determined (Art. 36(5)); its contact is then required.
  std::string other_agency;
  std::string other_agency_contact;
  // Required with kNotProcessed for kRepeatedApplication (Art. 36(6)): the
  // earlier reply's date; its document number is optional.
  std::optional<absl::CivilDay> earlier_reply_date;
  std::string earlier_document_number;
  // Optional with kCannotProvide for kUnclearAfterCorrection: the date of the
  // correction notice.
  std::optional<absl::CivilDay> correction_notice_date;
  // Required with kSpecialRegime (Art. 36(7)): the kind of records, e.g.
  // "不动产登记资料", and the law that governs access, e.g.
  // "《不动产登记资料查询暂行办法》".
  std::string regime_name;
  std::string regime_law;

  // --- kCorrectionNotice (Art. 30).
  // Required: what to correct, one item each.
  std::vector<std::string> correction_items;
  // Required: the last day for the correction; after letter_date.
  std::optional<absl::CivilDay> correction_deadline;

  // --- kExtensionNotice (Art. 33 para 2).
  // Required: the due date before and after the extension; new_due_date
  // after due_date.
  std::optional<absl::CivilDay> due_date;
  std::optional<absl::CivilDay> new_due_date;
  // Required: why more time is needed.
  std::string extension_reason;

  // --- kConsultationLetter (Art. 32).
  // Required: the third party consulted.
  std::string third_party_name;
  // Required: which information concerns it, as it completes "该申请所涉政府
  // 信息包含……", e.g. "您单位在该采购项目中提交的投标报价明细".
  std::string consulted_information;

  // --- kFeeNotice.
  // Required: a quote from rules::QuoteByCount (the application's position
  // in the month) or rules::QuoteByPages, unaltered, with a total above 0.
  std::optional<rules::FeeQuote> fee;
};

// The template that renders `kind` (with `outcome` for replies), e.g.
// "reply_partially_disclosed" or "fee_notice". REQUIRES: outcome is not
// kUnspecified when kind is kReply.
std::string TemplateNameFor(LetterKind kind, rules::ReplyOutcome outcome);

// Every template name the renderer needs.
std::vector<std::string> RequiredTemplateNames();

// Checks `data` for its kind. INVALID_ARGUMENT naming the field
// ("withheld[1].ground: ..."), including rules::ValidateOutcome's errors for
// replies.
absl::Status ValidateLetterData(const LetterData& data);

class LetterRenderer {
 public:
  // Loads every template from `templates_dir` (LoadLetterTemplates) and
  // then behaves as Create. NOT_FOUND if the directory or a required
  // template is missing; INVALID_ARGUMENT naming the file and line if a
  // template does not parse or uses an unknown variable.
  static absl::StatusOr<std::unique_ptr<LetterRenderer>> Load(
      const std::string& templates_dir, AgencyConfig config);

  // Builds a renderer from parsed templates. Checks the config
  // (ValidateAgencyConfig) and that every template in
  // RequiredTemplateNames() is present (NOT_FOUND naming the file) and
  // renders a sample letter of each kind, outcome and reason, so that a
  // template naming an unknown variable fails here, at start-up, rather
  // than on the first real letter (INVALID_ARGUMENT naming file and line).
  static absl::StatusOr<std::unique_ptr<LetterRenderer>> Create(
      std::map<std::string, LetterTemplate> templates, AgencyConfig config);

  // Renders one letter. INVALID_ARGUMENT naming the field if `data` fails
  // ValidateLetterData.
  absl::StatusOr<Letter> Render(const LetterData& data) const;

  // The agency details the letters are rendered with.
  const AgencyConfig& config() const { return config_; }

 private:
  LetterRenderer(std::map<std::string, LetterTemplate> templates,
                 AgencyConfig config);

  std::map<std::string, LetterTemplate> templates_;
  AgencyConfig config_;
};

}  // namespace foi::render

#endif  // FOI_LIBS_RENDER_LETTER_RENDERER_H_
