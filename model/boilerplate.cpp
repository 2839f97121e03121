// Web-page chrome: the navigation, widgets and footers that come along when a page is copied
// as text. Decided on the analysis view, so Traditional pages are recognised too.
#include <array>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/facts_internal.hpp"
#include "model/grammar.hpp"

namespace gongwen {

namespace {

bool contains(std::u32string_view s, std::u32string_view what) { return s.find(what) != std::u32string_view::npos; }

bool starts_with(std::u32string_view s, std::u32string_view what) { return s.substr(0, what.size()) == what; }

std::u32string without_spaces(std::u32string_view view) {
    std::u32string s;
    for (char32_t cp : view)
        if (!is_space(cp)) s.push_back(cp);
    return s;
}

// Phrases no report sentence uses but every government site footer or toolbar does.
constexpr std::array<std::u32string_view, 39> kChromePhrases{
    U"无障碍浏览", U"无障碍阅读", U"长者版",    U"关怀版",    U"ICP备",        U"ICP证",          U"公网安备",
    U"公安备案",   U"网站标识码", U"版权所有",  U"Copyright", U"COPYRIGHT",    U"copyright",      U"©",
    U"主办单位:",  U"承办单位:",  U"技术支持:", U"支持IPv6",  U"扫一扫在手机", U"手机打开当前页", U"手机扫描二维码",
    U"关闭窗口",   U"打印文章",   U"打印本页",  U"【打印】",  U"收藏本页",     U"加入收藏",       U"分享到",
    U"上一篇",     U"下一篇",     U"返回列表",  U"返回顶部",  U"留言与评论",   U"发表评论",       U"网站地图",
    U"设为首页",   U"浏览次数",   U"字体:[",    U"网站导航"};

constexpr facts::WordSet kChromePhraseSet{kChromePhrases};

constexpr std::array<std::u32string_view, 14> kChromeLines{
    U"附件下载", U"相关附件", U"相关链接", U"相关文章", U"相关阅读", U"打印", U"关闭",
    U"分享",     U"【字体:",  U"下载",     U"全屏",     U"收藏",     U"纠错", U"我要纠错"};

constexpr std::array<std::u32string_view, 6> kBreadcrumbStarts{U"当前位置", U"您的位置",     U"您现在的位置",
                                                               U"你的位置", U"你现在的位置", U"现在位置"};

bool is_sentence_punct(char32_t cp) { return cp == U'。' || cp == U'，' || cp == ',' || cp == ';' || cp == U'；'; }

// "长者版 | 无障碍浏览 | 联系我们": short items separated by bars.
bool is_nav_bar(std::u32string_view s) {
    std::size_t items = 0;
    std::size_t bars = 0;
    std::size_t run = 0;
    for (char32_t cp : s) {
        if (cp == '|' || cp == U'丨' || cp == U'｜') {
            ++bars;
            if (run > 0) ++items;
            run = 0;
        } else if (!is_space(cp)) {
            if (is_sentence_punct(cp) || ++run > 12) return false;
        }
    }
    if (run > 0) ++items;
    return bars >= 1 && (items >= 2 || items == 0);
}

// "【关闭窗口】【打印文章】", "[大][中][小]": only bracketed widget labels.
bool is_widget_row(std::u32string_view s) {
    if (s.empty() || (s[0] != U'【' && s[0] != '[')) return false;
    std::size_t inside = 0;
    for (char32_t cp : s) {
        if (cp == U'【' || cp == '[' || cp == U'】' || cp == ']') {
            inside = 0;
        } else if (++inside > 8 || is_sentence_punct(cp)) {
            return false;
        }
    }
    return true;
}

bool is_breadcrumb(std::u32string_view s) {
    // A breadcrumb is short: a line that starts like one and runs on with sentences is the page's
    // body glued to its breadcrumb (a crawler's one-line text), not furniture to drop whole.
    for (auto start : kBreadcrumbStarts)
        if (starts_with(s, start)) return s.size() <= 200 || !contains(s, U"。");
    const bool arrows = contains(s, U">") || contains(s, U"»") || contains(s, U"›") || contains(s, U"→");
    return arrows && contains(s, U"首页") && s.size() <= 80;
}

// A news photo's caption left without its photo: "殷勇同志作政府工作报告。本报记者 戴冰摄",
// "（新华社记者 李某 摄）": short, ending with the photographer's 摄 or 供图.
bool is_photo_credit(std::u32string s) {
    while (!s.empty() && (s.back() == ')' || s.back() == U'）')) s.pop_back();
    if (s.size() > 60 || !(s.ends_with(U"摄") || s.ends_with(U"供图"))) return false;
    return contains(s, U"记者") || contains(s, U"通讯员") || contains(s, U"摄影");
}

// A site's clock (今天是2024年5月11日 星期六) and an aggregator's stamp (12.03.2024, 12.03.2024
// 09:30): the day the page was shown or crawled, never the document's date nor its year.
bool is_site_clock(std::u32string_view s) {
    if (s.size() > 40) return false;
    // A date with its weekday alone may be a news page's dateline: a clock says what it is.
    bool lead_found = false;
    for (std::u32string_view lead :
         {U"今天是", U"今日是", U"今天:", U"今日:", U"今天", U"今日", U"当前时间:", U"现在是"})
        if (starts_with(s, lead)) {
            s.remove_prefix(lead.size());
            if (!s.empty() && s.front() == ':') s.remove_prefix(1);
            lead_found = true;
            break;
        }
    if (!lead_found) return false;
    std::size_t weekday = s.find(U"星期");
    if (weekday == std::u32string_view::npos) weekday = s.find(U"礼拜");
    if (weekday == std::u32string_view::npos) return false;
    return !parse_date(s.substr(0, weekday), true).empty();
}

bool is_day_month_year_stamp(std::u32string_view s) {
    const auto number = [&](std::size_t& i, std::size_t min, std::size_t max) {
        std::size_t n = 0;
        int value = 0;
        while (i < s.size() && is_ascii_digit(s[i]) && n < max)
            value = value * 10 + static_cast<int>(s[i++] - '0'), ++n;
        return n >= min ? value : -1;
    };
    std::size_t i = 0;
    const int d = number(i, 1, 2);
    if (d < 1 || d > 31 || i >= s.size() || s[i++] != '.') return false;
    const int m = number(i, 1, 2);
    if (m < 1 || m > 12 || i >= s.size() || s[i++] != '.') return false;
    const int y = number(i, 4, 4);
    if (y < 1900) return false;
    // An optional time after it (09:30, 09:30:15; the space before it is gone here).
    const std::u32string_view time = s.substr(i);
    return time.empty() || (time.find(':') != std::u32string_view::npos &&
                            time.find_first_not_of(U"0123456789:") == std::u32string_view::npos);
}

}  // namespace

bool is_bare_breadcrumb_start(std::u32string_view view) {
    const std::u32string s = without_spaces(view);
    if (s.empty() || s.back() != ':') return false;
    for (auto start : kBreadcrumbStarts)
        if (s.size() == start.size() + 1 && starts_with(s, start)) return true;
    return false;
}

// The characters pages put between menu items and breadcrumb levels, and those with the
// brackets around menu items.
constexpr std::u32string_view kSeparatorsAndBrackets = U"|｜丨/>»›→-_=*·•【】[]";
constexpr std::u32string_view kSeparators = kSeparatorsAndBrackets.substr(0, kSeparatorsAndBrackets.size() - 4);

bool is_separator_line(std::u32string_view view) {
    const std::u32string s = without_spaces(view);
    return !s.empty() && s.find_first_not_of(kSeparators) == std::u32string::npos;
}

bool is_chrome_line(std::u32string_view view) {
    const std::u32string s = without_spaces(view);
    if (s.empty()) return false;
    if (s.find_first_not_of(kSeparatorsAndBrackets) == std::u32string::npos) return true;
    for (auto line : kChromeLines)
        if (starts_with(s, line) && s.find_first_not_of(U">»:》", line.size()) == std::u32string::npos) return true;
    if (is_breadcrumb(s) || is_nav_bar(s) || is_widget_row(s) || is_photo_credit(s)) return true;
    if (is_site_clock(s) || is_day_month_year_stamp(s)) return true;
    if (s.size() > 160) return false;
    // Whether any of the phrases occurs: one pass over the line, most of its characters
    // rejected as the start of none.
    for (std::size_t i = 0; i < s.size(); ++i)
        if (facts::match_any(s, i, kChromePhraseSet) > 0) return true;
    return false;
}

std::u32string footer_owner(std::u32string_view view) {
    const std::u32string s(view);
    // "主办单位:X 联系方式…", "主办:X"
    for (std::u32string_view label : {std::u32string_view(U"主办单位"), std::u32string_view(U"主办")}) {
        const std::size_t at = s.find(label);
        if (at == std::u32string::npos) continue;
        std::size_t b = at + label.size();
        while (b < s.size() && (is_space(s[b]) || s[b] == ':')) ++b;
        std::size_t e = b;
        while (e < s.size() && is_han(s[e])) ++e;
        if (e - b >= 4) return s.substr(b, e - b);
    }
    // "X 版权所有": the Han run right before the phrase.
    const std::size_t at = s.find(U"版权所有");
    if (at == std::u32string::npos) return {};
    std::size_t e = at;
    while (e > 0 && is_space(s[e - 1])) --e;
    std::size_t b = e;
    while (b > 0 && is_han(s[b - 1])) --b;
    return e - b >= 4 ? s.substr(b, e - b) : std::u32string{};
}

}  // namespace gongwen
