// The plan of a value and its gradient: the value's instructions, then a
// reverse sweep over them that appends the adjoints' instructions.
//
// The sweep runs over primitive operations, last to first. Each contributes
// to its operands' adjoints by its own rule (a product passes the adjoint
// times the other operand, a sine times the cosine, ...); an operand used
// several times sums its contributions. A product of n factors is a chain of
// n − 1 multiplications, so its adjoints come out as prefix × suffix products
// (2n − 2 multiplications, no division), and value numbering shares whatever
// the value and the adjoints have in common (the adjoint of exp(u)·v with
// respect to u is the value itself). Adjoints that are structurally ±1 are
// the integers ±1, which multiplication folds away.
//
// The finished plan is dead-code free, sized exactly, and computed once per
// (expression type, variables): a variable template.
#pragma once

#include <leibniz/config.hpp>
#include <leibniz/expression/operations.hpp>
#include <leibniz/plan/lower.hpp>
#include <leibniz/plan/schedule.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace leibniz::detail::plan {

// A register of the plan being built, with the arithmetic of numbers: the
// chain rules of expression/operations.hpp, written once for scalars, append
// their instructions through it.
struct emitted {
    builder* b;
    int id;

    constexpr emitted integer(int k) const { return {b, b->integer(k)}; }
    constexpr emitted real(real_constant c) const { return {b, b->real(c)}; }
    template <class Op>
    constexpr emitted apply() const {
        return {b, b->unary(function_code<Op>(), id)};
    }
    friend constexpr emitted operator+(emitted x, emitted y) { return {x.b, x.b->add(x.id, y.id)}; }
    friend constexpr emitted operator-(emitted x, emitted y) { return {x.b, x.b->sub(x.id, y.id)}; }
    friend constexpr emitted operator*(emitted x, emitted y) { return {x.b, x.b->mul(x.id, y.id)}; }
    friend constexpr emitted operator/(emitted x, emitted y) { return {x.b, x.b->div(x.id, y.id)}; }
    friend constexpr emitted operator-(emitted x) { return {x.b, x.b->neg(x.id)}; }
};

// g·f'(u) for the function f of the registry, given v = f(u) (-1: f' is 0).
template <class Op>
constexpr int chain_rule(builder& b, int g, int u, int v) {
    if constexpr (Op::piecewise_constant)
        return -1;
    else
        return Op::chain(emitted{&b, g}, emitted{&b, u}, emitted{&b, v}).id;
}
// (Variable templates, so that the tables and every chain rule in them are
// instantiated where a gradient is planned, not in every unit.)
template <class Registry = ops::elementary>
inline constexpr auto chain_rules = []<class... Op>(type_list<Op...>) {
    return std::array<int (*)(builder&, int, int, int), sizeof...(Op)>{&chain_rule<Op>...};
}(Registry{});

// g·∂f/∂a and g·∂f/∂b for a function of two arguments, given v = f(a, b).
struct two_contributions {
    int first;
    int second;
};
template <class Op>
constexpr two_contributions binary_chain_rule(builder& b, int g, int x, int y, int v) {
    const emitted ge{&b, g}, xe{&b, x}, ye{&b, y}, ve{&b, v};
    const int first = Op::chain_first(ge, xe, ye, ve).id;
    const int second = Op::chain_second(ge, xe, ye, ve).id;
    return {first, second};
}
template <class Registry = ops::binary>
inline constexpr auto binary_chain_rules = []<class... Op>(type_list<Op...>) {
    return std::array<two_contributions (*)(builder&, int, int, int, int), sizeof...(Op)>{&binary_chain_rule<Op>...};
}(Registry{});

// Adds `contribution` (negated when `negative`) to the adjoint of `target`.
constexpr void accumulate(builder& b, buffer<int>& adjoint, int target, int contribution, bool negative) {
    int& slot = adjoint[static_cast<std::size_t>(target)];
    if (slot < 0)
        slot = negative ? b.neg(contribution) : contribution;
    else
        slot = negative ? b.sub(slot, contribution) : b.add(slot, contribution);
}

