// The html format: saved web pages read (by their extension or by how they start).
#include "converters/registry.hpp"
#include "gongwen/html.hpp"

namespace gongwen {

Format html_format() {
    Format f;
    f.name = "html";
    f.description = "a saved web page (read only)";
    f.extensions = {"html", "htm", "xhtml", "shtml"};
    f.read_extensions = f.extensions;
    f.sniff = looks_like_html;
    f.read = [](std::string&& bytes, const std::string& name, const Budget& budget) -> ReadResult {
        return read_html(bytes, name, budget);
    };
    return f;
}

}  // namespace gongwen
