// The archival PDF measured from the file itself, with the tools an archivist would use:
// pdftotext -bbox-layout for the GB/T 9704 grid, pdffonts, qpdf --check, mutool, pdfdetach.
#include <gtest/gtest.h>
#include <unistd.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "converters/pdf/draw.hpp"
#include "gongwen/fonts.hpp"
#include "gongwen/html.hpp"
#include "gongwen/pdf.hpp"
#include "gongwen/unicode.hpp"
#include "gongwen/xml.hpp"
#include "layout/layout.hpp"
#include "layout/linebreak.hpp"
#include "test_util.hpp"

namespace gongwen {
namespace {

namespace fs = std::filesystem;
namespace g = layout::geometry;

const std::vector<std::string> kSeeds{"000_2ff49a1744f89f60", "001_9633c70aebd6e55d", "002_acf107ec8495534f",
                                      "003_39330c9e763261de", "004_2140a01d4004d8c4"};
constexpr double kMm = layout::kPointsPerMm;

struct Command {
    int status = -1;
    std::string out;  // stdout and stderr together
};

Command run(const std::string& command) {
    Command r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) r.out.append(buffer, n);
    r.status = pclose(pipe);
    return r;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The file's objects as text: qpdf's QDF form, uncompressed, one key per line.
std::string qdf(const std::string& pdf_path) {
    const std::string out = pdf_path + ".qdf";
    const Command r = run("qpdf --qdf --object-streams=disable '" + pdf_path + "' '" + out + "'");
    EXPECT_EQ(r.status, 0) << r.out;
    return slurp(out);
}

Document seed(const std::string& name) { return test::parse(test::read_fixture("seeds/" + name + ".txt")); }

// The seeds, and the HTML fixtures (tables, pictures) when the HTML reader's are present.
std::vector<std::pair<std::string, Document>> all_fixtures() {
    std::vector<std::pair<std::string, Document>> docs;
    for (const std::string& name : kSeeds) docs.emplace_back(name, seed(name));
    const fs::path html = fs::path(GONGWEN_FIXTURES) / "html";
    std::vector<fs::path> files;
    if (fs::is_directory(html))
        for (const fs::directory_entry& e : fs::directory_iterator(html))
            if (e.path().extension() == ".html") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files)
        docs.emplace_back(f.stem().string(), test::read_as_html(slurp(f), f.filename().string()));
    return docs;
}

class PdfFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("gongwen-pdf-test-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Writes `doc` as a PDF into the test's folder and returns its path.
    std::string render(const Document& doc, const std::string& name, PdfOptions options = {},
                       std::vector<Diagnostic>* diagnostics = nullptr) {
        const std::string bytes = write_pdf(doc, options, diagnostics);
        const fs::path path = dir_ / (name + ".pdf");
        std::ofstream(path, std::ios::binary) << bytes;
        return path.string();
    }
    fs::path dir_;
};

// One visual line of a page as pdftotext -bbox-layout reports it (words on one baseline).
struct TextLine {
    double x0 = 1e9, y0 = 1e9, x1 = 0, y1 = 0;
    std::u32string text;
    double size() const { return y1 - y0; }
};

using Pages = std::vector<std::vector<TextLine>>;

Pages text_lines(const std::string& pdf_path) {
    const Command r = run("pdftotext -bbox-layout '" + pdf_path + "' -");
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(r.out.c_str())) << r.out.substr(0, 300);
    Pages pages;
    for (pugi::xpath_node page : xml.select_nodes("//*[local-name()='page']")) {
        struct Word {
            double x0, y0, x1, y1;
            std::string text;
        };
        std::vector<Word> words;
        for (pugi::xpath_node w : page.node().select_nodes(".//*[local-name()='word']"))
            words.push_back({w.node().attribute("xMin").as_double(), w.node().attribute("yMin").as_double(),
                             w.node().attribute("xMax").as_double(), w.node().attribute("yMax").as_double(),
                             w.node().child_value()});
        // Words whose vertical centres are within 4 pt share a line, whatever font drew them.
        std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
            const double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
            return std::abs(ca - cb) > 4 ? ca < cb : a.x0 < b.x0;
        });
        std::vector<TextLine>& lines = pages.emplace_back();
        for (const Word& w : words) {
            const double c = (w.y0 + w.y1) / 2;
            if (lines.empty() || std::abs((lines.back().y0 + lines.back().y1) / 2 - c) > 4) lines.emplace_back();
            TextLine& l = lines.back();
            l.x0 = std::min(l.x0, w.x0), l.x1 = std::max(l.x1, w.x1);
            l.y0 = std::min(l.y0, w.y0), l.y1 = std::max(l.y1, w.y1);
            l.text += to_u32(w.text);
        }
    }
    return pages;
}

bool is_page_number(const TextLine& l) {
    return std::regex_match(to_utf8(l.text), std::regex("—[0-9]+—")) && l.y0 > g::top + g::height;
}

bool is_body(const TextLine& l) { return std::abs(l.size() - g::body_size) < 1 && !is_page_number(l); }

const double kRight = g::left + g::width;

// The lines of body text that continue on the next line, with the line after them.
std::vector<std::pair<const TextLine*, const TextLine*>> continued_lines(const Pages& pages) {
    std::vector<const TextLine*> all;
    for (const auto& page : pages)
        for (const TextLine& l : page)
            if (!is_page_number(l)) all.push_back(&l);
    std::vector<std::pair<const TextLine*, const TextLine*>> out;
    for (std::size_t i = 0; i + 1 < all.size(); ++i)
        if (is_body(*all[i]) && is_body(*all[i + 1]) && std::abs(all[i + 1]->x0 - g::left) < 0.5)
            out.emplace_back(all[i], all[i + 1]);
    return out;
}

