// enrich(): raw lines → cleaned lines → chrome and metadata taken out → blocks with the outline,
// enumerations and the closing parts (attachment note, signature, annotation) → inference.
#include "model/enrich.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <type_traits>

#include "model/enrich_internal.hpp"
#include "model/catalog.hpp"
#include "model/facts.hpp"
#include "model/limits.hpp"
#include "model/passes.hpp"
#include "model/text_util.hpp"

namespace gongwen {

namespace {

enum class Role { content, chrome, metadata };

struct Entry {
    Line line;
    Role role = Role::content;
    std::vector<LabelledValue> labels;
    // A value standing alone under its label ("来源:" then "四川日报"), or a date line in the
    // page header, holds the key it belongs to and the label's text.
    std::optional<MetaKey> continued;
    std::string continued_label;
};

// Diagnostics are collected by kind while the passes run.
struct Findings {
    std::vector<Span> boilerplate;
    std::vector<Span> merged;
    std::vector<Span> conflicts;
    std::vector<std::string> conflict_notes;
};

bool has_sentence_punct(std::u32string_view view) {
    return view.find_first_of(U"。;!?,，") != std::u32string_view::npos;
}

// --- chrome and metadata -------------------------------------------------------------

std::string label_text(const Line& line, std::size_t begin) {
    std::size_t end = begin;
    while (end < line.view.size() && line.view[end] != ':' && !is_space(line.view[end])) ++end;
    return line.utf8(begin, end);
}

bool is_short_value(std::u32string_view view, std::size_t max) {
    return view.size() <= max && !has_sentence_punct(view) && !match_marker(view) &&
           !parse_metadata_line(view);
}

// The info bar under a title that starts with its date, bare or after a 时间/日期 label
// ("2022-04-17 来源:生态环境部", "时间:2019-09-18 06:23 来源:山西日报"): the date is the
// publication date, the rest labelled values.
std::optional<std::vector<LabelledValue>> dated_info_bar(std::u32string_view view) {
    if (view.size() > 120) return std::nullopt;
    std::size_t begin = 0;
    for (std::u32string_view label : {std::u32string_view(U"时间"), std::u32string_view(U"日期")}) {
        std::size_t i = label.size();
        while (i < view.size() && is_space(view[i])) ++i;
        if (view.substr(0, label.size()) == label && i < view.size() && view[i] == ':') begin = i + 1;
    }
    // A labelled date alone on its line ("时间:2026-02-02").
    if (begin > 0) {
        std::size_t end = view.size();
        while (end > begin && is_space(view[end - 1])) --end;
        std::size_t start = begin;
        while (start < end && is_space(view[start])) ++start;
        if (!parse_date(view.substr(start, end - start), true).empty())
            return std::vector<LabelledValue>{LabelledValue{MetaKey::published, 0, start, end}};
    }
    // A label ends at a colon and is a few characters long (the time's colon ends none).
    std::size_t colon = view.find(':', begin);
    for (int tries = 0; tries < 4 && colon != std::u32string_view::npos; ++tries, colon = view.find(':', colon + 1)) {
        for (std::size_t at = std::max(begin + 1, colon > 6 ? colon - 6 : 0); at < colon; ++at) {
            auto rest = parse_metadata_line(view.substr(at));
            if (!rest) continue;
            std::size_t end = at;
            while (end > begin && is_space(view[end - 1])) --end;
            if (parse_date(view.substr(begin, end - begin), true).empty()) return std::nullopt;
            std::vector<LabelledValue> labels{LabelledValue{MetaKey::published, 0, begin, end}};
            for (LabelledValue lv : *rest)
                labels.push_back(LabelledValue{lv.key, lv.label_begin + at, lv.value_begin + at, lv.value_end + at});
            return labels;
        }
    }
    return std::nullopt;
}

// Pages that put a label and its value on separate lines ("来源:" / "四川日报"), widgets whose
// parts were copied one per line ("【字体:" / "大" / "中" / "小" / "】"), and the bare date-time
// line a page prints under its title before the body starts.
void attach_lone_values(std::vector<Entry>& entries) {
    for (std::size_t i = 0; i + 1 < entries.size(); ++i) {
        Entry& e = entries[i];
        // A breadcrumb copied one item per line: 当前位置: / 首页 / > / 政务信息 / > / 宁夏要闻. An item
        // is a short line next to a separator line; the page's title after the last item is not.
        if (e.role == Role::chrome && is_bare_breadcrumb_start(e.line.view)) {
            for (std::size_t k = i + 1; k < entries.size() && entries[k].role != Role::metadata; ++k) {
                const bool separator = is_separator_line(entries[k].line.view);
                const bool beside = (k + 1 < entries.size() && is_separator_line(entries[k + 1].line.view)) ||
                                    is_separator_line(entries[k - 1].line.view) || k == i + 1;
                if (!separator && (!beside || !is_short_value(entries[k].line.view, 12))) break;
                entries[k].role = Role::chrome;
            }
            continue;
        }
        if (e.role != Role::metadata || e.labels.empty()) continue;
        const LabelledValue& last = e.labels.back();
        if (last.value_begin != last.value_end) continue;
        if (last.key == MetaKey::chrome) {
            for (std::size_t k = i + 1; k < entries.size() && entries[k].role == Role::content &&
                                        entries[k].line.text.size() <= 2;
                 ++k)
                entries[k].role = Role::chrome;
            continue;
        }
        Entry& next = entries[i + 1];
        if (next.role != Role::content || !is_short_value(next.line.view, 40)) continue;
        next.role = Role::metadata;
        next.continued = last.key;
        next.continued_label = label_text(e.line, last.label_begin);
    }
    std::size_t header_lines = 0;  // the info bar is under the title, not a page further down
    for (Entry& e : entries) {
        if (e.role == Role::metadata) continue;
        if (e.role == Role::content && has_sentence_punct(e.line.view)) break;
        if (e.role == Role::content && match_marker(e.line.view)) break;
        std::string time;
        if (e.role == Role::content && !parse_date(e.line.view, true, &time).empty() && !time.empty()) {
            e.role = Role::metadata;
            e.continued = MetaKey::published;
        } else if (auto labels = e.role == Role::content && ++header_lines <= 40 ? dated_info_bar(e.line.view) : std::nullopt) {
            e.role = Role::metadata;
            e.labels = std::move(*labels);
        }
    }
}

void classify(std::vector<Entry>& entries) {
    for (Entry& e : entries) {
        if (auto labels = parse_metadata_line(e.line.view)) {
            e.role = Role::metadata;
            e.labels = std::move(*labels);
        } else if (is_chrome_line(e.line.view)) {
            e.role = Role::chrome;
        }
    }
    attach_lone_values(entries);
    // A lone "名称:X" inside the text names an item there (a notice's lots), not the page: a
    // title is stated in the header or in the index block, among other labels.
    bool started = false;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        Entry& e = entries[i];
        if (e.role == Role::content && (has_sentence_punct(e.line.view) || match_marker(e.line.view))) started = true;
        if (!started || e.role != Role::metadata || e.labels.size() != 1 || e.labels[0].key != MetaKey::title) continue;
        const bool beside_metadata = (i > 0 && entries[i - 1].role == Role::metadata) ||
                                     (i + 1 < entries.size() && entries[i + 1].role == Role::metadata);
        if (!beside_metadata) {
            e.role = Role::content;
            e.labels.clear();
        }
    }
    // A short line between two chrome lines after the last sentence of the text is part of the
    // page footer (a site name between "附件下载" and the ICP line).
    std::size_t last_sentence = 0;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].role == Role::content && has_sentence_punct(entries[i].line.view)) last_sentence = i;
    for (std::size_t i = last_sentence + 1; i + 1 < entries.size(); ++i) {
        Entry& e = entries[i];
        if (e.role == Role::content && i > 0 && entries[i - 1].role == Role::chrome &&
            entries[i + 1].role == Role::chrome && e.line.text.size() <= 30 &&
            !has_sentence_punct(e.line.view))
            e.role = Role::chrome;
    }
}

