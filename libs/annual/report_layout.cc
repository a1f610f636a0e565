#include "libs/annual/report_layout.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/rules/exemption_grounds.h"
#include "libs/rules/reply_outcomes.h"

namespace foi::annual {
namespace {

using R = ApplicationRow;

constexpr absl::string_view kResultsSection = "三、本年度办理结果";

// "三(三)" + "1" and "1." + label: the sub-row numbering of the national
// table.
RowInfo Item(R row, absl::string_view group_code, absl::string_view group,
             int n, absl::string_view label) {
  return {row,
          absl::StrCat(group_code, n),
          std::string(kResultsSection),
          std::string(group),
          absl::StrCat(n, ".", label),
          0,
          0};
}

std::vector<RowInfo> BuildRows() {
  std::vector<RowInfo> rows;
  rows.push_back({R::kNewThisYear, "一", "一、本年新收政府信息公开申请数量", "",
                  "", 0, 0});
  rows.push_back({R::kCarriedOver, "二", "二、上年结转政府信息公开申请数量", "",
                  "", 0, 0});
  rows.push_back({R::kDisclosed, "三(一)", std::string(kResultsSection),
                  "（一）予以公开", "", 0, 0});
  rows.push_back(
      {R::kPartiallyDisclosed, "三(二)", std::string(kResultsSection),
       "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "", 0, 0});
  // The labels are the ones the reply letters use (one vocabulary).
  using G = rules::ExemptionGround;
  const std::pair<R, G> withheld[] = {
      {R::kWithheldStateSecret, G::kStateSecret},
      {R::kWithheldProhibitedByLaw, G::kProhibitedByLaw},
      {R::kWithheldSecurityOrStability, G::kSecurityOrStability},
      {R::kWithheldThirdPartyRights, G::kThirdPartyRights},
      {R::kWithheldInternalAffairs, G::kInternalAffairs},
      {R::kWithheldProcessInformation, G::kProcessInformation},
      {R::kWithheldLawEnforcementFile, G::kLawEnforcementFile},
      {R::kWithheldAdministrativeQuery, G::kAdministrativeQuery},
  };
  int n = 1;
  for (const auto& [row, ground] : withheld) {
    rows.push_back(Item(row, "三(三)", "（三）不予公开", n++,
                        rules::Info(ground).label_zh));
  }
  using Reason = rules::OutcomeReason;
  const std::pair<R, Reason> cannot_provide[] = {
      {R::kCannotProvideNotHeld, Reason::kNotHeld},
      {R::kCannotProvideNeedsNewInformation, Reason::kNeedsNewInformation},
      {R::kCannotProvideUnclearAfterCorrection,
       Reason::kUnclearAfterCorrection},
  };
  n = 1;
  for (const auto& [row, reason] : cannot_provide) {
    rows.push_back(Item(row, "三(四)", "（四）无法提供", n++,
                        rules::Info(reason).label_zh));
  }
  const std::pair<R, Reason> not_processed[] = {
      {R::kNotProcessedPetitionOrComplaint, Reason::kPetitionOrComplaint},
      {R::kNotProcessedRepeatedApplication, Reason::kRepeatedApplication},
      {R::kNotProcessedPublishedMaterial, Reason::kPublishedMaterial},
      {R::kNotProcessedUnreasonableVolume, Reason::kUnreasonableVolume},
      {R::kNotProcessedConfirmationRequest, Reason::kConfirmationRequest},
  };
  n = 1;
  for (const auto& [row, reason] : not_processed) {
    rows.push_back(Item(row, "三(五)", "（五）不予处理", n++,
                        rules::Info(reason).label_zh));
  }
  // 2021 format: three sub-rows (the 2019 format had none).
  rows.push_back(Item(R::kOtherNotCorrected, "三(六)", "（六）其他处理", 1,
                      "申请人无正当理由逾期不补正、行政机关不再处理其政府信息"
                      "公开申请"));
  rows.push_back(Item(R::kOtherFeeNotPaid, "三(六)", "（六）其他处理", 2,
                      "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其"
                      "政府信息公开申请"));
  rows.push_back(Item(R::kOtherOther, "三(六)", "（六）其他处理", 3, "其他"));
  rows.push_back({R::kHandledTotal, "三(七)", std::string(kResultsSection),
                  "（七）总计", "", 0, 0});
  rows.push_back(
      {R::kCarriedForward, "四", "四、结转下年度继续办理", "", "", 0, 0});

  // A cell starts where its text differs from the row above and spans the
  // rows that repeat it.
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i == 0 || rows[i].section != rows[i - 1].section) {
      size_t j = i;
      while (j < rows.size() && rows[j].section == rows[i].section) ++j;
      rows[i].section_span = static_cast<int>(j - i);
    }
    if (!rows[i].group.empty() &&
        (i == 0 || rows[i].group != rows[i - 1].group)) {
      size_t j = i;
      while (j < rows.size() && rows[j].group == rows[i].group) ++j;
      rows[i].group_span = static_cast<int>(j - i);
    }
  }
  return rows;
}

}  // namespace

const std::array<ColumnInfo, kApplicantColumnCount>& ApplicantColumns() {
  using C = ApplicantColumn;
  using T = casefile::ApplicantType;
  static const auto* columns =
      new std::array<ColumnInfo, kApplicantColumnCount>{{
          {C::kNaturalPerson, casefile::ApplicantTypeName(T::kNaturalPerson),
           "自然人", false},
          {C::kCommercialEnterprise,
           casefile::ApplicantTypeName(T::kCommercialEnterprise), "商业企业",
           true},
          {C::kResearchInstitution,
           casefile::ApplicantTypeName(T::kResearchInstitution), "科研机构",
           true},
          {C::kPublicInterestOrganization,
           casefile::ApplicantTypeName(T::kPublicInterestOrganization),
           "社会公益组织", true},
          {C::kLegalServiceOrganization,
           casefile::ApplicantTypeName(T::kLegalServiceOrganization),
           "法律服务机构", true},
          {C::kOtherOrganization,
           casefile::ApplicantTypeName(T::kOtherOrganization), "其他", true},
          {C::kTotal, "TOTAL", "总计", false},
      }};
  return *columns;
}

ApplicantColumn ColumnFor(casefile::ApplicantType t) {
  using C = ApplicantColumn;
  using T = casefile::ApplicantType;
  switch (t) {
    case T::kNaturalPerson:
      return C::kNaturalPerson;
    case T::kCommercialEnterprise:
      return C::kCommercialEnterprise;
    case T::kResearchInstitution:
      return C::kResearchInstitution;
    case T::kPublicInterestOrganization:
      return C::kPublicInterestOrganization;
    case T::kLegalServiceOrganization:
      return C::kLegalServiceOrganization;
    case T::kOtherOrganization:
    case T::kUnspecified:  // excluded by REQUIRES
      break;
  }
  return C::kOtherOrganization;
}

const std::vector<RowInfo>& ApplicationRows() {
  static const auto* rows = new std::vector<RowInfo>(BuildRows());
  return *rows;
}

absl::string_view AppealKindLabel(AppealKind k) {
  switch (k) {
    case AppealKind::kReconsideration:
      return kReconsiderationHeader;
    case AppealKind::kLitigationDirect:
      return "未经复议直接起诉";
    case AppealKind::kLitigationAfterReconsideration:
      break;
  }
  return "复议后起诉";
}

absl::string_view AppealKindCode(AppealKind k) {
  switch (k) {
    case AppealKind::kReconsideration:
      return "reconsideration";
    case AppealKind::kLitigationDirect:
      return "litigation_direct";
    case AppealKind::kLitigationAfterReconsideration:
      break;
  }
  return "litigation_after_reconsideration";
}

}  // namespace foi::annual
