// The OFD writer: the laid-out pages (layout/) written as the parts of an OFD package
// (GB/T 33190-2016) — OFD.xml, the document, its resources (fonts as subset OpenType files
// whose cmap maps the characters drawn), one content file per page, the outline, the attached
// native XML — and zipped (zip.cpp). Lengths are millimetres, as OFD states them.
#include "gongwen/ofd.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>

#include "converters/ofd/package.hpp"
#include "gongwen/describe.hpp"
#include "gongwen/digest.hpp"
#include "gongwen/unicode.hpp"
#include "layout/font_layer.hpp"
#include "layout/fonts.hpp"
#include "layout/layout.hpp"

namespace gongwen {

namespace {

using namespace layout;

constexpr const char* kNamespace = "http://www.ofdspec.org/2016";

// A length in millimetres from points: at most four decimals (a tenth of a micrometre), no
// trailing zeros, never "-0".
void put_mm(std::string& out, double points) { put_decimal(out, std::round(points / kPointsPerMm * 1e4) / 1e4, 4); }

std::string mm(double points) {
    std::string s;
    put_mm(s, points);
    return s;
}

// A length in points as the millimetres the files state: rounded to a tenth of a micrometre.
double rounded_mm(double points) { return std::round(points / kPointsPerMm * 1e4) / 1e4; }

// A length already in millimetres (a multiple of a tenth of a micrometre), written as put_mm.
std::string mm_of(double millimetres) { return mm(millimetres * kPointsPerMm); }

// An object's Boundary, in millimetres on the page: its left and top edges are the origin of
// the object's own coordinates (GB/T 33190 §8.1: TextCode and path data are relative to it).
// Edges are rounded as every length is, to a tenth of a micrometre: a glyph's origin on the
// left edge is at X 0 exactly.
struct Bounds {
    double left = 0, top = 0, right = 0, bottom = 0;                // millimetres
    static Bounds of(double x0, double y0, double x1, double y1) {  // points
        return {rounded_mm(x0), rounded_mm(y0), rounded_mm(x1), rounded_mm(y1)};
    }
    std::string box() const {
        return mm_of(left) + " " + mm_of(top) + " " + mm_of(right - left) + " " + mm_of(bottom - top);
    }
    // A page position (points) in the object's coordinates: the rounded page position less
    // the origin, so the drawing lands exactly where the page position rounds to.
    std::string x(double points) const { return mm_of(rounded_mm(points) - left); }
    std::string y(double points) const { return mm_of(rounded_mm(points) - top); }
};

// The box a run's glyphs take: from the first glyph's origin to the last glyph's advance,
// from the font's ascender above the baseline to its descender below, and wherever a glyph's
// outline reaches past that (a negative side bearing, a tall accent).
// The ink boxes of the glyphs drawn so far, by face and glyph: each loaded once a document.
using InkCache = std::map<std::pair<int, unsigned>, Face::Ink>;

Bounds run_bounds(const TextRun& run, const Face& face, InkCache& inks) {
    double x0 = run.glyphs.front().x, x1 = x0, y0 = run.glyphs.front().y, y1 = y0;
    for (const PlacedGlyph& g : run.glyphs) {
        auto [it, added] = inks.try_emplace({run.face, g.index});
        if (added) it->second = face.ink(g.index);
        const Face::Ink& ink = it->second;
        x0 = std::min({x0, g.x, g.x + ink.left * run.size});
        x1 = std::max({x1, g.x + face.advance(g.index) * run.size, g.x + ink.right * run.size});
        y0 = std::min({y0, g.y - face.line_ascent() * run.size, g.y - ink.top * run.size});
        y1 = std::max({y1, g.y + face.line_descent() * run.size, g.y + ink.bottom * run.size});
    }
    return Bounds::of(x0, y0, x1, y1);
}

// Text and attribute values: the five characters XML reserves escaped.
void put_escaped(std::string& out, std::string_view text) {
    for (char c : text) switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
}

std::string escaped(std::string_view text) {
    std::string s;
    put_escaped(s, text);
    return s;
}

constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// The glyphs of a run that stand for one piece of its text: a glyph and its characters, the
// extra glyphs of a character drawn with several, or one glyph for several characters.
struct Cluster {
    std::string text;
    std::vector<std::size_t> glyphs;  // indices into the run's glyphs
};

std::vector<Cluster> clusters_of(const TextRun& run) {
    std::vector<Cluster> out;
    std::size_t at = 0;
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
        const std::size_t bytes = i < run.cluster_bytes.size() ? static_cast<std::size_t>(run.cluster_bytes[i]) : 0;
        const std::string text = run.utf8.substr(std::min(at, run.utf8.size()), bytes);
        at += bytes;
        if (text.empty() && !out.empty()) {
            out.back().glyphs.push_back(i);  // another glyph of the same characters
        } else if (!out.empty() && out.back().text.empty()) {
            out.back().text = text;  // glyphs before any text: they belong to the first characters
            out.back().glyphs.push_back(i);
        } else {
            out.push_back({text, {i}});
        }
    }
    return out;
}

std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(next_code_point(text, pos));
    return out;
}

