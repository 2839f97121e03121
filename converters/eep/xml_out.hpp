// A small indenting XML writer on a std::ostream: the package is written as it goes, so that
// a payload of any size can be streamed into the middle of it.
#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>

#include <utility>
#include "gongwen/unicode.hpp"

namespace gongwen::eep {

class XmlOut {
public:
    using Attributes = std::initializer_list<std::pair<std::string_view, std::string>>;

    explicit XmlOut(std::ostream& out) : out_(out) {}

    void open(std::string_view name, Attributes attributes = {}) {
        indent();
        start_tag(name, attributes);
        out_ << "\n";
        ++depth_;
    }
    void close(std::string_view name) {
        --depth_;
        indent();
        out_ << "</" << name << ">\n";
    }
    void leaf(std::string_view name, std::string_view value) {
        indent();
        out_ << "<" << name << ">" << xml_escape(value) << "</" << name << ">\n";
    }
    void leaf_if(std::string_view name, std::string_view value) {
        if (!value.empty()) leaf(name, value);
    }
    // An element whose content the caller writes to stream() as whole lines, unindented.
    void open_block(std::string_view name, Attributes attributes = {}) {
        indent();
        start_tag(name, attributes);
        out_ << "\n";
    }
    void close_block(std::string_view name) {
        indent();
        out_ << "</" << name << ">\n";
    }
    std::ostream& stream() { return out_; }

private:
    void indent() {
        for (int i = 0; i < depth_; ++i) out_ << "  ";
    }
    void start_tag(std::string_view name, Attributes attributes) {
        out_ << "<" << name;
        for (const auto& [key, value] : attributes) out_ << " " << key << "=\"" << xml_escape(value) << "\"";
        out_ << ">";
    }

    std::ostream& out_;
    int depth_ = 0;
};

}  // namespace gongwen::eep
