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

// Adds `contribution` (negated when `negative`), computed under guard `edge`,
// to the adjoint of `target`. An adjoint lives where its instruction does
// (the guard of `target`, which is `edge` or a guard around it): from a side
// of a branch, the sum is formed on that side and joined with the old adjoint
// by a select per guard crossed, so a side that did not run adds nothing.
// When the old adjoint is itself a join over this branch (select(this side,
// s, old) or select(other side, old', s)), the sum starts from what this side
// sees and the join keeps the rest: one select per branch, not one per
// contribution, and an adjoint 0 off this side stays visibly so (see
// sweep_instruction).
constexpr void accumulate(builder& b, buffer<int>& adjoint, int target, int contribution, bool negative, int edge) {
    int& slot = adjoint[static_cast<std::size_t>(target)];
    const int home = b.code[static_cast<std::size_t>(target)].guard;
    const int saved = b.current;
    // The guard crossed last (the side of a branch at home), and the old
    // adjoint as that side sees it.
    int outermost = edge;
    while (outermost != home && outermost > 0 && b.guard(outermost).parent != home) outermost = b.guard(outermost).parent;
    int base = slot;         // the adjoint before this contribution, on this side
    int elsewhere = slot;    // the adjoint where this side does not hold
    if (outermost != home && slot >= 0) {
        const instruction& joined = b.at(slot);
        if (joined.code == op::select && joined.k == outermost) {  // an earlier contribution from this side
            base = joined.a;
            elsewhere = joined.b;
        } else if (joined.code == op::select && joined.k == b.guard(outermost).sibling) {  // from the other side
            base = joined.b;
            elsewhere = joined.a;
        }
    }
    b.current = edge;
    int sum = 0;
    if (base < 0)
        sum = negative ? b.neg(contribution) : contribution;
    else
        sum = negative ? b.sub(base, contribution) : b.add(base, contribution);
    for (int g = edge; g != home && g > 0;) {
        const int outer = b.guard(g).parent;
        b.current = outer;
        const int old = g == outermost ? elsewhere : base;
        sum = b.select(g, sum, old < 0 ? b.integer(0) : old);
        g = outer;
    }
    slot = sum;
    b.current = saved;
}

struct sparse_sweep;
constexpr void push_pending(sparse_sweep& sweep, int id);

// Where instruction `in`'s contributions are computed, given its adjoint g:
// its own guard, or the side of a branch off which g is 0 (g becomes the
// adjoint on that side). Not for a select, whose own sides are guards of
// where it runs. Sets the builder's current guard.
constexpr int contribution_guard(builder& b, const instruction& in, int& g) {
    int edge = in.guard;
    while (in.code != op::select) {
        const instruction& adjoint_of = b.at(g);
        if (adjoint_of.code != op::select || b.guard(static_cast<int>(adjoint_of.k)).parent != edge) break;
        const int side = static_cast<int>(adjoint_of.k);
        if (b.is_integer(adjoint_of.b, 0)) {
            edge = side;
            g = adjoint_of.a;
        } else if (b.is_integer(adjoint_of.a, 0)) {
            edge = b.guard(side).sibling;
            g = adjoint_of.b;
        } else {
            break;
        }
    }
    b.current = edge;
    return edge;
}