// The one character a cluster draws with the glyph the font's cmap gives it; 0 otherwise
// (then the page states the glyphs: CGTransform).
char32_t nominal_character(const Cluster& c, const TextRun& run, const Face& face) {
    if (c.glyphs.size() != 1) return 0;
    const std::vector<char32_t> cps = code_points(c.text);
    if (cps.size() != 1 || cps[0] == 0) return 0;
    return face.glyph_index(cps[0]) == run.glyphs[c.glyphs[0]].index ? cps[0] : 0;
}

// A face as the document uses it: its glyphs, the characters its cmap will map, its subset.
struct UsedFace {
    unsigned id = 0;  // its Font's ID
    std::set<unsigned> glyphs;
    std::set<char32_t> unicodes;
    fonts::Subset subset;
    std::string file;  // its file name in Res/
};

std::map<int, UsedFace> collect_faces(const Layout& layout, const FontSet& fonts) {
    std::map<int, UsedFace> used;
    for (const Page& page : layout.pages)
        for (const TextRun& run : page.runs) {
            if (run.glyphs.empty()) continue;
            UsedFace& face = used[run.face];
            for (const PlacedGlyph& g : run.glyphs) face.glyphs.insert(g.index);
            for (const Cluster& c : clusters_of(run))
                if (const char32_t cp = nominal_character(c, run, fonts.face(run.face))) face.unicodes.insert(cp);
        }
    return used;
}

// Identifiers of the document's objects, given out in order (the standard's ST_ID).
class Ids {
public:
    unsigned next() { return ++last_; }
    unsigned last() const { return last_; }

private:
    unsigned last_ = 0;
};

// A text object drawn for the document's content, for the custom tags: which part of which
// block it draws, on which page.
struct TaggedObject {
    Tag tag;
    unsigned page = 0;  // the page's ID
    unsigned id = 0;
};

