// Finding the article in a page, the way Readability does: chrome is dropped by element and by
// class name (nav, footer, share widgets, related-article lists…), every paragraph scores its
// ancestors by its length and punctuation, containers full of links score less, and the best
// container is widened to the region around it that holds the title, info bar and index table
// but no more than a little other text.
#include <algorithm>
#include <array>

#include "converters/html/page.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::html {

namespace {

// Parts of class and id names that mark page chrome, anywhere in the name.
constexpr std::array<std::string_view, 45> kChromeParts{
    "share",    "jiathis",    "breadcrumb", "crumb",   "footer",     "navbar", "navigation", "topnav",  "menu",
    "sidebar",  "copyright",  "banquan",    "qrcode",  "erweima",    "weixin", "wechat",     "related", "relate",
    "xgwz",     "xglj",       "xgxx",       "comment", "pinglun",    "login",  "search",     "sousuo",  "toolbar",
    "fontsize", "font-size",  "font_size",  "zihao",   "print",      "dayin",  "gotop",      "backtop", "advert",
    "banner",   "friendlink", "yqlj",       "sitemap", "pagination", "pager",  "weather",    "tianqi",  "wza"};

// Whole words of class and id names that mark page chrome.
constexpr std::array<std::string_view, 16> kChromeWords{"nav",      "foot", "bottom", "header", "head",  "top",
                                                        "side",     "ad",   "ads",    "tool",   "tools", "position",
                                                        "location", "dqwz", "clock",  "links"};

// Parts of names that content containers use (TRS_Editor, zoom, article-content, zwgk…).
constexpr std::array<std::string_view, 16> kContentParts{"article",  "content", "main",     "body", "text", "zoom",
                                                         "detail",   "editor",  "zhengwen", "xxgk", "zwgk", "title",
                                                         "wenzhang", "neirong", "news_con", "con_"};

template <std::size_t N>
bool any_part(std::string_view s, const std::array<std::string_view, N>& parts) {
    return std::any_of(parts.begin(), parts.end(),
                       [&](std::string_view p) { return s.find(p) != std::string_view::npos; });
}

template <std::size_t N>
bool any_word(std::string_view s, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return has_token(s, w); });
}

bool chrome_by_name(pugi::xml_node element) {
    const std::string names = class_and_id(element);
    if (names.size() <= 1) return false;
    return (any_part(names, kChromeParts) || any_word(names, kChromeWords)) && !any_part(names, kContentParts);
}

// Widgets are often named after the part of the page they serve (article-share, content_print):
// a small element without a sentence whose name says it is a widget is one, whatever else the
// name says.
bool widget_by_name(pugi::xml_node element, const Stats& s) {
    static constexpr std::array<std::string_view, 17> kWidgetParts{
        "share",   "jiathis", "print",  "dayin", "fontsize", "font-size", "font_size", "zihao",  "qrcode",
        "erweima", "weixin",  "wechat", "gotop", "backtop",  "toolbar",   "comment",   "pinglun"};
    return s.text <= 40 && s.punct == 0 && any_part(class_and_id(element), kWidgetParts);
}

bool inside_tag(pugi::xml_node element, std::string_view a, std::string_view b) {
    for (pugi::xml_node p = element.parent(); p; p = p.parent())
        if (p.name() == a || p.name() == b) return true;
    return false;
}

// nav, aside, menu, and header/footer of the page (not those of an <article>).
bool chrome_by_tag(pugi::xml_node element) {
    const std::string_view tag = element.name();
    if (tag == "nav" || tag == "aside" || tag == "menu") return true;
    return (tag == "header" || tag == "footer") && !inside_tag(element, "article", "main");
}

bool clause_punct(char32_t cp) {
    return cp == U'，' || cp == U'。' || cp == U'；' || cp == U'、' || cp == U'！' || cp == U'？';
}

