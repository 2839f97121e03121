// What a page says about the document outside its text: <title>, the meta tags government
// sites are required to carry (ArticleTitle, PubDate, ContentSource, SiteName, ColumnName…),
// the page's address, and the breadcrumb as the column path. Passed to enrich() as stated
// "label:value" lines, so the metadata passes interpret them as they do the page's own lines.
#include <algorithm>
#include <array>
#include <cstring>

#include "converters/html/page.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::html {

namespace {

struct MetaName {
    std::string_view name;  // lower-cased name= or property=
    std::u32string_view label;
};

// The labels are the metadata lines' own (标题, 发布日期, 来源, 关键词, 作者) or, for what
// no line states, extra fields.
constexpr std::array<MetaName, 17> kMetaNames{{
    {"articletitle", U"标题"},
    {"pubdate", U"发布日期"},
    {"publishdate", U"发布日期"},
    {"firstpublishedtime", U"发布日期"},
    {"article:published_time", U"发布日期"},
    {"contentsource", U"来源"},
    {"source", U"来源"},
    {"keywords", U"关键词"},
    {"author", U"作者"},
    {"sitename", U"网站名称"},
    {"og:site_name", U"网站名称"},
    {"columnname", U"栏目"},
    {"description", U"描述"},
    {"og:title", U"标题"},
    {"subjectcategory", U"主题分类"},
    {"identifier", U"索引号"},
    {"filenumber", U"文号"},
}};

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

LineBuilder attribute_text(const Page& page, pugi::xml_attribute a) {
    LineBuilder line;
    line.add_text(to_u32(a.value()), page.value_origins(a), false);
    return line;
}

Span value_span(const Page& page, pugi::xml_attribute a) {
    const std::vector<std::uint32_t> origins = page.value_origins(a);
    return origins.empty() ? Span{} : Span{origins.front(), origins.back() + 1};
}

// The time a CMS stamps on a page each time it regenerates it (<meta name="others"
// content="页面生成时间 2023-08-16 10:33:59">), or empty.
std::u32string regeneration_time(const Page& page) {
    for (pugi::xpath_node x : page.doc.select_nodes("//meta[@content]")) {
        const std::u32string content = to_folded_u32(x.node().attribute("content").value());
        const std::size_t at = content.find(U"页面生成时间");
        if (at == std::u32string::npos) continue;
        std::u32string_view rest = std::u32string_view(content).substr(at + 6);
        while (!rest.empty() && (is_space(rest.front()) || rest.front() == ':')) rest.remove_prefix(1);
        while (!rest.empty() && is_space(rest.back())) rest.remove_suffix(1);
        return std::u32string(rest);
    }
    return {};
}

void read_meta(const Page& page, PageMetadata& meta) {
    std::vector<std::u32string_view> seen;
    const std::u32string regenerated = regeneration_time(page);
    for (pugi::xpath_node x : page.doc.select_nodes("//meta[@content]")) {
        const pugi::xml_node m = x.node();
        std::string name = lowered(m.attribute("name").value());
        if (name.empty()) name = lowered(m.attribute("property").value());
        const pugi::xml_attribute content = m.attribute("content");
        if (name == "url" || name == "og:url") {
            if (meta.url.empty()) {
                meta.url = content.value();
                meta.url_span = value_span(page, content);
            }
            continue;
        }
        for (const MetaName& known : kMetaNames) {
            if (known.name != name) continue;
            LineBuilder value = attribute_text(page, content);
            if (visible_length(value.text()) == 0) break;
            // ISO dates (2024-02-04T10:05:00+08:00) read as date and time.
            std::u32string text = value.text();
            if (known.label == U"发布日期") std::replace(text.begin(), text.end(), U'T', U' ');
            if (known.name == "articletitle" || known.name == "og:title") meta.title = value.text();
            // A publication time equal to the page's regeneration stamp is when the page was
            // last rebuilt, not when the document was published: stated as what it is.
            std::u32string_view label = known.label;
            if (label == U"发布日期" && !regenerated.empty()) {
                const std::u32string folded = fold(text);
                if (trim(folded) == regenerated) label = U"页面生成时间";
            }
            // The first of each label: later ones (og:title after ArticleTitle) add nothing.
            if (std::find(seen.begin(), seen.end(), label) != seen.end()) break;
            seen.push_back(label);
            LineBuilder shown;
            shown.add_text(text, value.origins(), false);
            meta.stated.push_back(stated_line(label, shown));
            break;
        }
    }
}

// <!-- saved from url=(0064)http://… --> that browsers write into saved pages.
void read_saved_from(const Page& page, PageMetadata& meta) {
    const std::string_view head = std::string_view(page.text).substr(0, 4096);
    const std::size_t at = head.find("saved from url=(");
    if (at == std::string_view::npos) return;
    std::size_t b = head.find(')', at);
    if (b == std::string_view::npos) return;
    ++b;
    std::size_t e = b;
    while (e < head.size() && !std::strchr(" \t\r\n>", head[e]) && head.compare(e, 3, "-->") != 0) ++e;
    if (e == b) return;
    meta.url = std::string(head.substr(b, e - b));
    meta.url_span = Span{page.code_point(b), page.code_point(e)};
}

void read_url(const Page& page, PageMetadata& meta) {
    for (pugi::xpath_node x : page.doc.select_nodes("//link[@href]")) {
        const std::string rel = lowered(x.node().attribute("rel").value());
        if (rel != "canonical") continue;
        meta.url = x.node().attribute("href").value();
        meta.url_span = value_span(page, x.node().attribute("href"));
        return;
    }
    if (meta.url.empty()) read_saved_from(page, meta);
}

bool separator(char32_t cp) {
    return cp == '>' || cp == U'»' || cp == U'›' || cp == U'→' || cp == U'＞' || cp == U'〉' || cp == '/' ||
           cp == U'／' || cp == U'|' || cp == U'｜';
}

constexpr std::array<std::u32string_view, 6> kHome{U"首页", U"网站首页", U"主页", U"门户首页", U"Home", U"home"};
constexpr std::array<std::u32string_view, 7> kLeaf{U"正文",     U"详情",     U"内容",    U"文章",
                                                   U"浏览文章", U"详细内容", U"正文内容"};
constexpr std::array<std::u32string_view, 6> kHere{U"当前位置", U"您的位置",     U"您现在的位置",
                                                   U"你的位置", U"你现在的位置", U"现在位置"};

// "当前位置：首页 > 政务公开 > 规划计划 > 正文" → items 政务公开, 规划计划 (with offsets).
std::optional<RawBlock> column_path(const LineBuilder& crumb, bool here) {
    const std::u32string folded = fold(crumb.text());
    std::size_t begin = 0;
    for (std::u32string_view here : kHere)
        if (folded.rfind(here, 0) == 0) {
            begin = here.size();
            while (begin < folded.size() && (is_space(folded[begin]) || folded[begin] == ':')) ++begin;
        }
    struct Item {
        std::size_t begin, end;
    };
    std::vector<Item> items;
    for (std::size_t i = begin; i <= folded.size(); ++i) {
        if (i < folded.size() && !separator(folded[i])) continue;
        std::size_t b = begin, e = i;
        while (b < e && is_space(folded[b])) ++b;
        while (e > b && is_space(folded[e - 1])) --e;
        if (b < e) items.push_back({b, e});
        begin = i + 1;
    }
    const auto is = [&](const Item& item, const auto& words) {
        const std::u32string_view w(folded.data() + item.begin, item.end - item.begin);
        return std::find(words.begin(), words.end(), w) != words.end();
    };
    if (items.size() < 2 && !here) return std::nullopt;  // no separator: not a path
    if (!items.empty() && is(items.front(), kHome)) items.erase(items.begin());
    if (!items.empty() && is(items.back(), kLeaf)) items.pop_back();
    if (items.empty()) return std::nullopt;
    LineBuilder path;
    for (std::size_t k = 0; k < items.size(); ++k) {
        if (k > 0) {
            for (char32_t cp : std::u32string_view(U" > ")) path.add_synthetic(cp);
        }
        const std::vector<std::uint32_t> origins(crumb.origins().begin() + static_cast<std::ptrdiff_t>(items[k].begin),
                                                 crumb.origins().begin() + static_cast<std::ptrdiff_t>(items[k].end));
        path.add_text(std::u32string_view(crumb.text()).substr(items[k].begin, items[k].end - items[k].begin), origins,
                      true);
    }
    return stated_line(U"栏目路径", path);
}

bool breadcrumb_name(pugi::xml_node e) {
    const std::string names = class_and_id(e);
    for (std::string_view part :
         {"crumb", "position", "location", "dqwz", "curpage", "weizhi", "mianbao", "lujing", "bread"})
        if (names.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

RawBlock stated_line(std::u32string_view label, const LineBuilder& value) {
    RawBlock raw;
    const std::uint32_t at = value.origins().empty() ? 0 : value.origins().front();
    std::u32string text(label);
    text.push_back(U':');
    raw.origin.assign(text.size(), at);
    text += value.text();
    raw.origin.insert(raw.origin.end(), value.origins().begin(), value.origins().end());
    raw.text = to_utf8(text);
    raw.start = at;
    return raw;
}

RawBlock labelled_line(const LineBuilder& label, const LineBuilder& value) {
    std::u32string text = label.text();
    std::vector<std::uint32_t> origins = label.origins();
    if (visible_length(value.text()) > 0) {
        while (!text.empty() && (is_space(text.back()) || fold(text.back()) == ':'))
            text.pop_back(), origins.pop_back();
        text.push_back(U':');
        origins.push_back(origins.empty() ? 0 : origins.back());
        text += value.text();
        origins.insert(origins.end(), value.origins().begin(), value.origins().end());
    }
    RawBlock raw;
    raw.text = to_utf8(text);
    raw.start = origins.empty() ? 0 : origins.front();
    raw.origin = std::move(origins);
    return raw;
}

PageMetadata read_head(const Page& page) {
    PageMetadata meta;
    if (pugi::xml_node title = page.doc.select_node("//title").node()) {
        LineBuilder line;
        for (pugi::xml_node t = title.first_child(); t; t = t.next_sibling())
            if (t.type() == pugi::node_pcdata) line.add_text(to_u32(t.value()), page.text_origins(t), false);
        meta.html_title = line.text();
    }
    read_meta(page, meta);
    if (meta.title.empty()) meta.title = meta.html_title;
    read_url(page, meta);
    return meta;
}

void read_breadcrumb(const Page& page, const Analysis& analysis, PageMetadata& meta) {
    const Analysis unpruned;  // the breadcrumb may sit in what was dropped as chrome: read it whole
    for (std::size_t i = 0; i < analysis.elements.size(); ++i) {
        const pugi::xml_node e = analysis.elements[i];
        // A breadcrumb is a small element: bounding the subtree keeps this linear.
        if (analysis.last[i] - i > 64 || !is_block_element(e.name()) || is_invisible(e) ||
            (analysis.best && analysis.inside(e, analysis.best)))
            continue;
        const std::u32string start = fold(visible_text(e, 6));
        const bool here =
            std::any_of(kHere.begin(), kHere.end(), [&](std::u32string_view h) { return start.rfind(h, 0) == 0; });
        if (start.empty() || (!here && !breadcrumb_name(e))) continue;
        if (visible_text(e, 201).size() > 200) continue;
        const LineBuilder crumb = inline_text(page, unpruned, e);
        if (auto line = column_path(crumb, here)) {
            meta.stated.push_back(std::move(*line));
            return;
        }
    }
}

}  // namespace gongwen::html
