#include "converters/xlsx/workbook.hpp"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gongwen/error.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen::xlsx {

namespace fs = std::filesystem;

std::vector<std::string> Notes::cuts() const {
    std::vector<std::string> out;
    for (const auto& [what, count] : counts_) out.push_back(count > 1 ? what + " ×" + std::to_string(count) : what);
    return out;
}

std::vector<std::string> Notes::sentences() const {
    std::vector<std::string> out = cuts();
    out.insert(out.end(), infos_.begin(), infos_.end());
    return out;
}

void check(lxw_error e, const std::string& what) {
    if (e != LXW_NO_ERROR) throw Error("xlsx", what + ": " + lxw_strerror(e));
}

void Workbook::Closer::operator()(lxw_workbook* wb) const {
    if (wb) workbook_close(wb);  // an abandoned workbook still frees its memory this way
}

namespace {

std::string make_temp_dir() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = (fs::path(base && *base ? base : "/tmp") / "gongwen-xlsx-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw Error("xlsx", "cannot create a temporary folder for the workbook");
    return pattern;
}

lxw_format* add_format(lxw_workbook* wb) { return workbook_add_format(wb); }

}  // namespace

Workbook::Workbook() : dir_(make_temp_dir()), path_((fs::path(dir_) / "summary.xlsx").string()) {
    lxw_workbook_options options{};
    // Each row goes to a temporary file when the next one starts (every sheet is written row by
    // row), so a workbook of thousands of reports never holds its cells in memory.
    options.constant_memory = LXW_TRUE;
    options.tmpdir = dir_.data();
    options.use_zip64 = LXW_FALSE;
    book_.reset(workbook_new_opt(path_.c_str(), &options));
    if (!book_) {
        std::error_code ec;
        fs::remove_all(dir_, ec);
        throw Error("xlsx", "cannot create a workbook");
    }
}

Workbook::~Workbook() {
    book_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

// The shared formats, by name: the look of the workbook in one place.
lxw_format* Workbook::format(const std::string& key) {
    if (auto it = formats_.find(key); it != formats_.end()) return it->second;
    lxw_format* f = add_format(book_.get());
    if (key == "header" || key == "group") {
        format_set_bold(f);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_CENTER);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_bg_color(f, key == "group" ? 0xBDD7EE : 0xDDEBF7);
    } else if (key == "id") {
        format_set_font_size(f, 8);
        format_set_font_color(f, 0x808080);
        format_set_align(f, LXW_ALIGN_CENTER);
    } else if (key == "date") {
        format_set_num_format(f, "yyyy-mm-dd");
    } else if (key == "wrap") {
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    } else if (key == "total") {
        format_set_bold(f);
        format_set_top(f, LXW_BORDER_DOUBLE);
    } else if (key == "title") {
        format_set_bold(f);
        format_set_font_size(f, 13);
    } else if (key == "failed") {
        format_set_font_color(f, 0xC00000);
    } else if (key == "check") {  // a report's failed checks, beside its row
        format_set_font_color(f, 0xC00000);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    } else if (key == "change") {  // rising red ▲, falling green ▼, as Chinese tables mark them
        format_set_num_format(f, "[Red]\"▲\"General;[Color10]\"▼\"General;\"＝\"");
    } else if (key == "change_percent") {
        format_set_num_format(f, "[Red]\"▲\"0.0%;[Color10]\"▼\"0.0%;\"＝\"");
    }
    formats_.emplace(key, f);
    return f;
}

lxw_format* Workbook::number_format(const std::string& num_format, bool flagged) {
    const std::string key = (flagged ? "flagged:" : "number:") + num_format;
    if (auto it = formats_.find(key); it != formats_.end()) return it->second;
    lxw_format* f = add_format(book_.get());
    format_set_num_format(f, num_format.c_str());
    format_set_font_color(f, 0x0563C1);  // it is a link to its fact
    format_set_underline(f, LXW_UNDERLINE_SINGLE);
    if (flagged) {  // a cell a failed check names
        format_set_bg_color(f, 0xFFC7CE);
        format_set_font_color(f, 0x9C0006);
        format_set_border(f, LXW_BORDER_THIN);
        format_set_border_color(f, 0xC00000);
    }
    formats_.emplace(key, f);
    return f;
}

std::string Workbook::finish(std::int64_t created, const std::string& title) {
    lxw_doc_properties properties{};
    std::string author = "gongwen";
    std::string comments = "gongwen " GONGWEN_VERSION;
    std::string heading = title;
    properties.title = heading.data();
    properties.author = author.data();
    properties.comments = comments.data();
    properties.created = static_cast<time_t>(created);
    check(workbook_set_properties(book_.get(), &properties), "cannot set the workbook's properties");
    check(workbook_close(book_.release()), "cannot write the workbook");
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) throw Error("xlsx", "cannot read back the workbook written");
    return bytes.str();
}