void set_field(Field& field, std::string value, Span span, Findings& found) {
    if (!field.present()) {
        field = Field{std::move(value), false, span};
    } else if (field.value == value) {
        found.merged.push_back(span);
    } else {
        found.conflicts.push_back(span);
        found.conflict_notes.push_back(field.value + " / " + value);
    }
}

void apply_label(Metadata& meta, const Line& line, const LabelledValue& lv, const std::string& label,
                 Field& written, Findings& found) {
    const Span span = line.span_of(lv.value_begin, lv.value_end);
    std::string value = line.utf8(lv.value_begin, lv.value_end);
    const std::u32string_view view = std::u32string_view(line.view).substr(lv.value_begin, lv.value_end - lv.value_begin);
    if (lv.key == MetaKey::chrome) {
        found.boilerplate.push_back(line.span_of(lv.label_begin, std::max(lv.value_end, lv.value_begin)));
        return;
    }
    if (value.empty()) return;
    switch (lv.key) {
        case MetaKey::title: return set_field(meta.title, value, span, found);
        case MetaKey::index_number: return set_field(meta.index_number, value, span, found);
        case MetaKey::document_number: return set_field(meta.document_number, value, span, found);
        case MetaKey::publisher: return set_field(meta.publisher, value, span, found);
        case MetaKey::category: return set_field(meta.category, value, span, found);
        case MetaKey::keywords: return set_field(meta.keywords, value, span, found);
        case MetaKey::source: return set_field(meta.source, value, span, found);
        case MetaKey::published:
        case MetaKey::written: {
            std::string time;
            std::string date = parse_date(view, false, &time);
            if (date.empty()) break;  // not a date after all: keep it as an extra field
            if (lv.key == MetaKey::published) {
                set_field(meta.published, date, span, found);
                if (!time.empty()) set_field(meta.published_time, time, span, found);
                return;
            }
            set_field(written, date, span, found);
            break;
        }
        case MetaKey::extra:
        case MetaKey::chrome: break;
    }
    for (const ExtraField& x : meta.extra)
        if (x.key == label && x.value == value) {
            found.merged.push_back(span);
            return;
        }
    meta.extra.push_back(ExtraField{label, value, span});
}