void number_elements(const Page& page, Analysis& a) {
    std::vector<std::pair<pugi::xml_node, std::size_t>> stack;
    if (page.html()) stack.emplace_back(page.html(), Analysis::npos);
    while (!stack.empty()) {
        auto [node, parent] = stack.back();
        stack.pop_back();
        const std::size_t id = a.elements.size();
        a.elements.push_back(node);
        a.parent.push_back(parent);
        a.index[node.internal_object()] = id;
        std::vector<pugi::xml_node> children;
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element) children.push_back(c);
        for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, id);
    }
    a.stats.assign(a.elements.size(), Stats{});
    a.last.resize(a.elements.size());
    for (std::size_t i = a.elements.size(); i-- > 0;) {
        a.last[i] = std::max(a.last[i], i);
        if (a.parent[i] != Analysis::npos) a.last[a.parent[i]] = std::max(a.last[a.parent[i]], a.last[i]);
    }
}

// Counts text bottom-up (reverse pre-order visits children before parents).
void count(Analysis& a) {
    for (std::size_t i = 0; i < a.elements.size(); ++i) {
        Stats& s = a.stats[i];
        s.pruned = s.mark || (a.parent[i] != Analysis::npos && a.stats[a.parent[i]].pruned);
        s.text = s.link_text = s.punct = s.periods = s.links = s.tables = s.inline_text = s.inline_punct = 0;
    }
    for (std::size_t i = a.elements.size(); i-- > 0;) {
        Stats& s = a.stats[i];
        if (s.pruned) continue;
        const pugi::xml_node e = a.elements[i];
        for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_pcdata) continue;
            const std::string_view value = c.value();
            for (std::size_t k = 0; k < value.size();) {  // read in place, not copied to UTF-32
                const char32_t cp = next_code_point(value, k);
                if (is_space(cp)) continue;
                ++s.text, ++s.inline_text;
                if (clause_punct(cp)) ++s.punct, ++s.inline_punct;
                if (cp == U'。') ++s.periods;
            }
        }
        if (std::string_view(e.name()) == "a") s.link_text = s.text, ++s.links;
        if (a.parent[i] == Analysis::npos) continue;
        Stats& p = a.stats[a.parent[i]];
        p.text += s.text;
        p.link_text += std::string_view(e.name()) == "a" ? s.text : s.link_text;
        p.punct += s.punct;
        p.periods += s.periods;
        p.links += s.links;
        p.tables += s.tables + (std::string_view(e.name()) == "table" ? 1 : 0);
        if (!is_block_element(e.name()) && std::string_view(e.name()) != "br") {
            p.inline_text += s.inline_text;
            p.inline_punct += s.inline_punct;
        }
    }
    // Link text counted twice when an <a> holds text directly and its parent adds it again.
    for (Stats& s : a.stats) s.link_text = std::min(s.link_text, s.text);
}

bool document_link(pugi::xml_node element) {
    static constexpr std::array<std::string_view, 12> kDocs{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps",
                                                            ".et",  ".zip", ".rar",  ".ofd", ".txt",  ".ppt"};
    for (pugi::xpath_node a : element.select_nodes(".//a[@href]")) {
        std::string href = a.node().attribute("href").value();
        for (char& c : href)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        for (std::string_view ext : kDocs)
            if (href.size() >= ext.size() && href.compare(href.size() - ext.size(), ext.size(), ext) == 0) return true;
    }
    return false;
}

// The first n visible characters below `element`, walking no further than needed.
std::u32string first_text(pugi::xml_node element, std::size_t n) {
    std::u32string out;
    pugi::xml_node node = element.first_child();
    while (node && out.size() < n) {
        if (node.type() == pugi::node_pcdata) {
            // Decoded lazily: a text node may be megabytes long and only n characters count.
            const std::string_view value = node.value();
            for (std::size_t i = std::min(value.size(), value.find_first_not_of(" \t\n\r\f"));
                 i < value.size() && out.size() < n;)
                if (const char32_t cp = next_code_point(value, i); !is_space(cp)) out.push_back(cp);
        }
        if (node.first_child()) {
            node = node.first_child();
            continue;
        }
        while (node && node != element && !node.next_sibling()) node = node.parent();
        if (!node || node == element) break;
        node = node.next_sibling();
    }
    return out;
}