std::string column_name(lxw_col_t col) {
    std::string name;
    for (unsigned c = col + 1u; c > 0; c = (c - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    return name;
}

// --- sheets --------------------------------------------------------------------------------

double display_width(std::string_view s) {
    double width = 0;
    double line = 0;
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t cp = next_code_point(s, pos);
        if (cp == '\n') {
            width = std::max(width, line);
            line = 0;
            continue;
        }
        line += (is_cjk(cp) || cp >= 0x1100) ? 2.0 : 1.0;
    }
    return std::max(width, line);
}

// XML 1.0 cannot carry most control characters; Excel's cells hold 32,767 characters.
std::string Sheet::clean(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t chars = 0;
    bool cut = false;
    for (std::size_t pos = 0; pos < s.size();) {
        char32_t cp = next_code_point(s, pos);
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0xFFFE || cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = ' ';
        if (chars + 1 >= kMaxCellChars && pos < s.size()) {
            cut = true;
            out += "…";
            break;
        }
        append_utf8(out, cp);
        ++chars;
    }
    if (cut) notes_.add(name_ + "：单元格文字超过 32,767 字，已截断");
    return out;
}

void Sheet::measure(lxw_col_t col, std::string_view s) {
    if (widths_.size() <= col) widths_.resize(col + 1u, 0);
    if (widths_[col] >= 0) widths_[col] = std::max(widths_[col], display_width(s));
}

void Sheet::text(lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* f, bool measured) {
    if (s.empty()) return;
    const std::string value = clean(s);
    if (measured) measure(col, value);
    // worksheet_write_string: a report's "=SUM(…)" stays the text it was.
    check(worksheet_write_string(ws_, row, col, value.c_str(), f), "cannot write a cell of " + name_);
}

void Sheet::number(lxw_row_t row, lxw_col_t col, double v, lxw_format* f) {
    check(worksheet_write_number(ws_, row, col, v, f), "cannot write a cell of " + name_);
    measure(col, std::to_string(static_cast<long long>(v)));
}

void Sheet::decimal(lxw_row_t row, lxw_col_t col, const std::string& exact, lxw_format* f) {
    double v = 0;
    std::from_chars(exact.data(), exact.data() + exact.size(), v);
    check(worksheet_write_number(ws_, row, col, v, f), "cannot write a cell of " + name_);
    measure(col, exact);
}

void Sheet::date(lxw_row_t row, lxw_col_t col, const std::string& iso, lxw_format* f) {
    if (iso.size() != 10) return text(row, col, iso);
    lxw_datetime dt{std::atoi(iso.substr(0, 4).c_str()),
                    std::atoi(iso.substr(5, 2).c_str()),
                    std::atoi(iso.substr(8, 2).c_str()),
                    0,
                    0,
                    0};
    check(worksheet_write_datetime(ws_, row, col, &dt, f), "cannot write a date in " + name_);
    measure(col, iso);
}

bool Sheet::link(lxw_row_t row, lxw_col_t col, const std::string& sheet, lxw_row_t target_row) {
    if (links_ >= kMaxLinks) {
        notes_.add(name_ + "：超过 Excel 每表 65,530 个链接的上限，其余单元格未加链接");
        return false;
    }
    ++links_;
    const std::string url = "internal:'" + sheet + "'!A" + std::to_string(target_row + 1);
    // The link is written first and its cell overwritten with the value: the link stays.
    check(worksheet_write_url(ws_, row, col, url.c_str(), nullptr), "cannot write a link in " + name_);
    return true;
}

void Sheet::note(lxw_row_t row, lxw_col_t col, const std::string& text) {
    const std::string value = clean(text);
    lxw_comment_options options{};
    options.width = 360;
    options.height = 160;
    check(worksheet_write_comment_opt(ws_, row, col, value.c_str(), &options), "cannot write a note in " + name_);
}

void Sheet::formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached, lxw_format* f) {
    check(worksheet_write_formula_num(ws_, row, col, formula.c_str(), f, cached), "cannot write a formula in " + name_);
}

void Sheet::fit_columns(double min, double max) {
    for (std::size_t c = 0; c < widths_.size(); ++c)
        if (widths_[c] >= 0)
            worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::clamp(widths_[c] + 2, min, max), nullptr);
}

void Sheet::set_width(lxw_col_t col, double width, lxw_format* f) {
    worksheet_set_column(ws_, col, col, width, f);
    if (widths_.size() <= col) widths_.resize(col + 1u, 0);
    widths_[col] = -1e9;  // fit_columns leaves it alone
}

}  // namespace gongwen::xlsx