std::size_t trim_end(const Line& line, std::size_t begin, std::size_t end);

// A metadata line a reader states outside the text: known labels as in the text, any other
// "label:value" as an extra field under its label.
void apply_stated(Metadata& meta, const RawBlock& raw, Field& written, Findings& found) {
    CleanupReport scratch;  // cleanup of a stated line is not a change to the document's text
    const Line line = make_line(to_u32(raw.text), raw.start, raw.origin.empty() ? nullptr : &raw.origin, false,
                                scratch);
    if (auto labels = parse_metadata_line(line.view)) {
        for (const LabelledValue& lv : *labels)
            apply_label(meta, line, lv, label_text(line, lv.label_begin), written, found);
        return;
    }
    const std::size_t colon = line.view.find(':');
    if (colon == std::u32string::npos || colon == 0) return;
    std::size_t begin = colon + 1;
    while (begin < line.text.size() && is_space(line.view[begin])) ++begin;
    const LabelledValue whole{MetaKey::extra, 0, begin, trim_end(line, begin, line.text.size())};
    apply_label(meta, line, whole, line.utf8(0, trim_end(line, 0, colon)), written, found);
}

// --- blocks ------------------------------------------------------------------------------

Block block_of(const Line& line, BlockKind kind, std::size_t begin, std::size_t end) {
    Block b;
    b.kind = kind;
    b.text = line.utf8(begin, end);
    b.span = line.span_of(begin, end);
    return b;
}

std::size_t trim_end(const Line& line, std::size_t begin, std::size_t end) {
    while (end > begin && is_space(line.view[end - 1])) --end;
    return end;
}