// A list of links with no sentence in it: a menu, related articles, pagination. An
// attachment list (附件, links to documents) is kept.
bool link_list(const Analysis& a, std::size_t i) {
    static constexpr std::array<std::string_view, 9> kLists{"ul",      "ol", "dl",   "div", "table",
                                                            "section", "p",  "span", "td"};
    const pugi::xml_node e = a.elements[i];
    if (std::find(kLists.begin(), kLists.end(), std::string_view(e.name())) == kLists.end()) return false;
    const Stats& s = a.stats[i];
    if (s.links < 2 || s.periods > 0 || s.link_text * 2 < s.text) return false;
    if (s.links == 2 && s.text <= 40) return false;
    if (first_text(e, 2) == U"附件" || document_link(e)) return false;
    return true;
}

// A heading over an empty list or a single link ("相关公告" with its list filled in by a
// script): the related-articles box of a saved page. Attachment lists are kept.
bool titled_list(const Analysis& a, std::size_t i) {
    const pugi::xml_node e = a.elements[i];
    const std::string_view tag = e.name();
    if ((tag != "div" && tag != "section" && tag != "aside") || a.last[i] - i > 64) return false;
    const Stats& s = a.stats[i];
    if (s.text == 0 || s.text - s.link_text > 12 || s.punct > 0 || s.links > 1) return false;
    if (!e.select_node(".//ul|.//ol|.//dl")) return false;
    return first_text(e, 2) != U"附件" && !document_link(e);
}

// Text without spaces and with the colon folded, as furniture labels are compared.
std::u32string squeezed_text(pugi::xml_node e, std::size_t n) {
    std::u32string out;
    for (char32_t cp : fold(first_text(e, n)))
        if (!is_space(cp)) out.push_back(cp);
    return out;
}

// The heading of a box of links a site puts beside or inside an article: related articles,
// recommendations, its own other pages.
constexpr std::array<std::u32string_view, 16> kBoxHeads{
    U"相关新闻", U"相关阅读", U"相关文章", U"相关稿件", U"关联稿件", U"相关链接", U"相关报道", U"延伸阅读",
    U"推荐阅读", U"猜你喜欢", U"热点新闻", U"热门推荐", U"热门文章", U"最新文章", U"精彩推荐", U"往期回顾"};

// A box under such a heading that holds nothing but links and their dates (关联稿件：
// 图文解读：《…》 2023-07-12), or nothing at all (its list filled in by a script).
bool furniture_box(const Analysis& a, std::size_t i) {
    const Stats& s = a.stats[i];
    if (s.text == 0 || s.periods > 0 || a.last[i] - i > 200) return false;
    const std::u32string head = squeezed_text(a.elements[i], 6);
    std::size_t len = 0;
    for (std::u32string_view h : kBoxHeads)
        if (head.rfind(h, 0) == 0) len = h.size() + (head.size() > h.size() && head[h.size()] == ':' ? 1 : 0);
    if (len == 0) return false;
    const std::size_t other = s.text - std::min(s.text, len + s.link_text);  // dates beside the links
    return other <= 12 * std::max<std::size_t>(1, s.links) && (s.links > 0 || s.text == len);
}

