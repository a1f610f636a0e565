// foi-gen-applications: labelled, realistic applications for the analytics
// benchmark (scripts/lib/bench_analytics.sh), as tab-separated lines for
// LOAD DATA INFILE. Not a test: never registered with ctest.
//
//   foi-gen-applications --count=1000000 [--seed=20240601] --out=FILE
//
// The descriptions come from foi::testing::GenerateApplications (paraphrase
// groups and noise; libs/textsim/testing/application_generator.h). Each line
// is
//
//   seq  description  applicant_key  group  outcome
//
// seq: 1..count, the generator's id (the benchmark's case seq, so case ids
//   follow it and paraphrases are spread over the whole time range).
// description: the text, with backslash, tab, newline and carriage return
//   escaped as LOAD DATA expects (\\, \t, \n, \r).
// applicant_key: an identity document number (18 digits). The members of a
//   paraphrase group are distinct applicants; applicants recur across
//   groups (a pool of about a third of the count: some people ask for
//   several things). Every noise application has an applicant of its own.
// group: the paraphrase group (0, 1, ...) or -1 for noise: the labels the
//   candidates are checked against.
// outcome: the reply the case gets if it is REPLIED (rules::ReplyOutcome
//   codes). Per group: 55 % of groups disclose to every member (DISCLOSED,
//   a quarter PARTIALLY_DISCLOSED), 15 % are mixed (half DISCLOSED, the rest
//   NOT_DISCLOSED or CANNOT_PROVIDE), 30 % disclose nothing (ALREADY_PUBLIC,
//   NOT_DISCLOSED, CANNOT_PROVIDE, NOT_THIS_AGENCY). Noise is drawn per
//   application from about the same mix.
//
// Deterministic: the same count and seed give the same file. Prints one JSON
// line of counts on stdout.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "libs/common/json_writer.h"
#include "libs/textsim/testing/application_generator.h"

ABSL_FLAG(int, count, 1000000, "applications to generate");
ABSL_FLAG(uint64_t, seed, 20240601, "the generator's seed");
ABSL_FLAG(std::string, out, "", "the TSV file to write (required)");

namespace foi::bench {
namespace {

// SplitMix64's finaliser: a well-mixed 64-bit hash of `x`.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A uniform draw in [0, 100) from `salt` and `key`.
int Percent(uint64_t salt, uint64_t key) {
  return static_cast<int>(Mix(salt * 0x100000001b3ULL ^ Mix(key)) % 100);
}

const char* NoiseOutcome(int p) {
  if (p < 40) return "DISCLOSED";
  if (p < 50) return "PARTIALLY_DISCLOSED";
  if (p < 65) return "ALREADY_PUBLIC";
  if (p < 77) return "NOT_DISCLOSED";
  if (p < 93) return "CANNOT_PROVIDE";
  return "NOT_THIS_AGENCY";
}

// The reply of member `seq` of `group` (see the file comment).
const char* GroupOutcome(uint64_t seed, int64_t group, int64_t seq) {
  const int kind =
      Percent(seed ^ 0x67726f7570ULL, static_cast<uint64_t>(group));
  const int p = Percent(seed ^ 0x6d656d626572ULL, static_cast<uint64_t>(seq));
  if (kind < 55) return p < 75 ? "DISCLOSED" : "PARTIALLY_DISCLOSED";
  if (kind < 70) {
    if (p < 50) return "DISCLOSED";
    return p < 75 ? "NOT_DISCLOSED" : "CANNOT_PROVIDE";
  }
  if (p < 30) return "ALREADY_PUBLIC";
  if (p < 55) return "NOT_DISCLOSED";
  if (p < 85) return "CANNOT_PROVIDE";
  return "NOT_THIS_AGENCY";
}

// Appends `text` escaped for LOAD DATA's default FIELDS ESCAPED BY '\\'.
void AppendEscaped(std::string& out, const std::string& text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

absl::Status Main() {
  const int count = absl::GetFlag(FLAGS_count);
  const uint64_t seed = absl::GetFlag(FLAGS_seed);
  const std::string path = absl::GetFlag(FLAGS_out);
  if (count <= 0) return absl::InvalidArgumentError("--count: must be > 0");
  if (path.empty()) return absl::InvalidArgumentError("--out: required");
  const absl::Time t0 = absl::Now();
  std::vector<testing::LabelledApplication> apps =
      testing::GenerateApplications(count, seed);
  const absl::Duration generate = absl::Now() - t0;

  // Applicants of groups: member j of group g is pool[(g * stride + j) % P],
  // distinct within a group (groups have at most 80 members).
  const int64_t pool = std::max<int64_t>(1000, count / 3);
  constexpr int64_t kStride = 7919;
  std::vector<int64_t> members_seen;
  int64_t noise = 0, groups = 0;
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "w"),
                                             &std::fclose);
  if (file == nullptr) {
    return absl::InternalError(absl::StrCat("--out: cannot write ", path));
  }
  std::string line;
  for (const testing::LabelledApplication& a : apps) {
    int64_t applicant;
    const char* outcome;
    if (a.group == testing::kNoiseGroup) {
      applicant = pool + noise++;
      outcome = NoiseOutcome(
          Percent(seed ^ 0x6e6f697365ULL, static_cast<uint64_t>(a.id)));
    } else {
      const auto g = static_cast<size_t>(a.group);
      if (g >= members_seen.size()) members_seen.resize(g + 1, 0);
      if (members_seen[g] == 0) ++groups;
      applicant = (a.group * kStride + members_seen[g]++) % pool;
      outcome = GroupOutcome(seed, a.group, a.id);
    }
    line.clear();
    absl::StrAppend(&line, a.id, "\t");
    AppendEscaped(line, a.text);
    absl::StrAppend(&line, "\t", absl::StrFormat("110101%012d", applicant),
                    "\t", a.group, "\t", outcome, "\n");
    if (std::fwrite(line.data(), 1, line.size(), file.get()) != line.size()) {
      return absl::InternalError(absl::StrCat("writing ", path, " failed"));
    }
  }
  if (std::fclose(file.release()) != 0) {
    return absl::InternalError(absl::StrCat("writing ", path, " failed"));
  }
  std::cout << JsonObject()
                   .Add("mode", "gen_applications")
                   .Add("applications", static_cast<int64_t>(apps.size()))
                   .Add("groups", groups)
                   .Add("noise", noise)
                   .Add("applicant_pool", pool)
                   .Add("seed", static_cast<int64_t>(seed))
                   .AddRaw(
                       "generate_s",
                       absl::StrFormat("%.2f", absl::ToDoubleSeconds(generate)))
                   .AddRaw("total_s",
                           absl::StrFormat(
                               "%.2f", absl::ToDoubleSeconds(absl::Now() - t0)))
                   .Build()
            << "\n";
  return absl::OkStatus();
}

}  // namespace
}  // namespace foi::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "foi-gen-applications: labelled applications as TSV for the analytics "
      "benchmark.\n  foi-gen-applications --count=1000000 --out=FILE");
  absl::ParseCommandLine(argc, argv);
  const absl::Status s = foi::bench::Main();
  if (!s.ok()) {
    std::cerr << "foi-gen-applications: " << s << "\n";
    return 1;
  }
  return 0;
}
