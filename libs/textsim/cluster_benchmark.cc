// Clustering 1,000,000 generated applications in memory (the Art. 44 batch
// job), against baselines on the same texts: iterating over them (reading
// every byte) and copying them. The ratio to the baselines says how much the
// clustering costs beyond merely touching the data.
//
// Reported per run: wall time (real time), clusters and pipeline counters,
// pairwise precision and recall against the generator's labels (scored
// outside the timed region), and memory from /proc/self/status: peak_rss_mb is
// the process's peak (VmHWM) including the 1,000,000 texts themselves,
// cluster_extra_mb the peak during the run above the resident size before it
// (the peak is reset through /proc/self/clear_refs first).
//
// Run: textsim_benchmark [--benchmark_filter=...]. Iterations are fixed at 1
// for the 1,000,000-document runs: one run takes seconds.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "libs/textsim/cluster.h"
#include "libs/textsim/normalizer.h"
#include "libs/textsim/shingles.h"
#include "libs/textsim/testing/application_generator.h"
#include "libs/textsim/testing/pairwise_scores.h"

namespace foi::textsim {
namespace {

constexpr int kDocuments = 1'000'000;
constexpr uint64_t kSeed = 20240601;

// Reads a "Vm...: N kB" line of /proc/self/status, in MB; 0 if unavailable.
double StatusMb(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(field) + ":";
  while (std::getline(status, line)) {
    if (line.compare(0, prefix.size(), prefix) == 0) {
      return std::strtod(line.c_str() + prefix.size(), nullptr) / 1024.0;
    }
  }
  return 0.0;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so a later VmHWM is the
// peak of what ran in between.
void ResetPeakRss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
}

struct Corpus {
  std::vector<Document> documents;
  // The generator's labels with the texts moved out, for pairwise scores.
  std::vector<testing::LabelledApplication> labels;
};

const Corpus& Applications() {
  static const Corpus* corpus = [] {
    auto* out = new Corpus();
    out->labels = testing::GenerateApplications(kDocuments, kSeed);
    out->documents.reserve(out->labels.size());
    for (testing::LabelledApplication& app : out->labels) {
      out->documents.push_back({app.id, std::move(app.text)});
      app.text = std::string();
    }
    return out;
  }();
  return *corpus;
}

const std::vector<Document>& Documents() { return Applications().documents; }

const Normalizer& SharedNormalizer() {
  static const Normalizer* normalizer = [] {
    auto created = Normalizer::Create();
    if (!created.ok()) {
      std::fprintf(stderr, "Normalizer: %s\n",
                   created.status().ToString().c_str());
      std::abort();
    }
    return created->release();
  }();
  return *normalizer;
}

void SetMemoryCounters(benchmark::State& state, double rss_before_mb) {
  state.counters["peak_rss_mb"] = StatusMb("VmHWM");
  state.counters["cluster_extra_mb"] = StatusMb("VmHWM") - rss_before_mb;
}

// Baseline: one pass over every byte of every text.
void BM_IterateTexts(benchmark::State& state) {
  const std::vector<Document>& documents = Documents();
  for (auto _ : state) {
    uint64_t sum = 0;
    for (const Document& d : documents) {
      for (char c : d.text) sum += static_cast<unsigned char>(c);
    }
    benchmark::DoNotOptimize(sum);
  }
  state.counters["documents"] = static_cast<double>(documents.size());
}
BENCHMARK(BM_IterateTexts)->Unit(benchmark::kMillisecond)->UseRealTime();

// Baseline: copying every document (id and text).
void BM_CopyTexts(benchmark::State& state) {
  const std::vector<Document>& documents = Documents();
  for (auto _ : state) {
    std::vector<Document> copy = documents;
    benchmark::DoNotOptimize(copy.data());
  }
  state.counters["documents"] = static_cast<double>(documents.size());
}
BENCHMARK(BM_CopyTexts)->Unit(benchmark::kMillisecond)->UseRealTime();

// Normalisation and shingling alone, one thread: the per-document floor of
// the pipeline.
void BM_NormalizeAndShingle(benchmark::State& state) {
  const std::vector<Document>& documents = Documents();
  const Normalizer& normalizer = SharedNormalizer();
  for (auto _ : state) {
    size_t shingles = 0;
    for (const Document& d : documents) {
      shingles += Shingles(normalizer.Normalize(d.text)).size();
    }
    state.counters["mean_shingles"] =
        static_cast<double>(shingles) / static_cast<double>(documents.size());
  }
}
BENCHMARK(BM_NormalizeAndShingle)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// The job: cluster all documents. Arg: threads.
void BM_Cluster(benchmark::State& state) {
  const std::vector<Document>& documents = Documents();
  const Normalizer& normalizer = SharedNormalizer();
  ClusterOptions options;
  options.num_threads = static_cast<int>(state.range(0));
  if (state.range(1) > 0) {
    // The IDF configuration recommended for batches of this size.
    options.weighting = ShingleWeighting::kIdf;
    options.threshold = static_cast<double>(state.range(1)) / 100.0;
  }
  const double rss_before_mb = StatusMb("VmRSS");
  ResetPeakRss();
  ClusterStats stats;
  size_t clusters = 0, clustered = 0, largest = 0;
  testing::PairwiseScores scores;
  for (auto _ : state) {
    auto result = ClusterWithStats(normalizer, documents, options);
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      return;
    }
    state.PauseTiming();
    SetMemoryCounters(state, rss_before_mb);
    stats = result->stats;
    clusters = result->clusters.size();
    clustered = 0;
    for (const auto& c : result->clusters) clustered += c.size();
    largest = result->clusters.empty() ? 0 : result->clusters[0].size();
    scores = testing::ScorePairs(result->clusters, Applications().labels);
    state.ResumeTiming();
  }
  state.counters["precision"] = scores.precision();
  state.counters["recall"] = scores.recall();
  state.counters["documents"] = static_cast<double>(documents.size());
  state.counters["clusters"] = static_cast<double>(clusters);
  state.counters["clustered_documents"] = static_cast<double>(clustered);
  state.counters["largest_cluster"] = static_cast<double>(largest);
  state.counters["exact_duplicates"] =
      static_cast<double>(stats.exact_duplicates);
  state.counters["candidate_pairs"] =
      static_cast<double>(stats.candidate_pairs);
  state.counters["verified_pairs"] = static_cast<double>(stats.verified_pairs);
  state.counters["year_mismatches"] =
      static_cast<double>(stats.year_mismatches);
  state.counters["skipped_buckets"] =
      static_cast<double>(stats.skipped_buckets);
}
// Args: threads, and 0 for the defaults or an IDF threshold in hundredths.
BENCHMARK(BM_Cluster)
    ->Args({2, 0})
    ->Args({1, 0})
    ->Args({2, 60})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

// The generator the database benchmark will use: applications per second.
void BM_GenerateApplications(benchmark::State& state) {
  for (auto _ : state) {
    auto apps = testing::GenerateApplications(100'000, kSeed);
    benchmark::DoNotOptimize(apps.data());
  }
  state.SetItemsProcessed(state.iterations() * 100'000);
}
BENCHMARK(BM_GenerateApplications)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace foi::textsim

BENCHMARK_MAIN();
