// The ofd format: the GB/T 9704 pages as an OFD package (GB/T 33190-2016), in the fonts the PDF
// uses (--font), opened once per run.
#include "converters/registry.hpp"
#include "gongwen/ofd.hpp"
#include "gongwen/write.hpp"

namespace gongwen {

namespace {

class OfdWriter : public Writer {
public:
    explicit OfdWriter(const OfdOptions& options) : options_(options), fonts_(options.fonts) {}

    Artifact make(Rendering& r) const override {
        OfdOptions options = options_;
        // The report's native XML travels in the package: the XML output's own bytes.
        options.source_xml = r.artifact("xml").bytes;
        std::vector<Diagnostic> diagnostics;
        std::string bytes = write_ofd(r.document(), options, fonts_, &diagnostics, r.budget());
        return Artifact{std::move(bytes), 0, "OFD", std::move(diagnostics)};
    }

private:
    OfdOptions options_;
    Fonts fonts_;
};

}  // namespace

Format ofd_format() {
    Format f;
    f.name = "ofd";
    f.description = "OFD (GB/T 33190-2016) in the GB/T 9704 layout";
    f.extensions = {"ofd"};
    f.make_writer = [](const WriteOptions& o) { return std::make_unique<OfdWriter>(OfdOptions{o.pdf.fonts, {}}); };
    return f;
}

}  // namespace gongwen