// One page's content: a layer of text objects (a run each), the table rules and the boxes of
// missing characters as path objects. The text objects of content (not artifacts) are added
// to `tagged`.
std::string page_content(const Page& page, unsigned page_id, const FontSet& fonts, const std::map<int, UsedFace>& used,
                         Ids& ids, unsigned rules_param, std::vector<TaggedObject>& tagged, InkCache& inks) {
    using geometry::page_height;
    using geometry::page_width;
    const std::string page_box = "0 0 " + mm(page_width) + " " + mm(page_height);
    std::string c = kXmlDeclaration;
    c += "<ofd:Page xmlns:ofd=\"";
    c += kNamespace;
    c += "\"><ofd:Area><ofd:PhysicalBox>" + page_box + "</ofd:PhysicalBox></ofd:Area><ofd:Content>";
    c += "<ofd:Layer ID=\"" + std::to_string(ids.next()) + "\" Type=\"Body\">";
    for (const TextRun& run : page.runs) {
        if (run.glyphs.empty()) continue;
        const UsedFace& use = used.at(run.face);
        const Face& face = fonts.face(run.face);
        const unsigned id = ids.next();
        if (run.tag.part != Tag::Part::artifact && run.tag.block >= 0) tagged.push_back({run.tag, page_id, id});
        const Bounds b = run_bounds(run, face, inks);
        c += "<ofd:TextObject ID=\"" + std::to_string(id) + "\" Boundary=\"" + b.box() + "\" Font=\"" +
             std::to_string(use.id) + "\" Size=\"" + mm(run.size) + "\"";
        if (face.weight() != 400) c += " Weight=\"" + std::to_string(face.weight()) + "\"";
        if (face.italic()) c += " Italic=\"true\"";
        c += ">";
        const std::vector<Cluster> clusters = clusters_of(run);
        std::size_t i = 0;
        while (i < clusters.size()) {
            const Cluster& first = clusters[i];
            const PlacedGlyph& g0 = run.glyphs[first.glyphs[0]];
            if (!nominal_character(first, run, face)) {
                // Glyphs the characters do not name through the cmap: stated by their ids.
                c += "<ofd:CGTransform CodePosition=\"0\" CodeCount=\"" +
                     std::to_string(code_points(first.text).size()) + "\" GlyphCount=\"" +
                     std::to_string(first.glyphs.size()) + "\"><ofd:Glyphs>";
                for (std::size_t k = 0; k < first.glyphs.size(); ++k) {
                    if (k) c += ' ';
                    c += std::to_string(use.subset.code(run.glyphs[first.glyphs[k]].index));
                }
                c += "</ofd:Glyphs></ofd:CGTransform>";
                c += "<ofd:TextCode X=\"" + b.x(g0.x) + "\" Y=\"" + b.y(g0.y) + "\">";
                put_escaped(c, first.text);
                c += "</ofd:TextCode>";
                ++i;
                continue;
            }
            // A line of characters mapped one to one: one TextCode, each character's advance
            // from the previous one in DeltaX (from rounded positions, so no error adds up).
            std::size_t end = i + 1;
            while (end < clusters.size() && nominal_character(clusters[end], run, face) &&
                   std::abs(run.glyphs[clusters[end].glyphs[0]].y - g0.y) < 1e-6)
                ++end;
            std::string text, delta;
            double previous = rounded_mm(g0.x);
            for (std::size_t k = i; k < end; ++k) {
                text += clusters[k].text;
                if (k == i) continue;
                const double x = rounded_mm(run.glyphs[clusters[k].glyphs[0]].x);
                if (!delta.empty()) delta += ' ';
                put_mm(delta, (x - previous) * kPointsPerMm);
                previous = x;
            }
            c += "<ofd:TextCode X=\"" + b.x(g0.x) + "\" Y=\"" + b.y(g0.y) + "\"";
            if (!delta.empty()) c += " DeltaX=\"" + delta + "\"";
            c += ">";
            put_escaped(c, text);
            c += "</ofd:TextCode>";
            i = end;
        }
        c += "</ofd:TextObject>";
    }
    // Rules and boxes: their extent and half the line width all round (a square cap reaches
    // as far past a rule's end).
    const double half = geometry::rule_width / 2;
    if (!page.strokes.empty()) {
        double x0 = page.strokes.front().x0, y0 = page.strokes.front().y0, x1 = x0, y1 = y0;
        for (const Stroke& s : page.strokes) {
            x0 = std::min({x0, s.x0, s.x1});
            x1 = std::max({x1, s.x0, s.x1});
            y0 = std::min({y0, s.y0, s.y1});
            y1 = std::max({y1, s.y0, s.y1});
        }
        const Bounds b = Bounds::of(x0 - half, y0 - half, x1 + half, y1 + half);
        // Square caps close the corners where a table's rules meet.
        c += "<ofd:PathObject ID=\"" + std::to_string(ids.next()) + "\" Boundary=\"" + b.box() + "\" DrawParam=\"" +
             std::to_string(rules_param) + "\" LineWidth=\"" + mm(geometry::rule_width) +
             "\" Cap=\"Square\"><ofd:AbbreviatedData>";
        bool first = true;
        for (const Stroke& s : page.strokes) {
            if (!first) c += ' ';
            first = false;
            c += "M " + b.x(s.x0) + " " + b.y(s.y0) + " L " + b.x(s.x1) + " " + b.y(s.y1);
        }
        c += "</ofd:AbbreviatedData></ofd:PathObject>";
    }
    if (!page.boxes.empty()) {
        double x0 = page.boxes.front().x, y0 = page.boxes.front().y, x1 = x0, y1 = y0;
        for (const Box& box : page.boxes) {
            x0 = std::min(x0, box.x);
            x1 = std::max(x1, box.x + box.w);
            y0 = std::min(y0, box.y);
            y1 = std::max(y1, box.y + box.h);
        }
        const Bounds b = Bounds::of(x0 - half, y0 - half, x1 + half, y1 + half);
        c += "<ofd:PathObject ID=\"" + std::to_string(ids.next()) + "\" Boundary=\"" + b.box() + "\" DrawParam=\"" +
             std::to_string(rules_param) + "\" LineWidth=\"" + mm(geometry::rule_width) + "\"><ofd:AbbreviatedData>";
        bool first = true;
        for (const Box& box : page.boxes) {
            if (!first) c += ' ';
            first = false;
            c += "M " + b.x(box.x) + " " + b.y(box.y) + " L " + b.x(box.x + box.w) + " " + b.y(box.y) + " L " +
                 b.x(box.x + box.w) + " " + b.y(box.y + box.h) + " L " + b.x(box.x) + " " + b.y(box.y + box.h) + " C";
        }
        c += "</ofd:AbbreviatedData></ofd:PathObject>";
    }
    c += "</ofd:Layer></ofd:Content></ofd:Page>\n";
    return c;
}

