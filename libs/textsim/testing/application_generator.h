// Labelled applications for government information, for the quality gate of
// textsim's clustering and for benchmarks (up to millions of rows).
//
// Requests are built from templates x slots over 16 topics of real OGI
// requests (征收补偿方案, 环评报告, 行政处罚决定书, 部门预算, 招投标, 学区划分,
// 道路规划, 食品抽检, 信访处理, 规划许可, 土地出让, 会议纪要, 补贴名单,
// 公交线路, 违建拆除, 医疗机构): a district, a year, a subject (project,
// facility, company, school, market ... with names from large place-name
// inventories), the document asked for and the agency asked.
//
// Applications come in paraphrase groups: every member asks for the same
// information (same subject, document, agency, district, year). Members
// reword a common text (see ApplicationGeneratorOptions::shared_wording):
// another sentence with the slots in another order, synonyms for the
// document (环评报告 / 环境影响评价报告书), other names of the agency
// (卫健委 / 卫生健康委员会 / 卫生健康部门) and of the subject (棚改项目 /
// 棚户区改造项目), the agency or the year left out; and on top, their own
// boilerplate (申请公开, 请提供, 关于…的相关信息, a purpose or delivery note),
// their own way of writing the year (2023年 / 2023年度 / 二〇二三年 / 二○二三年
// / 2023), traditional characters, full-width digits and letters, stray
// spaces, and typos (a homophone, two characters transposed, one dropped).
// Group sizes are skewed as real ones are: most groups have 2-3 members, a
// few 41-80; larger groups copy more (that is how a request spreads).
//
// Noise applications (group kNoiseGroup) ask for information nobody else in
// the batch asks for, in the same vocabulary: a new subject of a random
// topic; a new subject with the same topic, district, year, document and
// agency as an existing group (another company's penalty decision); or the
// same subject as an existing group with another document (the project's
// valuation report rather than its compensation plan). Any pair involving
// noise is a false match.
//
// Subjects are distinct within a topic for at least the first 780,000
// groups and noise applications of that topic (schools have the smallest
// name space); beyond that, many millions of rows, they repeat.
//
// Deterministic: the same (count, seed, options) gives the same applications
// on every machine (SplitMix64, no std:: distributions). About 1,000,000
// applications per second.
//
// Thread safety: pure functions.
#ifndef FOI_LIBS_TEXTSIM_TESTING_APPLICATION_GENERATOR_H_
#define FOI_LIBS_TEXTSIM_TESTING_APPLICATION_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

namespace foi::testing {

inline constexpr int64_t kNoiseGroup = -1;

struct LabelledApplication {
  int64_t id = 0;               // 1..count, in output order
  std::string text;             // UTF-8
  int64_t group = kNoiseGroup;  // paraphrase group (0, 1, ...) or noise
};

struct ApplicationGeneratorOptions {
  // Share of applications that are noise. Default: 0.3.
  double noise_fraction = 0.3;
  // Shares of noise that reuse an existing group's topic, district, year,
  // document and agency with another subject, and that reuse its subject
  // with another document. The rest is entirely fresh. Defaults: 0.2, 0.1.
  double same_request_other_subject = 0.2;
  double same_subject_other_request = 0.1;
  // Applicants asking for the same information reword a common text (a
  // notice, a neighbour's request): each member keeps each wording choice of
  // the group's text - sentence, synonyms, name forms, what is left out - with
  // a probability drawn uniformly from [f, 1), where f is shared_wording for
  // groups of two and rises to halfway between it and 1 for groups of 42 or
  // more. Boilerplate, the way dates are written and the surface noise below
  // are the member's own. Default: 0.6.
  double shared_wording = 0.6;
  // Per application: written in traditional characters; digits and letters
  // full-width; at least one typo (a tenth of those have two). Defaults:
  // 0.12, 0.15, 0.15.
  double traditional_rate = 0.12;
  double full_width_rate = 0.15;
  double typo_rate = 0.15;
};

// Returns `count` applications (none if count <= 0) in random order, ids 1 to
// count, generated from `seed`.
std::vector<LabelledApplication> GenerateApplications(
    int count, uint64_t seed, const ApplicationGeneratorOptions& options = {});

// Returns `text` with every character of the generator's table written in
// its traditional form (others unchanged). Exposed for tests.
std::string ToTraditional(const std::string& text);

}  // namespace foi::testing

#endif  // FOI_LIBS_TEXTSIM_TESTING_APPLICATION_GENERATOR_H_