TEST_F(PdfFile, FullBodyLinesHold28CharactersAndFillTheWidth) {
    for (const std::string& name : kSeeds) {
        const Pages pages = text_lines(render(seed(name), name));
        int full = 0, exact = 0;
        for (const auto& [line, next] : continued_lines(pages)) {
            const std::string where = name + ": " + to_utf8(line->text);
            // Justified to the right edge of the type area; a squeezed closing mark may hang
            // into the half cell it gave up.
            bool squeezed_end = false;
            for (std::size_t k = line->text.size() >= 3 ? line->text.size() - 3 : 0; k < line->text.size(); ++k)
                squeezed_end = squeezed_end || layout::squeezable(line->text[k]);
            EXPECT_GT(line->x1, kRight - 0.5) << where;
            EXPECT_LT(line->x1, kRight + (squeezed_end ? 8.5 : 0.5)) << where;
            if (!std::all_of(line->text.begin(), line->text.end(), layout::full_width)) continue;
            const bool indented = std::abs(line->x0 - (g::left + 2 * g::cell)) < 0.5;
            if (!indented && std::abs(line->x0 - g::left) >= 0.5) continue;
            const std::size_t expected = indented ? 26 : 28, count = line->text.size();
            ++full;
            if (count == expected) {
                ++exact;
                continue;
            }
            // Otherwise a line rule moved the natural break: no break was allowed between the
            // characters that were pulled in or pushed out.
            const std::u32string both = line->text + next->text;
            const std::vector<bool> allowed = layout::break_opportunities(both);
            const std::size_t from = std::min(count, expected), to = std::max(count, expected);
            EXPECT_LE(to - from, 3u) << where;
            bool glued = true;
            for (std::size_t k = from + (count < expected); k <= to - (count > expected) && k < allowed.size(); ++k)
                glued = glued && !allowed[k];
            EXPECT_TRUE(glued) << where << " holds " << count << " characters without a line rule forcing it";
        }
        EXPECT_GE(full, 10) << name;
        EXPECT_GT(exact * 10, full * 6) << name << ": most full lines hold exactly 28 (26 indented)";
    }
}

// Grid line (0–21) of a text line: text tops sit on the grid, table text half a line pitch
// minus half its size lower.
int slot_of(const TextLine& l) { return static_cast<int>(std::floor((l.y0 - g::top + 1) / g::line_pitch)); }

bool starts_block(const Document& doc, const std::u32string& line, std::initializer_list<BlockKind> kinds) {
    for (const Block& b : doc.blocks)
        if (std::find(kinds.begin(), kinds.end(), b.kind) != kinds.end() && !line.empty() &&
            line.rfind(to_u32(b.marker + b.text).substr(0, 4), 0) == 0)
            return true;
    return false;
}

// Whether a page may leave grid line `slot` empty: the blank line under the title and above an
// attachment note or signature, or the end of a page whose next page starts with a heading kept
// with its text.
bool explained_gap(const Document& doc, const std::vector<TextLine>& page, int slot, const TextLine& next_page) {
    const TextLine* above = nullptr;
    const TextLine* below = nullptr;
    for (const TextLine& l : page) {
        if (is_page_number(l)) continue;
        if (slot_of(l) < slot && (!above || slot_of(l) > slot_of(*above))) above = &l;
        if (slot_of(l) > slot && (!below || slot_of(l) < slot_of(*below))) below = &l;
    }
    if (!below) return starts_block(doc, next_page.text, {BlockKind::heading});
    return (above && std::abs(above->size() - g::title_size) < 1) ||
           starts_block(doc, below->text, {BlockKind::attachment, BlockKind::signature, BlockKind::annotation});
}

TEST_F(PdfFile, FullPagesHold22LinesOnTheGrid) {
    std::size_t full_pages = 0;
    for (const std::string& name : kSeeds) {
        const Document doc = seed(name);
        const Pages pages = text_lines(render(doc, name));
        for (std::size_t p = 0; p < pages.size(); ++p) {
            std::set<int> slots;
            for (const TextLine& l : pages[p]) {
                if (is_page_number(l)) continue;
                const int slot = slot_of(l);
                EXPECT_GE(slot, 0) << name;
                EXPECT_LT(slot, g::lines_per_page) << name << " page " << p + 1 << ": " << to_utf8(l.text);
                EXPECT_NEAR(l.y0, g::top + slot * g::line_pitch, 0.6) << name << ": off the grid: " << to_utf8(l.text);
                slots.insert(slot);
            }
            if (slots.size() == static_cast<std::size_t>(g::lines_per_page)) ++full_pages;
            if (p + 1 == pages.size()) continue;
            for (int s = 0; s < g::lines_per_page; ++s) {
                if (slots.count(s)) continue;
                EXPECT_TRUE(explained_gap(doc, pages[p], s, pages[p + 1].front()))
                    << name << " page " << p + 1 << " leaves line " << s + 1 << " empty";
            }
            EXPECT_GE(slots.size(), static_cast<std::size_t>(g::lines_per_page - 3)) << name << " page " << p + 1;
        }
    }
    EXPECT_GE(full_pages, 15u) << "pages holding all 22 lines";
}

TEST_F(PdfFile, TypeAreaSitsAt37mmFromTheTopAnd28mmFromTheLeft) {
    for (const std::string& name : kSeeds) {
        const Pages pages = text_lines(render(seed(name), name));
        for (std::size_t p = 0; p < pages.size(); ++p) {
            double top = 1e9, left = 1e9, bottom = 0;
            for (const TextLine& l : pages[p])
                if (!is_page_number(l))
                    top = std::min(top, l.y0), left = std::min(left, l.x0), bottom = std::max(bottom, l.y1);
            EXPECT_NEAR(top / kMm, 37, 1) << name << " page " << p + 1;
            if (p + 1 < pages.size()) {
                EXPECT_NEAR(left / kMm, 28, 1) << name << " page " << p + 1;
            }
            EXPECT_GE(left / kMm, 27) << name;
            EXPECT_LE(bottom / kMm, 37 + 225 + 1) << name;
        }
    }
}

// The baseline and size of the first em dash (the page number's 一字线) on each page, from
// mutool's structured text, which reports every character's origin.
std::vector<std::pair<double, double>> dash_baselines(const std::string& pdf_path) {
    const Command r = run("mutool draw -N -F stext -o - '" + pdf_path + "'");
    pugi::xml_document xml;
    EXPECT_TRUE(xml.load_string(r.out.substr(r.out.find("<?xml")).c_str()));
    std::vector<std::pair<double, double>> out;
    for (pugi::xml_node page : xml.child("document").children("page")) {
        double baseline = 0, size = 0;
        for (pugi::xpath_node c : page.select_nodes(".//char[@c='—']")) {
            baseline = c.node().attribute("y").as_double();
            size = c.node().parent().attribute("size").as_double();
        }
        out.emplace_back(baseline, size);
    }
    return out;
}