// A paragraph (or a line that is a single enumerated item) from line.text[begin, end).
Block paragraph_of(const Line& line, std::size_t begin, std::size_t end) {
    Block b = block_of(line, BlockKind::paragraph, begin, end);
    const std::u32string_view view = std::u32string_view(line.view).substr(0, end);
    const std::vector<Enumerator> found = find_enumerators(view, begin);
    if (found.size() == 1 && found[0].begin == begin) {
        std::size_t text_begin = begin + found[0].length;
        while (text_begin < end && is_space(line.view[text_begin])) ++text_begin;
        b.kind = BlockKind::list_item;
        b.marker = line.utf8(begin, begin + found[0].length);
        b.text = line.utf8(text_begin, end);
        return b;
    }
    if (found.size() < 2) return b;
    for (std::size_t k = 0; k < found.size(); ++k) {
        const std::size_t item_begin = found[k].begin;
        const std::size_t item_end = trim_end(line, item_begin, k + 1 < found.size() ? found[k + 1].begin : end);
        std::size_t text_begin = item_begin + found[k].length;
        while (text_begin < item_end && is_space(line.view[text_begin])) ++text_begin;
        b.items.push_back(Item{line.utf8(item_begin, item_begin + found[k].length),
                               line.utf8(text_begin, item_end), line.span_of(item_begin, item_end)});
    }
    return b;
}

// A heading line: the marker, the heading (its first sentence when body text follows on the
// same line) and that body text as a paragraph.
constexpr std::size_t kMaxHeadingLength = 80;

bool add_heading(const Line& line, std::vector<Block>& out) {
    const auto marker = match_marker(line.view);
    if (!marker) return false;
    const std::size_t split = first_sentence_end(line.view, marker->body);
    const std::size_t heading_end = split == std::u32string_view::npos ? line.text.size() : split;
    if (heading_end - marker->body > kMaxHeadingLength) return false;
    std::size_t marker_end = marker->length;
    Block h = block_of(line, BlockKind::heading, marker->body, heading_end);
    h.level = marker->level;
    h.marker = line.utf8(0, trim_end(line, 0, marker_end));
    h.span = line.span_of(0, heading_end);
    out.push_back(std::move(h));
    if (split != std::u32string_view::npos) {
        std::size_t rest = split;
        while (rest < line.text.size() && is_space(line.view[rest])) ++rest;
        out.push_back(paragraph_of(line, rest, line.text.size()));
    }
    return true;
}

bool is_attachment_line(std::u32string_view view) {
    if (view.substr(0, 2) != U"附件") return false;
    std::size_t i = 2;
    while (i < view.size() && (is_ascii_digit(view[i]) || is_chinese_numeral(view[i]) || is_space(view[i]))) ++i;
    return i < view.size() && view[i] == ':';
}

bool is_annotation_line(std::u32string_view view) {
    return view.size() >= 4 && view.size() <= 60 && view.front() == '(' && view.back() == ')' &&
           view.find(')') == view.size() - 1 && !match_marker(view);
}

bool is_addressee_line(std::u32string_view view) {
    return view.size() >= 3 && view.size() <= 60 && view.back() == ':' &&
           view.find_first_of(U"。;!?") == std::u32string_view::npos && !match_marker(view);
}

bool is_title_line(std::u32string_view view) {
    return view.size() >= 4 && view.size() <= 80 && !has_sentence_punct(view) && view.back() != ':' &&
           has_genre_word(view) && !match_marker(view);
}

// A line of the title block under the title (题注, 副标题, the speaker, a 文号), given that it
// follows the title or another such line and is no body line: a short line that opens with a
// dash (——在…会议上的讲话) or is wholly in brackets ((2024年1月5日)), follows a dashed line as its
// continuation, or stands with the others above the addressee or above a dashed line.
constexpr std::size_t kMaxSubtitleLength = 40;

