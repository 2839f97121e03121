// Internal to converters/xlsx: libxlsxwriter's handles wrapped once, and a sheet writer that
// keeps every cell within Excel's limits and every report text a string.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen::xlsx {

// What had to be cut to fit Excel, counted by sentence ("事实: 3 cells cut to 32,767 characters"),
// and what the workbook chose to leave out by design (the chart compares the first 200 reports).
class Notes {
public:
    void add(const std::string& what) { ++counts_[what]; }
    void inform(const std::string& what) { infos_.push_back(what); }
    // The cuts, each with its count when it happened more than once: the warnings.
    std::vector<std::string> cuts() const;
    // The cuts and then the design notes: what the workbook's 文档 sheet says.
    std::vector<std::string> sentences() const;

private:
    std::map<std::string, std::size_t> counts_;
    std::vector<std::string> infos_;
};

// A workbook written to a private temporary folder and read back as bytes; the folder and
// everything in it go when this goes, on every path.
class Workbook {
public:
    Workbook();
    ~Workbook();
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_workbook* get() const { return book_.get(); }
    lxw_format* format(const std::string& key);  // shared formats by name, see workbook.cpp
    // A value linked to its fact, in `num_format` ("General\"余\"" …); `flagged`: filled, as a
    // cell a failed check names.
    lxw_format* number_format(const std::string& num_format, bool flagged = false);
    // Closes the workbook with `created` as its creation time and returns the file's bytes.
    // Throws gongwen::Error when libxlsxwriter reports a failure.
    std::string finish(std::int64_t created, const std::string& title);

private:
    struct Closer {
        void operator()(lxw_workbook* wb) const;
    };
    std::string dir_;
    std::string path_;
    std::unique_ptr<lxw_workbook, Closer> book_;
    std::map<std::string, lxw_format*> formats_;  // owned by the workbook
};

constexpr lxw_row_t kMaxRows = LXW_ROW_MAX;
constexpr lxw_col_t kMaxCols = LXW_COL_MAX;
constexpr std::size_t kMaxCellChars = 32767;
constexpr std::size_t kMaxLinks = LXW_MAX_NUMBER_URLS;

// One worksheet. Text is cleaned of characters XML cannot carry and cut to Excel's cell limit
// (with a note); widths follow the widest text written, Chinese characters counting double.
class Sheet {
public:
    Sheet(lxw_worksheet* ws, std::string name, Notes& notes) : ws_(ws), name_(std::move(name)), notes_(notes) {}

    lxw_worksheet* get() const { return ws_; }
    const std::string& name() const { return name_; }

    void text(lxw_row_t row, lxw_col_t col, std::string_view s, lxw_format* f = nullptr, bool measure = true);
    void number(lxw_row_t row, lxw_col_t col, double v, lxw_format* f = nullptr);
    // An exact decimal string as a number (its nearest double).
    void decimal(lxw_row_t row, lxw_col_t col, const std::string& exact, lxw_format* f = nullptr);
    void date(lxw_row_t row, lxw_col_t col, const std::string& iso, lxw_format* f);
    // A link to a row of another sheet of this workbook; false (with a note) past Excel's limit.
    bool link(lxw_row_t row, lxw_col_t col, const std::string& sheet, lxw_row_t target_row);
    void note(lxw_row_t row, lxw_col_t col, const std::string& text);
    void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached, lxw_format* f);
    // Sets each column's width from what was written, between `min` and `max` characters.
    void fit_columns(double min, double max);
    void set_width(lxw_col_t col, double width, lxw_format* f = nullptr);

private:
    std::string clean(std::string_view s);
    void measure(lxw_col_t col, std::string_view s);

    lxw_worksheet* ws_;
    std::string name_;
    Notes& notes_;
    std::vector<double> widths_;
    std::size_t links_ = 0;
};

void check(lxw_error e, const std::string& what);  // throws gongwen::Error on failure

// "A", "B", … "AA": a column's letters in a formula.
std::string column_name(lxw_col_t col);

// Display width of text in character cells: wide (CJK) characters count two.
double display_width(std::string_view s);

}  // namespace gongwen::xlsx
