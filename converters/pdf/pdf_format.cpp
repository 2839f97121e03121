// The pdf format: the archival PDF in the GB/T 9704 layout, set in fonts opened once per run.
#include "converters/pdf/render.hpp"
#include "converters/registry.hpp"
#include "gongwen/pdf.hpp"
#include "gongwen/xml.hpp"

namespace gongwen {

namespace {

class PdfWriter : public Writer {
public:
    explicit PdfWriter(const PdfOptions& options) : options_(options), fonts_(options.fonts) {}

    Artifact make(Rendering& r) const override {
        PdfOptions options = options_;
        // PDF/A-3b carries the report's native XML: the XML output's own bytes.
        if (options.conformance == PdfConformance::a3b) options.source_xml = r.artifact("xml").bytes;
        pdf::Rendered pdf = pdf::render(r.document(), options, fonts_, r.budget());
        return Artifact{std::move(pdf.bytes), pdf.pages, std::move(pdf.identification), std::move(pdf.diagnostics)};
    }

private:
    PdfOptions options_;
    Fonts fonts_;
};

}  // namespace

Format pdf_format() {
    Format f;
    f.name = "pdf";
    f.description = "PDF/A-2a (or 3a), tagged, in the GB/T 9704 layout";
    f.extensions = {"pdf"};
    f.make_writer = [](const WriteOptions& o) { return std::make_unique<PdfWriter>(o.pdf); };
    return f;
}

}  // namespace gongwen
