// Internal to model/: state shared by enrich.cpp (lines → blocks) and infer.cpp (title,
// organisation, year and dates inferred from the blocks).
#pragma once

#include <string>
#include <vector>

#include "model/document.hpp"
#include "model/line.hpp"

namespace gongwen {

// A content line that became one or more blocks, kept for inference.
struct BodyLine {
    const Line* line = nullptr;
    std::size_t first_block = 0;  // index into Document::blocks
};

struct InferenceInput {
    std::vector<const Line*> content;        // every content line, in order
    std::vector<std::u32string> owners;      // site owners named in removed footer lines
    Field cms_title;                         // 名称/标题 of the page's metadata
    Field attachment_title;                  // 附件: <title>
    bool traditional = false;                // the document is written in Traditional script
};

// Fills title (when missing), organisation, year from what the blocks and lines say.
void infer_metadata(Document& doc, const InferenceInput& in);

// True when `view` names a kind of report or official document (报告, 总结, 通知…); describe.cpp.
bool has_genre_word(std::u32string_view view);
// True when `view` ends like an organisation name (局, 厅, 委员会, 人民政府…).
bool ends_like_org(std::u32string_view view);

}  // namespace gongwen
