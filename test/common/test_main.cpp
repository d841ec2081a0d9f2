// The entry point of every Boost.Test program of the suite, compiled once and
// linked into each (leibniz_use_test_framework in test/CMakeLists.txt). The
// test sources include <boost/test/unit_test.hpp> without defining
// BOOST_TEST_MODULE, so they can all share one precompiled header: a header
// precompiled with the module defined would carry a main into every unit.
#define BOOST_TEST_MODULE leibniz
#include <boost/test/unit_test.hpp>
