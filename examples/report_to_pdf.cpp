// report_to_pdf REPORT OUT.pdf
//
// The shortest use of gongwen: read a report and write it in another format. REPORT may be plain
// text in any Chinese charset, a saved web page, or gongwen's own XML or JSON; the output's
// format comes from its extension, so the same two calls write .xml, .json, .txt, .md, .xlsx
// or .eep.xml (an archival package) as well as a PDF/A.
#include <exception>
#include <iostream>

#include <gongwen/describe.hpp>
#include <gongwen/read.hpp>
#include <gongwen/write.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: report_to_pdf REPORT OUT.pdf\n";
        return 2;
    }
    try {
        // Reading does all the work: the charset decoded, the title block, outline and metadata
        // recognised, every stated quantity found and mapped to the indicator catalog.
        const gongwen::Document doc = gongwen::read_file(argv[1]);
        // A PDF/A-2b in the GB/T 9704 layout, with fonts found on the system. It goes through a
        // temporary file renamed into place, so a failed write never leaves half a PDF behind.
        gongwen::write_file(doc, argv[2]);
        // The title the PDF's metadata carries: the same one every other format shows.
        std::cout << argv[2] << ": " << gongwen::describe(doc).title << "\n";
    } catch (const std::exception& e) {
        // gongwen::Error (the input is not text, the output cannot be written …) names the file.
        std::cerr << "report_to_pdf: " << e.what() << "\n";
        return 1;
    }
}
