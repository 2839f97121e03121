#include "cli/help.hpp"

#include <string_view>
#include <vector>

#include "gongwen/formats.hpp"
#include "gongwen/unicode.hpp"

namespace gongwen {

namespace {

// The texts are data: a command's options in groups, each option with its flags and one line
// of description (wrapped when printed), so that they can move to another option parser.
struct OptionHelp {
    std::string_view flags;
    std::string_view text;
};

struct OptionGroup {
    std::string_view title;
    std::vector<OptionHelp> options;
};

struct Example {
    std::string_view what;
    std::string_view command;
};

struct CommandHelp {
    Command command;
    std::string_view name;
    std::string_view summary;  // its line in `gongwen --help`; {formats} stands for the format names
    std::string_view usage;
    std::string_view about;
    std::string inputs;  // what IN is
    std::vector<OptionGroup> groups;
    bool lists_formats;  // the output formats, from the format table
    std::vector<Example> examples;
    std::string_view exit_status;
};

const std::string kInputs =
    "plain text in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5; saved HTML pages (.html, .htm, .xhtml, "
    ".shtml, or any file that starts like a page); gongwen's own XML (.xml) and JSON (.json), which "
    "read back losslessly. Standard input is read as text or HTML.";

const OptionHelp kJobs{"-j, --jobs N", "worker threads (default: every core); the output is the same for any N"};
const OptionHelp kInclude{"--include GLOB",
                          "read only the files of a directory that match GLOB, on their path below it or "
                          "their name (may be repeated)"};
const OptionHelp kExclude{"--exclude GLOB", "leave out the files of a directory that match GLOB (may be repeated)"};
const OptionHelp kFromList{"--from-list FILE", "read input paths from FILE, one a line (- for standard input)"};
const OptionHelp kCatalog{"--catalog FILE",
                          "the indicator catalog for the facts instead of the built-in one (added to it "
                          "when its root says extends=\"gongwen-v1\")"};
const OptionHelp kMaxInputSize{"--max-input-size SIZE",
                               "the largest input read (default 256M; K, M, G are powers of 1024)"};

// The limits of the commands that read reports; --max-pages only where a PDF is made.
OptionGroup limits(bool pages) {
    OptionGroup group{"Limits (exceeding one fails that report; 0 turns one off)",
                      {kMaxInputSize,
                       {"--max-line-length N", "the longest line, or paragraph of a page, in characters (default 1M)"},
                       {"--max-lines N", "the most lines, or paragraphs of a page, in one report (default 1M)"},
                       {"--max-depth N",
                        "the deepest element nesting of an HTML page (default 10000; pages nested deeper "
                        "than 512 are read flattened, as browsers do)"}}};
    if (pages) group.options.push_back({"--max-pages N", "the most pages of one report's PDF (default 5000)"});
    group.options.push_back({"--timeout SECONDS", "the time for one report, such as 30 or 2.5 (default: none)"});
    return group;
}

CommandHelp convert_help() {
    return {
        Command::convert,
        "convert",
        "write reports as {formats}, one or a batch of many",
        "gongwen convert IN... [-t FORMAT,…] [-o OUT | -d OUTDIR] [options]",
        "Reads each report once and writes it in every format asked for.",
        "IN is a file, a directory (read recursively) or - for standard input: " + kInputs,
        {{"Output",
          {{"-t, --to FORMAT[,FORMAT…]",
            "the formats to write (below), comma-separated. Without -t: the format of -o's "
            "extension, or xml with -d"},
           {"-o, --output OUT", "one input in one format; - is standard output (where -t alone writes)"},
           {"-d, --output-dir OUTDIR",
            "outputs mirror the input paths below OUTDIR, the input's name with the format's "
            "extension added: reports/a.txt → OUTDIR/reports/a.txt.xml"},
           {"--summary FILE.xlsx", "also write the summary workbook of the batch, as summarize does"},
           kCatalog}},
         {"Batch",
          {kJobs,
           kInclude,
           kExclude,
           kFromList,
           {"--shard K/N",
            "convert only the K-th of N parts of the inputs, split by a hash of each path: the "
            "same parts on every machine"},
           {"--skip-existing", "leave outputs newer than their input alone (to resume a batch)"},
           {"--log-json FILE", "one JSON line per report with its status, outputs and error (- for standard output)"},
           {"-q, --quiet", "no progress bar and no summary line; failures are still named"}}},
         {"PDF and OFD (-t pdf, -t ofd, and the PDF inside -t eep)",
          {{"--pdfa 2b|3b", "the PDF/A level (default 2b); 3b embeds the report's native XML (an OFD always does)"},
           {"--font ROLE=PATH[:INDEX]",
            "the font for body, title, heading1…heading4, table, page_number, or fallback "
            "(tried first for characters a font lacks)"},
           {"--font-config FILE", "ROLE = PATH lines, as --font gives them (a later --font wins)"}}},
         {"Archival package (-t eep)",
          {{"--profile FILE",
            "the archive profile: what a report cannot say (保管期限, 密级, 全宗, 件号 …; see README)"},
           {"--eep-format pdf|ofd", "the fixed-layout file made from the report and packaged (default pdf)"},
           {"--payload FILE.pdf|FILE.ofd",
            "package this PDF or OFD (by its extension) instead of one made from the report (one input, -o)"},
           {"--eep-xml", "also package the report's native XML as a second 文档"}}},
         limits(true)},
        true,
        {{"one report to PDF/A; the format comes from the extension", "gongwen convert report.txt -o report.pdf"},
         {"a folder of reports to XML and JSON, each read once", "gongwen convert reports/ -t xml,json -d out/"},
         {"a saved web page as Markdown on standard output", "gongwen convert page.html -t md -o -"}},
        "0 when every input was converted; 1 when some failed (the others are still written, each "
        "failure named on stderr; an input over a limit is such a failure); 2 for a usage error. An "
        "interrupt (SIGINT, SIGTERM) ends the run at once with the signal's status: finished outputs "
        "stay, no partial output is left."};
}

CommandHelp inspect_help() {
    return {
        Command::inspect,
        "inspect",
        "print what gongwen reads in one report: metadata, outline, facts, diagnostics",
        "gongwen inspect IN [--format text|json] [limits]",
        "Prints the title, organisation, report year (报告年度), dates, addressee, the heading outline, the facts and "
        "the diagnostics of one report.",
        "IN is a file or - for standard input: " + kInputs,
        {{"Options", {{"-f, --format text|json", "text for people (default), or json for scripts"}}}, limits(false)},
        false,
        {{"", "gongwen inspect report.txt"},
         {"the same for scripts", "gongwen inspect page.html --format json"},
         {"what a converted report holds", "gongwen inspect out/report.txt.xml"}},
        "0 when the report was read; 1 when it could not be (the reason on stderr); 2 for a usage error."};
}

CommandHelp summarize_help() {
    return {Command::summarize,
            "summarize",
            "write one Excel workbook of the facts of many reports",
            "gongwen summarize IN... -o SUMMARY.xlsx [--catalog FILE] [options]",
            "Writes one workbook for many reports: a row per report with the standard indicators "
            "(documents filed, reviews, cases, …), every fact with its quote, the reports' metadata "
            "and a chart. The reports can be the XML or JSON outputs of several convert --shard runs.",
            "IN is a file, a directory (read recursively) or - for standard input: " + kInputs,
            {{"Output", {{"-o, --output FILE.xlsx", "the workbook (required); - is standard output"}, kCatalog}},
             {"Batch",
              {kJobs,
               kInclude,
               kExclude,
               kFromList,
               {"-q, --quiet", "no progress bar and no summary line; failures are still named"}}},
             limits(false)},
            false,
            {{"", "gongwen summarize reports/ -o summary.xlsx"},
             {"the XML outputs of convert --shard runs, gathered",
              "gongwen summarize out/ --include '*.xml' -o summary.xlsx"},
             {"with indicators of your own", "gongwen summarize reports/ -o summary.xlsx --catalog my-indicators.xml"}},
            "0 when every input was read; 1 when some failed (the workbook is still written, listing them "
            "in its 文档 sheet) or the workbook could not be written; 2 for a usage error, such as a "
            "catalog that cannot be read."};
}

CommandHelp verify_help() {
    return {Command::verify,
            "verify",
            "check DA/T 48 archival packages: 真实性, 完整性, 可用性, 安全性",
            "gongwen verify PACKAGE.xml... [--format text|json] [options]",
            "Checks archival packages (DA/T 48, as DA/T 70 asks): 真实性 (the SM3 and SHA-256 digests, "
            "file name, size, pages), 完整性 (the mandatory metadata, dates), 可用性 (the payload decodes "
            "and opens, fonts embedded) and 安全性 (no encryption, JavaScript or launch actions).",
            "PACKAGE.xml is a package such as convert -t eep writes, or - for standard input.",
            {{"Options",
              {{"-f, --format text|json", "one line per check (default), or json for scripts"},
               {"--max-input-size SIZE", "the largest package read (default 256M; K, M, G are powers of 1024)"}}}},
            false,
            {{"", "gongwen verify report.eep.xml"}, {"for scripts", "gongwen verify out/*.eep.xml --format json"}},
            "0 when every check of every package passes; 1 with the failing items named; 2 for a usage error."};
}

const std::vector<CommandHelp>& commands() {
    static const std::vector<CommandHelp> all{convert_help(), inspect_help(), summarize_help(), verify_help()};
    return all;
}

constexpr std::size_t kWidth = 80;   // columns of a help line
constexpr std::size_t kColumn = 26;  // where an option's description starts

// Columns of `text` on a terminal: Chinese characters and full-width forms take two.
std::size_t columns(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        n += is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60) ? 2 : 1;
    }
    return n;
}

