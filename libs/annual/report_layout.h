// The layout of the statutory annual report's tables 三 and 四 in the 2021
// national format (国办公开办函〔2021〕30号): row codes, the Chinese labels
// word for word, and which header cells span which rows and columns. The
// builder and the JSON, CSV and HTML writers all read it, so the numbers and
// the labels cannot drift apart.
//
// Thread safety: free functions over constant data.
#ifndef FOI_LIBS_ANNUAL_REPORT_LAYOUT_H_
#define FOI_LIBS_ANNUAL_REPORT_LAYOUT_H_

#include <array>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "libs/annual/report_input.h"

namespace foi::annual {

inline constexpr absl::string_view kApplicationsTitle =
    "三、收到和处理政府信息公开申请情况";
inline constexpr absl::string_view kAppealsTitle =
    "四、政府信息公开行政复议、行政诉讼情况";
// Not part of the national tables: the project's heading for the topics
// carried in section 六 (Art. 50(五), 「其他需要报告的事项」).
inline constexpr absl::string_view kOtherMattersTitle =
    "六、其他需要报告的事项";
inline constexpr absl::string_view kTopicsTitle = "申请集中关注的事项";

// Table 三's top-left header cell, 3 columns by 3 rows, which states the
// accounting identity 一 + 二 = 三(七) + 四.
inline constexpr absl::string_view kIdentityNote =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
inline constexpr absl::string_view kApplicantHeader = "申请人情况";
inline constexpr absl::string_view kOrganizationHeader = "法人或其他组织";

// The 7 numeric columns of table 三, in table order.
enum class ApplicantColumn {
  kNaturalPerson,               // 自然人
  kCommercialEnterprise,        // 法人或其他组织: 商业企业
  kResearchInstitution,         // 科研机构
  kPublicInterestOrganization,  // 社会公益组织
  kLegalServiceOrganization,    // 法律服务机构
  kOtherOrganization,           // 其他
  kTotal,                       // 总计
};
inline constexpr int kApplicantColumnCount = 7;

struct ColumnInfo {
  ApplicantColumn column;
  // Stable key: the casefile::ApplicantType name, or "TOTAL".
  absl::string_view code;
  absl::string_view label;  // "商业企业"
  // True for the five columns under 法人或其他组织.
  bool organization;
};

// All 7 columns, indexed by ApplicantColumn.
const std::array<ColumnInfo, kApplicantColumnCount>& ApplicantColumns();

// The column an applicant type is counted in. REQUIRES: `t` is one of the
// six specified applicant types.
ApplicantColumn ColumnFor(casefile::ApplicantType t);

// The 25 numeric rows of table 三, in table order.
enum class ApplicationRow {
  kNewThisYear,                          // 一
  kCarriedOver,                          // 二
  kDisclosed,                            // 三(一)
  kPartiallyDisclosed,                   // 三(二)
  kWithheldStateSecret,                  // 三(三)1
  kWithheldProhibitedByLaw,              // 三(三)2
  kWithheldSecurityOrStability,          // 三(三)3
  kWithheldThirdPartyRights,             // 三(三)4
  kWithheldInternalAffairs,              // 三(三)5
  kWithheldProcessInformation,           // 三(三)6
  kWithheldLawEnforcementFile,           // 三(三)7
  kWithheldAdministrativeQuery,          // 三(三)8
  kCannotProvideNotHeld,                 // 三(四)1
  kCannotProvideNeedsNewInformation,     // 三(四)2
  kCannotProvideUnclearAfterCorrection,  // 三(四)3
  kNotProcessedPetitionOrComplaint,      // 三(五)1
  kNotProcessedRepeatedApplication,      // 三(五)2
  kNotProcessedPublishedMaterial,        // 三(五)3
  kNotProcessedUnreasonableVolume,       // 三(五)4
  kNotProcessedConfirmationRequest,      // 三(五)5
  kOtherNotCorrected,                    // 三(六)1
  kOtherFeeNotPaid,                      // 三(六)2
  kOtherOther,                           // 三(六)3
  kHandledTotal,                         // 三(七)
  kCarriedForward,                       // 四
};
inline constexpr int kApplicationRowCount = 25;

// One numeric row of table 三. The national table labels a row with up to
// three nested cells: section (一 to 四), group (（一） to （七）) and item
// (1. to 8.).
struct RowInfo {
  ApplicationRow row;
  std::string code;     // "三(三)1"; stable key
  std::string section;  // "三、本年度办理结果"
  std::string group;    // "（三）不予公开"; empty for 一, 二 and 四
  std::string item;  // "1.属于国家秘密"; empty where the group has none
  // How many rows the section and group cells span, starting at this row;
  // 0 when this row lies under a cell that starts above it.
  int section_span;
  int group_span;

  // The most specific of item, group and section.
  const std::string& label() const {
    return !item.empty() ? item : !group.empty() ? group : section;
  }
};

// All 25 rows, indexed by ApplicationRow.
const std::vector<RowInfo>& ApplicationRows();

// Table 四: the three column groups in table order, and the five columns of
// each (结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
inline constexpr std::array<AppealKind, 3> kAppealKinds = {
    AppealKind::kReconsideration, AppealKind::kLitigationDirect,
    AppealKind::kLitigationAfterReconsideration};
inline constexpr int kAppealColumnCount = 15;
inline constexpr absl::string_view kReconsiderationHeader = "行政复议";
inline constexpr absl::string_view kLitigationHeader = "行政诉讼";
inline constexpr std::array<absl::string_view, 5> kAppealResultLabels = {
    "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
// Stable keys for the same five columns.
inline constexpr std::array<absl::string_view, 5> kAppealResultCodes = {
    "upheld", "corrected", "other", "pending", "total"};

// "行政复议", "未经复议直接起诉" or "复议后起诉".
absl::string_view AppealKindLabel(AppealKind k);
// "reconsideration", "litigation_direct" or
// "litigation_after_reconsideration".
absl::string_view AppealKindCode(AppealKind k);

}  // namespace foi::annual

#endif  // FOI_LIBS_ANNUAL_REPORT_LAYOUT_H_
