// Cleanup of one line: pinyin annotations and spaces between CJK characters are removed from
// the display text, Latin punctuation in Chinese text is shown full-width (punctuation.cpp);
// suspected mojibake is only flagged. Every kept character remembers its
// source position.
#include <algorithm>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/line.hpp"

namespace gongwen {

namespace {

constexpr std::u32string_view kToneVowels = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";

bool is_pinyin_letter(char32_t cp) {
    return (cp >= 'a' && cp <= 'z') || cp == U'ü' || cp == U'ê' || kToneVowels.find(cp) != std::u32string_view::npos;
}

bool is_open_paren(char32_t cp) { return cp == '(' || cp == U'（'; }
bool is_close_paren(char32_t cp) { return cp == ')' || cp == U'）'; }

// Length of a pinyin annotation "(xué)" starting at raw[i] (an opening parenthesis right after
// a Han character), or 0. Toneless syllables count only in documents full of annotations.
std::size_t pinyin_at(const std::u32string& raw, std::size_t i, bool pinyin_document) {
    if (!is_open_paren(raw[i]) || i == 0 || !is_han(raw[i - 1])) return 0;
    std::size_t j = i + 1;
    bool toned = false;
    bool vowel = false;
    while (j < raw.size() && j - i <= 7 && is_pinyin_letter(raw[j])) {
        toned = toned || kToneVowels.find(raw[j]) != std::u32string_view::npos;
        vowel = vowel || std::u32string_view(U"aeiouüvê").find(raw[j]) != std::u32string_view::npos;
        ++j;
    }
    if (j == i + 1 || j >= raw.size() || !is_close_paren(raw[j])) return 0;
    if (!toned && !(pinyin_document && vowel)) return 0;
    return j + 1 - i;
}

bool is_inline_space(char32_t cp) { return cp != '\n' && cp != '\r' && is_space(cp); }

}  // namespace

// Mis-decoded text (UTF-8 read as GBK and back) leaves a half-width '?' glued to letters,
// box-drawing or private-use characters, or a lone Latin letter between ideographs.
bool looks_mis_decoded(const std::u32string& t, std::size_t i) {
    const char32_t cp = t[i];
    // Only these characters can be a sign: the others (nearly every one) are rejected first.
    const bool box_or_private = (cp >= 0x2500 && cp <= 0x257F) || (cp >= 0xE000 && cp <= 0xF8FF);
    if (cp != 0xFFFD && !box_or_private && cp != '?' && !(cp >= 'a' && cp <= 'z')) return false;
    const bool prev_han = i > 0 && is_han(t[i - 1]);
    if (cp == 0xFFFD) return true;
    if ((cp >= 0x2500 && cp <= 0x257F) || (cp >= 0xE000 && cp <= 0xF8FF))
        return prev_han || (i + 1 < t.size() && is_han(t[i + 1]));
    if (cp == '?' && prev_han) {
        std::size_t j = i + 1;
        while (j < t.size() && (t[j] == '!' || t[j] == '?')) ++j;
        return j < t.size() && (is_han(t[j]) || is_ascii_alpha(t[j]));
    }
    // A lowercase letter alone between ideographs; capitals are real (A级, S基金).
    if (cp >= 'a' && cp <= 'z' && prev_han && i + 1 < t.size() && is_han(t[i + 1])) return true;
    return false;
}

namespace {

// Flags the garbled runs of a line; returns them as [begin, end) positions of its text.
std::vector<std::pair<std::size_t, std::size_t>> flag_mojibake(const Line& line, CleanupReport& report) {
    std::vector<std::pair<std::size_t, std::size_t>> runs;
    const std::u32string& t = line.text;
    std::size_t last_end = 0;  // end of the run flagged last in this line, 0 for none
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!looks_mis_decoded(t, i)) continue;
        // Extend over the garbled run: neighbours up to the nearest space or CJK punctuation.
        std::size_t b = i;
        std::size_t e = i + 1;
        while (b > 0 && i - b < 4 && !is_cjk_punct(t[b - 1]) && !is_space(t[b - 1])) --b;
        while (e < t.size() && e - i < 6 && !is_space(t[e]) && (!is_cjk_punct(t[e]) || t[e] == U'《')) {
            if (t[e] == U'《') {
                ++e;
                break;
            }
            ++e;
        }
        // One garbled stretch is one finding, even when it trips several signs.
        if (last_end > 0 && b <= last_end + 3) {
            if (report.mojibake.spans.size() == report.mojibake.count)  // its span is kept
                report.mojibake.spans.back().end = line.span_of(b, e).end;
        } else {
            report.mojibake.add(line.span_of(b, e));
        }
        if (!runs.empty() && b <= runs.back().second)
            runs.back().second = e;
        else
            runs.emplace_back(b, e);
        last_end = e;
        i = e;
    }
    return runs;
}

}  // namespace