// The reverse sweep over instructions [0, end) from `root` (seeded with 1).
// (A template only so that the chain-rule tables are instantiated where a
// sweep is, not in every unit that includes the library.)
template <class Unary = ops::elementary, class Binary = ops::binary>
constexpr void reverse_sweep(builder& b, int root, std::size_t end, buffer<int>& adjoint) {
    adjoint.resize(end, -1);
    adjoint[static_cast<std::size_t>(root)] = b.integer(1);
    for (std::size_t i = end; i-- > 0;) {
        const int g = adjoint[i];
        if (g < 0) continue;
        const instruction in = b.code[i];
        const int v = static_cast<int>(i);
        auto add_to = [&](int target, int contribution, bool negative = false) {
            accumulate(b, adjoint, target, contribution, negative);
        };
        switch (in.code) {
            case op::add:
                add_to(in.a, g);
                add_to(in.b, g);
                break;
            case op::sub:
                add_to(in.a, g);
                add_to(in.b, g, true);
                break;
            case op::neg:
                add_to(in.a, g, true);
                break;
            case op::mul:
                add_to(in.a, b.mul(g, in.b));
                add_to(in.b, b.mul(g, in.a));
                break;
            case op::div: {
                const int share = b.div(g, in.b);
                add_to(in.a, share);
                add_to(in.b, b.mul(share, v), true);
                break;
            }
            case op::ipow:
                if (in.k > 0)  // k·a^(k-1)
                    add_to(in.a, b.mul(g, b.mul(b.integer(in.k), b.ipow(in.a, in.k - 1))));
                else  // k·v/a, as the tree sweep: -inf rather than NaN at a = 0
                    add_to(in.a, b.mul(g, b.div(b.mul(b.integer(in.k), v), in.a)));
                break;
            case op::pow:
                add_to(in.a, b.mul(g, b.mul(in.b, b.pow(in.a, b.sub(in.b, b.integer(1))))));
                add_to(in.b, b.mul(g, b.mul(v, b.unary(function_code<ops::log>(), in.a))));
                break;
            case op::real_pow:
                add_to(in.a, b.mul(g, b.mul(b.real_coefficient(in.b, in.k), b.real_pow(in.a, in.b, in.k + 1))));
                break;
            default:  // leaves, and the elementary functions by their chain rules
                if (is_binary_function(in.code)) {
                    const two_contributions c =
                        binary_chain_rules<Binary>[static_cast<std::size_t>(in.code) - first_binary_function](b, g, in.a, in.b, v);
                    add_to(in.a, c.first);
                    add_to(in.b, c.second);
                } else if (is_function(in.code)) {
                    const int contribution = chain_rules<Unary>[static_cast<std::size_t>(in.code) -
                                                         static_cast<std::size_t>(op::first_function)](b, g, in.a, v);
                    if (contribution >= 0) add_to(in.a, contribution);
                }
                break;
        }
    }
}

// A plan with its outputs, sized exactly.
template <std::size_t Size, std::size_t Outputs>
struct compiled {
    std::array<instruction, Size> code{};
    std::array<int, Outputs> outputs{};
    int numbers = 0;
    int extras = 0;
    bool supported = true;
    static constexpr std::size_t size = Size;
};

// Keeps the instructions the outputs need, in the order of schedule(); renumbers operands and outputs.
struct compacted {
    buffer<instruction> code;
    buffer<int> outputs;
};
constexpr void compact(const builder& b, const buffer<int>& outputs, compacted& out) {
    const std::size_t n = b.code.size;
    buffer<int> order;  // only what the outputs need: dead instructions are dropped here
    schedule(b, outputs, order);
    buffer<int> renumbered(n, -1);
    for (std::size_t k = 0; k < order.size; ++k) {
        const std::size_t i = static_cast<std::size_t>(order[k]);
        instruction in = b.code[i];
        const int count = operand_count(in.code);
        if (count >= 1) in.a = renumbered[static_cast<std::size_t>(in.a)];
        if (count >= 2) in.b = renumbered[static_cast<std::size_t>(in.b)];
        renumbered[i] = static_cast<int>(out.code.size);
        out.code.push_back(in);
    }
    for (std::size_t o = 0; o < outputs.size; ++o) out.outputs.push_back(renumbered[static_cast<std::size_t>(outputs[o])]);
}