// Appends `text` wrapped at spaces to kWidth columns; the cursor is at `column`, and lines after
// the first are indented to `indent`.
void wrap(std::string& out, std::string_view text, std::size_t column, std::size_t indent) {
    bool line_empty = true;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        if (!line_empty && column + 1 + columns(word) > kWidth) {
            out += '\n' + std::string(indent, ' ');
            column = indent;
            line_empty = true;
        }
        if (!line_empty) out += ' ', ++column;
        out += word;
        column += columns(word);
        line_empty = false;
    }
    out += '\n';
}

// "  -o, --output OUT        one input in one format; …", the flags on a line of their own when long.
void add_row(std::string& out, std::string_view name, std::string_view text, std::size_t column = kColumn) {
    out += "  ";
    out += name;
    const std::size_t used = 2 + columns(name);
    if (used + 2 <= column)
        out += std::string(column - used, ' ');
    else
        out += '\n' + std::string(column, ' ');
    wrap(out, text, column, column);
}

std::string overview() {
    std::string out = "Usage: gongwen COMMAND [options]\n\n";
    wrap(out,
         "gongwen turns Chinese government reports (公文) into one document model and writes it out. "
         "It reads plain text (UTF-8, UTF-16, GB18030/GBK/GB2312, Big5), saved HTML pages, and its own "
         "XML and JSON.",
         0, 0);
    out += "\nCommands:\n";
    for (const CommandHelp& c : commands()) {
        std::string summary(c.summary);
        if (const std::size_t at = summary.find("{formats}"); at != std::string::npos)
            summary.replace(at, 9, format_names(" or "));
        out += "  " + std::string(c.name) + std::string(11 - c.name.size(), ' ');
        wrap(out, summary, 13, 13);
    }
    out += "\n";
    wrap(out,
         "Run 'gongwen COMMAND --help' (or 'gongwen help COMMAND') for a command's options and examples, "
         "'gongwen --version' for the version.",
         0, 0);
    return out;
}

std::string command_text(const CommandHelp& c) {
    std::string out = "Usage: " + std::string(c.usage) + "\n\n";
    wrap(out, c.about, 0, 0);
    out += '\n';
    wrap(out, c.inputs, 0, 0);
    for (const OptionGroup& group : c.groups) {
        out += "\n" + std::string(group.title) + ":\n";
        for (const OptionHelp& o : group.options) add_row(out, o.flags, o.text);
    }
    if (c.lists_formats) {
        out += "\nFormats:\n";
        for (const Format& f : formats())
            if (f.writes()) add_row(out, f.name, f.description, 10);
    }
    out += "\nExamples:\n";
    for (const Example& e : c.examples)
        out += (e.what.empty() ? "" : "  # " + std::string(e.what) + "\n") + "  " + std::string(e.command) + "\n";
    out += "\nExit status: ";
    wrap(out, c.exit_status, 13, 0);
    return out;
}

}  // namespace

std::string help_text(Command command) {
    for (const CommandHelp& c : commands())
        if (c.command == command) return command_text(c);
    return overview();
}

}  // namespace gongwen