// One instruction's contributions to its operands' adjoints, given its own
// adjoint g; a sparse sweep (when given) is told of each operand whose
// adjoint was unset. Only operands that reach an input slot >= first_slot
// get one: the others' adjoints reach no input that is wanted (numbers
// alone, for a gradient; for row j of a Hessian, the inputs before j, whose
// entries are row i < j's). The outputs are the same instructions; not
// computing the rest keeps a Hessian's sweeps, one per partial, within
// Clang's steps.
template <class Unary, class Binary>
constexpr void sweep_instruction(builder& b, std::size_t i, int g, buffer<int>& adjoint, sparse_sweep* sparse,
                                 int first_slot) {
    const instruction in = b.code[i];
    const int v = static_cast<int>(i);
    // (A mean has no operands: it reaches the inputs it depends on.)
    const bool want_a = (operand_count(in.code) >= 1 && b.reach_of(in.a) >= first_slot) ||
                        (in.code == op::mean && b.reach_of(v) >= first_slot);
    const bool want_b = operand_count(in.code) >= 2 && b.reach_of(in.b) >= first_slot;
    if (!want_a && !want_b) return;
    // The contributions run where the instruction did; but where its adjoint
    // is 0 outside a side of a branch (a value the condition and one side
    // share: sqrt(x) in where(sqrt(x) > 1, sqrt(x), 1)), only on that side,
    // so the other side meets no 0·∞ (at x = 0) and computes nothing.
    const int edge = b.guards.size > 1 ? contribution_guard(b, in, g) : 0;
    auto add_to = [&](int target, int contribution, bool negative = false, int side_of_edge = -1) {
        if (sparse && adjoint[static_cast<std::size_t>(target)] < 0) push_pending(*sparse, target);
        if (edge == 0 && side_of_edge < 0) {  // no guard: accumulate's plain case, inline (Clang counts each call)
            int& slot = adjoint[static_cast<std::size_t>(target)];
            if (slot < 0)
                slot = negative ? b.neg(contribution) : contribution;
            else
                slot = negative ? b.sub(slot, contribution) : b.add(slot, contribution);
        } else {
            accumulate(b, adjoint, target, contribution, negative, side_of_edge < 0 ? edge : side_of_edge);
        }
    };
    switch (in.code) {
        case op::add:
            if (want_a) add_to(in.a, g);
            if (want_b) add_to(in.b, g);
            break;
        case op::sub:
            if (want_a) add_to(in.a, g);
            if (want_b) add_to(in.b, g, true);
            break;
        case op::neg:
            add_to(in.a, g, true);
            break;
        case op::mul:
            if (want_a) add_to(in.a, b.mul(g, in.b));
            if (want_b) add_to(in.b, b.mul(g, in.a));
            break;
        case op::div: {
            const int share = b.div(g, in.b);
            if (want_a) add_to(in.a, share);
            if (want_b) add_to(in.b, b.mul(share, v), true);
            break;
        }
        case op::ipow:
            if (in.k > 0)  // k·a^(k-1)
                add_to(in.a, b.mul(g, b.mul(b.integer(in.k), b.ipow(in.a, in.k - 1))));
            else  // k·v/a, as evaluation's reciprocal: -inf rather than NaN at a = 0
                add_to(in.a, b.mul(g, b.div(b.mul(b.integer(in.k), v), in.a)));
            break;
        case op::pow:
            if (want_a) add_to(in.a, b.mul(g, b.mul(in.b, b.pow(in.a, b.sub(in.b, b.integer(1))))));
            if (want_b) add_to(in.b, b.mul(g, b.mul(v, b.unary(function_code<ops::log>(), in.a))));
            break;
        case op::real_pow:
            add_to(in.a, b.mul(g, b.mul(b.real_coefficient(in.b, in.k), b.real_pow(in.a, in.b, in.k + 1))));
            break;
        case op::mean:  // through its partials, read from its block of results
            for (int i = first_slot; i <= static_cast<int>(in.k); ++i)
                add_to(b.input(i), b.mul(g, b.intern({op::mean_result, v, in.b + 1 + i, i})));
            break;
        case op::mean_result:  // a partial's own partials: the second partials summed by the mean
            if (in.k >= 0 && b.second_order) {
                const instruction mean = b.at(in.a);  // (a copy: the code grows below)
                const int i = static_cast<int>(in.k), n = b.variables;
                for (int j = first_slot; j <= static_cast<int>(mean.k); ++j) {
                    const int lo = i < j ? i : j, hi = i < j ? j : i;
                    const int entry = mean.b + 1 + n + lo * n - lo * (lo - 1) / 2 + (hi - lo);
                    add_to(b.input(j), b.mul(g, b.intern({op::mean_result, in.a, entry, -1})));
                }
            }
            break;
        case op::select: {  // each side's adjoint from the side's own guard
            const int on_true = static_cast<int>(in.k);
            if (want_a) add_to(in.a, g, false, on_true);
            if (want_b) add_to(in.b, g, false, b.guard(on_true).sibling);
            break;
        }
        default:  // the elementary functions by their chain rules
            if (is_binary_function(in.code)) {
                const two_contributions c =
                    binary_chain_rules<Binary>[static_cast<std::size_t>(in.code) - first_binary_function](b, g, in.a, in.b, v);
                if (want_a) add_to(in.a, c.first);
                if (want_b) add_to(in.b, c.second);
            } else if (is_function(in.code)) {
                const int contribution = chain_rules<Unary>[static_cast<std::size_t>(in.code) -
                                                     static_cast<std::size_t>(op::first_function)](b, g, in.a, v);
                if (contribution >= 0) add_to(in.a, contribution);
            }
            break;
    }
}

