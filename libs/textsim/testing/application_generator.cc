#include "libs/textsim/testing/application_generator.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "libs/textsim/internal/code_points.h"
#include "libs/textsim/internal/hashing.h"
#include "libs/textsim/testing/application_vocabulary.h"

namespace foi::testing {
namespace {

using textsim_internal::District;
using textsim_internal::SubjectKind;
using textsim_internal::Topic;

// SplitMix64 stream: fast, and identical on every platform (std::
// distributions are not). A blended stream models applicants who copy each
// other's wording: each draw is, with probability `keep`, the draw at the same
// position of a shared base stream (the group's wording), else its own.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  Rng(uint64_t seed, uint64_t base_seed, double keep)
      : state_(seed), base_state_(base_seed), keep_(keep), blended_(true) {}

  uint64_t Next() {
    const uint64_t own = textsim_internal::SplitMix64(state_);
    if (!blended_) return own;
    const uint64_t base = textsim_internal::SplitMix64(base_state_);
    const uint64_t coin = textsim_internal::SplitMix64(state_);
    return ToUnit(coin) < keep_ ? base : own;
  }
  // Uniform in [0, n). REQUIRES: n > 0. The modulo bias is below 2^-40 for
  // the small n used here.
  uint32_t Below(size_t n) { return static_cast<uint32_t>(Next() % n); }
  double Unit() { return ToUnit(Next()); }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(absl::Span<const T> items) {
    return items[Below(items.size())];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }

 private:
  static double ToUnit(uint64_t x) {
    return static_cast<double>(x >> 11) * 0x1.0p-53;
  }

  uint64_t state_;
  uint64_t base_state_ = 0;
  double keep_ = 0.0;
  bool blended_ = false;
};

// ---------------------------------------------------------------------------
// Character tables.

struct CharTables {
  std::vector<char32_t> traditional;  // BMP: simplified -> traditional or 0
  std::vector<char32_t> typo;         // BMP: correct -> mistyped or 0
};

const CharTables& Tables() {
  static const CharTables* tables = [] {
    auto* t = new CharTables{std::vector<char32_t>(0x10000, 0),
                             std::vector<char32_t>(0x10000, 0)};
    const auto fill = [](absl::Span<const absl::string_view> pairs,
                         std::vector<char32_t>& table) {
      for (absl::string_view pair : pairs) {
        const std::u32string cps = textsim_internal::DecodeUtf8Lossy(pair);
        if (cps.size() == 2 && cps[0] < 0x10000) table[cps[0]] = cps[1];
      }
    };
    fill(textsim_internal::SimplifiedTraditionalPairs(), t->traditional);
    fill(textsim_internal::TypoPairs(), t->typo);
    return t;
  }();
  return *tables;
}

// absl::string_view is not std::string_view in this Abseil build, so
// std::string::append does not take it.
void Put(std::string& out, absl::string_view s) {
  out.append(s.data(), s.size());
}

bool IsIdeograph(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

// ---------------------------------------------------------------------------
// Templates, parsed once.

enum class Slot {
  kNone,
  kDistrict,
  kYear,
  kQuarter,
  kSubject,
  kDocument,
  kAgency,
  kReference
};

struct Piece {
  enum class Kind { kText, kSlot, kOptionalBegin, kOptionalEnd } kind;
  absl::string_view text;  // kText
  Slot slot = Slot::kNone;
};
using ParsedTemplate = std::vector<Piece>;

Slot SlotNamed(char c) {
  switch (c) {
    case 'D':
      return Slot::kDistrict;
    case 'Y':
      return Slot::kYear;
    case 'Q':
      return Slot::kQuarter;
    case 'S':
      return Slot::kSubject;
    case 'T':
      return Slot::kDocument;
    case 'A':
      return Slot::kAgency;
    case 'R':
      return Slot::kReference;
    default:
      return Slot::kNone;
  }
}

ParsedTemplate Parse(absl::string_view text) {
  ParsedTemplate out;
  size_t literal = 0;
  const auto flush = [&](size_t end) {
    if (end > literal) {
      out.push_back({Piece::Kind::kText, text.substr(literal, end - literal)});
    }
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '{' && i + 2 < text.size() && text[i + 2] == '}') {
      flush(i);
      out.push_back({Piece::Kind::kSlot, {}, SlotNamed(text[i + 1])});
      i += 2;
      literal = i + 1;
    } else if (c == '[' || c == ']') {
      flush(i);
      out.push_back(
          {c == '[' ? Piece::Kind::kOptionalBegin : Piece::Kind::kOptionalEnd,
           {}});
      literal = i + 1;
    }
  }
  flush(text.size());
  return out;
}

const std::vector<std::vector<ParsedTemplate>>& ParsedTemplates() {
  static const auto* parsed = [] {
    auto* all = new std::vector<std::vector<ParsedTemplate>>();
    for (const Topic& topic : textsim_internal::Topics()) {
      auto& mine = all->emplace_back();
      for (absl::string_view t : topic.templates) mine.push_back(Parse(t));
    }
    return all;
  }();
  return *parsed;
}

// ---------------------------------------------------------------------------
// What one request asks for. Paraphrases share it; noise changes it.

struct RequestSpec {
  int topic = 0;
  uint64_t subject = 0;  // index in the topic's subject space
  int concept = 0;
  int agency = 0;  // agency group of the topic
  int district = 0;
  int year = 2023;
  int quarter = 1;  // 食品抽检 only
};

// Subject spaces are products of small tables ("radices"); a subject index
// is scrambled by an odd multiplier modulo the space size (a bijection, so
// the first `capacity` indices give distinct subjects) and cut into digits.
class Digits {
 public:
  // 2654435761 is prime and larger than no capacity used here divides, so
  // the multiplication is a bijection modulo `capacity`.
  Digits(uint64_t index, uint64_t capacity)
      : value_(static_cast<uint64_t>(
            (static_cast<unsigned __int128>(index % capacity) * 2654435761ULL +
             40503) %
            capacity)) {}
  uint32_t Take(size_t radix) {
    const auto d = static_cast<uint32_t>(value_ % radix);
    value_ /= radix;
    return d;
  }

