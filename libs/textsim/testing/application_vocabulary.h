// The vocabulary of the labelled application generator: topics of real OGI
// requests, each with the information one can ask for (as synonym sets), the
// agency asked, and sentence templates; plus districts, place-name parts and
// the simplified -> traditional table used to write some applications in
// traditional characters.
//
// Template syntax: literal text with slots {D} district, {Y} year, {Q}
// quarter, {S} subject (project, company, school ...), {T} the document
// asked for, {A} agency, {R} reference number; [ ... ] is an optional part
// (kept four times in five, dropped when a slot in it is empty).
//
// Thread safety: constant data.
#ifndef FOI_LIBS_TEXTSIM_TESTING_APPLICATION_VOCABULARY_H_
#define FOI_LIBS_TEXTSIM_TESTING_APPLICATION_VOCABULARY_H_

#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace foi::textsim_internal {

// What a request is about; decides how the {S} and {R} slots are written.
enum class SubjectKind {
  kRenewalProject,   // 滨江路东段棚户区改造项目
  kFacility,         // 青湖垃圾焚烧发电厂
  kCompany,          // 金溪鑫源建材有限公司
  kBudgetUnit,       // 青湖街道办事处
  kTenderProject,    // 望山小学新建工程一标段
  kSchool,           // 石桥实验小学
  kRoad,             // 长安路（桃源路至青湖街段）
  kMarket,           // 白沙农贸市场
  kPetition,         // 青湖花园噪音扰民问题
  kEstateProject,    // 金溪华庭二期
  kLandParcel,       // 望山路东侧地块
  kMeeting,          // 研究青湖片区更新改造项目的专题会议
  kVillage,          // 青湖村
  kBusRoute,         // 312路公交线路
  kIllegalBuilding,  // 青湖家园7号楼顶层加建
  kClinic,           // 青湖社区卫生服务中心
};

struct Topic {
  absl::string_view name;  // for humans reading failures
  SubjectKind subject;
  // Each concept is one piece of information, written in any of its
  // synonyms. Paraphrases of one request keep the concept; a request for a
  // different concept about the same subject is different information.
  std::vector<std::vector<absl::string_view>> concepts;
  // Each inner list is one agency under its different names.
  std::vector<std::vector<absl::string_view>> agencies;
  std::vector<absl::string_view> templates;
};

const std::vector<Topic>& Topics();

struct District {
  absl::string_view city;      // 北京市
  absl::string_view district;  // 朝阳区
};
absl::Span<const District> Districts();

// Two-character place names are PlaceHeads() x PlaceTails() (青 + 湖 =
// 青湖); three-character ones, as villages and localities are named, add one
// of PlaceEnds() (青湖 + 屯 = 青湖屯).
absl::Span<const absl::string_view> PlaceHeads();
absl::Span<const absl::string_view> PlaceTails();
absl::Span<const absl::string_view> PlaceEnds();

// Ways applicants open and close a request, and what they add.
absl::Span<const absl::string_view> RequestOpenings();
absl::Span<const absl::string_view> RequestClosings();
absl::Span<const absl::string_view> RequestPurposes();

// Pairs of (simplified, traditional) single characters; every traditional
// character maps back to its simplified one under ICU Traditional-Simplified.
absl::Span<const absl::string_view> SimplifiedTraditionalPairs();

// Pairs of (correct, mistyped) characters: homophones and look-alikes.
absl::Span<const absl::string_view> TypoPairs();

}  // namespace foi::textsim_internal

#endif  // FOI_LIBS_TEXTSIM_TESTING_APPLICATION_VOCABULARY_H_
