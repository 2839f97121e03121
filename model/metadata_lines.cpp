// "label: value" lines that content-management systems print around a report (the 信息公开
// index table, the info bar under the title), and the date formats they use.
#include <array>
#include <string_view>
#include <utility>

#include "gongwen/unicode.hpp"
#include "model/grammar.hpp"

namespace gongwen {

namespace {

struct Label {
    std::u32string_view text;
    MetaKey key;
};

// Matched on the analysis view (Simplified, half-width colon).
constexpr std::array<Label, 58> kLabels{{
    {U"名称", MetaKey::title},
    {U"标题", MetaKey::title},
    {U"文件名称", MetaKey::title},
    {U"信息名称", MetaKey::title},
    {U"索引号", MetaKey::index_number},
    {U"文号", MetaKey::document_number},
    {U"发文字号", MetaKey::document_number},
    {U"发布机构", MetaKey::publisher},
    {U"发文机关", MetaKey::publisher},
    {U"发布单位", MetaKey::publisher},
    {U"发文单位", MetaKey::publisher},
    {U"主题分类", MetaKey::category},
    {U"主题词", MetaKey::keywords},
    {U"关键词", MetaKey::keywords},
    {U"关键字", MetaKey::keywords},
    {U"发布时间", MetaKey::published},
    {U"发布日期", MetaKey::published},
    {U"发表时间", MetaKey::published},
    {U"发表日期", MetaKey::published},
    {U"公开日期", MetaKey::published},
    {U"发文日期", MetaKey::written},
    {U"成文日期", MetaKey::written},
    {U"生成日期", MetaKey::written},
    {U"印发日期", MetaKey::written},
    {U"来源", MetaKey::source},
    {U"信息来源", MetaKey::source},
    {U"文章来源", MetaKey::source},
    {U"组配分类", MetaKey::extra},
    {U"有效性", MetaKey::extra},
    {U"效力状态", MetaKey::extra},
    {U"公开方式", MetaKey::extra},
    {U"公开范围", MetaKey::extra},
    {U"公开形式", MetaKey::extra},
    {U"体裁分类", MetaKey::extra},
    {U"组织分类", MetaKey::extra},
    {U"服务对象", MetaKey::extra},
    {U"信息分类", MetaKey::extra},
    {U"内容分类", MetaKey::extra},
    {U"所属栏目", MetaKey::extra},
    // A site's column, and where a crawler took the page from and put it: never the title or issuer.
    {U"栏目", MetaKey::extra},
    {U"原文链接", MetaKey::extra},
    {U"本地目录", MetaKey::extra},
    {U"作者", MetaKey::extra},
    {U"责任编辑", MetaKey::extra},
    {U"时效性", MetaKey::extra},
    {U"公开时限", MetaKey::extra},
    {U"分类", MetaKey::extra},
    {U"浏览次数", MetaKey::chrome},
    {U"浏览量", MetaKey::chrome},
    {U"点击数", MetaKey::chrome},
    {U"点击量", MetaKey::chrome},
    {U"访问量", MetaKey::chrome},
    {U"阅读次数", MetaKey::chrome},
    {U"阅读量", MetaKey::chrome},
    {U"字体", MetaKey::chrome},
    {U"字号", MetaKey::chrome},
    {U"分享", MetaKey::chrome},
    {U"分享到", MetaKey::chrome},
}};

// The longest label at view[i] that is followed by a colon; returns {label, colon end}.
std::pair<const Label*, std::size_t> label_at(std::u32string_view view, std::size_t i) {
    const Label* best = nullptr;
    std::size_t best_end = 0;
    for (const Label& label : kLabels) {
        if (view.substr(i, label.text.size()) != label.text) continue;
        std::size_t j = i + label.text.size();
        while (j < view.size() && is_space(view[j])) ++j;
        if (j >= view.size() || view[j] != ':') continue;
        if (!best || label.text.size() > best->text.size()) {
            best = &label;
            best_end = j + 1;
        }
    }
    return {best, best_end};
}

int digits_value(std::u32string_view s, std::size_t& i, std::size_t max_digits) {
    int value = 0;
    std::size_t n = 0;
    while (i < s.size() && is_ascii_digit(s[i]) && n < max_digits) {
        value = value * 10 + static_cast<int>(s[i] - '0');
        ++i;
        ++n;
    }
    return n == 0 ? -1 : value;
}

// 二〇二一 → 2021 (digit by digit), 二十二 → 22 (positional).
int chinese_number(std::u32string_view s, std::size_t& i, bool digit_by_digit) {
    std::size_t j = i;
    while (j < s.size() && is_chinese_numeral(s[j])) ++j;
    if (j == i) return -1;
    const std::u32string_view run = s.substr(i, j - i);
    int value = -1;
    if (digit_by_digit) {
        static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
        value = 0;
        for (char32_t cp : run) {
            std::size_t d = kDigits.find(cp);
            if (cp == U'零') d = 0;
            if (d == std::u32string_view::npos) return -1;
            value = value * 10 + static_cast<int>(d);
        }
    } else {
        value = parse_numeral(run);
    }
    i = j;
    return value;
}

bool valid_date(int y, int m, int d) {
    static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

std::string iso(int y, int m, int d) {
    std::string out(10, '0');
    const auto put = [&](std::size_t at, int v, int width) {
        for (int k = width - 1; k >= 0; --k, v /= 10) out[at + k] = static_cast<char>('0' + v % 10);
    };
    put(0, y, 4);
    out[4] = '-';
    put(5, m, 2);
    out[7] = '-';
    put(8, d, 2);
    return out;
}

void skip_spaces(std::u32string_view s, std::size_t& i) {
    while (i < s.size() && is_space(s[i])) ++i;
}

}  // namespace

std::string parse_date(std::u32string_view view, bool whole, std::string* time) {
    std::size_t i = 0;
    skip_spaces(view, i);
    int y = -1;
    int m = -1;
    int d = -1;
    if (i < view.size() && is_ascii_digit(view[i])) {
        y = digits_value(view, i, 4);
        if (i >= view.size()) return {};
        const char32_t sep = view[i];
        if (sep != '-' && sep != '/' && sep != '.' && sep != U'年') return {};
        ++i;
        m = digits_value(view, i, 2);
        if (i >= view.size() || view[i] != (sep == U'年' ? U'月' : sep)) return {};
        ++i;
        d = digits_value(view, i, 2);
        if (sep == U'年') {
            if (i >= view.size() || (view[i] != U'日' && view[i] != U'号')) return {};
            ++i;
        }
    } else {
        y = chinese_number(view, i, true);
        if (i >= view.size() || view[i++] != U'年') return {};
        m = chinese_number(view, i, false);
        if (i >= view.size() || view[i++] != U'月') return {};
        d = chinese_number(view, i, false);
        if (i >= view.size() || (view[i] != U'日' && view[i] != U'号')) return {};
        ++i;
    }
    if (!valid_date(y, m, d)) return {};
    skip_spaces(view, i);
    // An optional time "10:05" or "10:05:33".
    std::size_t t = i;
    const int hh = digits_value(view, t, 2);
    if (hh >= 0 && hh < 24 && t < view.size() && (view[t] == ':' || view[t] == U'时')) {
        const bool chinese = view[t] == U'时';
        ++t;
        const int mm = digits_value(view, t, 2);
        if (chinese && mm >= 0 && t < view.size() && view[t] == U'分') ++t;
        if (mm >= 0 && mm < 60) {
            if (time) {
                std::string s(5, '0');
                s[0] = static_cast<char>('0' + hh / 10);
                s[1] = static_cast<char>('0' + hh % 10);
                s[2] = ':';
                s[3] = static_cast<char>('0' + mm / 10);
                s[4] = static_cast<char>('0' + mm % 10);
                *time = s;
            }
            if (t < view.size() && view[t] == ':') {
                ++t;
                digits_value(view, t, 2);
            }
            i = t;
            skip_spaces(view, i);
        }
    }
    if (whole && i != view.size()) return {};
    return iso(y, m, d);
}

std::optional<std::vector<LabelledValue>> parse_metadata_line(std::u32string_view view) {
    std::size_t start = 0;
    if (!view.empty() && (view[0] == U'【' || view[0] == '[')) start = 1;
    if (!label_at(view, start).first) return std::nullopt;

    std::vector<LabelledValue> values;
    for (std::size_t i = start; i < view.size();) {
        // No word boundary is required before a label: cleanup has already removed the
        // spaces that separated "发布机构: X 主题分类: Y" in the source.
        const auto [label, colon_end] = label_at(view, i);
        if (!label) {
            ++i;
            continue;
        }
        if (!values.empty()) {
            std::size_t e = i;
            // "来源：X 【字体：大 中 小】": the bracket opens the widget, not part of X.
            while (e > values.back().value_begin &&
                   (is_space(view[e - 1]) || view[e - 1] == '|' || view[e - 1] == U'【' || view[e - 1] == '['))
                --e;
            values.back().value_end = e;
        }
        std::size_t v = colon_end;
        skip_spaces(view, v);
        values.push_back(LabelledValue{label->key, i, v, view.size()});
        i = colon_end;
    }
    auto& last = values.back();
    // "来源:【】" (a widget's brackets around a script-filled value) states nothing.
    while (last.value_end > last.value_begin &&
           (is_space(view[last.value_end - 1]) || view[last.value_end - 1] == U'】' ||
            view[last.value_end - 1] == U'【' || view[last.value_end - 1] == '['))
        --last.value_end;
    return values;
}

}  // namespace gongwen