// The reverse sweep over instructions [0, end) from `root` (seeded with 1),
// last to first. (A template only so that the chain-rule tables are
// instantiated where a sweep is, not in every unit that includes the library.)
template <class Unary = ops::elementary, class Binary = ops::binary>
constexpr void reverse_sweep(builder& b, int root, std::size_t end, buffer<int>& adjoint) {
    adjoint.resize(end, -1);
    adjoint[static_cast<std::size_t>(root)] = b.integer(1);
    for (std::size_t i = end; i-- > 0;) {
        const int g = adjoint[i];
        if (g >= 0) sweep_instruction<Unary, Binary>(b, i, g, adjoint, nullptr, 0);
    }
    b.current = 0;
}

// The same sweep visiting only the instructions `root` reaches, in the same
// order (largest id first, from a heap of the pending ones), for plans with
// many roots: a Jacobian's m rows cost their own sweeps, not m sweeps over
// the whole plan (Clang bounds a constant evaluation's steps). A run leaves
// its adjoints for the caller to read and clears them at the start of the
// next run, visiting only the entries it set.
struct sparse_sweep {
    buffer<int> adjoint;
    buffer<int> pending;  // a max-heap of ids
    buffer<int> visited;

    constexpr void push(int id) {
        std::size_t k = pending.size;
        pending.push_back(id);
        while (k > 0 && pending[(k - 1) / 2] < pending[k]) {
            const int t = pending[k];
            pending[k] = pending[(k - 1) / 2];
            pending[(k - 1) / 2] = t;
            k = (k - 1) / 2;
        }
    }
    constexpr int pop() {
        const int top = pending[0];
        pending[0] = pending[--pending.size];
        for (std::size_t k = 0;;) {
            const std::size_t l = 2 * k + 1, r = l + 1;
            std::size_t largest = k;
            if (l < pending.size && pending[l] > pending[largest]) largest = l;
            if (r < pending.size && pending[r] > pending[largest]) largest = r;
            if (largest == k) break;
            const int t = pending[k];
            pending[k] = pending[largest];
            pending[largest] = t;
            k = largest;
        }
        return top;
    }
    template <class Unary = ops::elementary, class Binary = ops::binary>
    constexpr void run(builder& b, int root, std::size_t end, int first_slot = 0) {
        adjoint.resize(end > adjoint.size ? end : adjoint.size, -1);
        for (std::size_t k = 0; k < visited.size; ++k) adjoint[static_cast<std::size_t>(visited[k])] = -1;
        visited.size = 0;
        adjoint[static_cast<std::size_t>(root)] = b.integer(1);
        push(root);
        while (pending.size > 0) {
            const int i = pop();
            visited.push_back(i);
            sweep_instruction<Unary, Binary>(b, static_cast<std::size_t>(i), adjoint[static_cast<std::size_t>(i)], adjoint,
                                             this, first_slot);
        }
        b.current = 0;
    }
};
constexpr void push_pending(sparse_sweep& sweep, int id) { sweep.push(id); }

