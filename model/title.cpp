// The title block: a title wrapped over lines, the lines under it (题注, the speaker, a bracketed
// date, a 文号), and a title a page prints over several lines joined into one.
#include <algorithm>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

// A line of the title block under the title (题注, 副标题, the speaker, a 文号), given that it
// follows the title or another such line and is no body line: a short line that opens with a
// dash (——在…会议上的讲话) or is wholly in brackets ((2024年1月5日)), follows a dashed line as its
// continuation, or stands with the others above the addressee or above a dashed line.
constexpr std::size_t kMaxSubtitleLength = 40;

bool is_title_block_line(std::u32string_view v) {
    return !v.empty() && v.size() <= kMaxSubtitleLength && !has_sentence_punct(v) && !match_marker(v) &&
           v.back() != ':' && !is_attachment_line(v);
}

}  // namespace

bool is_title_line(std::u32string_view view) {
    return view.size() >= 4 && view.size() <= 80 && !has_sentence_punct(view) && view.back() != ':' &&
           has_genre_word(view) && !match_marker(view);
}

bool opens_with_dash(std::u32string_view text) {
    return !text.empty() && std::u32string_view(U"—―─－-–").find(text.front()) != std::u32string_view::npos;
}

// Whether a subtitle under the title so far opened with a dash: the lines under it continue it.
bool follows_dash(const std::vector<Block>& blocks) {
    for (auto it = blocks.rbegin(); it != blocks.rend() && it->kind == BlockKind::subtitle; ++it)
        if (opens_with_dash(to_u32(it->text))) return true;
    return false;
}

bool is_subtitle(const std::vector<const Line*>& content, std::size_t k, bool after_dash) {
    const Line& line = *content[k];
    if (!is_title_block_line(line.view)) return false;
    if (after_dash || opens_with_dash(line.text)) return true;
    if (line.view.size() >= 3 && line.view.front() == '(' && line.view.back() == ')') return true;
    for (std::size_t j = k + 1; j < content.size() && j <= k + 4; ++j) {
        if (is_addressee_line(content[j]->view) || opens_with_dash(content[j]->text)) return true;
        if (!is_title_block_line(content[j]->view)) return false;
    }
    return false;
}

// Whether `above` is the first part of a title wrapped over lines, `title` the rest: the line
// just above it (nothing but a line break between), no sentence, no numbering, not a 版头
// (…文件), and the two together no longer than a title. A wrapped line is most of a line wide:
// a shorter one is a column's name (宁夏要闻) or a header, not half a title.
//
// A title printed as the organisation on one line and the rest under it (洪泽区人民政府 /
// 2023 年政府信息公开工作年度报告) is one title too, however short the organisation's line and
// however far a centred layout indents the second line.
bool wraps_into(const Block& above, const Block& title) {
    if (above.kind != BlockKind::paragraph || !above.items.empty() || !above.marker.empty()) return false;
    if (title.span.start < above.span.end) return false;
    const std::u32string v = to_folded_u32(above.text);
    const std::u32string rest = to_folded_u32(title.text);
    const bool org_then_year = v.size() >= 4 && ends_like_org(v) && !rest.empty() && is_ascii_digit(rest.front());
    constexpr std::size_t kMaxIndent = 80;  // a centred line of a PDF's layout text
    if (title.span.start - above.span.end > (org_then_year ? 2 + kMaxIndent : 2)) return false;
    const std::size_t length = v.size() + rest.size();
    constexpr std::size_t kMinWrappedPart = 8;
    return (v.size() >= kMinWrappedPart || org_then_year) && v.size() <= kMaxSubtitleLength && length <= 80 &&
           !has_sentence_punct(v) && !match_marker(v) && v.back() != ':' && !v.ends_with(U"文件");
}

std::u32string squeeze(std::u32string_view view) {
    std::u32string s;
    for (char32_t cp : view)
        if (!is_space(cp)) s.push_back(cp);
    return s;
}