void Origins::push_back(std::uint32_t source) {
    if (runs_.empty() || source != runs_.back().source + (size_ - runs_.back().index))
        runs_.push_back(Run{static_cast<std::uint32_t>(size_), source});
    ++size_;
}

std::size_t Origins::run_at(std::size_t i) const {
    if (runs_.size() == 1) return 0;
    const auto after = std::upper_bound(runs_.begin(), runs_.end(), i,
                                        [](std::size_t index, const Run& r) { return index < r.index; });
    return static_cast<std::size_t>(after - runs_.begin()) - 1;
}

std::uint32_t Origins::operator[](std::size_t i) const {
    const Run& r = runs_[run_at(i)];
    return r.source + static_cast<std::uint32_t>(i - r.index);
}

std::size_t Origins::lower_bound(std::uint32_t source) const {
    // The first run whose last offset reaches `source`, then the place in it.
    const auto last_of = [&](std::size_t k) {
        const std::size_t end = k + 1 < runs_.size() ? runs_[k + 1].index : size_;
        return runs_[k].source + static_cast<std::uint32_t>(end - 1 - runs_[k].index);
    };
    std::size_t lo = 0, hi = runs_.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (last_of(mid) < source)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == runs_.size()) return size_;
    const Run& r = runs_[lo];
    return r.index + (source > r.source ? source - r.source : 0);
}

Span Line::span_of(std::size_t begin, std::size_t end) const {
    if (begin >= end || begin >= text.size()) return Span{span.end, span.end};
    return Span{origin[begin], origin[end - 1] + 1};
}

std::string Line::utf8(std::size_t begin, std::size_t end) const {
    return to_utf8(std::u32string_view(text).substr(begin, end - begin));
}

std::size_t count_tone_marked_pinyin(const std::u32string& raw) {
    std::size_t n = 0;
    for (std::size_t i = 1; i < raw.size(); ++i)
        if (is_open_paren(raw[i]) && pinyin_at(raw, i, false) > 0) ++n;
    return n;
}

// Whether the spaces between Chinese characters of a line separate fields, as in 广东省省长 孟凡利,
// 第一部分 总体情况 or 主题词：法治 政府: a short line that is not a sentence (no ，。；！？) and not
// letter-spaced (法 治 政 府, where most characters stand apart). Spaces inside prose, where a
// line was wrapped or justified by the page the text came from, are removed instead.
namespace {

bool separates_fields(std::u32string_view line) {
    constexpr std::size_t kShortLine = 40;
    std::size_t characters = 0, cjk = 0, gaps = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char32_t c = line[i];
        if (is_inline_space(c)) continue;
        ++characters;
        if (c == U'，' || c == U'。' || c == U'；' || c == U'！' || c == U'？' || c == U',' || c == U';') return false;
        if (!is_cjk(c)) continue;
        ++cjk;
        if (i > 0 && is_inline_space(line[i - 1])) {
            std::size_t k = i - 1;
            while (k > 0 && is_inline_space(line[k - 1])) --k;
            if (k > 0 && is_cjk(line[k - 1])) ++gaps;
        }
    }
    return gaps > 0 && characters <= kShortLine && 2 * gaps < cjk - 1;
}

// Whether the space before raw[next] stands between two words of two or more Han characters
// each (省长 孟凡利, not the letter-spaced label 标 题 or the 一 、 of a marker).
bool words_apart(const std::u32string& before, const std::u32string& raw, std::size_t next, std::size_t end) {
    std::size_t left = 0, right = 0;
    for (auto it = before.rbegin(); it != before.rend() && is_han(*it) && left < 2; ++it) ++left;
    for (std::size_t k = next; k < end && is_han(raw[k]) && right < 2; ++k) ++right;
    return left >= 2 && right >= 2;
}

