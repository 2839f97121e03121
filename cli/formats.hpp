// The formats the command line knows: one line per format in formats.cpp.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace gongwen {

// Settings that some writers take, filled from the command line. A format that needs one
// adds a field here and its option in options.cpp.
struct WriteSettings {};

struct OutputFormat {
    std::string name;       // as given to -t
    std::string extension;  // of output files, without the dot
    std::function<std::string(const Document&, const WriteSettings&)> write;
};

// Every output format, in the order --help lists them.
const std::vector<OutputFormat>& output_formats();
const OutputFormat* find_output_format(std::string_view name);

// Reads a document in whichever input format `bytes` are: gongwen's native XML, or text.
// Throws gongwen::Error naming `path`.
Document read_document(const std::string& path, std::string_view bytes);

}  // namespace gongwen
