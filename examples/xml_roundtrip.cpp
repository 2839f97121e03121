// xml_roundtrip IN.xml OUT.xml KEYWORDS
//
// gongwen's XML as a file to edit by program: a document written earlier (`gongwen convert
// -t xml`, or write_file) is read back, changed — here its keywords set — and written again.
// The document model is plain structs, so a change is an assignment. The file is then read
// once more to show that it holds exactly the changed document.
#include <exception>
#include <iostream>
#include <string>

#include <gongwen/read.hpp>
#include <gongwen/write.hpp>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: xml_roundtrip IN.xml OUT.xml KEYWORDS\n";
        return 2;
    }
    const std::string in = argv[1], out = argv[2];
    try {
        // gongwen's own XML is read as it was written, not analysed again: blocks, facts and
        // diagnostics come back unchanged.
        gongwen::Document doc = gongwen::read_file(in);

        // No line of the report states the keywords, so the field has no source span, and it is
        // not `inferred` either: that marks what gongwen's passes derived.
        doc.metadata.keywords = {.value = argv[3], .inferred = false, .span = {}};
        // Diagnostics are where a document records what was done to it: say who changed it.
        doc.diagnostics.push_back(
            {.kind = "keywords_set", .count = 1, .message = "keywords set by xml_roundtrip", .spans = {}});

        gongwen::write_file(doc, out);  // XML again, from the extension; valid against the XSD

        // The serialization is lossless: what is read back equals what was written.
        if (gongwen::read_file(out) != doc) {
            std::cerr << "xml_roundtrip: " << out << " does not read back as the document written\n";
            return 1;
        }
        std::cout << out << ": keywords " << doc.metadata.keywords.value << "\n";
    } catch (const std::exception& e) {
        std::cerr << "xml_roundtrip: " << e.what() << "\n";
        return 1;
    }
}