bool is_title_block_line(std::u32string_view v) {
    return !v.empty() && v.size() <= kMaxSubtitleLength && !has_sentence_punct(v) && !match_marker(v) &&
           v.back() != ':' && !is_attachment_line(v);
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
bool wraps_into(const Block& above, const Block& title) {
    if (above.kind != BlockKind::paragraph || !above.items.empty() || !above.marker.empty()) return false;
    if (title.span.start < above.span.end || title.span.start - above.span.end > 2) return false;
    const std::u32string v = fold(to_u32(above.text));
    const std::size_t length = v.size() + count_code_points(title.text);
    constexpr std::size_t kMinWrappedPart = 8;
    return v.size() >= kMinWrappedPart && v.size() <= kMaxSubtitleLength && length <= 80 && !has_sentence_punct(v) &&
           !match_marker(v) && v.back() != ':' && !v.ends_with(U"文件");
}

std::u32string squeeze(std::u32string_view view) {
    std::u32string s;
    for (char32_t cp : view)
        if (!is_space(cp)) s.push_back(cp);
    return s;
}

// Roles of the closing lines, found walking back from the end: a trailing title line,
// signature (organisation and date), annotation, attachment note.
std::vector<BlockKind> closing_kinds(const std::vector<const Line*>& content) {
    std::vector<BlockKind> kinds(content.size(), BlockKind::paragraph);
    bool seen_date = false;
    for (std::size_t k = content.size(); k-- > 0;) {
        const std::u32string_view v = content[k]->view;
        if (is_annotation_line(v)) kinds[k] = BlockKind::annotation;
        else if (!parse_date(v, true).empty()) kinds[k] = BlockKind::signature, seen_date = true;
        else if (is_attachment_line(v)) kinds[k] = BlockKind::attachment;
        else if (is_title_line(v) && !seen_date && k + 1 == content.size()) kinds[k] = BlockKind::title;
        else if (seen_date && kinds[k + 1] == BlockKind::signature && v.size() <= 30 &&
                 !has_sentence_punct(v) && ends_like_org(v)) kinds[k] = BlockKind::signature;
        else break;
    }
    return kinds;
}

void build_blocks(Document& doc, InferenceInput& in, std::vector<Span>& merged) {
    const std::vector<const Line*>& content = in.content;
    std::vector<BlockKind> kinds = closing_kinds(content);
    const std::u32string cms_title = squeeze(fold(to_u32(doc.metadata.title.value)));
    bool body_started = false;
    bool title_seen = false;
    bool in_attachment = false;
    // Room for the most blocks the lines can make (a line makes one, or a heading and its
    // paragraph): the blocks are never moved while they are made, and the room left unused
    // costs address space, not memory.
    std::vector<Block>& blocks = doc.blocks;
    blocks.reserve(blocks.size() + 2 * content.size());
    for (std::size_t k = 0; k < content.size(); ++k) {
        check_deadline();
        const Line& line = *content[k];
        const std::u32string_view v = line.view;
        const BlockKind closing = kinds[k];
        if (closing != BlockKind::paragraph) {
            Block b = block_of(line, closing, 0, line.text.size());
            if (closing == BlockKind::attachment) {
                std::size_t colon = v.find(':') + 1;
                while (colon < v.size() && is_space(v[colon])) ++colon;
                Field& f = in.attachment_title;
                if (!f.present() && is_title_line(v.substr(colon)))
                    f = Field{line.utf8(colon, v.size()), true, line.span_of(colon, v.size())};
            }
            blocks.push_back(std::move(b));
            continue;
        }
        if (in_attachment && match_marker(v) && !has_sentence_punct(v)) {
            blocks.push_back(block_of(line, BlockKind::attachment, 0, line.text.size()));
            continue;
        }
        in_attachment = false;
        const bool opens_body = match_marker(v) || has_sentence_punct(v);
        const bool marked_title = (line.heading_hint == 1 || line.heading_hint == 2) && !has_sentence_punct(v) &&
                                  !match_marker(v) && v.size() <= 80;
        if (!body_started && !title_seen && !opens_body &&
            ((!cms_title.empty() && squeeze(v) == cms_title) || is_title_line(v) || marked_title)) {
            Block title = block_of(line, BlockKind::title, 0, line.text.size());
            // A title wrapped over lines: the line right above it, short and no sentence, starts it.
            while (!blocks.empty() && wraps_into(blocks.back(), title)) {
                title.text = blocks.back().text + title.text;
                title.span.start = blocks.back().span.start;
                blocks.pop_back();
            }
            blocks.push_back(std::move(title));
            title_seen = true;
            continue;
        }
        if (!body_started && !blocks.empty() && blocks.back().kind == BlockKind::title &&
            squeeze(v) == squeeze(fold(to_u32(blocks.back().text)))) {
            merged.push_back(line.span);  // the title printed again under itself, as pages do
            continue;
        }
        if (!body_started && !blocks.empty() &&
            (blocks.back().kind == BlockKind::title || blocks.back().kind == BlockKind::subtitle) &&
            line.heading_hint == 0 && is_subtitle(content, k, follows_dash(blocks))) {
            Block b = block_of(line, BlockKind::subtitle, 0, line.text.size());
            // One or two characters are the end of the line above, cut by the page (政府工作报 / 告).
            if (blocks.back().kind == BlockKind::subtitle && line.text.size() <= 2) {
                blocks.back().text += b.text;
                blocks.back().span.end = b.span.end;
            } else {
                blocks.push_back(std::move(b));
            }
            continue;
        }
        if (!body_started && line.heading_hint == 0 && is_addressee_line(v)) {  // never a marked-up heading
            Block b = block_of(line, BlockKind::addressee, 0, line.text.size());
            std::size_t e = line.text.size() - 1;
            doc.metadata.addressee = Field{line.utf8(0, e), false, line.span_of(0, e)};
            blocks.push_back(std::move(b));
            body_started = true;
            continue;
        }
        body_started = body_started || opens_body;
        if (is_attachment_line(v)) {
            blocks.push_back(block_of(line, BlockKind::attachment, 0, line.text.size()));
            in_attachment = true;
            continue;
        }
        if (!add_heading(line, blocks)) blocks.push_back(paragraph_of(line, 0, line.text.size()));
    }
}


// Blocks a reader finished itself (tables, images) join the others in source order.
void merge_by_position(std::vector<Block>& blocks, std::vector<Block> finished) {
    if (finished.empty()) return;
    std::vector<Block> merged;
    merged.reserve(blocks.size() + finished.size());
    std::merge(std::make_move_iterator(blocks.begin()), std::make_move_iterator(blocks.end()),
               std::make_move_iterator(finished.begin()), std::make_move_iterator(finished.end()),
               std::back_inserter(merged), [](const Block& a, const Block& b) { return a.span.start < b.span.start; });
    blocks = std::move(merged);
}

// Signature blocks carry the signing organisation and date.
void read_signature(Document& doc) {
    for (const Block& b : doc.blocks) {
        if (b.kind == BlockKind::subtitle) {
            // The adoption note of a 决议 or a regulation: (2022年3月11日第十三届全国人民代表大会第五次会议通过).
            const std::u32string view = fold(to_u32(b.text));
            const bool bracketed = view.size() > 2 && view.front() == '(' && view.back() == ')';
            static constexpr std::array<std::u32string_view, 4> kAdopted{U"通过)", U"批准)", U"发布)", U"印发)"};
            if (!bracketed || std::none_of(kAdopted.begin(), kAdopted.end(), [&](auto w) { return view.ends_with(w); }))
                continue;
            const std::string date = parse_date(std::u32string_view(view).substr(1), false);
            if (!date.empty() && !doc.metadata.signed_date.present()) doc.metadata.signed_date = Field{date, false, b.span};
            continue;
        }
        if (b.kind != BlockKind::signature) continue;
        const std::u32string view = fold(to_u32(b.text));
        const std::string date = parse_date(view, true);
        if (!date.empty()) doc.metadata.signed_date = Field{date, false, b.span};
        else doc.metadata.signer = Field{b.text, false, b.span};
    }
}

// --- diagnostics -------------------------------------------------------------------------

void add_diagnostic(Document& doc, const char* kind, std::vector<Span> spans, std::string message,
                    std::size_t count = 0) {
    if (count == 0) count = spans.size();
    if (count == 0) return;
    if (spans.size() > kMaxSpans) spans.resize(kMaxSpans);
    doc.diagnostics.push_back(Diagnostic{kind, count, std::move(message), std::move(spans)});
}

void report(Document& doc, const CleanupReport& clean, Findings& found) {
    if (doc.source.charset_guessed)
        add_diagnostic(doc, "charset_guessed", {},
                       "the input declared no charset; " + doc.source.charset + " was detected", 1);
    add_diagnostic(doc, "boilerplate_removed", std::move(found.boilerplate),
                   "web-page navigation, widgets and footer lines removed from the body");
    add_diagnostic(doc, "metadata_merged", std::move(found.merged),
                   "repeated metadata values merged into one");
    std::string notes;
    for (const std::string& n : found.conflict_notes) notes += (notes.empty() ? "" : "; ") + n;
    add_diagnostic(doc, "metadata_conflict", std::move(found.conflicts),
                   "metadata stated twice with different values, the first kept: " + notes);
    add_diagnostic(doc, "pinyin_removed", clean.pinyin.spans,
                   "pinyin annotations after characters removed, as in 學(xué) → 學", clean.pinyin.count);
    add_diagnostic(doc, "cjk_space_removed", clean.cjk_spaces.spans, "spaces between Chinese characters removed",
                   clean.cjk_spaces.count);
    add_diagnostic(doc, "punctuation_widened", clean.punctuation.spans,
                   "Latin punctuation in Chinese text shown full-width (，：；？！（）“”‘’), as GB/T 15834 writes it; "
                   "numbers, times, URLs and Latin text keep theirs",
                   clean.punctuation.count);
    add_diagnostic(doc, "fullwidth_folded", {},
                   "full-width digits and letters read as half-width for analysis (display text unchanged)",
                   clean.fullwidth);
    add_diagnostic(doc, "mojibake_suspected", clean.mojibake.spans,
                   "text that looks mis-decoded (a '?' or stray letters inside Chinese text); left as is",
                   clean.mojibake.count);
}

bool mostly_traditional(const std::vector<Entry>& entries) {
    std::size_t han = 0;
    std::size_t changed = 0;
    for (const Entry& e : entries)
        for (std::size_t i = 0; i < e.line.text.size(); ++i)
            if (is_han(e.line.text[i])) {
                ++han;
                if (e.line.view[i] != e.line.text[i]) ++changed;
            }
    return han > 0 && changed * 20 > han;
}

}  // namespace

