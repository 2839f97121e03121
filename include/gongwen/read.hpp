// Reading reports: any input gongwen knows (plain text in any Chinese charset, saved web pages,
// its own XML and JSON) into a finished Document — read, the passes run, the facts mapped to the
// catalog's indicators, once.
//
//   const gongwen::Document doc = gongwen::read_file("report.txt");
#pragma once

#include <memory>
#include <string>

#include "gongwen/catalog.hpp"
#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

struct ReadOptions {
    Limits limits;                           // none by default
    std::shared_ptr<const Catalog> catalog;  // the indicators facts are mapped to; null: the built-in one
    std::string format;                      // "txt", "html", "xml", "json"; empty: from the name and bytes
};

// Reads with one set of options: the catalog prepared once for every document. Shared by threads.
class Reader {
public:
    explicit Reader(ReadOptions options = {});

    const ReadOptions& options() const { return options_; }
    const Catalog& catalog() const { return mapper_.catalog(); }

    // A file ("-": standard input), under the options' limits with the clock started now.
    Document read_file(const std::string& path) const;
    // The same under a budget the caller started (so that writing the report counts too).
    Document read_file(const std::string& path, const Budget& budget) const;
    // Bytes already in memory; `name` names them in the document's source and in messages.
    Document read_bytes(std::string bytes, const std::string& name) const;
    Document read_bytes(std::string bytes, const std::string& name, const Budget& budget) const;

private:
    ReadOptions options_;
    CatalogMapper mapper_;
};

Document read_file(const std::string& path, const ReadOptions& options = {});
Document read_bytes(std::string bytes, const std::string& name, const ReadOptions& options = {});

// The bytes of a file ("-": standard input), refused before reading when over the budget's
// max_input_size. Throws gongwen::Error naming the file.
std::string read_input(const std::string& path, const Budget& budget = {});

}  // namespace gongwen
