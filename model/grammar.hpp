// Internal to model/: the line grammar the passes share (page chrome, metadata labels, the
// numbering markers and enumerators), exposed for unit tests.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/numbering.hpp"
#include "model/line.hpp"

namespace gongwen {

// --- boilerplate.cpp: web-page chrome that ends up in copied text -----------------------
// `view` is a line's analysis view (half-width, Simplified).
bool is_chrome_line(std::u32string_view view);
// A breadcrumb's label alone on its line ("当前位置:"), its items following one per line.
bool is_bare_breadcrumb_start(std::u32string_view view);
// A line of nothing but separators (">", "|", "»"…).
bool is_separator_line(std::u32string_view view);
// The site owner named by a footer line ("辽宁省科学技术厅 版权所有", "主办单位:X"), or empty.
std::u32string footer_owner(std::u32string_view view);

// --- metadata_lines.cpp: "label: value" lines of CMS pages --------------------------------
enum class MetaKey {
    title,
    index_number,
    document_number,
    publisher,
    category,
    keywords,
    published,
    written,
    source,
    extra,
    chrome,
};
struct LabelledValue {
    MetaKey key = MetaKey::extra;
    std::size_t label_begin = 0;  // positions in the line
    std::size_t value_begin = 0;
    std::size_t value_end = 0;
};
// The labelled values of a metadata line, or nothing when the line is not one.
std::optional<std::vector<LabelledValue>> parse_metadata_line(std::u32string_view view);
// "2024-02-04", "2024年02月20日", "2024/2/4", "二〇二一年一月二十二日" → "2024-02-04"; else empty.
// `whole` demands that the date is the entire string (apart from spaces).
std::string parse_date(std::u32string_view view, bool whole, std::string* time = nullptr);

// --- numbering.cpp: the official numbering grammar is public: gongwen/numbering.hpp -------

}  // namespace gongwen
