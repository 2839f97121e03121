// Writing documents: the writers of a run, and one-line helpers.
//
//   const gongwen::Document doc = gongwen::read_file("report.txt");
//   gongwen::write_file(doc, "report.pdf");   // the format from the extension
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "gongwen/catalog.hpp"
#include "gongwen/document.hpp"
#include "gongwen/eep.hpp"
#include "gongwen/formats.hpp"
#include "gongwen/pdf.hpp"

namespace gongwen {

// Every writer's options; each format owns its part.
struct WriteOptions {
    PdfOptions pdf;  // pdf (and the PDF inside eep): PDF/A level, fonts
    EepOptions eep;  // eep: the archive profile, a payload of the user's, the XML beside the PDF
    // xlsx: the catalog the documents' facts were mapped with (Reader's); null: the built-in one.
    std::shared_ptr<const Catalog> catalog;
};

// The writers of one run: each made once, when first asked for (the PDF writer loads its fonts
// then), and shared by every thread.
class Writers {
public:
    explicit Writers(WriteOptions options = {});
    ~Writers();
    Writers(const Writers&) = delete;
    Writers& operator=(const Writers&) = delete;

    const WriteOptions& options() const { return options_; }
    // The writer of `format`. Throws std::invalid_argument when no format of that name is written.
    const Writer& get(std::string_view format) const;

private:
    WriteOptions options_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Writer>, std::less<>> writers_;
};

// `doc` in `format` ("xml", "pdf" …), whole, in memory.
std::string write_string(const Document& doc, std::string_view format, const WriteOptions& options = {});
// `doc` written to `path` in the format its extension names, or `format` when given: through a
// temporary file renamed into place, so no partial file is ever left. Throws gongwen::Error
// naming the file when it cannot be written or its extension names no format.
void write_file(const Document& doc, const std::string& path, const WriteOptions& options = {},
                std::string_view format = {});

}  // namespace gongwen
