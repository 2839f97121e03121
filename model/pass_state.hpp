// Internal to model/: what the passes hand on to one another (run_passes in passes.cpp runs
// them in order), and the line tests more than one of them uses.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/raw.hpp"
#include "model/grammar.hpp"
#include "model/line.hpp"

namespace gongwen {

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
    std::vector<Span> heading_marks;  // Markdown's # before a line
};

// What inference needs beyond the blocks.
struct InferenceInput {
    std::vector<const Line*> content;         // every content line, in order
    std::vector<std::u32string> owners;       // site owners named in removed footer lines
    Field cms_title;                          // 名称/标题 of the page's metadata
    std::vector<std::u32string> page_titles;  // what the source calls itself outside the text (<title>)
    Field attachment_title;                   // 附件: <title>
    bool traditional = false;                 // the document is written in Traditional script
};

struct PassState {
    explicit PassState(const Budget& b) : budget(b) {}
    const Budget& budget;
    Document doc;
    std::vector<Entry> entries;   // the cleaned lines, in source order
    std::vector<Block> finished;  // blocks the reader finished itself (tables, images)
    CleanupReport cleanup;        // what cleanup changed
    Findings found;
    Field written;  // the date a 成文日期 label states: the publication date when none is
    InferenceInput in;
    std::vector<Line*> content;  // in.content, for the facts step to free as it goes
};

// --- the passes, in the order run_passes runs them ------------------------------------------

// title.cpp: Markdown's heading marks (#, ##…) off the lines that open with them, noted in
// `removed`; the count of marks kept as the line's heading hint.
void strip_heading_marks(std::vector<RawBlock>& raw, std::vector<Span>& removed);
// title.cpp: the lines at the top that together spell a title the source gives itself outside
// the text (RawDocument::titles, a stated 标题) become one line.
void join_split_title(RawDocument& raw);
// text_tables.cpp: tables written as text among a reader's lines (pipe rows, tab-separated
// rows, space-aligned columns, one cell a line), as table blocks with their cells cleaned as
// lines are; what each raw block became; page footers inside tables, removed.
struct TextTables {
    // Per raw block: 0 a line as before, 1 taken by a table (or a footer inside one), 2 a line
    // of table text no grid was rebuilt from, 3 such a line with numbers right above and below.
    std::vector<char> use;
    std::vector<Block> tables;
    std::vector<Span> removed;
};
TextTables find_text_tables(const std::vector<RawBlock>& raw, CleanupReport& report, const Budget& budget);
// normalize.cpp: each raw line cleaned (cleanup.cpp, punctuation.cpp), its text freed once its
// line is made; finished blocks kept aside.
void normalize(std::vector<RawBlock>& raw, PassState& s);
// chrome.cpp: which lines are page chrome, which are metadata ("label: value"), which content.
void mark_chrome(PassState& s);
// metadata.cpp: the metadata lines and the reader's stated lines into Metadata; the content lines
// handed on.
void read_metadata(PassState& s, const std::vector<RawBlock>& stated);
// outline.cpp: the content lines into blocks: the title block, headings by the numbering grammar,
// paragraphs with their enumerations, the closing parts.
void build_outline(PassState& s);
// closing.cpp: the signature's organisation and date, a resolution's adoption note.
void read_closing(Document& doc);
// infer.cpp: title (when missing), organisation and year from what the blocks and lines say.
void infer_metadata(Document& doc, const InferenceInput& in);

// --- line tests shared by the passes (`view` is a line's analysis view) ----------------------

bool has_sentence_punct(std::u32string_view view);
// The label of a "label: value" line starting at `begin`, as written.
std::string label_text(const Line& line, std::size_t begin);
// `end` moved back over trailing spaces, not below `begin`.
std::size_t trim_end(const Line& line, std::size_t begin, std::size_t end);
bool is_attachment_line(std::u32string_view view);
bool is_addressee_line(std::u32string_view view);
bool is_title_line(std::u32string_view view);

// title.cpp: the title block under the title (题注, the speaker, a 文号 …).
bool opens_with_dash(std::u32string_view text);
bool follows_dash(const std::vector<Block>& blocks);
bool is_subtitle(const std::vector<const Line*>& content, std::size_t k, bool after_dash);
bool wraps_into(const Block& above, const Block& title);
std::u32string squeeze(std::u32string_view view);
// A line that is the title the source gives itself outside the text: the whole of one of
// `titles`, or its head before the site's name (<title>X-某某网</title>); never an organisation's
// name alone (a site's name heading the page).
bool is_stated_title(std::u32string_view view, const std::vector<std::u32string>& titles);

// closing.cpp: the roles of the closing lines (signature, annotation, attachment note, a
// trailing title), found walking back from the end.
std::vector<BlockKind> closing_kinds(const std::vector<const Line*>& content);

// describe.cpp: `view` names a kind of report or official document (报告, 总结, 通知…).
bool has_genre_word(std::u32string_view view);
// infer.cpp: `view` ends like an organisation name (局, 厅, 委员会, 人民政府…).
bool ends_like_org(std::u32string_view view);

}  // namespace gongwen
