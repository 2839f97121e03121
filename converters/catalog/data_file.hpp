// What the readers of gongwen's XML data files (the indicator catalog, the GIS template) share:
// errors that name the file, the line and the problem, and the check for unknown attributes.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include "gongwen/error.hpp"

namespace gongwen {

class DataFileReader {
public:
    DataFileReader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

    [[noreturn]] void fail(std::ptrdiff_t offset, const std::string& problem) const {
        const std::size_t end = offset < 0 ? 0 : std::min(text_.size(), static_cast<std::size_t>(offset));
        const auto line = 1 + std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(end), '\n');
        throw Error(file_, "line " + std::to_string(line) + ": " + problem);
    }
    [[noreturn]] void fail(pugi::xml_node node, const std::string& problem) const {
        fail(node.offset_debug(), problem);
    }

    // Fails on an attribute of `node` not in `known` (namespace declarations aside).
    void check_attributes(pugi::xml_node node, std::initializer_list<const char*> known) const {
        for (pugi::xml_attribute a : node.attributes()) {
            const std::string name = a.name();
            if (name == "xmlns" || name.rfind("xmlns:", 0) == 0) continue;
            if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; }))
                fail(node, "<" + std::string(node.name()) + "> has an unknown attribute '" + name + "'");
        }
    }

protected:
    std::string_view text_;
    std::string file_;
};

}  // namespace gongwen
