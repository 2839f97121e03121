// Latin punctuation inside Chinese text shown in its full-width form (GB/T 15834): text copied
// through NFKC, typed on a Latin keyboard or extracted from a PDF reaches us as 调整,明确 or
// (一)强化, which no 公文 prints. Only the display text changes, one character for one, so every
// span still points at the source; the analysis view is made from the text as it was.
#include <algorithm>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/line.hpp"

namespace gongwen {

namespace {

// Characters that say "this is Chinese text" beside a mark: Han, CJK and full-width
// punctuation, and the circled or parenthesised numbers of enumerations (① ⑴ ⒈).
bool chinese(char32_t cp) { return is_cjk(cp) || (cp >= 0x2460 && cp <= 0x249B); }

bool inline_space(char32_t cp) { return cp != '\n' && cp != '\r' && is_space(cp); }

// What a URL or an e-mail address may hold; its own punctuation is never widened.
bool url_char(char32_t cp) {
    return is_ascii_alpha(cp) || is_ascii_digit(cp) ||
           std::u32string_view(U"-._~:/?#[]@!$&'()*+,;=%").find(cp) != std::u32string_view::npos;
}

// Marks the characters of URLs (scheme://…, www.…) and e-mail addresses (a@b.c), without the
// punctuation that ends the sentence after them (as linkifiers strip it).
std::vector<bool> protected_runs(const std::u32string& t) {
    std::vector<bool> mark(t.size(), false);
    if (t.find(U"://") == std::u32string::npos && t.find(U"www.") == std::u32string::npos &&
        t.find('@') == std::u32string::npos)
        return mark;
    for (std::size_t i = 0; i < t.size();) {
        if (!url_char(t[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && url_char(t[j])) ++j;
        const std::u32string_view run(t.data() + i, j - i);
        const std::size_t at = run.find('@');
        const bool email = at != std::u32string_view::npos && at > 0 && at + 1 < run.size() &&
                           run.find('.', at) != std::u32string_view::npos;
        if (email || run.find(U"://") != std::u32string_view::npos || run.find(U"www.") != std::u32string_view::npos) {
            // It starts at its first letter or digit (网址:http://…: the colon is the sentence's)
            // and ends before the sentence's punctuation.
            while (i < j && !is_ascii_alpha(t[i]) && !is_ascii_digit(t[i])) ++i;
            std::size_t end = j;
            while (end > i && std::u32string_view(U".,;:!?)'\"").find(t[end - 1]) != std::u32string_view::npos) --end;
            std::fill(mark.begin() + static_cast<std::ptrdiff_t>(i), mark.begin() + static_cast<std::ptrdiff_t>(end),
                      true);
        }
        i = j;
    }
    return mark;
}

class Widener {
public:
    Widener(std::u32string& text, const std::vector<bool>& keep) : t_(text), keep_(keep) {}

    std::vector<std::size_t> run() {
        bool brackets = false, double_quotes = false, single_quotes = false, marks = false;
        for (char32_t c : t_) {
            brackets = brackets || c == '(' || c == ')';
            double_quotes = double_quotes || c == '"';
            single_quotes = single_quotes || c == '\'';
            marks = marks || is_mark(c);
        }
        if (brackets) pair_brackets();
        if (double_quotes) pair_quotes('"', U'“', U'”');
        if (single_quotes) pair_quotes('\'', U'‘', U'’');
        if (marks)
            for (std::size_t i = 0; i < t_.size(); ++i)
                if (is_mark(t_[i]) && !keep_[i] && stands_in_chinese(i)) set(i, t_[i] - 0x21 + 0xFF01);
        std::sort(changed_.begin(), changed_.end());
        return changed_;
    }

private:
    static bool is_mark(char32_t c) { return c == ',' || c == ':' || c == ';' || c == '?' || c == '!'; }
    char32_t before(std::size_t i) const { return i > 0 ? t_[i - 1] : 0; }
    char32_t after(std::size_t i) const { return i + 1 < t_.size() ? t_[i + 1] : 0; }
    // The next character after i that is not a space (0 at the end).
    char32_t next_word(std::size_t i) const {
        for (std::size_t j = i + 1; j < t_.size(); ++j)
            if (!inline_space(t_[j])) return t_[j];
        return 0;
    }
    char32_t previous_word(std::size_t i) const {
        for (std::size_t j = i; j-- > 0;)
            if (!inline_space(t_[j])) return t_[j];
        return 0;
    }
    bool has_han(std::size_t from, std::size_t to) const {
        return std::any_of(t_.begin() + static_cast<std::ptrdiff_t>(from), t_.begin() + static_cast<std::ptrdiff_t>(to),
                           is_han);
    }
    void set(std::size_t i, char32_t wide) {
        t_[i] = wide;
        changed_.push_back(i);
    }

    // , : ; ? ! after Chinese text, or before it; never between digits (1,000 12:30 3:2), and
    // never a '?' inside Chinese text, which is how mis-decoded text shows (left to be flagged).
    bool stands_in_chinese(std::size_t i) const {
        const char32_t left = before(i);
        const char32_t right = next_word(i);
        if (is_ascii_digit(left) && is_ascii_digit(after(i))) return false;
        if (in_mis_decoded_run(i)) return false;
        return chinese(left) || chinese(previous_word(i)) || is_han(right) || (chinese(right) && right != 0);
    }

    // A '?' or '!' of a run such as "?!" that starts with a mis-decoded '?'.
    bool in_mis_decoded_run(std::size_t i) const {
        if (t_[i] != '?' && t_[i] != '!') return false;
        std::size_t s = i;
        while (s > 0 && (t_[s - 1] == '?' || t_[s - 1] == '!')) --s;
        return t_[s] == '?' && looks_mis_decoded(t_, s);
    }

    // Parentheses in pairs, either of them already full-width or not: a pair is Chinese when it
    // holds a Han character or stands next to Chinese text (（一）强化, 总值（GDP）增长).
    void pair_brackets() {
        std::vector<std::size_t> open;
        for (std::size_t i = 0; i < t_.size(); ++i) {
            if (keep_[i]) continue;
            if (t_[i] == '(' || t_[i] == U'（') {
                open.push_back(i);
            } else if ((t_[i] == ')' || t_[i] == U'）') && !open.empty()) {
                const std::size_t o = open.back();
                open.pop_back();
                if (t_[o] == U'（' && t_[i] == U'）') continue;
                if (has_han(o + 1, i) || chinese(before(o)) || chinese(next_word(i)) || t_[o] == U'（' ||
                    t_[i] == U'）') {
                    if (t_[o] == '(') set(o, U'（');
                    if (t_[i] == ')') set(i, U'）');
                }
            } else if (t_[i] == ')' && (chinese(before(i)) || is_han(after(i)))) {
                set(i, U'）');  // its opening one is on another line
            }
        }
        for (std::size_t o : open)
            if (t_[o] == '(' && (is_han(after(o)) || chinese(before(o)))) set(o, U'（');
    }

    // Straight quotes in order: the first opens, the next closes (a curly one of the other
    // side counts too). An apostrophe between letters (don't, Xi'an) is no quote.
    void pair_quotes(char32_t straight, char32_t open_mark, char32_t close_mark) {
        std::size_t open = std::u32string::npos;
        for (std::size_t i = 0; i < t_.size(); ++i) {
            const char32_t c = t_[i];
            if (keep_[i] || (c != straight && c != open_mark && c != close_mark)) continue;
            if (c == straight && is_ascii_alpha(before(i)) && is_ascii_alpha(after(i))) continue;
            if (open == std::u32string::npos) {
                if (c != close_mark) open = i;
                continue;
            }
            if (c == open_mark) {  // a curly opening one: the straight one before it was alone
                lone_quote(open, open_mark, close_mark);
                open = i;
                continue;
            }
            const bool chinese_pair = has_han(open + 1, i) || chinese(before(open)) || chinese(next_word(i));
            if (chinese_pair && t_[open] == straight) set(open, open_mark);
            if (chinese_pair && c == straight) set(i, close_mark);
            open = std::u32string::npos;
        }
        if (open != std::u32string::npos) lone_quote(open, open_mark, close_mark);
    }

    // A straight quote without its partner on the line: opening before Han text, closing after it.
    void lone_quote(std::size_t i, char32_t open_mark, char32_t close_mark) {
        if (t_[i] == open_mark || t_[i] == close_mark) return;
        const char32_t left = before(i);
        const char32_t right = after(i);
        if (is_han(right) && !chinese(left) && !is_ascii_alpha(left) && !is_ascii_digit(left))
            set(i, open_mark);
        else if (chinese(left) && !is_han(right))
            set(i, close_mark);
    }

    std::u32string& t_;
    const std::vector<bool>& keep_;
    std::vector<std::size_t> changed_;
};

}  // namespace

std::vector<std::size_t> widen_punctuation(std::u32string& text,
                                           const std::vector<std::pair<std::size_t, std::size_t>>& leave) {
    if (std::none_of(text.begin(), text.end(), [](char32_t c) {
            return c == ',' || c == ':' || c == ';' || c == '?' || c == '!' || c == '(' || c == ')' || c == '"' ||
                   c == '\'';
        }))
        return {};
    std::vector<bool> keep = protected_runs(text);
    for (const auto& [begin, end] : leave)
        for (std::size_t i = begin; i < end && i < keep.size(); ++i) keep[i] = true;
    return Widener(text, keep).run();
}

}  // namespace gongwen