TEST_F(PdfFile, PageNumbersAlternateSides7mmBelowTheTypeArea) {
    const std::string path = render(seed("002_acf107ec8495534f"), "002");
    const Pages pages = text_lines(path);
    const std::vector<std::pair<double, double>> dashes = dash_baselines(path);
    ASSERT_GE(pages.size(), 3u);
    ASSERT_EQ(dashes.size(), pages.size());
    // The top of the dash glyph, from the page-number font's own outline.
    const Fonts pdf_fonts;
    const layout::FontSet& fonts = pdf_fonts.set();
    const layout::Glyph dash = fonts.resolve(U'—', layout::Role::page_number);
    ASSERT_TRUE(dash.found());
    const double dash_top = fonts.face(dash.face).ink_top(dash.index);
    EXPECT_GT(dash_top, 0.2);
    EXPECT_LT(dash_top, 0.6);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const auto number = std::find_if(pages[p].begin(), pages[p].end(), is_page_number);
        ASSERT_NE(number, pages[p].end()) << "page " << p + 1;
        EXPECT_EQ(to_utf8(number->text), "—" + std::to_string(p + 1) + "—");
        const auto [baseline, size] = dashes[p];
        EXPECT_NEAR(size, g::page_number_size, 0.01) << "4号";
        EXPECT_NEAR((baseline - dash_top * size) / kMm, 37 + 225 + 7, 0.2) << "page " << p + 1;
        if ((p + 1) % 2 == 1) {
            EXPECT_NEAR(number->x1, kRight - g::page_number_size, 1 * kMm) << "odd page " << p + 1;
        } else {
            EXPECT_NEAR(number->x0, g::left + g::page_number_size, 1 * kMm) << "even page " << p + 1;
        }
    }
}

TEST_F(PdfFile, NoLineStartsOrEndsWithAForbiddenCharacter) {
    for (const std::string& name : kSeeds) {
        const Pages pages = text_lines(render(seed(name), name));
        for (const auto& [line, next] : continued_lines(pages)) {
            EXPECT_FALSE(layout::forbidden_at_line_end(line->text.back())) << name << ": " << to_utf8(line->text);
            EXPECT_FALSE(layout::forbidden_at_line_start(next->text.front())) << name << ": " << to_utf8(next->text);
        }
    }
}

TEST_F(PdfFile, TitleIsCentredInTwoBalancedLines) {
    const Pages pages = text_lines(render(seed("000_2ff49a1744f89f60"), "000"));
    std::vector<const TextLine*> title;
    for (const TextLine& l : pages.front())
        if (std::abs(l.size() - g::title_size) < 1) title.push_back(&l);
    ASSERT_EQ(title.size(), 2u);
    for (const TextLine* l : title) EXPECT_NEAR((l->x0 + l->x1) / 2, g::left + g::width / 2, 0.5) << to_utf8(l->text);
    EXPECT_GE(title[0]->x1 - title[0]->x0, title[1]->x1 - title[1]->x0);
    EXPECT_NEAR(title[1]->y0 - title[0]->y0, g::line_pitch, 0.5);
}

TEST_F(PdfFile, TitleBlockLinesAreCentredUnderTheTitleAndBalanced) {
    const Document doc = test::parse(
        "2026年某市政府工作报告\n——2026年1月25日在某市第十六届人民代表大会第四次会议上的讲话稿\n某市市长 张某某\n"
        "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n");
    ASSERT_EQ(doc.blocks[1].kind, BlockKind::subtitle);
    const Pages pages = text_lines(render(doc, "subtitle"));
    std::vector<const TextLine*> lines;  // the 3号 lines above the addressee
    for (const TextLine& l : pages.front()) {
        if (to_utf8(l.text).rfind("各位代表", 0) == 0) break;
        if (std::abs(l.size() - g::title_size) > 1) lines.push_back(&l);
    }
    ASSERT_EQ(lines.size(), 3u);  // the dashed line wraps into two balanced lines
    for (const TextLine* l : lines) EXPECT_NEAR((l->x0 + l->x1) / 2, g::left + g::width / 2, 0.5) << to_utf8(l->text);
    EXPECT_LE(std::abs((lines[0]->x1 - lines[0]->x0) - (lines[1]->x1 - lines[1]->x0)), 2 * g::cell);
    EXPECT_EQ(to_utf8(lines[2]->text), "某市市长张某某");  // pdftotext words, joined without their space
}

TEST_F(PdfFile, SignatureDateIsRightIndentedTwoCharacters) {
    const Pages pages = text_lines(render(seed("002_acf107ec8495534f"), "002"));
    const std::vector<TextLine>& last = pages.back();
    const auto date =
        std::find_if(last.begin(), last.end(), [](const TextLine& l) { return to_utf8(l.text) == "2021年1月22日"; });
    ASSERT_NE(date, last.end());
    EXPECT_NEAR(date->x1, kRight - 2 * g::cell, 1);
}

TEST_F(PdfFile, FontsAreEmbeddedSubsetAndMappedToUnicode) {
    for (const auto& [name, doc] : all_fixtures()) {
        const Command r = run("pdffonts '" + render(doc, name) + "'");
        ASSERT_EQ(r.status, 0) << r.out;
        std::istringstream lines(r.out);
        std::string line;
        int fonts = 0;
        for (int n = 0; std::getline(lines, line); ++n) {
            if (n < 2) continue;  // header
            ++fonts;
            EXPECT_TRUE(std::regex_search(line, std::regex(R"(^[A-Z]{6}\+\S+.*\byes\s+yes\s+yes\s+\d+\s+\d+\s*$)")))
                << name << ": " << line;
        }
        EXPECT_GE(fonts, 4) << name;
    }
}

// The text a reader of the page sees, in the order it is drawn, without whitespace.
std::u32string expected_text(const Document& doc) {
    std::string text;
    for (const Block& b : layout::reading_order(doc)) {
        if (b.kind == BlockKind::heading || b.kind == BlockKind::list_item) text += b.marker;
        text += b.text;
        for (const TableRow& row : b.rows)
            for (const TableCell& c : row.cells) text += c.text;
    }
    std::u32string out;
    for (char32_t cp : to_u32(text))
        if (!is_space(cp)) out.push_back(cp);
    return out;
}