 private:
  uint64_t value_;
};

constexpr std::array<absl::string_view, 3> kRoadTypes = {"", "路", "街"};
constexpr std::array<absl::string_view, 8> kSegments = {
    "", "东段", "西段", "南段", "北段", "一期", "二期", "三期"};
// {full, short} names.
using NamePair = std::array<absl::string_view, 2>;
constexpr std::array<NamePair, 10> kRenewalKinds = {{
    {"棚户区改造项目", "棚改项目"},
    {"旧城改造项目", "旧改项目"},
    {"城中村改造项目", "城中村改造"},
    {"老旧小区改造工程", "老旧小区改造"},
    {"道路拓宽工程", "拓宽工程"},
    {"地铁站点建设项目", "地铁站建设项目"},
    {"安置房建设项目", "安置房项目"},
    {"综合管廊工程", "管廊工程"},
    {"河道整治工程", "河道整治项目"},
    {"片区更新改造项目", "片区更新项目"},
}};
constexpr std::array<NamePair, 12> kFacilities = {{
    {"垃圾焚烧发电厂", "垃圾焚烧厂"},
    {"污水处理厂", "污水厂"},
    {"220千伏变电站", "220kV变电站"},
    {"化工园区", "化工产业园"},
    {"水泥厂技改项目", "水泥厂技术改造项目"},
    {"危险废物处置中心", "危废处置中心"},
    {"数据中心项目", "大数据中心项目"},
    {"医疗废物处置站", "医废处置站"},
    {"混凝土搅拌站", "搅拌站"},
    {"生猪养殖场", "养猪场"},
    {"光伏电站", "光伏发电项目"},
    {"再生资源回收站", "废品回收站"},
}};
constexpr std::array<absl::string_view, 4> kPhases = {"", "二期", "扩建项目",
                                                      "（一期）"};
constexpr std::array<absl::string_view, 30> kBrands = {
    "鑫", "源", "达", "盛", "通", "恒", "泰", "联", "诚", "信",
    "汇", "博", "瑞", "祥", "丰", "宏", "兴", "成", "安", "华",
    "美", "佳", "利", "新", "科", "创", "捷", "凯", "德", "嘉"};
constexpr std::array<absl::string_view, 15> kIndustries = {
    "餐饮管理", "建材",     "物业服务", "房地产开发", "食品",
    "医药连锁", "建筑工程", "商贸",     "汽车销售",   "教育咨询",
    "环保科技", "物流",     "化工",     "装饰工程",   "超市"};
constexpr std::array<NamePair, 10> kBudgetUnits = {{
    {"街道办事处", "街道"},
    {"镇人民政府", "镇政府"},
    {"社区卫生服务中心", "社区医院"},
    {"文化馆", "文化馆"},
    {"图书馆", "图书馆"},
    {"疾病预防控制中心", "疾控中心"},
    {"城市管理执法大队", "城管大队"},
    {"社会福利院", "福利院"},
    {"水务所", "水务所"},
    {"退役军人服务站", "退役军人服务站"},
}};
constexpr std::array<NamePair, 14> kTenderWorks = {{
    {"小学新建工程", "小学新建项目"},
    {"中学改扩建工程", "中学扩建工程"},
    {"人民医院门诊楼建设工程", "人民医院门诊楼工程"},
    {"体育公园建设工程", "体育公园项目"},
    {"污水管网改造工程", "污水管网改造项目"},
    {"道路提升改造工程", "道路改造工程"},
    {"河道综合治理工程", "河道治理工程"},
    {"公租房建设项目", "公租房项目"},
    {"文化中心建设工程", "文化中心工程"},
    {"智慧城市平台建设项目", "智慧城市项目"},
    {"老旧管网更新工程", "管网更新工程"},
    {"路灯节能改造工程", "路灯改造工程"},
    {"社区服务中心建设工程", "社区服务中心工程"},
    {"立体停车场建设项目", "停车场项目"},
}};
constexpr std::array<absl::string_view, 5> kLots = {"", "一标段", "二标段",
                                                    "施工总承包", "监理服务"};
constexpr std::array<NamePair, 10> kSchools = {{
    {"小学", "小学"},
    {"实验小学", "实小"},
    {"第一小学", "一小"},
    {"第二小学", "二小"},
    {"中心小学", "中心小学"},
    {"中学", "中学"},
    {"实验中学", "实验中学"},
    {"外国语学校", "外国语学校"},
    {"九年一贯制学校", "九年制学校"},
    {"第三中学", "三中"},
}};
constexpr std::array<absl::string_view, 3> kRoadNames = {"路", "街", "大道"};
constexpr std::array<absl::string_view, 4> kRoadWorks = {
    "", "拓宽工程", "新建工程", "改造工程"};
constexpr std::array<NamePair, 8> kMarkets = {{
    {"农贸市场", "菜市场"},
    {"生鲜超市", "超市"},
    {"中心菜市场", "中心市场"},
    {"学校食堂", "食堂"},
    {"美食街", "小吃街"},
    {"农产品批发市场", "批发市场"},
    {"购物中心", "商场"},
    {"水产市场", "水产批发市场"},
}};
constexpr std::array<absl::string_view, 6> kEstates = {"小区", "家园", "花园",
                                                       "新村", "苑",   "公寓"};
constexpr std::array<NamePair, 12> kMatters = {{
    {"噪音扰民", "噪声扰民"},
    {"违章搭建", "私搭乱建"},
    {"物业收费", "物业乱收费"},
    {"冬季供暖不达标", "供暖温度不达标"},
    {"餐饮油烟扰民", "油烟扰民"},
    {"电梯故障", "电梯频繁故障"},
    {"地下室渗水", "地下室漏水"},
    {"停车位分配", "车位分配"},
    {"垃圾站选址", "垃圾中转站选址"},
    {"基站辐射", "通信基站辐射"},
    {"施工夜间作业", "夜间施工扰民"},
    {"消防通道堵塞", "消防通道被占"},
}};
constexpr std::array<absl::string_view, 9> kEstateProjects = {
    "花园", "家园",       "华庭",   "府",      "公馆",
    "雅苑", "商业综合体", "科技园", "安置小区"};
constexpr std::array<absl::string_view, 5> kEstatePhases = {"", "一期", "二期",
                                                            "三期", "B区"};
constexpr std::array<absl::string_view, 6> kParcelSides = {
    "东侧", "西侧", "南侧", "北侧", "片区", "组团"};
constexpr std::array<absl::string_view, 3> kParcelRoads = {"", "路", "大道"};
constexpr std::array<absl::string_view, 3> kMeetingForms = {
    "研究{}的专题会议", "{}专题会", "{}推进会"};
constexpr std::array<NamePair, 4> kVillages = {{
    {"村", "村民委员会"},
    {"社区", "社区居委会"},
    {"镇", "镇"},
    {"街道", "街道"},
}};
constexpr std::array<absl::string_view, 5> kBuildingWorks = {
    "顶层加建", "楼顶违建", "院内违章建筑", "一层扩建商铺", "阳台外扩"};
constexpr std::array<NamePair, 8> kClinics = {{
    {"社区卫生服务中心", "社区医院"},
    {"中医医院", "中医院"},
    {"口腔门诊部", "口腔诊所"},
    {"妇幼保健院", "妇幼保健医院"},
    {"康复医院", "康复中心"},
    {"医疗美容诊所", "医美诊所"},
    {"骨科医院", "骨伤医院"},
    {"眼科医院", "眼科中心"},
}};

// Place-name spaces: PlaceHeads x PlaceTails (x PlaceEnds). Large, because
// in a million applications a small space would make names recur in
// unrelated requests far more than real names do.
uint64_t Places2() {
  return textsim_internal::PlaceHeads().size() *
         textsim_internal::PlaceTails().size();
}
uint64_t Places3() { return Places2() * textsim_internal::PlaceEnds().size(); }
constexpr uint64_t kBrands2 = 30 * 30;  // kBrands x kBrands

void AppendPlace2(uint64_t index, std::string& out) {
  const auto heads = textsim_internal::PlaceHeads();
  const auto tails = textsim_internal::PlaceTails();
  absl::StrAppend(&out, heads[index % heads.size()],
                  tails[(index / heads.size()) % tails.size()]);
}

void AppendPlace3(uint64_t index, std::string& out) {
  const auto ends = textsim_internal::PlaceEnds();
  AppendPlace2(index, out);
  Put(out, ends[(index / Places2()) % ends.size()]);
}

void AppendBrand(uint64_t index, std::string& out) {
  absl::StrAppend(&out, kBrands[index % kBrands.size()],
                  kBrands[(index / kBrands.size()) % kBrands.size()]);
}

absl::string_view Name(const NamePair& names, Rng& rng, double short_rate) {
  return rng.Chance(short_rate) ? names[1] : names[0];
}

// Writes the subject of `spec` in one of its forms. The parts that identify
// it come from the scrambled subject index; parts that only decorate (the
// township of a village, the far end of a road) from its hash.
void AppendSubject(const RequestSpec& spec, SubjectKind kind, Rng& rng,
                   std::string& out) {
  const uint64_t h = textsim_internal::Fmix64(spec.subject ^ 0x5ab1ec7ULL);
  switch (kind) {
    case SubjectKind::kRenewalProject: {
      static constexpr std::array<absl::string_view, 3> kTownships = {
          "乡", "镇", "街道"};
      Digits d(spec.subject,
               Places3() * kRenewalKinds.size() * kSegments.size());
      const uint64_t village = d.Take(Places3());
      const NamePair& works = kRenewalKinds[d.Take(kRenewalKinds.size())];
      const absl::string_view segment = kSegments[d.Take(kSegments.size())];
      const double form = rng.Unit();
      if (form < 0.5) {
        AppendPlace2(h % Places2(), out);
        Put(out, kTownships[(h >> 32) % kTownships.size()]);
        AppendPlace3(village, out);
        absl::StrAppend(&out, segment, works[0]);
      } else if (form < 0.75) {
        AppendPlace3(village, out);
        absl::StrAppend(&out, segment, works[1]);
      } else {
        AppendPlace3(village, out);
        Put(out, works[0]);
        if (!segment.empty()) absl::StrAppend(&out, "（", segment, "）");
      }
      return;
    }
    case SubjectKind::kFacility: {
      Digits d(spec.subject, Places3() * kFacilities.size() * kPhases.size());
      AppendPlace3(d.Take(Places3()), out);
      absl::StrAppend(&out,
                      Name(kFacilities[d.Take(kFacilities.size())], rng, 0.3),
                      kPhases[d.Take(kPhases.size())]);
      return;
    }
    case SubjectKind::kCompany: {
      Digits d(spec.subject, Places2() * kBrands2 * kIndustries.size());
      const uint64_t place = d.Take(Places2());
      const uint64_t brand = d.Take(kBrands2);
      const absl::string_view industry =
          kIndustries[d.Take(kIndustries.size())];
      const double form = rng.Unit();
      if (form < 0.75) AppendPlace2(place, out);
      AppendBrand(brand, out);
      absl::StrAppend(&out, industry,
                      form < 0.55 || form >= 0.75 ? "有限公司" : "公司");
      return;
    }
    case SubjectKind::kBudgetUnit: {
      Digits d(spec.subject, Places3() * kBudgetUnits.size());
      AppendPlace3(d.Take(Places3()), out);
      Put(out, Name(kBudgetUnits[d.Take(kBudgetUnits.size())], rng, 0.3));
      return;
    }
    case SubjectKind::kTenderProject: {
      Digits d(spec.subject, Places3() * kTenderWorks.size() * kLots.size());
      AppendPlace3(d.Take(Places3()), out);
      absl::StrAppend(&out,
                      Name(kTenderWorks[d.Take(kTenderWorks.size())], rng, 0.3),
                      kLots[d.Take(kLots.size())]);
      return;
    }
    case SubjectKind::kSchool: {
      Digits d(spec.subject, Places2() * kRoadTypes.size() * kSchools.size());
      AppendPlace2(d.Take(Places2()), out);
      absl::StrAppend(&out, kRoadTypes[d.Take(kRoadTypes.size())],
                      Name(kSchools[d.Take(kSchools.size())], rng, 0.25));
      return;
    }
    case SubjectKind::kRoad: {
      Digits d(spec.subject,
               Places2() * kRoadNames.size() * Places2() * kRoadWorks.size());
      const uint64_t main = d.Take(Places2());
      const absl::string_view road = kRoadNames[d.Take(kRoadNames.size())];
      const uint64_t from = d.Take(Places2());
      const absl::string_view works = kRoadWorks[d.Take(kRoadWorks.size())];
      AppendPlace2(main, out);
      Put(out, road);
      const double form = rng.Unit();
      if (form < 0.8) {
        const bool parens = form < 0.5;
        Put(out, parens ? "（" : "");
        AppendPlace2(from, out);
        Put(out, "路至");
        AppendPlace2(h % Places2(), out);
        Put(out, parens ? "路段）" : "路段");
      }
      Put(out, works);
      return;
    }
    case SubjectKind::kMarket: {
      Digits d(spec.subject, Places3() * kMarkets.size());
      AppendPlace3(d.Take(Places3()), out);
      Put(out, Name(kMarkets[d.Take(kMarkets.size())], rng, 0.3));
      return;
    }
    case SubjectKind::kPetition: {
      static constexpr std::array<absl::string_view, 4> kEstatePhases4 = {
          "", "一期", "二期", "三期"};
      Digits d(spec.subject, Places2() * kEstates.size() *
                                 kEstatePhases4.size() * kMatters.size());
      AppendPlace2(d.Take(Places2()), out);
      absl::StrAppend(&out, kEstates[d.Take(kEstates.size())],
                      kEstatePhases4[d.Take(kEstatePhases4.size())]);
      const absl::string_view matter =
          Name(kMatters[d.Take(kMatters.size())], rng, 0.3);
      const double form = rng.Unit();
      if (form < 0.5) {
        absl::StrAppend(&out, matter, "问题");
      } else if (form < 0.8) {
        Put(out, matter);
      } else {
        absl::StrAppend(&out, "的", matter, "问题");
      }
      return;
    }
    case SubjectKind::kEstateProject: {
      Digits d(spec.subject,
               Places3() * kEstateProjects.size() * kEstatePhases.size());
      AppendPlace3(d.Take(Places3()), out);
      absl::StrAppend(&out, kEstateProjects[d.Take(kEstateProjects.size())],
                      kEstatePhases[d.Take(kEstatePhases.size())],
                      rng.Chance(0.4) ? "项目" : "");
      return;
    }
    case SubjectKind::kLandParcel: {
      Digits d(spec.subject,
               Places2() * kParcelRoads.size() * kParcelSides.size() * 30);
      AppendPlace2(d.Take(Places2()), out);
      absl::StrAppend(&out, kParcelRoads[d.Take(kParcelRoads.size())],
                      kParcelSides[d.Take(kParcelSides.size())], 1 + d.Take(30),
                      "号地块");
      return;
    }
    case SubjectKind::kMeeting: {
      Digits d(spec.subject, Places3() * kRenewalKinds.size());
      std::string topic;
      AppendPlace3(d.Take(Places3()), topic);
      Put(topic, kRenewalKinds[d.Take(kRenewalKinds.size())][0]);
      const absl::string_view form = rng.Pick(
          absl::MakeConstSpan(kMeetingForms.data(), kMeetingForms.size()));
      const size_t hole = form.find("{}");
      absl::StrAppend(&out, form.substr(0, hole), topic, form.substr(hole + 2));
      return;
    }
    case SubjectKind::kVillage: {
      Digits d(spec.subject, Places3() * kVillages.size());
      AppendPlace3(d.Take(Places3()), out);
      Put(out, Name(kVillages[d.Take(kVillages.size())], rng, 0.3));
      return;
    }
    case SubjectKind::kBusRoute: {
      Digits d(spec.subject, 999 * Places2());
      const uint32_t number = 1 + d.Take(999);
      const uint64_t from = d.Take(Places2());
      const double form = rng.Unit();
      absl::StrAppend(&out, number, "路公交");
      if (form < 0.15) {
        Put(out, "线路");
        return;
      }
      Put(out, form < 0.6 ? "车（" : "线路（");
      AppendPlace2(from, out);
      Put(out, form < 0.6 ? "至" : "—");
      AppendPlace2(h % Places2(), out);
      Put(out, "）");
      return;
    }
    case SubjectKind::kIllegalBuilding: {
      Digits d(spec.subject,
               Places2() * kEstates.size() * 40 * kBuildingWorks.size());
      AppendPlace2(d.Take(Places2()), out);
      absl::StrAppend(&out, kEstates[d.Take(kEstates.size())], 1 + d.Take(40),
                      "号楼", kBuildingWorks[d.Take(kBuildingWorks.size())]);
      return;
    }
    case SubjectKind::kClinic: {
      Digits d(spec.subject, Places3() * kClinics.size());
      AppendPlace3(d.Take(Places3()), out);
      Put(out, Name(kClinics[d.Take(kClinics.size())], rng, 0.3));
      return;
    }
  }
}

// The reference number of the request, or nothing if its kind has none.
void AppendReference(const RequestSpec& spec, SubjectKind kind, Rng& rng,
                     std::string& out) {
  const uint64_t h = textsim_internal::Fmix64(spec.subject * 31 + spec.topic);
  switch (kind) {
    case SubjectKind::kCompany: {
      static constexpr std::array<
          std::pair<absl::string_view, absl::string_view>, 3>
          kBrackets = {{{"〔", "〕"}, {"[", "]"}, {"（", "）"}}};
      const auto& [open, close] = kBrackets[rng.Below(kBrackets.size())];
      absl::StrAppend(&out, "罚字", open, spec.year, close, 1 + h % 997, "号");
      return;
    }
    case SubjectKind::kTenderProject:
      absl::StrAppend(&out, "ZB", spec.year, "-", 1000 + h % 9000);
      return;
    case SubjectKind::kEstateProject:
      absl::StrAppend(&out, "地块编号DK", spec.year, "-", 10 + h % 90);
      return;
    case SubjectKind::kLandParcel:
      absl::StrAppend(&out, spec.year, "-", 1 + h % 99, "号");
      return;
    default:
      return;
  }
}

bool HasReference(SubjectKind kind) {
  return kind == SubjectKind::kCompany || kind == SubjectKind::kTenderProject ||
         kind == SubjectKind::kEstateProject ||
         kind == SubjectKind::kLandParcel;
}

constexpr std::array<absl::string_view, 10> kChineseDigits = {
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

void AppendYear(int year, Rng& rng, std::string& out) {
  const double form = rng.Unit();
  if (form < 0.45) {
    absl::StrAppend(&out, year, "年");
  } else if (form < 0.60) {
    absl::StrAppend(&out, year, "年度");
  } else if (form < 0.80) {
    const bool circle = form >= 0.75;  // ○ as most keyboards give it
    const std::string digits = absl::StrCat(year);
    for (char c : digits) {
      Put(out, c == '0' && circle ? "○" : kChineseDigits[c - '0']);
    }
    Put(out, "年");
  } else if (form < 0.98) {
    absl::StrAppend(&out, year);
  } else {
    absl::StrAppend(&out, year % 100, "年");
  }
}

void AppendQuarter(int quarter, Rng& rng, std::string& out) {
  const double form = rng.Unit();
  if (form < 0.5) {
    absl::StrAppend(&out, "第", kChineseDigits[quarter], "季度");
  } else if (form < 0.8) {
    absl::StrAppend(&out, kChineseDigits[quarter], "季度");
  } else {
    absl::StrAppend(&out, "第", quarter, "季度");
  }
}

void AppendDistrict(int index, Rng& rng, std::string& out) {
  const District& d = textsim_internal::Districts()[index];
  const double form = rng.Unit();
  if (form < 0.25) {
    absl::StrAppend(&out, d.city, d.district);
  } else if (form < 0.95) {
    Put(out, d.district);
  } else {
    // 朝阳区 -> 朝阳, 浦东新区 -> 浦东新
    Put(out, d.district.substr(0, d.district.size() - 3));
  }
}

// `rng` draws wording (names, synonyms); `notation` how the year and quarter
// are written.
void AppendSlot(Slot slot, const RequestSpec& spec, const Topic& topic,
                Rng& rng, Rng& notation, std::string& out) {
  switch (slot) {
    case Slot::kDistrict:
      AppendDistrict(spec.district, rng, out);
      return;
    case Slot::kYear:
      AppendYear(spec.year, notation, out);
      return;
    case Slot::kQuarter:
      AppendQuarter(spec.quarter, notation, out);
      return;
    case Slot::kSubject:
      AppendSubject(spec, topic.subject, rng, out);
      return;
    case Slot::kDocument:
      Put(out, rng.Pick(topic.concepts[spec.concept]));
      return;
    case Slot::kAgency:
      Put(out, rng.Pick(topic.agencies[spec.agency]));
      return;
    case Slot::kReference:
      AppendReference(spec, topic.subject, rng, out);
      return;
    case Slot::kNone:
      return;
  }
}

// The request sentence of one template.
void AppendBody(const RequestSpec& spec, Rng& rng, Rng& notation,
                std::string& out) {
  const Topic& topic = textsim_internal::Topics()[spec.topic];
  const ParsedTemplate& pieces = rng.Pick(ParsedTemplates()[spec.topic]);
  bool skipping = false;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Piece& piece = pieces[i];
    switch (piece.kind) {
      case Piece::Kind::kOptionalBegin: {
        bool has_reference = false;
        for (size_t j = i + 1;
             j < pieces.size() && pieces[j].kind != Piece::Kind::kOptionalEnd;
             ++j) {
          has_reference |= pieces[j].slot == Slot::kReference;
        }
        // Applicants leave out what the agency already knows (its own name,
        // sometimes the year) about one time in five.
        skipping =
            (has_reference && !HasReference(topic.subject)) || rng.Chance(0.2);
        break;
      }
      case Piece::Kind::kOptionalEnd:
        skipping = false;
        break;
      case Piece::Kind::kText:
        if (!skipping) Put(out, piece.text);
        break;
      case Piece::Kind::kSlot:
        if (!skipping) {
          AppendSlot(piece.slot, spec, topic, rng, notation, out);
        }
        break;
    }
  }
}

// ---------------------------------------------------------------------------
// Surface noise: typos, spaces, traditional characters, full width.

void AddTypo(std::u32string& text, Rng& rng) {
  if (text.size() < 4) return;
  const CharTables& tables = Tables();
  for (int attempt = 0; attempt < 8; ++attempt) {
    const size_t i = rng.Below(text.size() - 1);
    if (!IsIdeograph(text[i])) continue;
    const double kind = rng.Unit();
    if (kind < 0.4) {
      const char32_t typo = tables.typo[text[i]];
      if (typo == 0) continue;
      text[i] = typo;
    } else if (kind < 0.7) {
      if (!IsIdeograph(text[i + 1])) continue;
      std::swap(text[i], text[i + 1]);
    } else {
      text.erase(i, 1);
    }
    return;
  }
}

void AddSpaces(std::u32string& text, Rng& rng) {
  const int spaces = 1 + static_cast<int>(rng.Below(2));
  for (int s = 0; s < spaces && !text.empty(); ++s) {
    text.insert(text.begin() + rng.Below(text.size()),
                rng.Chance(0.5) ? U' ' : U'　');
  }
}

void ToTraditionalInPlace(std::u32string& text) {
  const CharTables& tables = Tables();
  for (char32_t& c : text) {
    if (c < 0x10000 && tables.traditional[c] != 0) c = tables.traditional[c];
  }
}

void ToFullWidth(std::u32string& text) {
  for (char32_t& c : text) {
    if (c > 0x20 && c < 0x7F) c += 0xFEE0;  // ! .. ~ -> ！ .. ～
  }
}

std::string Perturb(std::string text, Rng& rng,
                    const ApplicationGeneratorOptions& options) {
  const bool typo = rng.Chance(options.typo_rate);
  const bool second_typo = typo && rng.Chance(0.1);
  const bool spaces = rng.Chance(0.08);
  const bool traditional = rng.Chance(options.traditional_rate);
  const bool full_width = rng.Chance(options.full_width_rate);
  if (!typo && !spaces && !traditional && !full_width) return text;
  std::u32string cps = textsim_internal::DecodeUtf8Lossy(text);
  if (typo) AddTypo(cps, rng);
  if (second_typo) AddTypo(cps, rng);
  if (spaces) AddSpaces(cps, rng);
  if (traditional) ToTraditionalInPlace(cps);
  if (full_width) ToFullWidth(cps);
  return textsim_internal::EncodeUtf8(cps);
}

// One application asking for `spec`: the request itself worded by `wording`;
// boilerplate, the way dates are written and surface noise from `rng`.
std::string Render(const RequestSpec& spec, Rng& wording, Rng& rng,
                   const ApplicationGeneratorOptions& options) {
  std::string text;
  text.reserve(160);
  Put(text, rng.Pick(textsim_internal::RequestOpenings()));
  const bool framed = rng.Chance(0.1);  // 关于…的相关信息
  if (framed) Put(text, "关于");
  AppendBody(spec, wording, rng, text);
  if (framed) Put(text, "的相关信息");
  if (rng.Chance(0.15)) {
    Put(text, rng.Pick(textsim_internal::RequestPurposes()));
  }
  Put(text, rng.Pick(textsim_internal::RequestClosings()));
  return Perturb(std::move(text), rng, options);
}

// ---------------------------------------------------------------------------
// Groups and noise.

struct GroupRecord {
  RequestSpec spec;
  uint32_t used_concepts = 0;  // bit per concept asked for so far
};

int GroupSize(Rng& rng) {
  const double u = rng.Unit();
  if (u < 0.45) return 2;
  if (u < 0.65) return 3;
  if (u < 0.80) return 4 + static_cast<int>(rng.Below(3));
  if (u < 0.92) return 7 + static_cast<int>(rng.Below(9));
  if (u < 0.98) return 16 + static_cast<int>(rng.Below(25));
  return 41 + static_cast<int>(rng.Below(40));
}

class Generator {
 public:
  Generator(uint64_t seed, const ApplicationGeneratorOptions& options)
      : rng_(seed ^ 0x7465787473696dULL),  // "textsim"
        options_(options),
        next_subject_(textsim_internal::Topics().size(), 0) {}