// A plan with its outputs and its guards, sized exactly.
template <std::size_t Size, std::size_t Outputs, std::size_t Guards = 1>
struct compiled {
    std::array<instruction, Size> code{};
    std::array<int, Outputs> outputs{};
    std::array<guard_info, Guards> guards{};
    int means = 0;
    int mean_results = 0;
    int numbers = 0;
    int extras = 0;
    static constexpr std::size_t size = Size;
    static constexpr std::size_t guard_count = Guards;
    static constexpr bool has_guards = Guards > 1;
    // (Means run in the same code path as guards: each is a loop, not an expression.)
    constexpr bool structured() const { return Guards > 1 || means > 0; }
};

// Keeps the instructions the outputs need, in the order of schedule(); renumbers operands, outputs and the
// registers guards compare.
struct compacted {
    buffer<instruction> code;
    buffer<int> outputs;
    buffer<guard_info> guards;
    int means = 0;         // means over samples
    int mean_results = 0;  // the size of their blocks of results
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
    for (std::size_t g = 0; g < b.guards.size; ++g) {
        guard_info x = b.guards[g];
        if (g > 0) {  // (a guard nothing kept runs under compares registers that may be gone: 0 is as good)
            auto kept = [&](int id) { return renumbered[static_cast<std::size_t>(id)] < 0 ? 0 : renumbered[static_cast<std::size_t>(id)]; };
            x.left = kept(x.left);
            x.right = kept(x.right);
            x.test = kept(x.test);
        }
        out.guards.push_back(x);
    }
}

// The adjoint of the input instruction `input_id` (-1: no such input), or the
// integer 0 where the sweep gave it none.
constexpr int partial_or_zero(const buffer<int>& adjoint, int input_id, int zero_id) {
    if (input_id < 0 || static_cast<std::size_t>(input_id) >= adjoint.size) return zero_id;
    const int partial = adjoint[static_cast<std::size_t>(input_id)];
    return partial < 0 ? zero_id : partial;
}

// Appends the value of `root` and its partials by each of the n variables
// (input slots 0 ... n-1) to the outputs: the reverse sweep over the whole
// plan, or, for one of many roots (a Jacobian's rows), a sparse sweep over
// what this root reaches.
constexpr void append_value_and_gradient(lowering& l, int root, std::size_t n, buffer<int>& outputs,
                                         sparse_sweep* sparse = nullptr) {
    outputs.push_back(root);
    buffer<int> dense;
    if (sparse)
        sparse->run(l.b, root, l.b.code.size);
    else
        reverse_sweep(l.b, root, l.b.code.size, dense);
    const buffer<int>& adjoint = sparse ? sparse->adjoint : dense;
    const int zero_id = l.b.integer(0);
    for (std::size_t v = 0; v < n; ++v)
        outputs.push_back(partial_or_zero(adjoint, l.b.find({op::input, static_cast<int>(v), 0, 0}), zero_id));
}

// Outputs: the value and ∂/∂ each of Vars.
template <class E, class Vars>
struct gradient_plan_builder {
    static constexpr std::size_t outputs = 1 + Vars::size;
    static constexpr void build(compacted& out, int& numbers, int& extras) {
        lowering l;
        l.differentiated = static_cast<int>(Vars::size);
        buffer<int> results;
        const int root = lower_node<Vars>(l, static_cast<const E*>(nullptr));
        append_value_and_gradient(l, root, Vars::size, results);
        numbers = l.numbers;
        extras = l.extras;
        compact(l.b, results, out);
        out.means = l.means;
        out.mean_results = l.mean_results;
    }
};

