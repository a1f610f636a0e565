// UnionFind: disjoint sets over 0..size-1 (union by size, path halving), the
// transitive closure step of clustering: if A is near B and B near C, all
// three are one cluster.
//
// Thread safety: not thread-safe, not even Find (it compresses paths).
#ifndef FOI_LIBS_TEXTSIM_UNION_FIND_H_
#define FOI_LIBS_TEXTSIM_UNION_FIND_H_

#include <cstdint>
#include <vector>

namespace foi::textsim {

class UnionFind {
 public:
  // Creates `size` singleton sets {0}, ..., {size - 1}. Memory: 8 bytes per
  // element.
  explicit UnionFind(uint32_t size);

  uint32_t size() const { return static_cast<uint32_t>(parent_.size()); }

  // Returns the representative of x's set: the same value for every member
  // until the next Union. REQUIRES: x < size().
  uint32_t Find(uint32_t x);

  // Merges the sets of a and b. Returns true if they were different sets.
  // REQUIRES: a < size() and b < size().
  bool Union(uint32_t a, uint32_t b);

  // Returns whether a and b are in the same set. REQUIRES: a, b < size().
  bool Connected(uint32_t a, uint32_t b) { return Find(a) == Find(b); }

  // Returns the number of elements in x's set. REQUIRES: x < size().
  uint32_t SetSize(uint32_t x) { return set_size_[Find(x)]; }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> set_size_;  // valid at representatives only
};

}  // namespace foi::textsim

#endif  // FOI_LIBS_TEXTSIM_UNION_FIND_H_
