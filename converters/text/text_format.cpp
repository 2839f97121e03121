// The txt and md formats: plain text read (the reading of any input no other format claims),
// text and Markdown written.
#include "converters/registry.hpp"
#include "gongwen/text.hpp"

namespace gongwen {

namespace {

class TextWriter : public Writer {
public:
    Artifact make(Rendering& r) const override { return Artifact{write_text(r.document()), 0, {}, {}}; }
};

class MarkdownWriter : public Writer {
public:
    Artifact make(Rendering& r) const override { return Artifact{write_markdown(r.document()), 0, {}, {}}; }
};

}  // namespace

Format txt_format() {
    Format f;
    f.name = "txt";
    f.description = "the text with its outline, one block per paragraph";
    f.extensions = {"txt", "text"};
    f.read = [](std::string&& bytes, const std::string& name, const Budget& budget) -> ReadResult {
        return read_text(std::move(bytes), name, budget);
    };
    f.make_writer = [](const WriteOptions&) { return std::make_unique<TextWriter>(); };
    return f;
}

Format md_format() {
    Format f;
    f.name = "md";
    f.description = "Markdown: a metadata table, headings as #";
    f.extensions = {"md", "markdown"};
    f.make_writer = [](const WriteOptions&) { return std::make_unique<MarkdownWriter>(); };
    return f;
}

}  // namespace gongwen
