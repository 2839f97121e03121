// run_passes(): a reader's raw document through every pass, in order. Each pass is in the file
// named after it; pass_state.hpp says what they hand on.
#include <algorithm>

#include "gongwen/unicode.hpp"
#include "model/facts.hpp"
#include "model/gis.hpp"
#include "model/pass_state.hpp"

namespace gongwen {

namespace {

void add_diagnostic(Document& doc, const char* kind, std::vector<Span> spans, std::string message,
                    std::size_t count = 0) {
    if (count == 0) count = spans.size();
    if (count == 0) return;
    if (spans.size() > kMaxSpans) spans.resize(kMaxSpans);
    doc.diagnostics.push_back(Diagnostic{kind, count, std::move(message), std::move(spans)});
}

// The diagnostics: what the reader found about the input first, then what the passes changed or
// doubted, then what the reader had to do to read it.
void report(PassState& s, RawDocument& raw) {
    Document& doc = s.doc;
    const CleanupReport& clean = s.cleanup;
    Findings& found = s.found;
    doc.diagnostics = std::move(raw.input_notes);
    // The page furniture a reader left out of the text is removed boilerplate too.
    found.boilerplate.insert(found.boilerplate.end(), raw.removed.begin(), raw.removed.end());
    std::sort(found.boilerplate.begin(), found.boilerplate.end(),
              [](const Span& a, const Span& b) { return a.start < b.start; });
    if (doc.source.charset_guessed)
        add_diagnostic(doc, "charset_guessed", {},
                       "the input declared no charset; " + doc.source.charset + " was detected", 1);
    add_diagnostic(doc, "boilerplate_removed", std::move(found.boilerplate),
                   "web-page navigation, widgets and footer lines removed from the body");
    add_diagnostic(doc, "metadata_merged", std::move(found.merged), "repeated metadata values merged into one");
    std::string notes;
    for (const std::string& n : found.conflict_notes) notes += (notes.empty() ? "" : "; ") + n;
    add_diagnostic(doc, "metadata_conflict", std::move(found.conflicts),
                   "metadata stated twice with different values, the first kept: " + notes);
    add_diagnostic(
        doc, "heading_marks_removed", std::move(found.heading_marks),
        "Markdown heading marks (#) removed from the start of lines; heading levels come from the numbering");
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
    for (Diagnostic& d : raw.reader_notes) doc.diagnostics.push_back(std::move(d));
}

// Frees a line's memory (assigning empty strings would keep their buffers).
void release(Line& line) {
    std::u32string().swap(line.text);
    std::u32string().swap(line.view);
    line.origin = Origins();
}

// The facts of the content lines; each line is freed once its facts are read, so that a large
// document's lines and its facts are never all held at once.
void read_facts(PassState& s) {
    std::size_t freed = 0;
    s.doc.facts = extract_facts(s.in.content, s.doc.blocks, s.budget, [&](std::size_t k) {
        for (; freed < k; ++freed) release(*s.content[freed]);
    });
    s.in = InferenceInput();
    std::vector<Entry>().swap(s.entries);
}

}  // namespace

std::vector<RawBlock> split_lines(const std::string& text, const Budget& budget) {
    std::size_t count = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++count;
    budget.check_lines(count);  // before the lines take memory
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

Document run_passes(RawDocument raw, const Budget& budget) {
    PassState s(budget);
    s.doc.source = std::move(raw.source);
    strip_heading_marks(raw.blocks, s.found.heading_marks);
    join_split_title(raw);
    GisFound gis = recognize_gis(raw.blocks);  // before the raw lines are freed: it reads their layout
    normalize(raw.blocks, s);
    std::vector<RawBlock>().swap(raw.blocks);
    mark_chrome(s);
    read_metadata(s, raw.stated);
    s.in.page_titles = std::move(raw.titles);
    build_outline(s);
    read_closing(s.doc);
    infer_metadata(s.doc, s.in);
    read_facts(s);
    if (!s.doc.metadata.source_url.present() && raw.source_url.present()) s.doc.metadata.source_url = raw.source_url;
    report(s, raw);
    apply_gis(s.doc, std::move(gis));
    return std::move(s.doc);
}

}  // namespace gongwen
