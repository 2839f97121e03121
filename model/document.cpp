#include "gongwen/document.hpp"

#include <array>
#include <utility>

namespace gongwen {

namespace {
constexpr std::array<std::pair<BlockKind, const char*>, 11> kBlockKindNames{{
    {BlockKind::title, "title"},
    {BlockKind::subtitle, "subtitle"},
    {BlockKind::heading, "heading"},
    {BlockKind::paragraph, "paragraph"},
    {BlockKind::list_item, "list_item"},
    {BlockKind::addressee, "addressee"},
    {BlockKind::signature, "signature"},
    {BlockKind::attachment, "attachment"},
    {BlockKind::annotation, "annotation"},
    {BlockKind::table, "table"},
    {BlockKind::image, "image"},
}};
}  // namespace

const char* to_string(BlockKind kind) {
    for (const auto& [k, name] : kBlockKindNames)
        if (k == kind) return name;
    return "paragraph";
}

bool block_kind_from_string(const std::string& name, BlockKind& out) {
    for (const auto& [k, n] : kBlockKindNames)
        if (name == n) {
            out = k;
            return true;
        }
    return false;
}

}  // namespace gongwen