  std::vector<LabelledApplication> Run(int count) {
    std::vector<LabelledApplication> out;
    out.reserve(count);
    size_t noise = 0;
    while (out.size() < static_cast<size_t>(count)) {
      const size_t remaining = count - out.size();
      if (static_cast<double>(noise) <
              options_.noise_fraction * static_cast<double>(out.size() + 1) ||
          remaining == 1) {
        const RequestSpec spec = NoiseSpec();
        out.push_back({0, Render(spec, rng_, rng_, options_), kNoiseGroup});
        ++noise;
        continue;
      }
      const int size = std::min(GroupSize(rng_), static_cast<int>(remaining));
      const auto group = static_cast<int64_t>(groups_.size());
      groups_.push_back({FreshSpec(), 0});
      groups_.back().used_concepts = 1u << groups_.back().spec.concept;
      const uint64_t group_wording = rng_.Next();
      for (int m = 0; m < size; ++m) {
        // Some members copy the group's text almost verbatim, others reword
        // it more; the larger the group, the more of it is copying (that is
        // how a request spreads to dozens of applicants).
        const double floor =
            options_.shared_wording + (1.0 - options_.shared_wording) * 0.5 *
                                          std::min(1.0, (size - 2) / 40.0);
        const double keep = floor + (1.0 - floor) * rng_.Unit();
        Rng wording(rng_.Next(), group_wording, keep);
        out.push_back(
            {0, Render(groups_.back().spec, wording, rng_, options_), group});
      }
    }
    // Fisher-Yates, then ids in output order.
    for (size_t i = out.size(); i > 1; --i) {
      std::swap(out[i - 1], out[rng_.Below(i)]);
    }
    for (size_t i = 0; i < out.size(); ++i) {
      out[i].id = static_cast<int64_t>(i + 1);
    }
    return out;
  }

