#include "libs/textsim/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/common/text.h"
#include "libs/textsim/internal/code_points.h"
#include "libs/textsim/internal/transliterator_rules.h"

namespace foi::textsim {
namespace {

using textsim_internal::PhraseRewriter;

// The digit value of a Chinese numeral as written in years, or -1. ○ (U+25CB
// WHITE CIRCLE) is not a numeral but is what most people type for 〇.
int ChineseYearDigit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'○':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

bool IsKept(char32_t c) {
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) &
          (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

// Longest first, so that 的相关信息 wins over 相关信息 where both match.
std::vector<PhraseRewriter::Rule> LongestFirst(
    std::vector<PhraseRewriter::Rule> rules) {
  std::stable_sort(
      rules.begin(), rules.end(),
      [](const PhraseRewriter::Rule& a, const PhraseRewriter::Rule& b) {
        return a.from.size() > b.from.size();
      });
  return rules;
}

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// True if `out` ends with a four-digit year followed by 年.
bool EndsWithDigitYear(const std::u32string& out) {
  const size_t n = out.size();
  return n >= 5 && out[n - 1] == U'年' && IsAsciiDigit(out[n - 2]) &&
         IsAsciiDigit(out[n - 3]) && IsAsciiDigit(out[n - 4]) &&
         IsAsciiDigit(out[n - 5]);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> DefaultAbbreviations() {
  // (full, short). Where a short form could stand for two bodies (住建委 and
  // 住建局), each full name keeps its own.
  return {
      // Government bodies.
      {"卫生健康委员会", "卫健委"},
      {"卫生健康局", "卫健局"},
      {"住房和城乡建设委员会", "住建委"},
      {"住房和城乡建设局", "住建局"},
      {"规划和自然资源委员会", "规自委"},
      {"规划和自然资源局", "规自局"},
      {"发展和改革委员会", "发改委"},
      {"发展和改革局", "发改局"},
      {"市场监督管理局", "市场监管局"},
      {"城市管理综合执法局", "城管执法局"},
      {"城市管理局", "城管局"},
      {"城市管理委员会", "城管委"},
      {"教育委员会", "教委"},
      {"人力资源和社会保障局", "人社局"},
      {"文化和旅游局", "文旅局"},
      {"医疗保障局", "医保局"},
      {"交通运输委员会", "交通委"},
      {"网络安全和信息化委员会办公室", "网信办"},
      {"人民政府办公室", "政府办"},
      {"政府办公室", "政府办"},
      {"房屋征收办公室", "征收办"},
      {"信访办公室", "信访办"},
      // Renamed in the 2018 reorganisation; both names are in use.
      {"生态环境局", "环保局"},
      // Terms.
      {"环境影响评价", "环评"},
      {"交通影响评价", "交评"},
      {"棚户区改造", "棚改"},
      {"旧城改造", "旧改"},
      {"危险废物", "危废"},
      {"医疗废物", "医废"},
      {"医疗美容", "医美"},
      {"最低生活保障", "低保"},
  };
}

std::vector<std::string> DefaultBoilerplate() {
  return {
      // Legal basis. Longest first is not needed here (Create sorts), but it
      // reads better.
      "根据《中华人民共和国政府信息公开条例》规定",
      "依据《中华人民共和国政府信息公开条例》规定",
      "根据《中华人民共和国政府信息公开条例》",
      "依据《中华人民共和国政府信息公开条例》",
      "根据《政府信息公开条例》规定",
      "依据《政府信息公开条例》规定",
      "根据《政府信息公开条例》",
      "依据《政府信息公开条例》",
      "《中华人民共和国政府信息公开条例》",
      "《政府信息公开条例》",
      // Request verbs.
      "本人申请公开",
      "申请公开",
      "要求公开",
      "请求公开",
      "请予公开",
      "依法公开",
      "予以公开",
      "请公开",
      "请提供",
      "现申请获取",
      "申请获取",
      "本人申请",
      "我想申请",
      "我想了解一下",
      "我想了解",
      "特此申请",
      // Framing.
      "关于",
      "的相关信息",
      "相关信息",
      "的相关文件",
      "相关文件",
      "相关材料",
      "的信息",
      "等信息",
      "政府信息",
      // Courtesy.
      "您好",
      "你好",
      "谢谢",
      // Purpose and delivery: why and how, not what (forms have separate
      // fields for them, but many applicants write them into the request).
      "用于维护本人合法权益",
      "用于维护合法权益",
      "用于诉讼",
      "用于行政复议",
      "因生产生活需要",
      "因生产生活科研需要",
      "本人系利害关系人",
      "作为研究资料",
      "请以电子邮件方式提供",
      "以电子邮件方式提供",
      "电子版即可",
      "纸质版邮寄",
      "如涉及个人隐私请作区分处理",
  };
}

absl::StatusOr<std::unique_ptr<Normalizer>> Normalizer::Create(
    NormalizerOptions options) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold =
      icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || nfkc_casefold == nullptr) {
    return absl::InternalError(
        absl::StrCat("ICU NFKC_Casefold: ", u_errorName(status)));
  }
  auto rules =
      textsim_internal::LoadTransliteratorRules("Traditional-Simplified");
  if (!rules.ok()) return rules.status();
  std::unique_ptr<Normalizer> normalizer(
      new Normalizer(nfkc_casefold, PhraseRewriter(*std::move(rules))));

  std::vector<PhraseRewriter::Rule> abbreviations;
  for (size_t i = 0; i < options.abbreviations.size(); ++i) {
    const auto& [full, abbreviation] = options.abbreviations[i];
    const std::string field = absl::StrCat("abbreviations[", i, "]");
    auto from = normalizer->CanonicalPhrase(field, full);
    if (!from.ok()) return from.status();
    auto to = normalizer->CanonicalPhrase(field, abbreviation);
    if (!to.ok()) return to.status();
    abbreviations.push_back({*std::move(from), *std::move(to)});
  }
  normalizer->abbreviations_ =
      PhraseRewriter(LongestFirst(std::move(abbreviations)));

  std::vector<PhraseRewriter::Rule> boilerplate;
  for (size_t i = 0; i < options.boilerplate.size(); ++i) {
    auto from = normalizer->CanonicalPhrase(
        absl::StrCat("boilerplate[", i, "]"), options.boilerplate[i]);
    if (!from.ok()) return from.status();
    boilerplate.push_back({*std::move(from), U""});
  }
  normalizer->boilerplate_ =
      PhraseRewriter(LongestFirst(std::move(boilerplate)));
  return normalizer;
}

Normalizer::Normalizer(const icu::Normalizer2* nfkc_casefold,
                       PhraseRewriter traditional_to_simplified)
    : nfkc_casefold_(nfkc_casefold),
      traditional_to_simplified_(std::move(traditional_to_simplified)) {}

Normalizer::~Normalizer() = default;

std::string Normalizer::Normalize(absl::string_view utf8) const {
  return textsim_internal::EncodeUtf8(
      boilerplate_.Rewrite(abbreviations_.Rewrite(Canonicalize(utf8))));
}

absl::StatusOr<std::u32string> Normalizer::CanonicalPhrase(
    absl::string_view field, absl::string_view phrase) const {
  if (!IsValidUtf8(phrase)) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": not valid UTF-8"));
  }
  std::u32string canonical = Canonicalize(phrase);
  if (canonical.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": \"", phrase, "\" normalises to nothing"));
  }
  return canonical;
}