// A toolbar item a site prints in the article's frame, recognised by what it says: download
// links, share and QR prompts, font-size controls, correction links, follow prompts,
// loading placeholders.
bool furniture_item(const Analysis& a, std::size_t i) {
    const Stats& s = a.stats[i];
    if (s.text == 0 || s.text > 24 || s.periods > 0 || a.last[i] - i > 16) return false;
    const std::u32string t = squeezed_text(a.elements[i], 25);
    static constexpr std::array<std::u32string_view, 14> kItems{
        U"下载PDF",  U"PDF下载",  U"Word版下载", U"下载Word", U"扫码分享", U"扫一扫分享", U"微信扫一扫",
        U"我要纠错", U"关注我们", U"正在加载",   U"加载中",   U"分享到:",  U"打印本页",   U"关闭窗口"};
    for (std::u32string_view item : kItems)
        if (t.find(item) != std::u32string::npos) return true;
    // 字号：大 中 小, 字体：[大][中][小]
    const bool size_label = t.rfind(U"字号", 0) == 0 || t.rfind(U"字体", 0) == 0 || t.rfind(U"【字体", 0) == 0;
    return size_label && t.find(U'大') != std::u32string::npos && t.find(U'小') != std::u32string::npos;
}

// A trail of links between separators (中国科普网 > 时政新闻 >): a breadcrumb, whatever the
// element is called and whether or not it starts at 首页.
bool link_trail(const Analysis& a, std::size_t i) {
    const Stats& s = a.stats[i];
    if (s.links < 2 || s.text > 80 || s.punct > 0 || a.last[i] - i > 32) return false;
    std::size_t separators = 0;
    for (char32_t cp : fold(first_text(a.elements[i], 81)))
        if (cp == '>' || cp == U'»' || cp == U'›' || cp == U'→') ++separators;
    return separators + 1 >= s.links && s.text - s.link_text <= separators;
}

// A media site's copyright line (版权声明：本网所刊…未经授权，不得转载): a short element saying
// who owns the page's words and who may copy them.
bool copyright_notice(const Analysis& a, std::size_t i) {
    const Stats& s = a.stats[i];
    // A paragraph of its own: no block below it, at most one sentence.
    if (s.text == 0 || s.text > 200 || s.text != s.inline_text || s.periods > 1 || a.last[i] - i > 16) return false;
    const std::u32string t = squeezed_text(a.elements[i], 201);
    const auto has = [&](std::u32string_view w) { return t.find(w) != std::u32string::npos; };
    return has(U"版权声明") || has(U"转载请注明") || (has(U"未经") && has(U"转载")) || has(U"版权归");
}

// "今天是：2019年10月31日 星期四": the site clock, never the publication date.
bool site_clock(const Analysis& a, std::size_t i) {
    const Stats& s = a.stats[i];
    if (s.text == 0 || s.text > 40 || a.last[i] - i > 16) return false;
    const std::u32string t = first_text(a.elements[i], 3);
    return t.rfind(U"今天是", 0) == 0 || t.rfind(U"今日是", 0) == 0 || (t.rfind(U"今天", 0) == 0 && s.text <= 20);
}

void mark_chrome(const Page& page, Analysis& a) {
    for (std::size_t i = 0; i < a.elements.size(); ++i)
        if (is_invisible(a.elements[i])) a.stats[i].mark = true;
    count(a);
    const std::size_t page_punct = a.stats.empty() ? 0 : a.stats[0].punct;
    for (std::size_t i = 0; i < a.elements.size(); ++i) {
        const Stats& s = a.stats[i];
        if (s.pruned || a.stats[i].mark) continue;
        const pugi::xml_node e = a.elements[i];
        // A container holding most of the page's sentences is the article, whatever its name.
        const bool article_like = s.punct >= 5 && s.punct * 2 >= page_punct;
        const bool chrome = (chrome_by_tag(e) || chrome_by_name(e) || widget_by_name(e, s)) && !article_like;
        if (chrome || link_list(a, i) || titled_list(a, i) || site_clock(a, i) || furniture_box(a, i) ||
            furniture_item(a, i) || link_trail(a, i) || copyright_notice(a, i)) {
            a.stats[i].mark = true;
            if (s.text > 0) a.removed.push_back(page.span_of(e));
            for (std::size_t j = i + 1; j <= a.last[i]; ++j) a.stats[j].pruned = true;
        }
    }
    count(a);
}

}  // namespace