namespace {

// A line that holds a sentence (，。！？；): no part of a title.
bool holds_sentence(std::u32string_view text) { return text.find_first_of(U"。！？；，") != std::u32string_view::npos; }

std::u32string squeezed_view(std::u32string_view text) { return squeeze(fold(text)); }

// `run` is the whole title, or the title part of a <title> that goes on with the site's name.
bool is_title(std::u32string_view run, std::u32string_view title) {
    if (title.substr(0, run.size()) != run) return false;
    return run.size() == title.size() || !is_han(title[run.size()]);
}

// What the source says its title is outside the text: the titles a reader found (<title>,
// ArticleTitle) and the 标题/名称 of its stated metadata.
std::vector<std::u32string> stated_titles(const RawDocument& doc) {
    std::vector<std::u32string> titles;
    for (const std::u32string& t : doc.titles) titles.push_back(squeezed_view(t));
    for (const RawBlock& line : doc.stated) {
        const std::u32string s = squeezed_view(to_u32(line.text));
        const std::size_t colon = s.find(':');
        if (colon == std::u32string::npos) continue;
        const std::u32string_view label = std::u32string_view(s).substr(0, colon);
        if (label == U"标题" || label == U"名称" || label == U"文件名称" || label == U"信息名称")
            titles.push_back(s.substr(colon + 1));
    }
    return titles;
}

// The source offsets of every code point of a raw line, also when it is one contiguous run.
std::vector<std::uint32_t>& origins_of(RawBlock& r) {
    if (r.origin.empty())
        for (std::size_t i = 0, n = count_code_points(r.text); i < n; ++i)
            r.origin.push_back(static_cast<std::uint32_t>(r.start + i));
    return r.origin;
}

}  // namespace

bool is_stated_title(std::u32string_view view, const std::vector<std::u32string>& titles) {
    constexpr std::size_t kMinTitle = 6;
    const std::u32string line = squeezed_view(view);
    if (line.size() < kMinTitle || ends_like_org(line) || has_sentence_punct(line) || match_marker(line)) return false;
    return std::any_of(titles.begin(), titles.end(),
                       [&](const std::u32string& t) { return is_title(line, squeezed_view(t)); });
}

// Markdown's heading marks (# 标题, ## 一、总体情况): no part of the text. A line that opens
// with one to six # and a space (or straight into text with no other # on the line, as Chinese
// writers often type it) loses them; the count is a hint like an HTML h1–h6, and levels still
// come from the numbering grammar.
void strip_heading_marks(std::vector<RawBlock>& raw, std::vector<Span>& removed) {
    constexpr std::size_t kMaxMarks = 6;
    for (RawBlock& r : raw) {
        if (r.block || r.text.empty() || r.text[0] != '#') continue;
        std::size_t marks = 0;
        while (marks < r.text.size() && r.text[marks] == '#') ++marks;
        if (marks > kMaxMarks) continue;
        std::size_t end = marks;
        while (end < r.text.size() && (r.text[end] == ' ' || r.text[end] == '\t')) ++end;
        if (end == r.text.size()) continue;
        if (end == marks && r.text.find('#', marks) != std::string::npos) continue;  // a #话题# tag
        const std::size_t start = r.origin.empty() ? r.start : r.origin.front();
        removed.push_back(Span{start, start + end});
        r.text.erase(0, end);  // ASCII: as many code points as bytes
        if (r.origin.empty())
            r.start += end;
        else
            r.origin.erase(r.origin.begin(), r.origin.begin() + static_cast<std::ptrdiff_t>(end));
        if (r.heading_hint == 0) r.heading_hint = static_cast<int>(marks);
    }
}

// A long title printed over two or three lines (gov.cn centres it in bold, one <p> a line)
// becomes one line again when the lines together are the title the source states.
void join_split_title(RawDocument& doc) {
    const std::vector<std::u32string> titles = stated_titles(doc);
    if (titles.empty()) return;
    std::vector<RawBlock>& raw = doc.blocks;
    constexpr std::size_t kLook = 12;  // the title comes before the text: only the first lines
    for (std::size_t i = 0; i < raw.size() && i < kLook; ++i) {
        std::u32string run;
        std::size_t end = i;  // one past the last line of the longest run that is the title
        for (std::size_t j = i; j < raw.size() && j < i + 4 && !raw[j].block; ++j) {
            const std::u32string line = to_u32(raw[j].text);
            if (holds_sentence(line)) break;
            run += squeezed_view(line);
            if (j > i &&
                std::any_of(titles.begin(), titles.end(), [&](const std::u32string& t) { return is_title(run, t); }))
                end = j + 1;
        }
        if (end == i) continue;
        for (std::size_t j = i + 1; j < end; ++j) {
            raw[i].text += raw[j].text;
            std::vector<std::uint32_t>& origin = origins_of(raw[i]);
            const std::vector<std::uint32_t>& more = origins_of(raw[j]);
            origin.insert(origin.end(), more.begin(), more.end());
        }
        raw.erase(raw.begin() + static_cast<std::ptrdiff_t>(i) + 1, raw.begin() + static_cast<std::ptrdiff_t>(end));
        return;
    }
}

}  // namespace gongwen
