// What nearly every test unit includes, precompiled once per build tree
// (CMake's target_precompile_headers; LEIBNIZ_PRECOMPILED_HEADERS=OFF builds
// without). Parsing these is most of the cost of a small test unit: about
// 0.7 s for leibniz.hpp and as much for Boost.Test on GCC 12.
#pragma once

#include <leibniz/leibniz.hpp>
#include <leibniz/output.hpp>

#include <boost/test/unit_test.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>