// The text of each page as pdftotext reads it in drawing order, without whitespace and page numbers.
std::vector<std::u32string> extracted_pages(const std::string& pdf_path) {
    const Command r = run("pdftotext -raw -enc UTF-8 '" + pdf_path + "' -");
    std::vector<std::u32string> pages(1);
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        std::u32string l;
        for (char32_t cp : to_u32(line)) {
            if (cp == U'\f') {
                if (!std::regex_match(to_utf8(l), std::regex("—[0-9]+—"))) pages.back() += l;
                l.clear();
                pages.emplace_back();
            } else if (!is_space(cp)) {
                l.push_back(cp);
            }
        }
        if (!std::regex_match(to_utf8(l), std::regex("—[0-9]+—"))) pages.back() += l;
    }
    return pages;
}

std::u32string extracted_text(const std::string& pdf_path) {
    std::u32string out;
    for (const std::u32string& page : extracted_pages(pdf_path)) out += page;
    return out;
}

// The text of a table's header rows, which a page the table continues on repeats.
std::vector<std::u32string> table_headers(const Document& doc) {
    std::vector<std::u32string> headers;
    for (const Block& b : doc.blocks) {
        std::u32string h;
        for (std::size_t r = 0; r < b.rows.size() && b.rows[r].header; ++r)
            for (const TableCell& c : b.rows[r].cells)
                for (char32_t cp : to_u32(c.text))
                    if (!is_space(cp)) h.push_back(cp);
        if (!h.empty()) headers.push_back(h);
    }
    return headers;
}

TEST_F(PdfFile, TextExtractsExactly) {
    for (const auto& [name, doc] : all_fixtures()) {
        const std::u32string want = expected_text(doc);
        std::u32string got;
        for (std::u32string page : extracted_pages(render(doc, name))) {
            for (const std::u32string& h : table_headers(doc))  // a repeated header is not new text
                if (page.rfind(h, 0) == 0 && want.compare(got.size(), h.size(), h) != 0) page.erase(0, h.size());
            got += page;
        }
        if (got != want) {
            std::size_t i = 0;
            while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
            ADD_FAILURE() << name << ": differs at character " << i << "\n  pdf:  " << to_utf8(got.substr(i, 40))
                          << "\n  text: " << to_utf8(want.substr(i, 40));
        }
    }
}

TEST_F(PdfFile, QpdfFindsNoErrors) {
    for (const auto& [name, doc] : all_fixtures()) {
        const Command r = run("qpdf --check '" + render(doc, name) + "'");
        EXPECT_EQ(r.status, 0) << r.out;
        EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
        EXPECT_EQ(r.out.find("WARNING"), std::string::npos) << r.out;
    }
}

// -N: this mutool is built without colour management and would otherwise only say so about
// the sRGB OutputIntent ("ICC support is not available"), which is not a fault of the file.
TEST_F(PdfFile, MutoolDrawsEveryPageWithoutWarnings) {
    for (const auto& [name, doc] : all_fixtures()) {
        const Command r = run("mutool draw -N -o /dev/null '" + render(doc, name) + "'");
        EXPECT_EQ(r.status, 0) << r.out;
        std::istringstream lines(r.out);
        for (std::string line; std::getline(lines, line);)
            EXPECT_EQ(line.rfind("page ", 0), 0u) << name << ": " << line;
    }
}

TEST_F(PdfFile, BookmarksMirrorTheOutlineToLevelThree) {
    for (const std::string& name : kSeeds) {
        const Document doc = seed(name);
        std::vector<std::pair<int, std::string>> want;
        for (const Block& b : doc.blocks)
            if (b.kind == BlockKind::heading && b.level <= 3) want.emplace_back(b.level, b.marker + b.text);
        const Command r = run("mutool show '" + render(doc, name) + "' outline");
        std::vector<std::pair<int, std::string>> got;
        std::istringstream lines(r.out);
        const std::regex item("^[+|-](\t+)\"(.*)\"\t#page=[0-9]+.*$");
        for (std::string line; std::getline(lines, line);) {
            std::smatch m;
            if (std::regex_match(line, m, item)) got.emplace_back(static_cast<int>(m[1].length()), m[2].str());
        }
        EXPECT_EQ(got, want) << name << "\n" << r.out;
    }
}

