// Building a plan: every instruction goes through `emit`, which folds what the
// structure decides (adding a structural 0, multiplying by a structural ±1,
// arithmetic on structural integers) and numbers values: an instruction equal
// to an earlier one (same operation, same operands) is that earlier one, so a
// subexpression is computed once however often the value, the gradient or the
// Hessian need it. A hash table keeps value numbering linear in the plan's size
// (Clang counts every step of a constant evaluation).
//
// Instructions are added under the current guard (instruction.hpp): an equal
// instruction under that guard or any guard around it is reused; one under
// another side of a branch is not (it may not have run).
#pragma once

#include <leibniz/plan/instruction.hpp>

#include <cstddef>
#include <cstdint>

namespace leibniz::detail::plan {

struct builder {
    buffer<instruction> code;
    // The largest input slot among an instruction's operands, transitively;
    // -1 for none (numbers and integers only: "constant-like").
    buffer<int> reach;
    buffer<int> table;  // open addressing: instruction ids, -1 empty
    std::size_t mask = 0;
    buffer<guard_info> guards;  // guards[0]: the whole plan
    int current = 0;            // the guard new instructions run under
    int variables = 0;          // the number of variables differentiated by (input slots 0 ... variables - 1)
    bool second_order = false;  // a Hessian's plan: means sum their second partials too

    constexpr builder() { guards.push_back(guard_info{}); }

    static constexpr std::uint64_t hash(const instruction& i) {
        std::uint64_t h = static_cast<std::uint64_t>(i.code) * 0x9E3779B97F4A7C15ull;
        h ^= static_cast<std::uint64_t>(static_cast<std::uint32_t>(i.a)) + 0x7F4A7C159E3779B9ull + (h << 6) + (h >> 2);
        h ^= static_cast<std::uint64_t>(static_cast<std::uint32_t>(i.b)) + 0x94D049BB133111EBull + (h << 6) + (h >> 2);
        h ^= (static_cast<std::uint64_t>(i.k) ^ (static_cast<std::uint64_t>(static_cast<std::uint32_t>(i.guard)) << 40)) +
             0xBF58476D1CE4E5B9ull + (h << 6) + (h >> 2);
        return h ^ (h >> 31);
    }

    constexpr void rehash(std::size_t slots) {
        table.size = 0;
        table.resize(slots, -1);
        mask = slots - 1;
        for (std::size_t id = 0; id < code.size; ++id) place(static_cast<int>(id));
    }
    constexpr void place(int id) {
        std::size_t s = static_cast<std::size_t>(hash(code[static_cast<std::size_t>(id)])) & mask;
        while (table[s] != -1) s = (s + 1) & mask;
        table[s] = id;
    }

    // The id of the instruction, added unless an equal one exists under the
    // current guard or a guard around it.
    constexpr int intern(instruction i) {
        if (is_commutative(i.code) && i.b < i.a) {
            const int t = i.a;
            i.a = i.b;
            i.b = t;
        }
        if (2 * (code.size + 1) > table.size || current != 0) {  // (one test on the common path)
            if (current != 0 && !is_leaf(i.code)) return intern_guarded(i);
            if (2 * (code.size + 1) > table.size) rehash(table.size == 0 ? 256 : 2 * table.size);
        }
        std::size_t s = static_cast<std::size_t>(hash(i)) & mask;
        while (table[s] != -1) {
            if (code[static_cast<std::size_t>(table[s])] == i) return table[s];
            s = (s + 1) & mask;
        }
        return add_at(s, i);
    }
    // (Apart from intern, whose every step Clang counts for each instruction built.)
    constexpr int intern_guarded(instruction i) {
        for (int g = current; g > 0; g = guards[static_cast<std::size_t>(g)].parent) {
            i.guard = g;
            if (const int id = find(i); id >= 0) return id;
        }
        i.guard = 0;
        if (const int id = find(i); id >= 0) return id;
        if (2 * (code.size + 1) > table.size) rehash(table.size == 0 ? 256 : 2 * table.size);
        i.guard = current;
        std::size_t s = static_cast<std::size_t>(hash(i)) & mask;
        while (table[s] != -1) s = (s + 1) & mask;
        return add_at(s, i);
    }
    constexpr int add_at(std::size_t s, const instruction& i) {
        const int id = static_cast<int>(code.size);
        code.push_back(i);
        const int count = operand_count(i.code);
        int r = i.code == op::input ? i.a : i.code == op::mean ? static_cast<int>(i.k) : -1;
        if (count >= 1 && reach[static_cast<std::size_t>(i.a)] > r) r = reach[static_cast<std::size_t>(i.a)];
        if (count >= 2 && reach[static_cast<std::size_t>(i.b)] > r) r = reach[static_cast<std::size_t>(i.b)];
        reach.push_back(r);
        table[s] = id;
        return id;
    }

    // The id of an instruction equal to i, or -1 (nothing is added).
    constexpr int find(const instruction& i) const {
        if (table.size == 0) return -1;
        std::size_t s = static_cast<std::size_t>(hash(i)) & mask;
        while (table[s] != -1) {
            if (code[static_cast<std::size_t>(table[s])] == i) return table[s];
            s = (s + 1) & mask;
        }
        return -1;
    }

    constexpr const instruction& at(int id) const { return code[static_cast<std::size_t>(id)]; }
    constexpr const guard_info& guard(int g) const { return guards[static_cast<std::size_t>(g)]; }