// The outline: bookmarks nest by level; a level without a parent above it hangs from the
// nearest shallower one (or the top).
std::string outlines(const std::vector<Bookmark>& bookmarks, const std::vector<unsigned>& page_ids) {
    struct Item {
        std::size_t bookmark = 0;
        std::vector<std::size_t> kids;  // indices into items
    };
    std::vector<Item> items(1);  // items[0]: the root
    std::array<std::size_t, 4> last{};
    for (std::size_t i = 0; i < bookmarks.size(); ++i) {
        const int level = std::clamp(bookmarks[i].level, 1, 3);
        std::size_t parent = 0;
        for (int l = level - 1; l >= 1; --l)
            if (last[static_cast<std::size_t>(l)]) {
                parent = last[static_cast<std::size_t>(l)];
                break;
            }
        items.push_back({i, {}});
        const std::size_t me = items.size() - 1;
        items[parent].kids.push_back(me);
        last[static_cast<std::size_t>(level)] = me;
        for (std::size_t l = static_cast<std::size_t>(level) + 1; l < last.size(); ++l) last[l] = 0;
    }
    std::string out;
    auto write = [&](auto& self, std::size_t at) -> void {
        const Bookmark& b = bookmarks[items[at].bookmark];
        const std::size_t page = std::min(b.page, page_ids.size() - 1);
        out += "<ofd:OutlineElem Title=\"" + escaped(b.title) + "\"";
        if (!items[at].kids.empty()) out += " Count=\"" + std::to_string(items[at].kids.size()) + "\"";
        out += "><ofd:Actions><ofd:Action Event=\"CLICK\"><ofd:Goto><ofd:Dest Type=\"XYZ\" PageID=\"" +
               std::to_string(page_ids[page]) + "\" Left=\"0\" Top=\"" + mm(b.y) +
               "\"/></ofd:Goto></ofd:Action></ofd:Actions>";
        for (std::size_t kid : items[at].kids) self(self, kid);
        out += "</ofd:OutlineElem>";
    };
    for (std::size_t kid : items[0].kids) write(write, kid);
    return out;
}

constexpr const char* kTagsNamespace = "urn:gongwen:ofd-tags:1";