std::size_t Analysis::id(pugi::xml_node element) const {
    auto it = index.find(element.internal_object());
    return it == index.end() ? npos : it->second;
}

bool Analysis::inside(pugi::xml_node element, pugi::xml_node ancestor) const {
    const std::size_t i = id(element);
    const std::size_t a = id(ancestor);
    return i != npos && a != npos && a <= i && i <= last[a];
}

namespace {

double tag_weight(std::string_view tag) {
    if (tag == "div") return 5;
    if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
    if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" ||
        tag == "form")
        return -3;
    if (is_heading_element(tag) || tag == "th") return -5;
    return 0;
}

double name_weight(pugi::xml_node element) {
    const std::string names = class_and_id(element);
    if (names.size() <= 1) return 0;
    if (any_part(names, kContentParts)) return 25;
    if (any_part(names, kChromeParts) || any_word(names, kChromeWords)) return -25;
    return 0;
}

// Elements that hold paragraphs rather than being one: a unit of these scores itself first.
bool container_tag(std::string_view tag) {
    return tag == "div" || tag == "section" || tag == "article" || tag == "main" || tag == "td" || tag == "body" ||
           tag == "form" || tag == "center";
}

// Readability's scoring: each paragraph (a block with 20+ characters of its own text) gives
// 1 + its clause punctuation + up to 3 for length to its parent, half to the grandparent and
// a third of a level's share further up; the result is scaled down by link density.
pugi::xml_node best_container(const Analysis& a) {
    const std::size_t n = a.elements.size();
    std::vector<double> score(n, 0);
    std::vector<bool> scored(n, false);
    const auto add = [&](std::size_t i, double value) {
        if (!scored[i]) {
            scored[i] = true;
            score[i] = tag_weight(a.elements[i].name()) + name_weight(a.elements[i]);
        }
        score[i] += value;
    };
    for (std::size_t i = 0; i < n; ++i) {
        const Stats& s = a.stats[i];
        const std::string_view tag = a.elements[i].name();
        if (s.pruned || !is_block_element(tag) || s.inline_text < 20) continue;
        const double unit =
            1.0 + static_cast<double>(s.inline_punct) + std::min(static_cast<double>(s.inline_text) / 100.0, 3.0);
        std::size_t level = 0;
        if (container_tag(tag)) add(i, unit), level = 1;
        for (std::size_t j = a.parent[i]; j != Analysis::npos && level < 5; j = a.parent[j], ++level)
            add(j, unit / (level == 0 ? 1.0 : level == 1 ? 2.0 : static_cast<double>(level) * 3.0));
    }
    std::size_t best = Analysis::npos;
    double best_score = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (!scored[i] || a.stats[i].text == 0) continue;
        const double density = static_cast<double>(a.stats[i].link_text) / static_cast<double>(a.stats[i].text);
        const double final_score = score[i] * (1.0 - density);
        if (best == Analysis::npos || final_score > best_score) best = i, best_score = final_score;
    }
    return best == Analysis::npos ? pugi::xml_node() : a.elements[best];
}

bool is_frame(pugi::xml_node e) {
    return !e || e.name() == std::string_view("body") || e.name() == std::string_view("html");
}

// Widens the best container to the ancestors that add only a little text, and little of it in
// links: the title, the info bar, the index table and the attachments around the body.
pugi::xml_node widen(const Analysis& a, pugi::xml_node best) {
    pugi::xml_node region = best;
    const std::size_t limit = std::max<std::size_t>(400, a.of(best).text / 2);
    for (int k = 0; k < 6; ++k) {
        const pugi::xml_node up = region.parent();
        if (is_frame(up) || a.id(up) == Analysis::npos) break;  // the document node above <html>
        const Stats& p = a.of(up);
        const Stats& r = a.of(region);
        const std::size_t extra = p.text - r.text;
        const std::size_t extra_links = p.link_text - std::min(p.link_text, r.link_text);
        if (extra > limit || extra_links > std::max<std::size_t>(20, extra / 2)) break;
        region = up;
    }
    return region;
}