// The mark a widened one stood for: ，→ , “ → " ‘ → '.
char32_t as_written(char32_t wide) {
    if (wide == U'“' || wide == U'”') return '"';
    if (wide == U'‘' || wide == U'’') return '\'';
    return fold(wide);
}

// A full-width mark carries its own spacing: the spaces the source put beside the Latin one
// (调整, 明确  (1) 加强) go, counted with the other spaces removed from Chinese text.
void drop_spaces_beside(Line& line, const std::vector<std::size_t>& widened, CleanupReport& report) {
    std::vector<bool> wide(line.text.size(), false);
    for (std::size_t i : widened) wide[i] = true;
    std::vector<bool> drop(line.text.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < line.text.size();) {
        if (!is_inline_space(line.text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < line.text.size() && is_inline_space(line.text[j])) ++j;
        if ((i > 0 && wide[i - 1]) || (j < line.text.size() && wide[j])) {
            report.cjk_spaces.add(line.span_of(i, j));
            std::fill(drop.begin() + static_cast<std::ptrdiff_t>(i), drop.begin() + static_cast<std::ptrdiff_t>(j),
                      true);
            any = true;
        }
        i = j;
    }
    if (!any) return;
    std::u32string text, view;
    Origins origin;
    for (std::size_t i = 0; i < line.text.size(); ++i) {
        if (drop[i]) continue;
        text.push_back(line.text[i]);
        view.push_back(line.view[i]);
        origin.push_back(line.origin[i]);
    }
    line.text = std::move(text);
    line.view = std::move(view);
    line.origin = std::move(origin);
}

}  // namespace

Line make_line(const std::u32string& raw, std::size_t start, const std::vector<std::uint32_t>* origin,
               bool pinyin_document, CleanupReport& report) {
    const auto at = [&](std::size_t i) -> std::size_t {
        if (!origin) return start + i;
        return i < origin->size() ? (*origin)[i] : (origin->empty() ? start : origin->back() + 1);
    };
    std::size_t b = 0;
    std::size_t e = raw.size();
    while (b < e && is_space(raw[b])) ++b;
    while (e > b && is_space(raw[e - 1])) --e;

    const bool fields = separates_fields(std::u32string_view(raw).substr(b, e - b));

    Line line;
    line.span = b < e ? Span{at(b), at(e - 1) + 1} : Span{at(b), at(b)};
    line.text.reserve(e - b);
    for (std::size_t i = b; i < e;) {
        if (const std::size_t n = is_open_paren(raw[i]) ? pinyin_at(raw, i, pinyin_document) : 0; n > 0) {
            report.pinyin.add(Span{at(i), at(i + n - 1) + 1});
            i += n;
            continue;
        }
        if (is_inline_space(raw[i])) {
            std::size_t j = i;
            while (j < e && is_inline_space(raw[j])) ++j;
            const bool cjk_before = !line.text.empty() && is_cjk(line.text.back());
            const bool cjk_after = j < e && is_cjk(raw[j]);
            if (cjk_before && cjk_after) {
                if (fields && words_apart(line.text, raw, j, e)) {  // one space keeps the fields apart
                    line.text.push_back(U' ');
                    line.origin.push_back(static_cast<std::uint32_t>(at(i)));
                } else {
                    report.cjk_spaces.add(Span{at(i), at(j - 1) + 1});
                }
                i = j;
                continue;
            }
        }
        line.text.push_back(raw[i]);
        line.origin.push_back(static_cast<std::uint32_t>(at(i)));
        ++i;
    }
    for (char32_t cp : line.text)
        if (cp >= 0xFF01 && cp <= 0xFF5E && (is_ascii_digit(cp - 0xFEE0) || is_ascii_alpha(cp - 0xFEE0)))
            ++report.fullwidth;
    // Mis-decoded runs are flagged on the text as the source has it, and left as they are.
    const auto garbled = flag_mojibake(line, report);
    const std::vector<std::size_t> widened = widen_punctuation(line.text, garbled);
    line.view = fold(line.text);
    for (std::size_t i : widened) {
        report.punctuation.add(line.span_of(i, i + 1));
        line.view[i] = as_written(line.text[i]);  // the analysis sees the source's own mark
    }
    if (!widened.empty()) drop_spaces_beside(line, widened, report);
    return line;
}

}  // namespace gongwen
