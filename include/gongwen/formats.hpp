// The formats gongwen reads and writes, by name: a table of readers and writers (one line per
// format in pipeline/formats.cpp), as pandoc's readers and writers are. A writer is made once per
// run with its options (fonts loaded, a profile read) and shared by every thread; it writes one
// document at a time through a Rendering, which keeps what was made of that document so that a
// composed output (the archival package around the PDF, a PDF/A-3 carrying the XML) reuses it.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/raw.hpp"

namespace gongwen {

struct WriteOptions;  // write.hpp
class Rendering;

// What a writer made of one document.
struct Artifact {
    std::string bytes;
    std::size_t pages = 0;             // a paged format's page count (PDF); 0 otherwise
    std::string format_info;           // what the bytes are, for archival metadata ("PDF/A-2a")
    std::vector<Diagnostic> warnings;  // what it could not do (characters no font has)
};

class Writer {
public:
    virtual ~Writer() = default;
    // The whole output in memory.
    virtual Artifact make(Rendering& rendering) const = 0;
    // Whether stream() writes the output as it goes. A format whose output can be too large to
    // hold (the XML of a 100 MB report, a package) streams; the others are made whole, and kept.
    virtual bool streams() const { return false; }
    // The output streamed to `out`; by default the bytes make() gives.
    virtual void stream(Rendering& rendering, std::ostream& out) const;
};

// What a reader gives: a raw document for the passes (text, web pages), or a finished one
// (gongwen's own XML and JSON).
using ReadResult = std::variant<RawDocument, Document>;

struct Format {
    std::string name;         // as -t names it
    std::string description;  // one line for --help
    // The extensions that name the format for an output, without the dot, longest match wins
    // ("eep.xml" before "xml"); the first is the one written files get.
    std::vector<std::string> extensions;
    // Reading: the extensions that say a file is in this format, a test of the bytes for files
    // whose name does not say, and the reader. Empty when the format is not read.
    std::vector<std::string> read_extensions;
    std::function<bool(std::string_view bytes)> sniff;
    std::function<ReadResult(std::string&& bytes, const std::string& name, const Budget& budget)> read;
    // Writing: makes the format's writer for a run. Empty when the format is not written.
    std::function<std::unique_ptr<Writer>(const WriteOptions& options)> make_writer;

    bool reads() const { return static_cast<bool>(read); }
    bool writes() const { return static_cast<bool>(make_writer); }
};

// Every format, in the order --help lists them.
const std::vector<Format>& formats();
// The format called `name`, or null.
const Format* find_format(std::string_view name);
// The format a file is written in by its extension ("report.md", "a.markdown", "p.eep.xml"),
// or null when the name does not say.
const Format* format_for_output(std::string_view path);
// The format an input is read in: by its extension, else by its bytes (a web page), else text.
const Format& format_for_input(std::string_view path, std::string_view bytes);

class Writers;

// One document being written. Keeps the artifacts made of it, so that each is made at most once
// whatever the outputs asked for (-t pdf,eep lays the PDF out once).
class Rendering {
public:
    // `ordinal` is the document's position among a run's inputs (packages number 件号 by it).
    Rendering(const Document& document, const Writers& writers, const Budget& budget = {}, std::size_t ordinal = 0);

    const Document& document() const { return document_; }
    const Budget& budget() const { return budget_; }
    std::size_t ordinal() const { return ordinal_; }

    // The output of `format` for this document, made on first use and kept.
    const Artifact& artifact(std::string_view format);
    // Writes the output of `format` to `out`: the artifact when one was made already; else
    // straight from a streaming writer, keeping nothing; else the artifact, made and kept.
    void write(std::string_view format, std::ostream& out);
    // Every warning of the artifacts made so far.
    std::vector<Diagnostic> warnings() const;

private:
    const Document& document_;
    const Writers& writers_;
    Budget budget_;
    std::size_t ordinal_;
    std::map<std::string, Artifact, std::less<>> made_;
};

}  // namespace gongwen