// The document's structure as a custom tag file (GB/T 33190 custom tags): one element per
// block in reading order, named as the native XML names its kind (title, heading, paragraph,
// table …), each holding an ObjectRef (PageRef: the page's ID; text: the object's ID) per text
// object that draws it; a table's cells and caption are elements of their own. Page numbers,
// rules and header rows repeated on a later page are artifacts, tagged as nothing.
std::string custom_tag_file(const Layout& layout, const std::vector<TaggedObject>& tagged) {
    // Objects by block, and by cell within a table, in drawing order.
    std::vector<std::vector<const TaggedObject*>> text(layout.blocks.size()), captions(layout.blocks.size());
    std::vector<std::vector<std::vector<const TaggedObject*>>> cells(layout.blocks.size());
    for (std::size_t b = 0; b < layout.blocks.size(); ++b) cells[b].resize(layout.blocks[b].cells.size());
    for (const TaggedObject& o : tagged) {
        const auto b = static_cast<std::size_t>(o.tag.block);
        if (b >= layout.blocks.size()) throw std::logic_error("a run tagged with a block the layout does not have");
        if (o.tag.part == Tag::Part::cell) {
            const auto c = static_cast<std::size_t>(o.tag.cell);
            if (c >= cells[b].size()) throw std::logic_error("a run tagged with a cell its table does not have");
            cells[b][c].push_back(&o);
        } else if (o.tag.part == Tag::Part::caption) {
            captions[b].push_back(&o);
        } else {
            text[b].push_back(&o);
        }
    }
    const auto refs = [](const std::vector<const TaggedObject*>& objects) {
        std::string r;
        for (const TaggedObject* o : objects)
            r += "<ObjectRef PageRef=\"" + std::to_string(o->page) + "\">" + std::to_string(o->id) + "</ObjectRef>";
        return r;
    };
    std::string x = kXmlDeclaration;
    x += "<Document xmlns=\"";
    x += kTagsNamespace;
    x += "\">";
    for (std::size_t b = 0; b < layout.blocks.size(); ++b) {
        const TaggedBlock& block = layout.blocks[b];
        const std::string name = to_string(block.kind);
        x += "<" + name;
        if (block.kind == BlockKind::heading) x += " level=\"" + std::to_string(block.level) + "\"";
        if (block.kind == BlockKind::image && !block.alt.empty()) x += " alt=\"" + escaped(block.alt) + "\"";
        if (block.kind == BlockKind::table)
            x += " rows=\"" + std::to_string(block.rows) + "\" columns=\"" + std::to_string(block.columns) +
                 "\" header-rows=\"" + std::to_string(block.header_rows) + "\"";
        x += ">" + refs(text[b]);
        if (!captions[b].empty()) x += "<caption>" + refs(captions[b]) + "</caption>";
        for (std::size_t c = 0; c < block.cells.size(); ++c) {
            const TaggedCell& cell = block.cells[c];
            x += "<cell row=\"" + std::to_string(cell.row) + "\" col=\"" + std::to_string(cell.col) + "\"";
            if (cell.row_span != 1) x += " row-span=\"" + std::to_string(cell.row_span) + "\"";
            if (cell.col_span != 1) x += " col-span=\"" + std::to_string(cell.col_span) + "\"";
            if (cell.header) x += " header=\"true\"";
            x += ">" + refs(cells[b][c]) + "</cell>";
        }
        x += "</" + name + ">";
    }
    return x + "</Document>\n";
}

// Keywords as the document states them, one a piece: split at spaces and the list
// punctuation (，,、；;).
std::vector<std::string> keywords_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        if (cp == U' ' || cp == U'\t' || cp == U'\u3000' || cp == U'，' || cp == U',' || cp == U'、' || cp == U'；' ||
            cp == U';') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            append_utf8(word, cp);
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::string ofd_xml(const Document& doc, const std::string& doc_id) {
    const Metadata& m = doc.metadata;
    const Description d = describe(doc);
    std::string x = kXmlDeclaration;
    x += "<ofd:OFD xmlns:ofd=\"";
    x += kNamespace;
    x += "\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>" + doc_id + "</ofd:DocID>";
    if (!d.title.empty()) x += "<ofd:Title>" + escaped(d.title) + "</ofd:Title>";
    if (!d.issuer.empty()) x += "<ofd:Author>" + escaped(d.issuer) + "</ofd:Author>";
    if (!m.category.value.empty()) x += "<ofd:Subject>" + escaped(m.category.value) + "</ofd:Subject>";
    if (d.created.size() >= 10) {
        const std::string date = d.created.substr(0, 10);  // xs:date
        x += "<ofd:CreationDate>" + date + "</ofd:CreationDate><ofd:ModDate>" + date + "</ofd:ModDate>";
    }
    if (const std::vector<std::string> words = keywords_of(m.keywords.value); !words.empty()) {
        x += "<ofd:Keywords>";
        for (const std::string& w : words) x += "<ofd:Keyword>" + escaped(w) + "</ofd:Keyword>";
        x += "</ofd:Keywords>";
    }
    x += "<ofd:Creator>gongwen</ofd:Creator><ofd:CreatorVersion>";
    x += GONGWEN_VERSION;
    x += "</ofd:CreatorVersion>";
    std::string custom;
    if (!m.index_number.value.empty())
        custom += "<ofd:CustomData Name=\"索引号\">" + escaped(m.index_number.value) + "</ofd:CustomData>";
    if (!m.document_number.value.empty())
        custom += "<ofd:CustomData Name=\"文号\">" + escaped(m.document_number.value) + "</ofd:CustomData>";
    if (!custom.empty()) x += "<ofd:CustomDatas>" + custom + "</ofd:CustomDatas>";
    x += "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n";
    return x;
}

