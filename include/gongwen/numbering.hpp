// The official numbering of GB/T 9704 headings (一、 （一） 1. （1）, in any spacing or bracket
// width) and the inline enumerators (一是…二是…, 第一，第二，…) that structure a paragraph without
// being headings. Functions of a line's analysis view (unicode.hpp's fold: half-width, Simplified).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace gongwen {

// A heading marker at the start of a line.
struct Marker {
    int level = 0;           // 1 一、 2 （一） 3 1. 4 （1）
    std::size_t length = 0;  // marker length in the line, spaces inside included
    std::size_t body = 0;    // where the text after the marker (and spaces) starts
};
// The marker `view` starts with, if any.
std::optional<Marker> match_marker(std::u32string_view view);
// End (exclusive) of the first sentence of view[from..] when more text follows it, else npos.
std::size_t first_sentence_end(std::u32string_view view, std::size_t from);
// Inline enumerators (一是 二是…, 第一，第二，…) in view[from..end): their positions and lengths.
struct Enumerator {
    std::size_t begin = 0;
    std::size_t length = 0;
    int number = 0;
};
std::vector<Enumerator> find_enumerators(std::u32string_view view, std::size_t from);

}  // namespace gongwen
