// Normalizer: reduces what an applicant asks for to a canonical string, so
// that requests for the same information (OGI Regulations Art. 44) written
// differently compare equal or close. It erases differences of form, not of
// content:
//
//   1. Unicode NFKC with case folding (ICU NFKC_Casefold): full-width letters
//      and digits become ASCII (ＡＢＣ１２３ -> abc123), the ideographic space
//      U+3000 a space, CJK compatibility ideographs their unified forms.
//   2. Traditional -> Simplified Chinese, exactly as ICU's
//      "Traditional-Simplified" transliterator (徵收補償 -> 征收补偿,
//      計畫 -> 计划). Its rules are compiled once, in Create(); no
//      icu::Transliterator is used per text, because it is not thread-safe
//      and costs ~15 us a request (internal/transliterator_rules.h).
//   3. A year in Chinese numerals before 年 becomes digits (二〇二三年,
//      二○二三年, 二零二三年 -> 2023年), and 年度 after a four-digit year
//      becomes 年 (2023年度 -> 2023年).
//   4. Only letters, combining marks and numbers are kept (Unicode general
//      categories L, M, N: CJK ideographs, Latin, digits); punctuation,
//      symbols, spaces and controls are dropped.
//   5. Names of agencies and administrative terms are written in their
//      standard short form (规范简称): 卫生健康委员会 -> 卫健委,
//      环境影响评价 -> 环评, 棚户区改造 -> 棚改 (DefaultAbbreviations(), or
//      NormalizerOptions::abbreviations). Short rather than full: the
//      variants become one, and words every request to an agency shares
//      weigh less against what is asked for.
//   6. Request boilerplate is removed: the phrases of DefaultBoilerplate()
//      (or NormalizerOptions::boilerplate).
//   Steps 5 and 6 replace phrases left to right, the longest match first at
//   each position, without rescanning what they wrote.
//
// Ill-formed UTF-8 is not an error: each ill-formed byte sequence is dropped,
// as if it were punctuation.
//
// Thread safety: immutable after Create(); Normalize() may be called
// concurrently from any number of threads.
#ifndef FOI_LIBS_TEXTSIM_NORMALIZER_H_
#define FOI_LIBS_TEXTSIM_NORMALIZER_H_

#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "libs/textsim/internal/phrase_rewriter.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace foi::textsim {

// Returns the (full, short) pairs of step 5: the standard short forms of
// local government bodies - 卫健委, 住建委/住建局, 规自委/规自局, 发改委,
// 市场监管局, 城管执法局, 教委, 人社局, 文旅局, 医保局, 交通委, 网信办,
// 政府办, 征收办, 信访办; 生态环境局 as 环保局, its name before 2018 - and of
// terms common in requests: 环评, 交评, 棚改, 旧改, 危废, 医废, 医美, 低保.
std::vector<std::pair<std::string, std::string>> DefaultAbbreviations();

// Returns the request boilerplate removed by default: how applicants frame a
// request rather than what they ask for. Five kinds:
//   legal basis   根据/依据《（中华人民共和国）政府信息公开条例》（规定）
//   request verbs 申请公开, 本人申请公开, 要求公开, 请求公开, 请予公开,
//                 依法公开, 予以公开, 请公开, 请提供, 申请获取, 现申请获取,
//                 本人申请, 我想申请, 我想了解（一下）, 特此申请
//   framing       关于, 的相关信息, 相关信息, 的相关文件, 相关文件,
//                 相关材料, 的信息, 等信息, 政府信息
//   courtesy      您好, 你好, 谢谢
//   purpose and   用于维护（本人）合法权益, 用于诉讼, 用于行政复议,
//   delivery      因生产生活（科研）需要, 本人系利害关系人, 作为研究资料,
//                 （请）以电子邮件方式提供, 电子版即可, 纸质版邮寄,
//                 如涉及个人隐私请作区分处理
// Phrases are written as applicants write them; Create() normalises them.
std::vector<std::string> DefaultBoilerplate();

struct NormalizerOptions {
  // (full, short) pairs for step 5, in any script or width (normalised with
  // steps 1-4 first). Default: DefaultAbbreviations().
  std::vector<std::pair<std::string, std::string>> abbreviations =
      DefaultAbbreviations();
  // Phrases removed in step 6, in any script or width (they are normalised
  // with steps 1-4 first). Default: DefaultBoilerplate().
  std::vector<std::string> boilerplate = DefaultBoilerplate();
};

class Normalizer {
 public:
  // Returns a normalizer. Returns INVALID_ARGUMENT if an abbreviation or
  // boilerplate phrase is not valid UTF-8 or normalises to nothing (it would
  // be all punctuation), INTERNAL if ICU's data lacks NFKC_Casefold or
  // Traditional-Simplified.
  static absl::StatusOr<std::unique_ptr<Normalizer>> Create(
      NormalizerOptions options = {});

  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;
  ~Normalizer();

  // Returns `utf8` normalised as described in the file comment: UTF-8,
  // simplified, case-folded, letters and numbers only, names in their short
  // forms, boilerplate removed.
  // Returns "" for empty input or input with nothing but punctuation,
  // boilerplate and ill-formed bytes.
  std::string Normalize(absl::string_view utf8) const;

 private:
  Normalizer(const icu::Normalizer2* nfkc_casefold,
             textsim_internal::PhraseRewriter traditional_to_simplified);

  // Steps 1-4, as code points.
  std::u32string Canonicalize(absl::string_view utf8) const;
  // A phrase of the options through steps 1-4; INVALID_ARGUMENT naming
  // `field` if it is not UTF-8 or comes out empty.
  absl::StatusOr<std::u32string> CanonicalPhrase(
      absl::string_view field, absl::string_view phrase) const;

  const icu::Normalizer2* nfkc_casefold_;  // owned by ICU; lives forever
  textsim_internal::PhraseRewriter traditional_to_simplified_;
  textsim_internal::PhraseRewriter abbreviations_;
  textsim_internal::PhraseRewriter boilerplate_;
};

}  // namespace foi::textsim

#endif  // FOI_LIBS_TEXTSIM_NORMALIZER_H_