TEST_F(PdfFile, CarriesXmpOutputIntentAndFileIdentifier) {
    const std::string path = render(seed("000_2ff49a1744f89f60"), "000");
    const std::string raw = slurp(path);
    EXPECT_EQ(raw.rfind("%PDF-1.7", 0), 0u);
    EXPECT_TRUE(std::regex_search(raw.substr(raw.rfind("/Type /XRef")),
                                  std::regex(R"(/ID\s*\[\s*<[0-9A-F]{32}>\s*<[0-9A-F]{32}>\s*\])")));
    EXPECT_NE(raw.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << "XMP must not be compressed";
    const std::string pdf = qdf(path);
    // Level A: every run drawn is tagged content or an artifact (see the tagged tests below).
    EXPECT_NE(pdf.find("<pdfaid:conformance>A</pdfaid:conformance>"), std::string::npos);
    EXPECT_NE(pdf.find("<rdf:li xml:lang=\"x-default\">亳州市科学技术局关于2023年法治政府建设情况的报告</rdf:li>"),
              std::string::npos);
    EXPECT_NE(pdf.find("<xmp:CreateDate>2024-02-04T10:05:00+08:00</xmp:CreateDate>"), std::string::npos);
    EXPECT_NE(pdf.find("/Type /Metadata"), std::string::npos);
    EXPECT_NE(pdf.find("/OutputIntents"), std::string::npos);
    EXPECT_NE(pdf.find("/S /GTS_PDFA1"), std::string::npos);
    EXPECT_NE(pdf.find("/DestOutputProfile"), std::string::npos);
    EXPECT_NE(pdf.find("/CreationDate (D:20240204100500+08'00')"), std::string::npos);
    EXPECT_EQ(pdf.find("/Encrypt"), std::string::npos);
    EXPECT_EQ(pdf.find("/JavaScript"), std::string::npos);
    const Command info = run("pdfinfo '" + path + "'");
    EXPECT_NE(info.out.find("Title:           亳州市科学技术局关于2023年法治政府建设情况的报告"), std::string::npos)
        << info.out;
    EXPECT_NE(info.out.find("Author:          亳州市科学技术局"), std::string::npos) << info.out;
}

// The non-stream objects (pages, fonts' dictionaries, structure elements, outline items) travel
// in compressed object streams listed by a cross-reference stream; streams, the catalog and the
// Info dictionary stay at the top level, where PDF/A and readers look for them.
TEST_F(PdfFile, NonStreamObjectsTravelInObjectStreamsWithACrossReferenceStream) {
    const Document doc = test::parse(
        "关于测试的报告\n\n一、总体情况\n\n这是第一段正文。\n\n（一）具体工作\n\n这是第二段正文。\n\n二、下一步打算\n\n"
        "这是第三段正文。\n");
    const std::string path = render(doc, "object-streams");
    const std::string raw = slurp(path);
    EXPECT_NE(raw.find("/Type /ObjStm"), std::string::npos);
    const std::size_t xref = raw.rfind("/Type /XRef");
    ASSERT_NE(xref, std::string::npos);
    EXPECT_EQ(raw.find("trailer"), std::string::npos);
    EXPECT_EQ(raw.find("\nxref\n"), std::string::npos);
    EXPECT_TRUE(std::regex_search(raw.substr(xref), std::regex(R"(/Root \d+ 0 R /Info \d+ 0 R)")));
    EXPECT_NE(raw.find("/Type /Catalog"), std::string::npos) << "the catalog is at the top level";
    EXPECT_NE(raw.find("/Producer"), std::string::npos) << "the Info dictionary is at the top level";
    EXPECT_EQ(raw.find("/Type /Page "), std::string::npos) << "pages are in object streams";
    EXPECT_EQ(raw.find("/Type /StructTreeRoot"), std::string::npos) << "the structure is in object streams";
    EXPECT_EQ(run("qpdf --check '" + path + "'").status, 0);
    // Every object qpdf finds in an object stream is not a stream; every stream is at the top level.
    const Command table = run("qpdf --show-xref '" + path + "'");
    const std::regex compressed(R"(^(\d+)/0: compressed; stream = \d+, index = \d+$)");
    std::size_t in_streams = 0;
    std::istringstream lines(table.out);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (!std::regex_match(line, m, compressed)) continue;
        ++in_streams;
        const Command object = run("qpdf --show-object=" + m[1].str() + " '" + path + "'");
        EXPECT_EQ(object.status, 0);
        EXPECT_EQ(object.out.find("/Length"), std::string::npos) << "object " << m[1] << " is a stream";
    }
    EXPECT_GT(in_streams, 10u) << table.out;
    const std::string pdf = qdf(path);
    EXPECT_NE(pdf.find("/Type /Page\n"), std::string::npos);
    EXPECT_NE(pdf.find("/Type /StructTreeRoot"), std::string::npos);
}

TEST_F(PdfFile, DatesComeFromTheDocumentOrSourceDateEpochNeverTheClock) {
    const Document undated = test::parse("关于测试的报告\n\n一、总体情况\n\n这是正文。\n");
    ::unsetenv("SOURCE_DATE_EPOCH");
    const std::string plain = qdf(render(undated, "undated"));
    EXPECT_EQ(plain.find("/CreationDate"), std::string::npos);
    EXPECT_EQ(plain.find("xmp:CreateDate"), std::string::npos);
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const std::string stamped = qdf(render(undated, "stamped"));
    ::unsetenv("SOURCE_DATE_EPOCH");
    EXPECT_NE(stamped.find("/CreationDate (D:20231114221320Z)"), std::string::npos);
    EXPECT_NE(stamped.find("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"), std::string::npos);
}

TEST_F(PdfFile, Pdfa3bEmbedsTheNativeXmlAsAnAssociatedFile) {
    const Document doc = seed("002_acf107ec8495534f");
    PdfOptions options;
    options.conformance = PdfConformance::a3b;
    options.source_xml = write_xml(doc);
    const std::string path = render(doc, "002-3b", options);
    const std::string pdf = qdf(path);
    EXPECT_NE(pdf.find("<pdfaid:part>3</pdfaid:part>"), std::string::npos);
    EXPECT_NE(pdf.find("/AFRelationship /Source"), std::string::npos);
    EXPECT_NE(pdf.find("/Subtype /text#2fxml"), std::string::npos);
    EXPECT_NE(pdf.find("/ModDate (D:20210122000000+08'00')"), std::string::npos);
    EXPECT_TRUE(std::regex_search(pdf, std::regex(R"(/AF \[\s*\d+ 0 R\s*\])")));
    EXPECT_NE(pdf.find("/UF <feff"), std::string::npos);
    const Command list = run("pdfdetach -list '" + path + "'");
    EXPECT_NE(list.out.find("1 embedded files"), std::string::npos) << list.out;
    EXPECT_NE(list.out.find("1: test.xml"), std::string::npos) << list.out;
    const Command save = run("cd '" + dir_.string() + "' && pdfdetach -saveall '" + path + "'");
    EXPECT_EQ(save.status, 0) << save.out;
    EXPECT_EQ(slurp(dir_ / "test.xml"), options.source_xml);
}

TEST_F(PdfFile, SameInputGivesTheSameBytesFromAnyThread) {
    const Document doc = seed("003_39330c9e763261de");
    PdfOptions options;
    options.conformance = PdfConformance::a3b;
    options.source_xml = write_xml(doc);
    const std::string first = write_pdf(doc, options);
    std::vector<std::string> parallel(4);
    std::vector<std::thread> threads;
    for (std::string& out : parallel) threads.emplace_back([&] { out = write_pdf(doc, options); });
    for (std::thread& t : threads) t.join();
    for (const std::string& out : parallel) EXPECT_TRUE(out == first);
    const Document other = seed("001_9633c70aebd6e55d");
    EXPECT_NE(write_pdf(other, {}).substr(write_pdf(other, {}).rfind("/ID")), first.substr(first.rfind("/ID")))
        << "the /ID is derived from the content";
}