 private:
  RequestSpec FreshSpec() {
    const auto& topics = textsim_internal::Topics();
    RequestSpec spec;
    spec.topic = static_cast<int>(rng_.Below(topics.size()));
    const Topic& topic = topics[spec.topic];
    spec.subject = next_subject_[spec.topic]++;
    spec.concept = static_cast<int>(rng_.Below(topic.concepts.size()));
    spec.agency = static_cast<int>(rng_.Below(topic.agencies.size()));
    spec.district =
        static_cast<int>(rng_.Below(textsim_internal::Districts().size()));
    spec.year = 2016 + static_cast<int>(rng_.Below(10));
    spec.quarter = 1 + static_cast<int>(rng_.Below(4));
    return spec;
  }

  RequestSpec NoiseSpec() {
    const double kind = rng_.Unit();
    if (groups_.empty()) return FreshSpec();
    if (kind < options_.same_request_other_subject) {
      RequestSpec spec = rng_.Pick(groups_).spec;
      spec.subject = next_subject_[spec.topic]++;
      return spec;
    }
    if (kind < options_.same_request_other_subject +
                   options_.same_subject_other_request) {
      GroupRecord& group = groups_[rng_.Below(groups_.size())];
      const size_t concepts =
          textsim_internal::Topics()[group.spec.topic].concepts.size();
      for (size_t c = 0; c < concepts; ++c) {
        if ((group.used_concepts & (1u << c)) == 0) {
          group.used_concepts |= 1u << c;
          RequestSpec spec = group.spec;
          spec.concept = static_cast<int>(c);
          return spec;
        }
      }
    }
    return FreshSpec();
  }

  Rng rng_;
  const ApplicationGeneratorOptions options_;
  std::vector<uint64_t> next_subject_;  // per topic
  std::vector<GroupRecord> groups_;
};

}  // namespace

std::vector<LabelledApplication> GenerateApplications(
    int count, uint64_t seed, const ApplicationGeneratorOptions& options) {
  if (count <= 0) return {};
  return Generator(seed, options).Run(count);
}

std::string ToTraditional(const std::string& text) {
  std::u32string cps = textsim_internal::DecodeUtf8Lossy(text);
  ToTraditionalInPlace(cps);
  return textsim_internal::EncodeUtf8(cps);
}

}  // namespace foi::testing
