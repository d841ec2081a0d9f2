// leibniz: compile-time symbolic differentiation for C++20.
//
//   #include <leibniz/leibniz.hpp>
//   namespace lz = leibniz;
//   constexpr auto x = lz::var<"x">;
//   constexpr auto f = 2*x*x - 3*x + 4;
//   static_assert(lz::d(f, x)(x = 2.0) == 5.0);
//
// The pipeline, one folder each: expression/ (what you write) ->
// simplification/ (canonical forms) -> differentiation/ (rules on types) ->
// evaluation/ (numbers out, with constexpr_math/ in constant expressions) and
// printing/ (text out); optimization/ descends with the derivatives.
// to_latex, to_dot and to_c are in <leibniz/output.hpp>: most programs do
// not print LaTeX, and every unit would pay for their parsing.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/differentiation/d.hpp>
#include <leibniz/differentiation/directional.hpp>
#include <leibniz/differentiation/gradient.hpp>
#include <leibniz/differentiation/jacobian.hpp>
#include <leibniz/evaluation/evaluate.hpp>
#include <leibniz/evaluation/point.hpp>
#include <leibniz/expression/functions.hpp>
#include <leibniz/expression/indexed.hpp>
#include <leibniz/expression/nodes.hpp>
#include <leibniz/expression/operators.hpp>
#include <leibniz/expression/variable.hpp>
#include <leibniz/loops/minimize.hpp>
#include <leibniz/printing/to_string.hpp>
#include <leibniz/data/mean.hpp>
#include <leibniz/data/squares.hpp>
#include <leibniz/optimization/fit.hpp>
#include <leibniz/optimization/minimize.hpp>
#include <leibniz/numeric/differences.hpp>
#include <leibniz/numeric/gradient_check.hpp>
#include <leibniz/simplification/equivalent.hpp>