TEST_F(PdfFile, TraditionalSeedHasNoMissingGlyphs) {
    std::vector<Diagnostic> diagnostics;
    const std::string path = render(seed("004_2140a01d4004d8c4"), "004", {}, &diagnostics);
    for (const Diagnostic& d : diagnostics) EXPECT_NE(d.kind, "glyph_missing") << d.message;
    const Command fonts = run("pdffonts '" + path + "'");
    EXPECT_NE(fonts.out.find("UMingTW"), std::string::npos) << "the fallback drew what Fandol lacks\n" << fonts.out;
    // PDF/A: a TrueType CIDFont (the UMing fallback) names its CID-to-glyph map.
    const std::string pdf = qdf(path);
    std::size_t type2 = 0, mapped = 0;
    for (std::size_t at = pdf.find("/Subtype /CIDFontType2"); at != std::string::npos;
         at = pdf.find("/Subtype /CIDFontType2", at + 1)) {
        ++type2;
        const std::size_t begin = pdf.rfind(" obj", at), end = pdf.find("endobj", at);
        mapped += pdf.substr(begin, end - begin).find("/CIDToGIDMap /Identity") != std::string::npos;
    }
    EXPECT_GT(type2, 0u);
    EXPECT_EQ(mapped, type2);
}

TEST_F(PdfFile, CharacterNoFontHasIsADiagnosticNotANotdef) {
    Document doc = test::parse("关于测试的报告\n\n一、总体情况\n\n这是一个\xF3\xB0\x80\x81测试段落。\n");
    std::vector<Diagnostic> diagnostics;
    const std::string path = render(doc, "missing", {}, &diagnostics);
    const auto missing = std::find_if(diagnostics.begin(), diagnostics.end(),
                                      [](const Diagnostic& d) { return d.kind == "glyph_missing"; });
    ASSERT_NE(missing, diagnostics.end());
    EXPECT_EQ(missing->count, 1u);
    EXPECT_NE(missing->message.find("U+F0001"), std::string::npos) << missing->message;
    EXPECT_FALSE(missing->spans.empty());
    EXPECT_NE(to_utf8(extracted_text(path)).find("这是一个测试段落。"), std::string::npos);
    const Command r = run("mutool draw -N -o /dev/null '" + path + "'");
    EXPECT_EQ(r.out.find("warning"), std::string::npos) << r.out;
}

// Characters that share a glyph (the Kangxi radical ⼀ and 一, the middle dots · and ・ in
// Fandol) extract as themselves wherever they stand, not as the first one the font's ToUnicode
// map was made from.
TEST_F(PdfFile, CharactersSharingAGlyphExtractAsThemselves) {
    const std::string line = "一⼀人⼈，阿卜杜拉·买买提与アリ・サン，⼈⼀一人。";
    const Document doc = test::parse("关于测试的通知\n\n各单位：\n" + line + "\n");
    const std::string path = render(doc, "shared-glyphs");
    EXPECT_NE(to_utf8(extracted_text(path)).find(line), std::string::npos) << to_utf8(extracted_text(path));
    const Command r = run("qpdf --check '" + path + "'");
    EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
}

// A subset numbers its glyphs without gaps, so its ToUnicode map lists runs of codes as ranges
// with an array of texts, each range within one block of 256 codes (the ends of a bfrange differ
// only in their last byte). Seed 000's body font has over 256 glyphs: its runs are split there.
TEST_F(PdfFile, ToUnicodeMapsListRunsOfCodesAsRangesWithinBlocksOf256) {
    const std::string pdf = qdf(render(seed("000_2ff49a1744f89f60"), "000-tounicode"));
    const std::regex range(R"(<([0-9A-F]{4})> <([0-9A-F]{4})> \[([^\]]*)\])");
    const std::regex text(R"(<[0-9A-F]+>)");
    std::size_t ranges = 0, codes = 0, beyond_256 = 0;
    for (auto it = std::sregex_iterator(pdf.begin(), pdf.end(), range); it != std::sregex_iterator(); ++it) {
        const unsigned first = static_cast<unsigned>(std::stoul((*it)[1], nullptr, 16));
        const unsigned last = static_cast<unsigned>(std::stoul((*it)[2], nullptr, 16));
        const std::string texts = (*it)[3];
        ++ranges;
        EXPECT_LT(first, last);
        EXPECT_EQ(first >> 8, last >> 8) << (*it)[0];
        EXPECT_EQ(static_cast<std::size_t>(
                      std::distance(std::sregex_iterator(texts.begin(), texts.end(), text), std::sregex_iterator())),
                  last - first + 1)
            << (*it)[0];
        codes += last - first + 1;
        beyond_256 += first >= 0x100;
    }
    EXPECT_GE(ranges, 5u);
    EXPECT_GT(codes, 500u);
    EXPECT_GE(beyond_256, 1u);
}

