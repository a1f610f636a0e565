#include "libs/screening/internal/label_index.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "libs/screening/internal/utf8_cursor.h"

namespace foi::screening_internal {
namespace {

// Kinds by word; LabelWords() merges a word listed under several kinds.
struct KindWords {
  uint32_t kind;
  std::vector<absl::string_view> words;
};

const std::vector<KindWords>& KindTable() {
  // A label names a column or precedes a value: 身份证号码：..., 工资卡号,
  // 交易流水号. Serial labels cover the table values that are not personal
  // data however they validate (amounts, serial numbers, 统一社会信用代码).
  static const auto* table = new std::vector<KindWords>{
      {kIdLabel,
       {"身份证", "身份号码", "公民身份", "证件号", "证号", "证编号"}},
      {kCardLabel,
       {"卡号", "银行卡", "账号", "帐号", "借记卡", "信用卡", "储蓄卡", "账户",
        "帐户"}},
      {kPhoneLabel, {"电话", "手机", "联系方式", "传真", "热线"}},
      {kDocumentLabel,
       {"护照", "通行证", "证件", "回乡证", "台胞证", "旅行证", "证号",
        "证编号"}},
      {kCompatriotLabel, {"台胞证", "台湾居民来往大陆通行证"}},
      {kDisabilityLabel, {"残疾人证", "残疾证"}},
      {kSerialLabel | kNotCardLabel,
       {"信用代码", "注册号",   "流水号",   "订单号",   "运单号",   "快递单号",
        "序列号",   "凭证号",   "交易号",   "批次号",   "税号",     "识别号",
        "发票号码", "发票代码", "合同编号", "文件编号", "档案编号", "资产编号",
        "设备编号", "证书编号", "编码",     "条码",     "登记号",   "许可证号",
        "工单号",   "受理号",   "缴款码",   "协议号",   "业务号",   "编号"}},
      // A mistyped ID fails its check digit but may still pass Luhn.
      {kNotCardLabel, {"身份证", "身份号码", "公民身份"}},
      // Eight bare digits after these are a date, a booking or a phone.
      {kNotCompatriotLabel,
       {"日期", "时间", "生日", "年月日", "预订号", "订单号", "流水号", "编号",
        "单号", "凭证号", "发票号码", "代码", "电话", "手机", "传真"}},
      {kLevelHeaderLabel, {"密级"}},
  };
  return *table;
}

// How far, in display columns, a table value may start from its header.
constexpr int kColumnSlack = 8;
// How far above a value its column header may be.
constexpr size_t kMaxHeaderBytes = 4096;

}  // namespace

const std::vector<LabelWord>& LabelWords() {
  static const auto* words = [] {
    absl::flat_hash_map<absl::string_view, uint32_t> kinds;
    std::vector<absl::string_view> order;
    for (const KindWords& k : KindTable()) {
      for (absl::string_view w : k.words) {
        auto [it, inserted] = kinds.emplace(w, 0);
        if (inserted) order.push_back(w);
        it->second |= k.kind;
      }
    }
    auto* out = new std::vector<LabelWord>();
    for (absl::string_view w : order) out->push_back({w, kinds[w]});
    return out;
  }();
  return *words;
}

LabelIndex LabelIndex::Build(absl::string_view text) {
  LabelIndex index;
  for (const LabelWord& w : LabelWords()) {
    for (size_t p = text.find(w.text); p != absl::string_view::npos;
         p = text.find(w.text, p + 1)) {
      index.hits_.push_back({p, p + w.text.size(), w.kinds});
    }
  }
  std::sort(index.hits_.begin(), index.hits_.end(),
            [](const Hit& a, const Hit& b) {
              return a.end != b.end ? a.end < b.end : a.begin < b.begin;
            });
  return index;
}

void LabelIndex::Add(size_t begin, size_t end, uint32_t kinds) {
  if (hits_.empty() || hits_.back().end <= end) {
    hits_.push_back({begin, end, kinds});
    return;
  }
  // Vectorscan reports literal matches in order of end offset, so this is
  // only a safeguard that keeps the index sorted whatever the order.
  hits_.insert(
      hits_.begin() + static_cast<std::ptrdiff_t>(FirstEndingAfter(end)),
      Hit{begin, end, kinds});
}

size_t LabelIndex::FirstEndingAfter(size_t pos) const {
  return static_cast<size_t>(
      std::upper_bound(hits_.begin(), hits_.end(), pos,
                       [](size_t p, const Hit& h) { return p < h.end; }) -
      hits_.begin());
}

LabelVerdict LabelIndex::Nearest(absl::string_view text, size_t begin,
                                 uint32_t positive, uint32_t negative,
                                 size_t window) const {
  const size_t window_begin = BackCodePoints(text, begin, window);
  size_t pos_end = 0;
  size_t neg_end = 0;
  for (size_t i = FirstEndingAfter(begin); i > 0; --i) {
    const Hit& h = hits_[i - 1];
    if (h.end <= window_begin) break;
    if (h.begin < window_begin) continue;
    if (h.kinds & positive) pos_end = std::max(pos_end, h.end);
    if (h.kinds & negative) neg_end = std::max(neg_end, h.end);
  }
  if (pos_end == 0 && neg_end == 0) return LabelVerdict::kNone;
  return pos_end >= neg_end ? LabelVerdict::kPositive : LabelVerdict::kNegative;
}

LabelVerdict LabelIndex::Header(absl::string_view text, size_t begin,
                                uint32_t positive, uint32_t negative) const {
  // The candidate's own line was covered by the caller's window; a label
  // further back on it belongs to something else.
  const size_t own = LineBegin(text, begin);
  if (own == 0) return LabelVerdict::kNone;
  const size_t floor = begin > kMaxHeaderBytes ? begin - kMaxHeaderBytes : 0;
  const uint32_t wanted = positive | negative;
  size_t i = FirstEndingAfter(own - 1);
  while (i > 0 && !(hits_[i - 1].kinds & wanted)) --i;
  if (i == 0 || hits_[i - 1].begin < floor) return LabelVerdict::kNone;
  const size_t line_begin = LineBegin(text, hits_[i - 1].begin);
  const int column = DisplayWidth(text.substr(own, begin - own));
  // The header cell nearest to the candidate's column decides; a label sits
  // at the start of its cell or inside it ("工资卡号" for "卡号").
  int best_distance = -1;
  bool best_positive = false;
  for (; i > 0 && hits_[i - 1].begin >= line_begin; --i) {
    const Hit& h = hits_[i - 1];
    if (!(h.kinds & wanted)) continue;
    size_t cell = h.begin;
    while (cell > line_begin && !IsLineSpace(CodePointBefore(text, cell))) {
      cell = BackCodePoints(text, cell, 1);
    }
    const int distance = std::abs(
        DisplayWidth(text.substr(line_begin, cell - line_begin)) - column);
    const bool is_positive = (h.kinds & positive) != 0;
    if (best_distance < 0 || distance < best_distance ||
        (distance == best_distance && is_positive)) {
      best_distance = distance;
      best_positive = is_positive;
    }
  }
  if (best_distance < 0 || best_distance > kColumnSlack) {
    return LabelVerdict::kNone;
  }
  return best_positive ? LabelVerdict::kPositive : LabelVerdict::kNegative;
}

LabelVerdict LabelIndex::For(absl::string_view text, size_t begin,
                             uint32_t positive, uint32_t negative,
                             size_t window) const {
  const LabelVerdict near = Nearest(text, begin, positive, negative, window);
  if (near != LabelVerdict::kNone || !InTableCell(text, begin)) return near;
  return Header(text, begin, positive, negative);
}

bool InTableCell(absl::string_view text, size_t begin) {
  const size_t line_begin = LineBegin(text, begin);
  int spaces = 0;
  for (size_t i = line_begin; i < begin; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t') return true;
    if (c == ' ') {
      if (++spaces == 2) return true;
      continue;
    }
    spaces = 0;
    // U+3000, the ideographic space, is E3 80 80.
    if (c == 0xE3 && i + 2 < begin &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        static_cast<unsigned char>(text[i + 2]) == 0x80) {
      return true;
    }
  }
  return false;
}

}  // namespace foi::screening_internal
