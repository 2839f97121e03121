// The closing parts: attachment note (附件说明), signature (落款: organisation and date),
// annotation (附注), a trailing title line; and what the signature tells of the document.
#include <algorithm>
#include <array>
#include <string_view>

#include "gongwen/unicode.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

bool is_annotation_line(std::u32string_view view) {
    return view.size() >= 4 && view.size() <= 60 && view.front() == '(' && view.back() == ')' &&
           view.find(')') == view.size() - 1 && !match_marker(view);
}

// The organisation that signs a bulletin in brackets on its last line: （某某县统计局）.
bool is_bracketed_signature(std::u32string_view view) {
    if (!is_annotation_line(view) || view.size() > 32) return false;
    const std::u32string_view name = view.substr(1, view.size() - 2);
    return name.size() >= 4 && !has_sentence_punct(name) && ends_like_org(name) &&
           name.find_first_of(U" 0123456789") == std::u32string_view::npos;
}

// A page's widgets copied after the text (智能问答, 政务邮箱): a few short labels, no sentence,
// no name of an organisation, no date.
bool is_widget_label(std::u32string_view v) {
    constexpr std::size_t kMaxLabel = 6;
    return !v.empty() && v.size() <= kMaxLabel && std::all_of(v.begin(), v.end(), is_han) && !ends_like_org(v);
}

// Where the text ends: its last line, or the signature before a page's widget labels.
std::size_t end_of_text(const std::vector<const Line*>& content) {
    constexpr std::size_t kMaxWidgets = 3;
    std::size_t end = content.size();
    while (end > 0 && content.size() - end < kMaxWidgets && is_widget_label(content[end - 1]->view)) --end;
    if (end == content.size() || end == 0) return content.size();
    const std::u32string_view last = content[end - 1]->view;
    return is_bracketed_signature(last) || !parse_date(last, true).empty() ? end : content.size();
}

}  // namespace

bool is_attachment_line(std::u32string_view view) {
    if (view.substr(0, 2) != U"附件") return false;
    std::size_t i = 2;
    while (i < view.size() && (is_ascii_digit(view[i]) || is_chinese_numeral(view[i]) || is_space(view[i]))) ++i;
    return i < view.size() && view[i] == ':';
}

// Roles of the closing lines, found walking back from the end: a trailing title line,
// signature (organisation and date), annotation, attachment note.
std::vector<BlockKind> closing_kinds(const std::vector<const Line*>& content) {
    std::vector<BlockKind> kinds(content.size(), BlockKind::paragraph);
    bool seen_date = false;
    const std::size_t end = end_of_text(content);
    for (std::size_t k = end; k-- > 0;) {
        const std::u32string_view v = content[k]->view;
        if (is_bracketed_signature(v) && !seen_date && k + 1 == end)
            kinds[k] = BlockKind::signature;
        else if (is_annotation_line(v))
            kinds[k] = BlockKind::annotation;
        else if (!parse_date(v, true).empty())
            kinds[k] = BlockKind::signature, seen_date = true;
        else if (is_attachment_line(v))
            kinds[k] = BlockKind::attachment;
        else if (is_title_line(v) && !seen_date && k + 1 == end)
            kinds[k] = BlockKind::title;
        else if (seen_date && kinds[k + 1] == BlockKind::signature && v.size() <= 30 && !has_sentence_punct(v) &&
                 ends_like_org(v))
            kinds[k] = BlockKind::signature;
        else
            break;
    }
    return kinds;
}

// Signature blocks carry the signing organisation and date.
void read_closing(Document& doc) {
    Field signature_date;
    for (const Block& b : doc.blocks) {
        if (b.kind == BlockKind::subtitle) {
            // The adoption note of a 决议 or a regulation: (2022年3月11日第十三届全国人民代表大会第五次会议通过).
            const std::u32string view = to_folded_u32(b.text);
            const bool bracketed = view.size() > 2 && view.front() == '(' && view.back() == ')';
            static constexpr std::array<std::u32string_view, 4> kAdopted{U"通过)", U"批准)", U"发布)", U"印发)"};
            if (!bracketed || std::none_of(kAdopted.begin(), kAdopted.end(), [&](auto w) { return view.ends_with(w); }))
                continue;
            const std::string date = parse_date(std::u32string_view(view).substr(1), false);
            if (!date.empty() && !doc.metadata.signed_date.present())
                doc.metadata.signed_date = Field{date, false, b.span};
            continue;
        }
        if (b.kind != BlockKind::signature) continue;
        const std::u32string view = to_folded_u32(b.text);
        const std::string date = parse_date(view, true);
        if (!date.empty()) {
            doc.metadata.signed_date = Field{date, false, b.span};
            // With no date stated for it, a document is published as of its signature's date.
            if (!doc.metadata.published.present()) signature_date = doc.metadata.signed_date;
        } else if (is_bracketed_signature(view)) {
            const std::u32string text = to_u32(b.text);
            doc.metadata.signer = Field{to_utf8(std::u32string_view(text).substr(1, text.size() - 2)), false, b.span};
        } else {
            doc.metadata.signer = Field{b.text, false, b.span};
        }
    }
    // Marked inferred: the date is the signature's, not one the document states as its publication.
    if (signature_date.present()) {
        signature_date.inferred = true;
        doc.metadata.published = signature_date;
    }
}

}  // namespace gongwen