// A proportional body font (a user's --font) whose most common advance is no whole number of
// thousandths of an em: every glyph still advances by its own width in every reader (poppler
// reads a font's default width /DW only as an integer), so words keep their spaces.
TEST_F(PdfFile, ProportionalUserFontKeepsItsSpacing) {
    const std::string serif = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
    if (!fs::exists(serif)) GTEST_SKIP() << serif << " not installed (fonts-dejavu-core)";
    PdfOptions options;
    options.fonts.push_back(FontOverride{"body", serif, 0});
    const Document doc = test::parse(
        "Report on the Test\n\nTo all units:\nThe quick brown fox jumps over the lazy dog, "
        "bold and proud. 中文也在这里。\n");
    const Command r = run("pdftotext '" + render(doc, "proportional", options) + "' -");
    EXPECT_NE(r.out.find("jumps over the lazy"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("proud. 中文也在这里。"), std::string::npos) << r.out;
}

Document table_document(std::size_t rows) {
    Document doc = test::parse("关于测试表格的报告\n\n一、统计情况\n\n下表列出各项数据。\n");
    Block table;
    table.kind = BlockKind::table;
    table.text = "表1 行政执法统计";
    TableRow header;
    header.header = true;
    for (const char* h : {"序号", "事项名称", "办理件数", "备注"}) header.cells.push_back(TableCell{h, 1, 1, true, {}});
    table.rows.push_back(header);
    for (std::size_t r = 1; r <= rows; ++r) {
        TableRow row;
        row.cells.push_back(TableCell{std::to_string(r), 1, 1, false, {}});
        row.cells.push_back(
            TableCell{r % 7 == 0 ? "行政许可事项办理情况及其在网上公开透明运行的统计" : "行政许可", 1, 1, false, {}});
        row.cells.push_back(TableCell{std::to_string(r * 13), 1, 1, false, {}});
        row.cells.push_back(TableCell{r % 5 == 0 ? "合并" : "", 1, 1, false, {}});
        table.rows.push_back(row);
    }
    doc.blocks.push_back(table);
    return doc;
}

TEST_F(PdfFile, TableSplitsAcrossPagesAndRepeatsItsHeader) {
    const Document doc = table_document(60);
    const std::string path = render(doc, "table");
    const Pages pages = text_lines(path);
    ASSERT_GE(pages.size(), 3u);
    for (std::size_t p = 1; p < pages.size(); ++p) {
        // The first line of every continuation page is the repeated header row, at the top.
        ASSERT_FALSE(pages[p].empty());
        EXPECT_EQ(to_utf8(pages[p].front().text), "序号事项名称办理件数备注") << "page " << p + 1;
        EXPECT_EQ(slot_of(pages[p].front()), 0);
    }
    std::size_t rows_seen = 0;  // every row names its matter once
    for (const auto& page : pages)
        for (const TextLine& l : page) {
            const std::string text = to_utf8(l.text);
            for (std::size_t at = text.find("行政许可"); at != std::string::npos; at = text.find("行政许可", at + 1))
                ++rows_seen;
        }
    EXPECT_EQ(rows_seen, 60u);
    EXPECT_EQ(run("qpdf --check '" + path + "'").status, 0);
}

// One element of the structure tree as `pdfinfo -struct-text` prints it: its type (as the role
// map resolves it), its depth, and the text of its own marked content.
struct StructLine {
    std::string type;
    std::size_t depth = 0;
    std::string text;
};

std::vector<StructLine> structure_of(const std::string& pdf_path) {
    const Command r = run("pdfinfo -struct-text '" + pdf_path + "'");
    EXPECT_EQ(r.status, 0) << r.out;
    std::vector<StructLine> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        const std::size_t indent = line.find_first_not_of(' ');
        if (indent == std::string::npos || line[indent] == '/') continue;  // an attribute
        if (line[indent] == '"') {
            if (!out.empty()) out.back().text += line.substr(indent + 1, line.size() - indent - 2);
            continue;
        }
        std::string type = line.substr(indent);
        type = type.substr(0, type.find_first_of(" :"));
        out.push_back(StructLine{type, indent / 2, {}});
    }
    return out;
}

TEST_F(PdfFile, TaggedWithTheOutlineHeadingsAtTheirLevelsAndTablesWithHeaderCells) {
    // A saved page with headings of two levels, tables with header rows and spanning header
    // cells, a picture and a signature.
    const fs::path file = fs::path(GONGWEN_FIXTURES) / "html/xxgk_annual_report.html";
    const Document doc = test::read_as_html(slurp(file), file.filename().string());
    const std::string path = render(doc, "tagged");
    const Command info = run("pdfinfo '" + path + "'");
    EXPECT_NE(info.out.find("Tagged:          yes"), std::string::npos) << info.out;
    const std::vector<StructLine> tree = structure_of(path);
    ASSERT_FALSE(tree.empty());
    EXPECT_EQ(tree.front().type, "Document");

    // The title (an H1 through the role map), then every heading at its outline level.
    std::vector<std::pair<std::string, std::string>> want, got;
    for (const Block& b : layout::reading_order(doc))
        if (b.kind == BlockKind::title || b.kind == BlockKind::heading)
            want.emplace_back(b.kind == BlockKind::title ? "H1" : "H" + std::to_string(b.level), b.marker + b.text);
    for (const StructLine& l : tree)
        if (l.type.size() == 2 && l.type[0] == 'H' && std::isdigit(static_cast<unsigned char>(l.type[1])))
            got.emplace_back(l.type, l.text);
    ASSERT_GE(want.size(), 4u);
    EXPECT_EQ(got, want);

    // Every table with its cells: header cells as TH, the others as TD, rows in TR, and the
    // text of each cell in it.
    std::vector<std::vector<std::pair<std::string, std::string>>> want_tables, got_tables;
    for (const Block& b : doc.blocks) {
        if (b.kind != BlockKind::table) continue;
        auto& cells = want_tables.emplace_back();
        for (const TableRow& r : b.rows)
            for (const TableCell& c : r.cells) cells.emplace_back(c.header || r.header ? "TH" : "TD", c.text);
    }
    std::size_t rows = 0, want_rows = 0;
    for (const Block& b : doc.blocks) want_rows += b.kind == BlockKind::table ? b.rows.size() : 0;
    for (const StructLine& l : tree) {
        if (l.type == "Table") got_tables.emplace_back();
        if (l.type == "TR") ++rows;
        if ((l.type == "TH" || l.type == "TD") && !got_tables.empty()) got_tables.back().emplace_back(l.type, l.text);
    }
    ASSERT_GE(want_tables.size(), 2u);
    EXPECT_EQ(got_tables, want_tables);
    EXPECT_EQ(rows, want_rows);

    const auto count = [&](const std::string& type) {
        return std::count_if(tree.begin(), tree.end(), [&](const StructLine& l) { return l.type == type; });
    };
    EXPECT_EQ(count("Figure"), 1);
    EXPECT_EQ(count("Div"), 1);  // the signature block (Signature through the role map)
    EXPECT_GT(count("P"), 0);
}