// Outputs: (WithGradient) the value and ∂/∂ each of Vars, then the
// Hessian's upper triangle row by row ((0,0) (0,1) ... (0,n-1) (1,1) ...): each partial's own reverse
// sweep, over the instructions it reaches, gives its row. The second partials
// are instructions over the expression's numbers, as the gradient's are:
// nothing is derived symbolically, and an evaluator built at the call costs
// what one made once costs.
template <class E, class Vars, bool WithGradient>
struct hessian_plan_builder {
    static constexpr std::size_t n = Vars::size;
    static constexpr std::size_t outputs = (WithGradient ? 1 + n : 0) + n * (n + 1) / 2;
    static constexpr void build(compacted& out, int& numbers, int& extras) {
        lowering l;
        l.differentiated = static_cast<int>(n);
        l.second_order = true;
        buffer<int> results;
        const int root = lower_node<Vars>(l, static_cast<const E*>(nullptr));
        append_value_and_gradient(l, root, n, results);
        // The inputs' instructions, looked up once (the sweeps add no input).
        buffer<int> input_ids(n, -1);
        for (std::size_t i = 0; i < n; ++i) input_ids[i] = l.b.find({op::input, static_cast<int>(i), 0, 0});
        const int zero_id = l.b.integer(0);
        sparse_sweep sweep;
        for (std::size_t j = 0; j < n; ++j) {
            sweep.run(l.b, results[1 + j], l.b.code.size, static_cast<int>(j));
            for (std::size_t i = j; i < n; ++i) results.push_back(partial_or_zero(sweep.adjoint, input_ids[i], zero_id));
        }
        if constexpr (!WithGradient) {  // the triangle alone: what only the value and the gradient need is dropped
            for (std::size_t k = 0; k < n * (n + 1) / 2; ++k) results[k] = results[1 + n + k];
            results.size = n * (n + 1) / 2;
        }
        numbers = l.numbers;
        extras = l.extras;
        compact(l.b, results, out);
        out.means = l.means;
        out.mean_results = l.mean_results;
    }
};

// The size of a builder's plan, so that the plan's array can be sized
// exactly: a variable of its own, whose constant evaluation Clang bounds
// apart from the plan's (as a constexpr local of compile_plan the two builds
// counted against one bound of steps, and a 64-variable Hessian passed it).
// (A function called by the variable: GCC took 4 % longer over a 32-variable
// gradient with the build in a lambda initialising it.)
struct plan_shape {
    std::size_t instructions = 0;
    std::size_t guards = 0;
};
template <class Builder>
constexpr plan_shape count_plan_instructions() {
    compacted c;
    int numbers = 0, extras = 0;
    Builder::build(c, numbers, extras);
    return {c.code.size, c.guards.size};
}
template <class Builder>
inline constexpr plan_shape plan_size = count_plan_instructions<Builder>();

template <class Builder>
constexpr auto compile_plan() {
    constexpr std::size_t size = plan_size<Builder>.instructions;
    constexpr std::size_t guards = plan_size<Builder>.guards;
    compacted c;
    int numbers = 0, extras = 0;
    Builder::build(c, numbers, extras);
    constexpr std::size_t outputs = Builder::outputs;
    compiled<size, outputs, guards> p;
    for (std::size_t i = 0; i < size; ++i) p.code[i] = c.code[i];
    for (std::size_t i = 0; i < outputs; ++i) p.outputs[i] = c.outputs[i];
    for (std::size_t i = 0; i < guards; ++i) p.guards[i] = c.guards[i];
    p.means = c.means;
    p.mean_results = c.mean_results;
    p.numbers = numbers;
    p.extras = extras;
    return p;
}

template <class E, class Vars>
inline constexpr auto gradient_plan = compile_plan<gradient_plan_builder<E, Vars>>();

// WithGradient: the value and the gradient first (value_gradient_hessian).
template <class E, class Vars, bool WithGradient>
inline constexpr auto hessian_plan = compile_plan<hessian_plan_builder<E, Vars, WithGradient>>();

}  // namespace leibniz::detail::plan
