// Screening throughput on Chinese text with every shipped rule set loaded,
// against the floor of one pass over the same bytes (UTF-8 validation, which
// Screen also does). The text is the labelled corpus, stripped of labels and
// repeated to about 8 MB: dense with identifiers, markings and keywords, so
// a harder case than ordinary documents.
//
// Run: screening_benchmark --benchmark_min_time=1
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "benchmark/benchmark.h"
#include "libs/common/text.h"
#include "libs/screening/screener.h"
#include "libs/screening/testing/labelled_corpus.h"

namespace foi::screening {
namespace {

constexpr size_t kTargetBytes = size_t{8} << 20;

const std::string& CorpusText() {
  static const std::string* text = [] {
    auto corpus = foi::testing::LoadLabelledCorpus(FOI_SOURCE_DIR
                                                   "/tests/data/screening");
    if (!corpus.ok() || corpus->empty()) {
      std::fprintf(stderr, "cannot load corpus: %s\n",
                   corpus.status().ToString().c_str());
      std::abort();
    }
    auto* out = new std::string();
    while (out->size() < kTargetBytes) {
      for (const auto& doc : *corpus) {
        out->append(doc.text);
        out->append("\n\n");
      }
    }
    return out;
  }();
  return *text;
}

std::unique_ptr<Screener> MustLoad() {
  auto screener = Screener::LoadDirectory(FOI_SOURCE_DIR "/deploy/screening");
  if (!screener.ok()) {
    std::fprintf(stderr, "cannot load rules: %s\n",
                 screener.status().ToString().c_str());
    std::abort();
  }
  return *std::move(screener);
}

void BM_ScreenAllRuleSets(benchmark::State& state) {
  const std::string& text = CorpusText();
  const std::unique_ptr<Screener> screener = MustLoad();
  size_t findings = 0;
  for (auto _ : state) {
    auto result = screener->Screen(text);
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
    findings = result->size();
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ScreenAllRuleSets)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ScreenBuiltinDetectorsOnly(benchmark::State& state) {
  const std::string& text = CorpusText();
  auto screener = Screener::Create({});
  if (!screener.ok()) {
    state.SkipWithError(screener.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    auto result = (*screener)->Screen(text);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ScreenBuiltinDetectorsOnly)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The way a server screens: one document at a time (each a few KiB), every
// rule set loaded. Bytes processed are those of the documents.
void BM_ScreenDocumentByDocument(benchmark::State& state) {
  auto corpus =
      foi::testing::LoadLabelledCorpus(FOI_SOURCE_DIR "/tests/data/screening");
  if (!corpus.ok()) {
    state.SkipWithError(corpus.status().ToString().c_str());
    return;
  }
  const std::unique_ptr<Screener> screener = MustLoad();
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const auto& doc : *corpus) {
      auto result = screener->Screen(doc.text);
      benchmark::DoNotOptimize(result);
      bytes += static_cast<int64_t>(doc.text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ScreenDocumentByDocument)->UseRealTime();

// Baseline: validating the same bytes as UTF-8, a single cheap pass.
void BM_IsValidUtf8Baseline(benchmark::State& state) {
  const std::string& text = CorpusText();
  for (auto _ : state) {
    bool ok = IsValidUtf8(text);
    benchmark::DoNotOptimize(ok);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_IsValidUtf8Baseline)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace foi::screening

BENCHMARK_MAIN();