TEST_F(PdfFile, EveryDrawingIsTaggedContentOrAnArtifact) {
    for (const auto& [name, doc] : all_fixtures()) {
        const std::string path = render(doc, name);
        const std::string raw = slurp(path);  // the catalog is not compressed
        EXPECT_NE(raw.find("/MarkInfo << /Marked true >>"), std::string::npos) << name;
        EXPECT_NE(raw.find("/Lang (zh-CN)"), std::string::npos) << name;
        EXPECT_NE(raw.find("/ViewerPreferences << /DisplayDocTitle true >>"), std::string::npos) << name;
        EXPECT_NE(raw.find("/StructTreeRoot"), std::string::npos) << name;
        // In the uncompressed content streams: no text shown and no rule or box drawn outside
        // marked content, every sequence closed, one page-number artifact per page.
        std::istringstream lines(qdf(path));
        int depth = 0, unmarked = 0, footers = 0, mcids = 0, pages = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind("%% Page ", 0) == 0) ++pages;
            if (line.size() >= 3 && line.compare(line.size() - 3, 3, "BDC") == 0) {
                ++depth;
                footers += line.find("/Artifact << /Type /Pagination /Subtype /Footer >>") == 0;
                mcids += line.find("/MCID ") != std::string::npos;
            }
            if (line == "EMC") --depth;
            const bool draws = line.size() >= 3 && (line.compare(line.size() - 3, 3, " TJ") == 0 ||
                                                    line.compare(line.size() - 3, 3, " re") == 0 || line == "S");
            if (draws && depth <= 0) ++unmarked;
            EXPECT_GE(depth, 0) << name << ": EMC without BDC";
        }
        EXPECT_EQ(depth, 0) << name;
        EXPECT_EQ(unmarked, 0) << name;
        EXPECT_GT(pages, 0) << name;
        EXPECT_EQ(footers, pages) << name;
        EXPECT_GT(mcids, pages) << name;
        const std::string pdf = qdf(path);
        EXPECT_NE(pdf.find("<pdfaid:conformance>A</pdfaid:conformance>"), std::string::npos) << name;
    }
}

// The grid's character spacing (28 characters of 16 pt in 156 mm) is the text state's Tc, set
// when it changes, not an adjustment after every glyph: a body line's TJ array is its glyphs.
TEST_F(PdfFile, TheGridsCharacterSpacingIsWrittenOnceAsTc) {
    std::istringstream lines(qdf(render(seed(kSeeds[0]), "spacing")));
    int spacings = 0;
    std::size_t glyphs = 0, adjustments = 0;
    const std::regex adjustment(">[-0-9.]+<");
    for (std::string line; std::getline(lines, line);) {
        if (line.size() > 3 && line.compare(line.size() - 3, 3, " Tc") == 0 && std::stod(line) < 0) {
            ++spacings;
            EXPECT_NEAR(std::stod(line), (156 / 25.4 * 72 - 28 * 16) / 28, 1e-5) << line;  // −0.207 pt
        }
        if (line.size() > 3 && line.compare(line.size() - 3, 3, " TJ") == 0) {
            std::size_t hex = 0;
            bool in_hex = false;
            for (char ch : line) {
                if (ch == '<' || ch == '>')
                    in_hex = ch == '<';
                else if (in_hex)
                    ++hex;
            }
            glyphs += hex / 4;  // two-byte codes
            adjustments += static_cast<std::size_t>(
                std::distance(std::sregex_iterator(line.begin(), line.end(), adjustment), std::sregex_iterator()));
        }
    }
    EXPECT_GE(spacings, 1);
    EXPECT_GT(glyphs, 2000u);
    // What is left: the half-width digits and the squeezed punctuation (、，。 at line ends).
    EXPECT_LT(adjustments * 10, glyphs) << adjustments << " adjustments for " << glyphs << " glyphs";
}

// A made-up table with a caption, a header row and an empty cell; list items around it.
TEST_F(PdfFile, TableCaptionComesFirstAndEmptyCellsKeepTheirPlace) {
    Document doc;
    doc.blocks.push_back(test::block(BlockKind::title, 0, "", "关于测试表格的报告", {}));
    doc.blocks.push_back(test::block(BlockKind::list_item, 0, "一是", "甲项工作。", {}));
    doc.blocks.push_back(test::block(BlockKind::list_item, 0, "二是", "乙项工作。", {}));
    Block table = test::block(BlockKind::table, 0, "", "表一　办理情况", {});
    TableRow head, body;
    head.header = true;
    for (const char* t : {"事项", "件数"}) head.cells.push_back(TableCell{t, 1, 1, true, {}});
    body.cells.push_back(TableCell{"受理", 1, 1, false, {}});
    body.cells.push_back(TableCell{"", 1, 1, false, {}});
    table.rows = {head, body};
    doc.blocks.push_back(std::move(table));
    const std::vector<StructLine> tree = structure_of(render(doc, "caption"));
    std::vector<std::string> got;
    for (const StructLine& l : tree)
        got.push_back(std::string(l.depth, ' ') + l.type + (l.text.empty() ? "" : " " + l.text));
    const std::vector<std::string> want{"Document",
                                        " H1 关于测试表格的报告",
                                        " L",
                                        "  LI",
                                        "   LBody 一是甲项工作。",
                                        "  LI",
                                        "   LBody 二是乙项工作。",
                                        " Table",
                                        "  Caption 表一　办理情况",
                                        "  THead",
                                        "   TR",
                                        "    TH 事项",
                                        "    TH 件数",
                                        "  TBody",
                                        "   TR",
                                        "    TD 受理",
                                        "    TD"};
    EXPECT_EQ(got, want);
}

// A layout whose run names no block of the document is not completely tagged: the file
// keeps level B, and says nothing it is not.
TEST(PdfStructure, ARunOfNoBlockKeepsConformanceLevelB) {
    const Fonts fonts;
    const Document doc = test::parse("关于测试的报告\n\n一、总体情况\n\n这是正文。\n");
    layout::Layout l = layout::lay_out(doc, fonts.set());
    const auto level = [&](const layout::Layout& laid) {
        const std::string pdf = pdf::write_direct(laid, fonts.set(), pdf::Archive{});
        const std::string key = "<pdfaid:conformance>";
        const std::size_t at = pdf.find(key);
        return at == std::string::npos ? std::string("(none)") : pdf.substr(at + key.size(), 1);
    };
    EXPECT_EQ(level(l), "A");
    ASSERT_FALSE(l.pages.front().runs.empty());
    l.pages.front().runs.front().tag.block = static_cast<int>(l.blocks.size());  // past the last block
    EXPECT_EQ(level(l), "B");
}

}  // namespace
}  // namespace gongwen