// Appends the value of `root` and its partials by each of the n variables
// (input slots 0 ... n-1) to the outputs: the reverse sweep, run once.
constexpr void append_value_and_gradient(lowering& l, int root, std::size_t n, buffer<int>& outputs) {
    outputs.push_back(root);
    if (!l.supported) {  // nothing will run this plan (the tree sweep does)
        for (std::size_t i = 0; i < n; ++i) outputs.push_back(root);
        return;
    }
    const std::size_t end = l.b.code.size;
    buffer<int> adjoint;
    reverse_sweep(l.b, root, end, adjoint);
    buffer<int> input_id(n, -1);
    for (std::size_t i = 0; i < end; ++i)
        if (l.b.code[i].code == op::input && static_cast<std::size_t>(l.b.code[i].a) < n)
            input_id[static_cast<std::size_t>(l.b.code[i].a)] = static_cast<int>(i);
    const int zero_id = l.b.integer(0);
    for (std::size_t v = 0; v < n; ++v) {
        const int id = input_id[v];
        outputs.push_back(id < 0 || adjoint[static_cast<std::size_t>(id)] < 0 ? zero_id
                                                                               : adjoint[static_cast<std::size_t>(id)]);
    }
}

// Outputs: (when E is not void) the value and ∂/∂ each of Vars, then the
// values of the given expressions (the Hessian's symbolic entries), all in
// one plan: a subexpression they share is computed once.
template <class E, class Vars, class... Entries>
struct entries_plan_builder {
    static constexpr bool with_gradient = !std::is_void_v<E>;
    static constexpr std::size_t outputs = (with_gradient ? 1 + Vars::size : 0) + sizeof...(Entries);
    static constexpr void build(compacted& out, int& numbers, int& extras, bool& supported) {
        lowering l;
        l.differentiated = static_cast<int>(Vars::size);
        buffer<int> outputs;
        if constexpr (with_gradient) {
            const int root = lower_node<Vars>(l, static_cast<const E*>(nullptr));
            append_value_and_gradient(l, root, Vars::size, outputs);
        }
        in_order{(outputs.push_back(lower_node<Vars>(l, static_cast<const Entries*>(nullptr))), 0)...};
        numbers = l.numbers;
        extras = l.extras;
        supported = l.supported;
        compact(l.b, outputs, out);
    }
};

// The size of a builder's plan: a constant evaluation of its own, so that the
// plan's array can be sized exactly.
template <class Builder>
constexpr std::size_t plan_size() {
    compacted c;
    int numbers = 0, extras = 0;
    bool supported = true;
    Builder::build(c, numbers, extras, supported);
    return c.code.size;
}

template <class Builder>
constexpr auto compile_plan() {
    constexpr std::size_t size = plan_size<Builder>();
    compacted c;
    int numbers = 0, extras = 0;
    bool supported = true;
    Builder::build(c, numbers, extras, supported);
    constexpr std::size_t outputs = Builder::outputs;
    compiled<size, outputs> p;
    for (std::size_t i = 0; i < size; ++i) p.code[i] = c.code[i];
    for (std::size_t i = 0; i < outputs; ++i) p.outputs[i] = c.outputs[i];
    p.numbers = numbers;
    p.extras = extras;
    p.supported = supported;
    return p;
}

// Outputs: the value, then ∂/∂ each of Vars.
template <class E, class Vars>
inline constexpr auto gradient_plan = compile_plan<entries_plan_builder<E, Vars>>();

// E void: the entries alone (lz::hessian).
template <class E, class Vars, class... Entries>
inline constexpr auto entries_plan = compile_plan<entries_plan_builder<E, Vars, Entries...>>();

}  // namespace leibniz::detail::plan
