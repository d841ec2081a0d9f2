// Output beyond to_string: lz::to_latex(e), lz::to_dot(e) and
// lz::to_c("name", f, x, y...). Kept out of what most units need:
// #include <leibniz/output.hpp> where they are used.
#pragma once

#include <leibniz/loops/c_source.hpp>
#include <leibniz/loops/dot.hpp>
#include <leibniz/printing/c_source.hpp>
#include <leibniz/printing/dot.hpp>
#include <leibniz/printing/latex.hpp>
