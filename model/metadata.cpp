// The metadata pass: the labelled values of metadata lines, and the lines a reader states
// outside the text, into the document's Metadata; repeats merged, conflicts noted.
#include <algorithm>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

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

void apply_label(Metadata& meta, const Line& line, const LabelledValue& lv, const std::string& label, Field& written,
                 Findings& found) {
    const Span span = line.span_of(lv.value_begin, lv.value_end);
    std::string value = line.utf8(lv.value_begin, lv.value_end);
    const std::u32string_view view =
        std::u32string_view(line.view).substr(lv.value_begin, lv.value_end - lv.value_begin);
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

// A metadata line a reader states outside the text: known labels as in the text, any other
// "label:value" as an extra field under its label.
void apply_stated(Metadata& meta, const RawBlock& raw, Field& written, Findings& found) {
    CleanupReport scratch;  // cleanup of a stated line is not a change to the document's text
    const Line line =
        make_line(to_u32(raw.text), raw.start, raw.origin.empty() ? nullptr : &raw.origin, false, scratch);
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

void read_metadata(PassState& s, const std::vector<RawBlock>& stated) {
    Metadata& meta = s.doc.metadata;
    for (Entry& e : s.entries) {
        if (e.role == Role::metadata && e.continued) {
            const LabelledValue whole{*e.continued, 0, 0, e.line.text.size()};
            apply_label(meta, e.line, whole, e.continued_label, s.written, s.found);
        } else if (e.role == Role::metadata) {
            for (const LabelledValue& lv : e.labels)
                apply_label(meta, e.line, lv, label_text(e.line, lv.label_begin), s.written, s.found);
        } else if (e.role == Role::chrome) {
            s.found.boilerplate.push_back(e.line.span);
            if (std::u32string owner = footer_owner(e.line.view); !owner.empty()) s.in.owners.push_back(owner);
        } else {
            s.in.content.push_back(&e.line);
            s.content.push_back(&e.line);
        }
    }
    for (const RawBlock& r : stated) apply_stated(meta, r, s.written, s.found);
    if (!meta.published.present() && s.written.present()) meta.published = s.written;
    s.in.cms_title = meta.title;
    s.in.traditional = mostly_traditional(s.entries);
}

}  // namespace gongwen