std::u32string Normalizer::Canonicalize(absl::string_view utf8) const {
  // Step 1 on the UTF-8 bytes, saving a UTF-16 round trip. ICU copies
  // ill-formed sequences through unchanged; DecodeUtf8Lossy drops them.
  std::string folded;
  UErrorCode status = U_ZERO_ERROR;
  if (utf8.size() < static_cast<size_t>(INT32_MAX)) {
    icu::StringByteSink<std::string> sink(&folded,
                                          static_cast<int32_t>(utf8.size()));
    nfkc_casefold_->normalizeUTF8(
        0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
        sink, nullptr, status);
  } else {
    status = U_INDEX_OUTOFBOUNDS_ERROR;
  }
  // ICU fails only on texts of 2 GiB or more, or out of memory; such a text
  // is compared without step 1 rather than lost.
  const std::u32string decoded =
      textsim_internal::DecodeUtf8Lossy(U_SUCCESS(status) ? folded : utf8);

  // Step 2.
  const std::u32string simplified = traditional_to_simplified_.Rewrite(decoded);

  // Steps 3 and 4 in one pass.
  std::u32string out;
  out.reserve(simplified.size());
  const auto emit = [&out](char32_t c) {
    if (!IsKept(c)) return;
    if (c == U'度' && EndsWithDigitYear(out)) return;  // 2023年度 -> 2023年
    out.push_back(c);
  };
  for (size_t i = 0; i < simplified.size();) {
    if (ChineseYearDigit(simplified[i]) < 0) {
      emit(simplified[i++]);
      continue;
    }
    size_t end = i;
    while (end < simplified.size() && ChineseYearDigit(simplified[end]) >= 0) {
      ++end;
    }
    // Exactly four numerals then 年: a year. Other runs (一二三, 十二) are
    // left alone.
    const bool year =
        end - i == 4 && end < simplified.size() && simplified[end] == U'年';
    for (; i < end; ++i) {
      if (year) {
        out.push_back(
            static_cast<char32_t>(U'0' + ChineseYearDigit(simplified[i])));
      } else {
        emit(simplified[i]);
      }
    }
  }
  return out;
}

}  // namespace foi::textsim
