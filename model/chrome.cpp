// The chrome pass: which cleaned lines are page chrome (navigation, widgets, footers: the
// phrases of boilerplate.cpp), which are metadata ("label: value", an info bar under the title),
// and which are the document's content.
#include <algorithm>
#include <optional>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

bool is_short_value(std::u32string_view view, std::size_t max) {
    return view.size() <= max && !has_sentence_punct(view) && !match_marker(view) && !parse_metadata_line(view);
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
                                        !entries[k].line.table_run && entries[k].line.text.size() <= 2;
                 ++k)
                entries[k].role = Role::chrome;
            continue;
        }
        Entry& next = entries[i + 1];
        if (next.role != Role::content || next.line.table_run || !is_short_value(next.line.view, 40)) continue;
        next.role = Role::metadata;
        next.continued = last.key;
        next.continued_label = label_text(e.line, last.label_begin);
    }
    std::size_t header_lines = 0;  // the info bar is under the title, not a page further down
    for (Entry& e : entries) {
        if (e.role == Role::metadata) continue;
        if (e.line.table_run) break;
        if (e.role == Role::content && has_sentence_punct(e.line.view)) break;
        if (e.role == Role::content && match_marker(e.line.view)) break;
        std::string time;
        if (e.role == Role::content && !parse_date(e.line.view, true, &time).empty() && !time.empty()) {
            e.role = Role::metadata;
            e.continued = MetaKey::published;
        } else if (auto labels =
                       e.role == Role::content && ++header_lines <= 40 ? dated_info_bar(e.line.view) : std::nullopt) {
            e.role = Role::metadata;
            e.labels = std::move(*labels);
        }
    }
}

}  // namespace

bool has_sentence_punct(std::u32string_view view) {
    return view.find_first_of(U"。;!?,，") != std::u32string_view::npos;
}

std::string label_text(const Line& line, std::size_t begin) {
    std::size_t end = begin;
    while (end < line.view.size() && line.view[end] != ':' && !is_space(line.view[end])) ++end;
    return line.utf8(begin, end);
}

void mark_chrome(PassState& s) {
    std::vector<Entry>& entries = s.entries;
    for (Entry& e : entries) {
        if (e.line.table_run) continue;  // table text is content
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
        if (e.role == Role::content && !e.line.table_run && i > 0 && entries[i - 1].role == Role::chrome &&
            entries[i + 1].role == Role::chrome && e.line.text.size() <= 30 && !has_sentence_punct(e.line.view))
            e.role = Role::chrome;
    }
}

}  // namespace gongwen
