// One passage that a confidentiality reviewer must decide on before release
// (OGI Regulations Arts. 14-16; Art. 37 partial disclosure).
//
// Thread safety: a plain value type.
#ifndef FOI_LIBS_SCREENING_FINDING_H_
#define FOI_LIBS_SCREENING_FINDING_H_

#include <cstddef>
#include <string>

#include "libs/rules/exemption_grounds.h"
#include "libs/screening/category.h"

namespace foi::screening {

struct Finding {
  Category category = Category::kIdentityNumber;
  // The precise detector: "resident_id_18", "mobile_cn", "bank_card_luhn",
  // "classification_marking", or "rule:<rule set>:<keyword or regex id>"
  // such as "rule:commercial_secret:投标报价".
  std::string detector;
  // The ground a reviewer would most likely cite; personal data suggests
  // kThirdPartyRights (Art. 15), markings kStateSecret (Art. 14).
  rules::ExemptionGround suggested_ground =
      rules::ExemptionGround::kUnspecified;
  // [byte_begin, byte_end) in the UTF-8 input, on code-point boundaries.
  size_t byte_begin = 0;
  size_t byte_end = 0;
  // The same span counted in code points.
  size_t char_begin = 0;
  size_t char_end = 0;
  // The matched text, input[byte_begin, byte_end).
  std::string text;
  // Why, in one line: "18-digit resident ID, check digit 4 valid, born
  // 1985-03-12, region 11 北京".
  std::string explanation;
};

}  // namespace foi::screening

#endif  // FOI_LIBS_SCREENING_FINDING_H_
