// Realistic letters of every kind, outcome and reason for tests and
// benchmarks of foi::render: one fictional agency (testdata/agency.conf),
// the shipped templates (deploy/templates).
#ifndef FOI_LIBS_RENDER_TESTING_SAMPLE_LETTERS_H_
#define FOI_LIBS_RENDER_TESTING_SAMPLE_LETTERS_H_

#include <ostream>
#include <string>
#include <vector>

#include "libs/render/letter_renderer.h"

namespace foi::testing {

struct SampleLetter {
  // Golden file stem and test name: "reply_disclosed".
  std::string name;
  render::LetterData data;
  // The operative sentence (or its core) with its article, as the letter
  // must say it; whitespace-free so that it can be found in PDF text.
  std::string operative;
  // The article of the Regulations the letter rests on: "第三十六条第（二）项".
  std::string article;
};

// One letter per template and per reason: 19 in all.
std::vector<SampleLetter> SampleLetters();

// Prints the name only, for parameterized test output.
void PrintTo(const SampleLetter& sample, std::ostream* os);

}  // namespace foi::testing

#endif  // FOI_LIBS_RENDER_TESTING_SAMPLE_LETTERS_H_
