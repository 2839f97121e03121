// Pieces shared by the package writer and the verifier: digests, base64, dates, PDF and OFD facts.
#pragma once

#include <openssl/evp.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/eep.hpp"

namespace gongwen::eep {

// "YYYYMMDD" for a real calendar date written YYYYMMDD or YYYY-MM-DD; empty otherwise.
std::string normalize_date(std::string_view text);
// Whether `text` is an xs:dateTime with a real date and time (time zone optional).
bool valid_date_time(std::string_view text);

// One message digest (OpenSSL 3 EVP, by name: "SM3", "SHA256"), fed in chunks.
class Digest {
public:
    explicit Digest(const char* name);
    void update(const void* data, std::size_t size);
    std::vector<unsigned char> finish();  // once

private:
    struct MdFree {
        void operator()(EVP_MD* m) const { EVP_MD_free(m); }
    };
    struct CtxFree {
        void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
    };
    std::unique_ptr<EVP_MD, MdFree> md_;
    std::unique_ptr<EVP_MD_CTX, CtxFree> ctx_;
};

std::string to_hex(const std::vector<unsigned char>& bytes);
std::string base64_encode(std::string_view bytes);  // one line, no breaks

// A strict, streaming base64 decoder: whitespace is skipped, anything else outside the
// alphabet, or data after the padding, is an error.
class Base64Decoder {
public:
    // Decodes `text`, appending the bytes to `out`. Returns false on the first error.
    bool feed(std::string_view text, std::string& out);
    // True when the input ended on a whole group; call after the last feed.
    bool finish() const { return !failed_ && filled_ == 0; }
    bool failed() const { return failed_; }
    const std::string& error() const { return error_; }

private:
    std::uint32_t group_ = 0;
    int filled_ = 0;   // characters of the current group of four
    int padding_ = 0;  // '=' seen; only whitespace and '=' may follow
    bool failed_ = false;
    std::string error_;
};

// What the package records about a PDF and what the verifier checks in it.
struct PdfFacts {
    bool opened = false;
    std::string error;  // why it did not open
    bool encrypted = false;
    int pages = 0;
    std::string version;  // "1.7"
    std::string pdfa;     // "PDF/A-2a" when the XMP says so; empty otherwise
    bool javascript = false;
    bool launch = false;
    std::vector<std::string> unembedded_fonts;
};

PdfFacts probe_pdf_file(const std::string& path);
PdfFacts probe_pdf_bytes(std::string_view bytes);

// What the package records about an OFD (GB/T 33190) and what the verifier checks in it: the
// zip container opens, OFD.xml leads to each document's Document.xml and its pages, every XML
// part is well-formed, every Font resource has its FontFile in the package.
struct OfdFacts {
    bool opened = false;  // OFD.xml and every Document.xml and resource file it names read
    std::string error;    // why it did not open
    int pages = 0;
    std::string version;                        // OFD.xml's Version
    int fonts = 0;                              // Font resources
    int xml_parts = 0;                          // XML parts checked for well-formedness
    std::vector<std::string> bad_xml;           // "part: why" for each part that is not well-formed
    std::vector<std::string> unembedded_fonts;  // "FontName (why)"
};

OfdFacts probe_ofd_file(const std::string& path);
OfdFacts probe_ofd_bytes(std::string_view bytes);

// The package's DA/T 46 values for one document, by element name, and how they were found.
struct Record {
    ProfileValues values;               // 题名, 责任者, 日期 (YYYYMMDD), 保管期限 …
    std::vector<std::string> subjects;  // 主题词, from the document's subject category
    std::string created;                // 封装包创建时间, xs:dateTime
    std::string date_action;            // what 日期 records: 成文 (signed), 发布 (published), or empty
};

// Resolves the record of `doc` from the document and the profile. Throws gongwen::Error
// naming the document and the first mandatory element that has no value.
Record resolve_record(const Document& doc, const EepOptions& options);

// The effective profile values for `doc`: the file's top values, then matching 责任者
// sections, then matching 文件 sections.
ProfileValues profile_values_for(const ArchiveProfile& profile, const Document& doc);

}  // namespace gongwen::eep