std::string attachment_name(const Document& doc) {
    const std::filesystem::path name(doc.source.name);
    return (doc.source.name.empty() || doc.source.name == "-" ? std::string("document") : name.stem().string()) +
           ".xml";
}

}  // namespace

std::string write_ofd(const Document& doc, const OfdOptions& options, const Fonts& fonts,
                      std::vector<Diagnostic>* diagnostics, const Budget& budget) {
    const Layout layout = lay_out(doc, fonts.set(), budget);
    std::string bytes = ofd::write(doc, layout, fonts.set(), options, budget);
    if (diagnostics)
        for (const Diagnostic& d : layout.diagnostics) diagnostics->push_back(d);
    return bytes;
}

std::string ofd::write(const Document& doc, const Layout& layout, const FontSet& fonts, const OfdOptions& options,
                       const Budget& budget) {
    if (layout.pages.empty()) throw std::logic_error("a laid-out document has at least one page");
    Ids ids;
    std::map<int, UsedFace> used = collect_faces(layout, fonts);
    std::string public_res = kXmlDeclaration;
    public_res += "<ofd:Res xmlns:ofd=\"";
    public_res += kNamespace;
    public_res += "\" BaseLoc=\"Res\">";
    std::vector<ofd::Part> resources;
    if (!used.empty()) public_res += "<ofd:Fonts>";
    for (auto& [index, u] : used) {
        budget.check_time();
        const fonts::FontFile& file = fonts.face(index).file();
        u.id = ids.next();
        u.subset = file.opentype_subset(std::vector<unsigned>(u.glyphs.begin(), u.glyphs.end()),
                                        std::vector<char32_t>(u.unicodes.begin(), u.unicodes.end()));
        u.file = "font_" + std::to_string(u.id) + (u.subset.outlines == fonts::Outlines::cff ? ".otf" : ".ttf");
        public_res += "<ofd:Font ID=\"" + std::to_string(u.id) + "\" FontName=\"" + escaped(file.postscript_name()) +
                      "\" FamilyName=\"" + escaped(fonts.face(index).family()) + "\"" +
                      (fonts.face(index).italic() ? " Italic=\"true\"" : "") +
                      (fonts.face(index).bold() ? " Bold=\"true\"" : "") + "><ofd:FontFile>" + u.file +
                      "</ofd:FontFile></ofd:Font>";
        resources.push_back({"Doc_0/Res/" + u.file, u.subset.font, false});
    }
    if (!used.empty()) public_res += "</ofd:Fonts>";
    public_res += "</ofd:Res>\n";
    // The drawing parameters of the rules and boxes: black lines.
    const unsigned rules_param = ids.next();
    std::string document_res = kXmlDeclaration;
    document_res += "<ofd:Res xmlns:ofd=\"";
    document_res += kNamespace;
    document_res += "\" BaseLoc=\"Res\"><ofd:DrawParams><ofd:DrawParam ID=\"" + std::to_string(rules_param) +
                    "\" LineWidth=\"" + mm(geometry::rule_width) +
                    "\"><ofd:StrokeColor Value=\"0 0 0\"/></ofd:DrawParam></ofd:DrawParams></ofd:Res>\n";

    std::vector<unsigned> page_ids;
    for (std::size_t i = 0; i < layout.pages.size(); ++i) page_ids.push_back(ids.next());
    std::vector<ofd::Part> pages;
    std::vector<TaggedObject> tagged;
    InkCache inks;
    for (std::size_t i = 0; i < layout.pages.size(); ++i) {
        budget.check_time();
        pages.push_back({"Doc_0/Pages/Page_" + std::to_string(i) + "/Content.xml",
                         page_content(layout.pages[i], page_ids[i], fonts, used, ids, rules_param, tagged, inks)});
    }
    std::string custom_tags = kXmlDeclaration;
    custom_tags += "<ofd:CustomTags xmlns:ofd=\"";
    custom_tags += kNamespace;
    custom_tags += "\"><ofd:CustomTag NameSpace=\"";
    custom_tags += kTagsNamespace;
    custom_tags += "\"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>\n";

    const std::string xml_name = attachment_name(doc);
    std::string attachments;
    if (!options.source_xml.empty()) {
        const Description d = describe(doc);
        attachments = kXmlDeclaration;
        attachments += "<ofd:Attachments xmlns:ofd=\"";
        attachments += kNamespace;
        attachments += "\"><ofd:Attachment ID=\"source\" Name=\"" + escaped(xml_name) + "\" Format=\"xml\"";
        if (!d.created.empty()) attachments += " CreationDate=\"" + d.created + "\" ModDate=\"" + d.created + "\"";
        char size[32];
        const auto r =
            std::to_chars(size, size + sizeof size, options.source_xml.size() / 1024.0, std::chars_format::fixed, 3);
        attachments += " Size=\"" + std::string(size, r.ptr) + "\"><ofd:FileLoc>" + escaped(xml_name) +
                       "</ofd:FileLoc></ofd:Attachment></ofd:Attachments>\n";
    }

    std::string document = kXmlDeclaration;
    document += "<ofd:Document xmlns:ofd=\"";
    document += kNamespace;
    document += "\"><ofd:CommonData><ofd:MaxUnitID>" + std::to_string(ids.last()) +
                "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 " + mm(geometry::page_width) + " " +
                mm(geometry::page_height) +
                "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>";
    for (std::size_t i = 0; i < page_ids.size(); ++i)
        document += "<ofd:Page ID=\"" + std::to_string(page_ids[i]) + "\" BaseLoc=\"Pages/Page_" + std::to_string(i) +
                    "/Content.xml\"/>";
    document += "</ofd:Pages>";
    if (!layout.bookmarks.empty())
        document += "<ofd:Outlines>" + outlines(layout.bookmarks, page_ids) + "</ofd:Outlines>";
    document += "<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>";
    if (!attachments.empty()) document += "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>";
    document += "</ofd:Document>\n";

    std::vector<ofd::Part> parts;
    parts.push_back({"OFD.xml", {}});
    parts.push_back({"Doc_0/Document.xml", std::move(document)});
    parts.push_back({"Doc_0/PublicRes.xml", std::move(public_res)});
    parts.push_back({"Doc_0/DocumentRes.xml", std::move(document_res)});
    for (ofd::Part& p : resources) parts.push_back(std::move(p));
    for (ofd::Part& p : pages) parts.push_back(std::move(p));
    parts.push_back({"Doc_0/Tags/CustomTags.xml", std::move(custom_tags)});
    parts.push_back({"Doc_0/Tags/CustomTag.xml", custom_tag_file(layout, tagged)});
    if (!attachments.empty()) {
        parts.push_back({"Doc_0/Attachs/Attachments.xml", std::move(attachments)});
        parts.push_back({"Doc_0/Attachs/" + xml_name, options.source_xml});
    }
    // DocID: the start of the SHA-256 of every other part, names and bytes: the same content
    // gives the same identifier.
    std::string digest_input;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        digest_input += sha256_hex(parts[i].name);
        digest_input += sha256_hex(parts[i].bytes);
    }
    parts[0].bytes = ofd_xml(doc, sha256_hex(digest_input).substr(0, 32));
    return ofd::zip(parts);
}

}  // namespace gongwen