std::vector<RawBlock> split_lines(const std::string& text, const std::string& name) {
    std::size_t count = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++count;
    check_lines(count, name);  // before the lines take memory
    std::vector<RawBlock> lines;
    lines.reserve(count);
    std::size_t begin = 0;
    std::size_t cp_start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n' && text[i] != '\r') continue;
        const std::string_view piece(text.data() + begin, i - begin);
        RawBlock line;
        line.text = std::string(piece);
        line.start = cp_start;
        lines.push_back(std::move(line));
        cp_start += count_code_points(piece);
        if (i < text.size()) {
            const bool crlf = text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
            cp_start += crlf ? 2 : 1;
            if (crlf) ++i;
        }
        begin = i + 1;
    }
    return lines;
}

namespace {

// The cleaned lines of a reader's raw blocks, and the blocks it finished itself.
struct Cleaned {
    std::vector<Entry> entries;
    std::vector<Block> passthrough;
    CleanupReport report;
};

// Whether a line may hold a pinyin annotation: one needs an opening parenthesis.
bool may_hold_pinyin(const std::string& text) {
    return text.find('(') != std::string::npos || text.find("\xEF\xBC\x88") != std::string::npos;  // （
}

// A finished table's cells get the cleanup of punctuation the lines get; a cell knows only its
// own span, so that is where each change is said to be.
void widen_cells(Block& table, CleanupReport& report) {
    for (TableRow& row : table.rows)
        for (TableCell& cell : row.cells) {
            std::u32string text = to_u32(cell.text);
            const std::vector<std::size_t> widened = widen_punctuation(text);
            if (widened.empty()) continue;
            for (std::size_t k = 0; k < widened.size(); ++k) report.punctuation.add(cell.span);
            cell.text = to_utf8(text);
        }
}

// `Raw` is const or not: when not, each raw block's text is freed once its line is made.
template <class Raw>
Cleaned clean_lines(Raw& raw, const std::string& name) {
    check_lines(raw.size(), name);
    std::size_t toned = 0;
    for (const RawBlock& r : raw) {
        // A line's bytes are at least its code points: only a long one needs counting.
        if (limits().max_line_length > 0 && r.text.size() > limits().max_line_length && !r.block)
            check_line_length(count_code_points(r.text), r.start, name);
        if (toned < 3 && may_hold_pinyin(r.text)) toned += count_tone_marked_pinyin(to_u32(r.text));
    }
    Cleaned out;
    out.entries.reserve(raw.size());
    for (auto& r : raw) {
        check_deadline();
        if (r.block) {
            if constexpr (std::is_const_v<Raw>) out.passthrough.push_back(*r.block);
            else out.passthrough.push_back(std::move(*r.block));
            widen_cells(out.passthrough.back(), out.report);
            continue;
        }
        Line line = make_line(to_u32(r.text), r.start, r.origin.empty() ? nullptr : &r.origin, toned >= 3, out.report);
        line.heading_hint = r.heading_hint;
        if constexpr (!std::is_const_v<Raw>) {  // swapped out: assigning an empty string keeps the buffer
            std::string().swap(r.text);
            std::vector<std::uint32_t>().swap(r.origin);
        }
        if (!line.empty()) out.entries.push_back(Entry{std::move(line), Role::content, {}, std::nullopt, {}});
    }
    return out;
}

// Frees a line's memory (assigning empty strings would keep their buffers).
void release(Line& line) {
    std::u32string().swap(line.text);
    std::u32string().swap(line.view);
    line.origin = Origins();
}

Document enrich_lines(Source source, Cleaned cleaned, const std::vector<RawBlock>& stated) {
    Document doc;
    doc.source = std::move(source);
    std::vector<Entry>& entries = cleaned.entries;
    classify(entries);

    Findings found;
    Field written;
    InferenceInput in;
    std::vector<Line*> content;  // in.content, for the facts step to free as it goes
    for (Entry& e : entries) {
        if (e.role == Role::metadata && e.continued) {
            const LabelledValue whole{*e.continued, 0, 0, e.line.text.size()};
            apply_label(doc.metadata, e.line, whole, e.continued_label, written, found);
        } else if (e.role == Role::metadata) {
            for (const LabelledValue& lv : e.labels)
                apply_label(doc.metadata, e.line, lv, label_text(e.line, lv.label_begin), written, found);
        } else if (e.role == Role::chrome) {
            found.boilerplate.push_back(e.line.span);
            if (std::u32string owner = footer_owner(e.line.view); !owner.empty()) in.owners.push_back(owner);
        } else {
            in.content.push_back(&e.line);
            content.push_back(&e.line);
        }
    }
    for (const RawBlock& r : stated) apply_stated(doc.metadata, r, written, found);
    if (!doc.metadata.published.present() && written.present()) doc.metadata.published = written;
    in.cms_title = doc.metadata.title;
    in.traditional = mostly_traditional(entries);
    build_blocks(doc, in, found.merged);
    merge_by_position(doc.blocks, std::move(cleaned.passthrough));
    read_signature(doc);
    infer_metadata(doc, in);
    // Each line is freed once its facts are read, and the rest before the facts are mapped:
    // a large document's lines and its facts are never all held at once.
    std::size_t freed = 0;
    doc.facts = extract_facts(in.content, doc.blocks, [&](std::size_t k) {
        for (; freed < k; ++freed) release(*content[freed]);
    });
    in = InferenceInput();
    std::vector<Entry>().swap(entries);
    map_facts(doc, default_catalog());
    report(doc, cleaned.report, found);
    return doc;
}

}  // namespace

Document enrich(Source source, const std::vector<RawBlock>& raw, const std::vector<RawBlock>& stated) {
    const std::string name = source.name;
    return enrich_lines(std::move(source), clean_lines(raw, name), stated);
}

Document enrich(Source source, std::vector<RawBlock>&& raw, const std::vector<RawBlock>& stated) {
    const std::string name = source.name;
    Cleaned cleaned = clean_lines(raw, name);
    raw = std::vector<RawBlock>();
    return enrich_lines(std::move(source), std::move(cleaned), stated);
}

}  // namespace gongwen
