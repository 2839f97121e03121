// Writing: the writers of a run, made once; one Rendering per document, keeping what was made.
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "gongwen/files.hpp"
#include "gongwen/write.hpp"

namespace gongwen {

void Writer::stream(Rendering& rendering, std::ostream& out) const {
    const Artifact a = make(rendering);
    out.write(a.bytes.data(), static_cast<std::streamsize>(a.bytes.size()));
}

Writers::Writers(WriteOptions options) : options_(std::move(options)) {}

Writers::~Writers() = default;

const Writer& Writers::get(std::string_view format) const {
    const std::lock_guard lock(mutex_);
    if (auto it = writers_.find(format); it != writers_.end()) return *it->second;
    const Format* f = find_format(format);
    if (!f || !f->writes())
        throw std::invalid_argument("gongwen does not write the format '" + std::string(format) + "'");
    return *writers_.emplace(std::string(format), f->make_writer(options_)).first->second;
}

Rendering::Rendering(const Document& document, const Writers& writers, const Budget& budget, std::size_t ordinal)
    : document_(document), writers_(writers), budget_(budget), ordinal_(ordinal) {}

const Artifact& Rendering::artifact(std::string_view format) {
    if (auto it = made_.find(format); it != made_.end()) return it->second;
    Artifact a = writers_.get(format).make(*this);
    return made_.emplace(std::string(format), std::move(a)).first->second;
}

void Rendering::write(std::string_view format, std::ostream& out) {
    const auto it = made_.find(format);
    if (it == made_.end() && writers_.get(format).streams()) return writers_.get(format).stream(*this, out);
    const Artifact& a = it != made_.end() ? it->second : artifact(format);
    out.write(a.bytes.data(), static_cast<std::streamsize>(a.bytes.size()));
}

std::vector<Diagnostic> Rendering::warnings() const {
    std::vector<Diagnostic> all;
    for (const auto& [format, a] : made_) all.insert(all.end(), a.warnings.begin(), a.warnings.end());
    return all;
}

std::string write_string(const Document& doc, std::string_view format, const WriteOptions& options) {
    const Writers writers(options);
    Rendering r(doc, writers);
    return r.artifact(format).bytes;
}

void write_file(const Document& doc, const std::string& path, const WriteOptions& options, std::string_view format) {
    const Format* f = format.empty() ? format_for_output(path) : find_format(format);
    if (!f || !f->writes())
        throw Error(path, format.empty() ? "the extension names no format gongwen writes"
                                         : "gongwen does not write the format '" + std::string(format) + "'");
    const Writers writers(options);
    Rendering r(doc, writers);
    write_output_stream(path, [&](std::ostream& out) { r.write(f->name, out); }, {});
}

}  // namespace gongwen
