#include "libs/rules/exemption_grounds.h"

namespace foi::rules {

const std::vector<GroundInfo>& AllGrounds() {
  using G = ExemptionGround;
  static const auto* grounds = new std::vector<GroundInfo>{
      {G::kStateSecret, "STATE_SECRET", "第十四条", "Art. 14", "属于国家秘密",
       true},
      {G::kProhibitedByLaw, "PROHIBITED_BY_LAW", "第十四条", "Art. 14",
       "其他法律行政法规禁止公开", true},
      {G::kSecurityOrStability, "SECURITY_OR_STABILITY", "第十四条", "Art. 14",
       "危及“三安全一稳定”", true},
      {G::kThirdPartyRights, "THIRD_PARTY_RIGHTS", "第十五条", "Art. 15",
       "保护第三方合法权益", true},
      {G::kInternalAffairs, "INTERNAL_AFFAIRS", "第十六条第一款",
       "Art. 16 para. 1", "属于三类内部事务信息", false},
      {G::kProcessInformation, "PROCESS_INFORMATION", "第十六条第二款",
       "Art. 16 para. 2", "属于四类过程性信息", false},
      {G::kLawEnforcementFile, "LAW_ENFORCEMENT_FILE", "第十六条第二款",
       "Art. 16 para. 2", "属于行政执法案卷", false},
      {G::kAdministrativeQuery, "ADMINISTRATIVE_QUERY", "", "",
       "属于行政查询事项", false},
  };
  return *grounds;
}

const GroundInfo& Info(ExemptionGround g) {
  return AllGrounds()[static_cast<int>(g) - 1];
}

std::optional<ExemptionGround> ParseGround(absl::string_view code) {
  for (const GroundInfo& info : AllGrounds()) {
    if (info.code == code) return info.ground;
  }
  return std::nullopt;
}

}  // namespace foi::rules