    // ---- branches ----
    // The guards of a branch's two sides, left < right (<= when not strict)
    // and its negation, inside the current guard: the first of the pair,
    // whose sibling is the second (the same pair for the same comparison).
    constexpr int branch_guards(int left, int right, bool strict) {
        for (std::size_t g = 1; g < guards.size; ++g) {
            const guard_info& x = guards[g];
            if (x.true_side && x.parent == current && x.left == left && x.right == right && x.strict == strict)
                return static_cast<int>(g);
        }
        const int first = static_cast<int>(guards.size);
        const int test = intern({op::test, left, right, first});
        guards.push_back(guard_info{current, left, right, strict, true, first + 1, test});
        guards.push_back(guard_info{current, left, right, strict, false, first, test});
        return first;
    }
    // a where guard g holds, else b; under g's parent (the current guard).
    constexpr int select(int g, int a, int b) {
        if (a == b) return a;
        return intern({op::select, a, b, g});
    }
    constexpr bool is_integer(int id, long long k) const {
        return at(id).code == op::integer && at(id).k == k;
    }
    constexpr bool is_integer(int id) const { return at(id).code == op::integer; }
    constexpr bool is_negation(int id) const { return at(id).code == op::neg; }
    constexpr bool is_constant_like(int id) const { return reach[static_cast<std::size_t>(id)] < 0; }
    constexpr int reach_of(int id) const { return reach[static_cast<std::size_t>(id)]; }
    // An integer 2^m (m >= 1) or its negative: multiplying by it is exact, so it may move across a product.
    constexpr bool is_exact_scale(int id) const {
        if (!is_integer(id)) return false;
        long long k = at(id).k < 0 ? -at(id).k : at(id).k;
        if (k < 2) return false;
        while (k % 2 == 0) k /= 2;
        return k == 1;
    }

    // ---- leaves ----
    constexpr int integer(long long k) { return intern({op::integer, 0, 0, k}); }
    constexpr int input(int slot) { return intern({op::input, slot, 0, 0}); }
    constexpr int number(int slot) { return intern({op::number, slot, 0, 0}); }
    constexpr int real_coefficient(int slot, long long shift) { return intern({op::real_coefficient, 0, slot, shift}); }
    constexpr int real(real_constant c) { return intern({op::real, static_cast<int>(c), 0, 0}); }

    // ---- arithmetic, folding structural integers ----
    // Every rewrite below is exact in IEEE arithmetic (signed zeros included):
    // a + (-b) is a - b by definition, (-a)·b is -(a·b), and scaling by 2^m
    // commutes with rounding (barring overflow), so a plan's value stays
    // bitwise the expression's value.
    // (Each reads its operands' instructions once: Clang counts every call of
    // a constant evaluation, and these run for every instruction built.)
    constexpr int add(int a, int b) {
        const instruction x = at(a);
        const instruction y = at(b);
        const bool xi = x.code == op::integer, yi = y.code == op::integer;
        if (xi && x.k == 0) return b;
        if (yi && y.k == 0) return a;
        if (xi && yi) return integer(x.k + y.k);
        if (y.code == op::neg) return sub(a, y.a);
        if (x.code == op::neg) return sub(b, x.a);
        return intern({op::add, a, b, 0});
    }
    constexpr int sub(int a, int b) {
        const instruction x = at(a);
        const instruction y = at(b);
        const bool xi = x.code == op::integer, yi = y.code == op::integer;
        if (yi && y.k == 0) return a;
        if (xi && x.k == 0) return neg(b);
        if (xi && yi) return integer(x.k - y.k);
        if (y.code == op::neg) return add(a, y.a);
        return intern({op::sub, a, b, 0});
    }
    constexpr int neg(int a) {
        const instruction x = at(a);
        if (x.code == op::integer) return integer(-x.k);
        if (x.code == op::neg) return x.a;
        return intern({op::neg, a, 0, 0});
    }
    constexpr int mul(int a, int b) {
        const instruction x = at(a);
        const instruction y = at(b);
        const bool xi = x.code == op::integer, yi = y.code == op::integer;
        if (xi && x.k == 1) return b;
        if (yi && y.k == 1) return a;
        if (xi && x.k == -1) return neg(b);
        if (yi && y.k == -1) return neg(a);
        if (xi && yi) return integer(x.k * y.k);
        if (x.code == op::neg) return neg(mul(x.a, b));
        if (y.code == op::neg) return neg(mul(a, y.a));
        // c·(2^m·y) as (c·2^m)·y for c free of inputs: the constant part folds
        // when the expression is known (100·(2·d) becomes 200·d).
        const bool xc = is_constant_like(a), yc = is_constant_like(b);
        if (xc && !yc) {
            if (const int moved = move_scale(a, b); moved >= 0) return moved;
        } else if (yc && !xc) {
            if (const int moved = move_scale(b, a); moved >= 0) return moved;
        }
        return intern({op::mul, a, b, 0});
    }
    // c·(s·y) → (c·s)·y when s is an exact scale; -1 when p is not such a product.
    constexpr int move_scale(int c, int p) {
        if (at(p).code != op::mul) return -1;
        const int x = at(p).a, y = at(p).b;
        if (is_exact_scale(x) && !is_constant_like(y)) return mul(mul(c, x), y);
        if (is_exact_scale(y) && !is_constant_like(x)) return mul(mul(c, y), x);
        return -1;
    }
    constexpr int div(int a, int b) {
        if (is_integer(b, 1)) return a;
        if (is_integer(b, -1)) return neg(a);
        return intern({op::div, a, b, 0});
    }
    constexpr int ipow(int a, long long k) {
        if (k == 1) return a;
        return intern({op::ipow, a, 0, k});
    }
    constexpr int unary(op code, int a) { return intern({code, a, 0, 0}); }
    constexpr int binary(op code, int a, int b) { return intern({code, a, b, 0}); }
    constexpr int pow(int a, int b) { return intern({op::pow, a, b, 0}); }
    constexpr int real_pow(int a, int slot, long long shift) { return intern({op::real_pow, a, slot, shift}); }
};

}  // namespace leibniz::detail::plan