// The few labels that start an info bar line (发布时间：… 来源：…) or an index entry.
bool starts_with_label(std::u32string_view text) {
    static constexpr std::array<std::u32string_view, 19> kLabels{
        U"发布时间", U"发布日期", U"来源",     U"信息来源", U"文章来源", U"索引号",   U"文号",
        U"发文字号", U"发布机构", U"发文机关", U"生成日期", U"成文日期", U"发文日期", U"主题分类",
        U"关键词",   U"作者",     U"公开日期", U"【字体",   U"字号"};
    const std::u32string folded = fold(text);
    for (std::u32string_view label : kLabels)
        if (folded.rfind(label, 0) == 0) {
            const std::size_t colon = folded.find(':', label.size());
            return colon != std::u32string::npos && colon <= label.size() + 1;
        }
    return false;
}

bool matches_title(std::u32string_view text, std::u32string_view title) {
    if (text.size() < 4 || title.empty()) return false;
    return text == title || (text.size() >= 6 && title.substr(0, text.size()) == text);
}

bool title_like(const Analysis& a, std::size_t i, std::u32string_view title) {
    const pugi::xml_node e = a.elements[i];
    const Stats& s = a.stats[i];
    // A title is a small element; looking into big ones would make this quadratic.
    if (a.last[i] - i > 16 || s.pruned || s.text < 4 || s.text > 100 || s.periods > 0 || s.text != s.inline_text)
        return false;
    const std::u32string text = first_text(e, 101);
    if (matches_title(text, title)) return true;
    const int level = heading_level(e.name());
    return (level >= 1 && level <= 3) || has_token(class_and_id(e), "title") || has_token(class_and_id(e), "bt");
}

// Before the region: the title (when the region has none) and the info bar and index table
// lines, which pages often put in a frame of their own above the article.
void look_around(const Page& page, const Analysis& a, std::u32string_view title, Content& c) {
    const std::size_t region = a.id(c.article);
    bool has_title = false;
    for (std::size_t i = region; i <= a.last[region] && !has_title; ++i) has_title = title_like(a, i, title);
    std::size_t title_at = Analysis::npos;
    for (std::size_t i = 0; i < region; ++i) {
        const Stats& s = a.stats[i];
        if (s.pruned || a.last[i] >= region) continue;  // chrome, or an ancestor of the region
        const pugi::xml_node e = a.elements[i];
        if (e.name() == std::string_view("table") && classify_table(page, a, e) == TableKind::index) {
            c.index_tables.push_back(e);
            i = a.last[i];
            continue;
        }
        if (!is_block_element(e.name()) || s.inline_text == 0 || s.text != s.inline_text) continue;
        if (s.text <= 200 && starts_with_label(first_text(e, 8)))
            c.outside.push_back(e);
        else if (!has_title && title_like(a, i, title))
            title_at = i;
    }
    if (title_at != Analysis::npos) c.outside.push_back(a.elements[title_at]);
    std::sort(c.outside.begin(), c.outside.end(),
              [&](pugi::xml_node x, pugi::xml_node y) { return a.id(x) < a.id(y); });
}

}  // namespace

Content find_content(const Page& page, Analysis& a, std::u32string_view title) {
    number_elements(page, a);
    Content c;
    if (a.elements.empty()) return c;
    mark_chrome(page, a);
    a.best = best_container(a);
    if (!a.best) a.best = page.body() ? page.body() : page.html();
    c.article = widen(a, a.best);
    const std::u32string squeezed = [&] {
        std::u32string s;
        for (char32_t cp : title)
            if (!is_space(cp)) s.push_back(cp);
        return s;
    }();
    look_around(page, a, squeezed, c);
    return c;
}

}  // namespace gongwen::html
