// The archival PDF written directly from the laid-out pages: a small object writer, CID fonts
// from the font layer's subsets, one compressed content stream per page, and the archival parts
// (Info, XMP, OutputIntent, bookmarks, page labels, the associated XML, a content-derived /ID).
// Each stream is compressed once, with libdeflate.
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

#include "converters/pdf/draw.hpp"
#include "gongwen/digest.hpp"
#include "gongwen/unicode.hpp"
#include "layout/font_layer.hpp"

namespace gongwen::pdf {

namespace {

// Engines and levels chosen by measurement (the fixtures' and the bulk corpus's streams;
// bench/RESULTS.md). The font programs are most of a PDF's bytes and of its CPU: CID-keyed CFF
// charstrings, which deflate only to ~80 % whatever the level, and on which libdeflate 1.14 is
// slow (~110 MB/s at its fastest level 1, ~9 ns a byte of literals). ISA-L's igzip (2.30) at its
// level 2 takes 40 % of that CPU for 0.6–0.9 % more bytes; its level 3 takes 60 % for 0.5 %, its
// level 1 35 % for 2 %. igzip picks its code by the CPU's features; its output is reported to be
// the same on every x86-64 with SSE4.2 (its hash is then CRC32C), and a different valid stream
// without it or on other architectures, where the goldens' pinned PDF bytes would then differ. Content streams, mostly
// glyph codes (the grid's spacing is one Tc), take a quarter of libdeflate level 6's CPU at level 1 for ~15 % more of
// their (small) bytes. The ToUnicode maps, compact since a subset's codes run without gaps (bfrange arrays: a third
// smaller), deflate ~8 % larger at 1 for a quarter of level 6's CPU, and go at 1 too. With all that every fixture's PDF
// is still smaller than the cairo-era one. The object streams (the structure tree: a table-heavy
// report's deflates 0.6 % worse at 4) and the cross-reference stream keep libdeflate's 6.
constexpr int kDeflateLevel = 6;
constexpr int kFontProgramLevel = 2;  // ISA-L's
constexpr int kContentLevel = 1;

// The CPU time of the calling thread, in seconds (for WriteTimes).
double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// A number as PDF writes it: at most `decimals` decimals, no trailing zeros, never "-0".
// Coordinates get six (a millionth of a point, as the layout computed them), the rest three.
void put_num(std::string& out, double v, int decimals = 3) { layout::put_decimal(out, v, decimals); }

std::string num(double v, int decimals = 3) {
    std::string s;
    put_num(s, v, decimals);
    return s;
}

constexpr int kPlace = 6;  // decimals of a position on the page

void put_hex4(std::string& out, unsigned v) {
    static constexpr char digits[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

void put_utf16(std::string& out, char32_t cp) {
    if (cp > 0xFFFF) {
        cp -= 0x10000;
        put_hex4(out, 0xD800 + (static_cast<unsigned>(cp) >> 10));
        put_hex4(out, 0xDC00 + (static_cast<unsigned>(cp) & 0x3FF));
    } else {
        put_hex4(out, static_cast<unsigned>(cp));
    }
}

// A text string (document information, bookmark titles, file names): UTF-16BE with its mark.
std::string text_string(std::string_view utf8) {
    std::string out = "<FEFF";
    for (std::size_t pos = 0; pos < utf8.size();) put_utf16(out, next_code_point(utf8, pos));
    return out + ">";
}

// A byte string as a literal: ( ) \ escaped, other bytes as they are.
std::string literal(std::string_view bytes) {
    std::string out = "(";
    for (char c : bytes) {
        if (c == '(' || c == ')' || c == '\\') out += '\\';
        out += c;
    }
    return out + ")";
}

std::string ref(int id) { return std::to_string(id) + " 0 R"; }

// The file identifier: the XXH3-128 of `bytes` as 32 capital hex digits. A digest of the content,
// so that the same content gives the same identifier; not a cryptographic one (nothing is signed
// with it), and about a hundred times cheaper than SHA-256 over a PDF of fonts.
std::string file_id(std::string_view bytes) {
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits(bytes.data(), bytes.size()));
    std::string id = to_hex(std::string_view(reinterpret_cast<const char*>(canonical.digest), sizeof canonical.digest));
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::toupper(c); });
    return id;
}

// A deflate implementation, each where measurement puts it (see the levels above).
enum class Engine { libdeflate, isal };

class Deflater {
public:
    // `level` is the engine's own. `clock`, when given, accumulates the CPU seconds spent
    // compressing.
    explicit Deflater(int level = kDeflateLevel, double* clock = nullptr, Engine engine = Engine::libdeflate)
        : engine_(engine), level_(level), clock_(clock) {
        if (engine_ == Engine::libdeflate) {
            c_ = libdeflate_alloc_compressor(level);
            if (!c_) throw std::runtime_error("libdeflate cannot allocate a compressor");
        } else if (level_ != 2) {
            throw std::logic_error("the ISA-L deflater is set up for its level 2");
        }
    }
    ~Deflater() { libdeflate_free_compressor(c_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
    // `in` compressed, in a buffer of the Deflater's that the next call reuses (a font program's
    // bytes are neither zeroed beforehand nor copied out but once, into the file).
    std::string_view zlib(std::string_view in) {
        const double start = clock_ ? thread_cpu_seconds() : 0;
        std::size_t n = 0;
        if (engine_ == Engine::libdeflate) {
            const std::size_t bound = libdeflate_zlib_compress_bound(c_, in.size());
            reserve(bound);
            n = libdeflate_zlib_compress(c_, in.data(), in.size(), buffer_.get(), bound);
            if (n == 0) throw std::runtime_error("libdeflate could not compress a stream");
        } else {
            n = isal_zlib(in);
        }
        if (clock_) *clock_ += thread_cpu_seconds() - start;
        return {buffer_.get(), n};
    }

private:
    void reserve(std::size_t bytes) {
        if (bytes <= capacity_) return;
        buffer_ = std::make_unique_for_overwrite<char[]>(bytes);
        capacity_ = bytes;
    }
    // ISA-L's igzip in one call (stateless), its working buffer kept for the next stream. The
    // output has room for the input stored as it is and the zlib wrapper; more when told.
    std::size_t isal_zlib(std::string_view in) {
        if (in.size() > 0xFFFFFFFFu) throw std::runtime_error("a stream too large to compress");
        if (!level_buffer_) level_buffer_ = std::make_unique_for_overwrite<std::uint8_t[]>(ISAL_DEF_LVL2_DEFAULT);
        for (std::size_t room = in.size() + in.size() / 64 + 1024;; room *= 2) {
            reserve(room);
            isal_zstream z;
            isal_deflate_stateless_init(&z);
            z.level = static_cast<std::uint32_t>(level_);
            z.level_buf = level_buffer_.get();
            z.level_buf_size = ISAL_DEF_LVL2_DEFAULT;
            z.gzip_flag = IGZIP_ZLIB;
            z.end_of_stream = 1;
            z.flush = NO_FLUSH;
            z.next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(in.data()));
            z.avail_in = static_cast<std::uint32_t>(in.size());
            z.next_out = reinterpret_cast<std::uint8_t*>(buffer_.get());
            z.avail_out = static_cast<std::uint32_t>(std::min<std::size_t>(capacity_, 0xFFFFFFFFu));
            const int status = isal_deflate_stateless(&z);
            if (status == COMP_OK) return z.total_out;
            if (status != STATELESS_OVERFLOW || room > 2 * in.size() + (1u << 20))
                throw std::runtime_error("ISA-L could not compress a stream (status " + std::to_string(status) + ")");
        }
    }

    Engine engine_;
    int level_;
    libdeflate_compressor* c_ = nullptr;
    double* clock_;
    std::unique_ptr<char[]> buffer_;
    std::size_t capacity_ = 0;
    std::unique_ptr<std::uint8_t[]> level_buffer_;
};

// Objects numbered as reserved. Streams are written as they are made; every other object goes
// into a compressed object stream (PDF 1.5, allowed by PDF/A-2 and -3) unless written `outside`,
// and a cross-reference stream ends the file.
class ObjectWriter {
public:
    // `deflate` compresses the object streams and the cross-reference stream.
    explicit ObjectWriter(Deflater& deflate) : out_("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), entries_(1), deflate_(deflate) {
        out_.reserve(1 << 19);  // a typical report's PDF: no regrowth and copying on the way
    }
    int reserve() {
        entries_.push_back({});
        return static_cast<int>(entries_.size() - 1);
    }
    // A non-stream object, into the current object stream.
    void object(int id, std::string_view body) {
        Entry& e = entry(id);
        e.type = 2;
        e.index = packed_ids_.size();
        packed_ids_.push_back(id);
        packed_offsets_.push_back(packed_.size());
        packed_ += body;
        packed_ += '\n';
        if (packed_ids_.size() == kObjectsPerStream) flush();
    }
    // A non-stream object at the top level of the file, outside every object stream.
    void outside(int id, std::string_view body) {
        begin(id);
        out_ += body;
        out_ += "\nendobj\n";
    }
    // A stream; `entries` are its dictionary's keys but /Length and /Filter.
    void stream(int id, std::string_view entries, std::string_view data, Deflater* deflate) {
        if (deflate)
            packed_stream(id, entries, deflate->zlib(data), true);
        else
            packed_stream(id, entries, data, false);
    }
    // A stream whose bytes are `bytes` as they are, zlib-compressed already when `flate`.
    void packed_stream(int id, std::string_view entries, std::string_view bytes, bool flate) {
        begin(id);
        out_ += "<<";
        out_ += entries;
        if (flate) out_ += " /Filter /FlateDecode";
        out_ += " /Length " + std::to_string(bytes.size()) + " >>\nstream\n";
        out_ += bytes;
        out_ += "\nendstream\nendobj\n";
    }
    // The last object stream and the cross-reference stream, whose /ID is the digest (file_id) of
    // all that precedes it and of its entries: the same content gives the same identifier.
    std::string finish(int root, int info) {
        flush();
        for (std::size_t id = 1; id < entries_.size(); ++id)
            if (entries_[id].type == 0)
                throw std::logic_error("PDF object " + std::to_string(id) + " reserved, not written");
        // The cross-reference stream's own entry: type 1 at the end of the file as it is now.
        const int xref = reserve();
        const std::size_t at = out_.size();
        entries_.back() = Entry{1, at, 0};
        // Field widths: the type in one byte, then the fewest bytes that hold the largest offset
        // (or object stream number), then those that hold the largest index in an object stream
        // and the free head's generation 65535.
        std::size_t largest = 0, largest_index = 65535;
        for (const Entry& e : entries_) {
            largest = std::max(largest, e.offset);
            largest_index = std::max(largest_index, e.index);
        }
        const int w2 = byte_width(largest), w3 = byte_width(largest_index);
        std::string table;
        table.reserve(entries_.size() * static_cast<std::size_t>(1 + w2 + w3));
        for (std::size_t id = 0; id < entries_.size(); ++id) {
            const Entry& e = entries_[id];
            table += static_cast<char>(e.type);
            put(table, e.offset, w2);
            put(table, id == 0 ? 65535 : e.index, w3);  // object 0 heads the free list
        }
        out_ += table;
        const std::string id = file_id(out_);
        out_.resize(at);
        const std::string size = std::to_string(entries_.size());
        const std::string_view packed = deflate_.zlib(table);
        out_ += std::to_string(xref) + " 0 obj\n<< /Type /XRef /Size " + size + " /Index [0 " + size + "] /W [1 " +
                std::to_string(w2) + " " + std::to_string(w3) + "] /Root " + ref(root) + " /Info " + ref(info) +
                " /ID [<" + id + "> <" + id + ">] /Filter /FlateDecode /Length " + std::to_string(packed.size()) +
                " >>\nstream\n";
        out_ += packed;
        out_ += "\nendstream\nendobj\nstartxref\n" + std::to_string(at) + "\n%%EOF\n";
        return std::move(out_);
    }

private:
    // An object's cross-reference entry: type 1 at `offset` in the file, or type 2 the
    // `index`-th object of object stream number `offset`.
    struct Entry {
        int type = 0;
        std::size_t offset = 0, index = 0;
    };
    static constexpr std::size_t kObjectsPerStream = 200;

    Entry& entry(int id) {
        Entry& e = entries_.at(static_cast<std::size_t>(id));
        if (e.type != 0) throw std::logic_error("PDF object " + std::to_string(id) + " written twice");
        return e;
    }
    void begin(int id) {
        Entry& e = entry(id);
        e.type = 1;
        e.offset = out_.size();
        out_ += std::to_string(id) + " 0 obj\n";
    }
    // The pending objects as one object stream: pairs of number and offset, then the objects.
    void flush() {
        if (packed_ids_.empty()) return;
        const int stream_id = reserve();
        std::string head;
        for (std::size_t i = 0; i < packed_ids_.size(); ++i) {
            entries_[static_cast<std::size_t>(packed_ids_[i])].offset = static_cast<std::size_t>(stream_id);
            head += std::to_string(packed_ids_[i]) + " " + std::to_string(packed_offsets_[i]) +
                    (i + 1 < packed_ids_.size() ? " " : "\n");
        }
        packed_stream(
            stream_id,
            " /Type /ObjStm /N " + std::to_string(packed_ids_.size()) + " /First " + std::to_string(head.size()),
            deflate_.zlib(head + packed_), true);
        packed_.clear();
        packed_ids_.clear();
        packed_offsets_.clear();
    }
    static int byte_width(std::size_t n) {
        int w = 1;
        while (w < 8 && (n >> (8 * w)) != 0) ++w;
        return w;
    }
    static void put(std::string& out, std::size_t n, int width) {
        for (int b = width - 1; b >= 0; --b) out += static_cast<char>((n >> (8 * b)) & 0xFF);
    }
    std::string out_;
    std::vector<Entry> entries_;
    Deflater& deflate_;
    std::string packed_;  // the objects of the object stream being filled, each ended by a newline
    std::vector<int> packed_ids_;
    std::vector<std::size_t> packed_offsets_;
};

// A face as the document uses it: the glyphs drawn and the text each stands for.
// A glyph's advance in thousandths of an em, as the width array states it.
double width_1000(const fonts::FontFile& file, unsigned glyph) {
    return std::round(file.advance(glyph) * 1000000.0 / file.units_per_em()) / 1000;
}

// What the content streams need of a glyph, found with one lookup.
struct GlyphUse {
    unsigned code = 0;                  // in the subset
    double width = 0;                   // width_1000
    const std::string* text = nullptr;  // UsedFace::text's
};

// Glyph ids to small numbers (0: none yet): one array lookup where a map would search.
class GlyphSlots {
public:
    std::uint32_t get(unsigned glyph) const { return glyph < slots_.size() ? slots_[glyph] : 0; }
    void set(unsigned glyph, std::uint32_t slot) {
        if (glyph >= slots_.size()) slots_.resize(std::max<std::size_t>(glyph + 1, slots_.size() * 2));
        slots_[glyph] = slot;
    }

private:
    std::vector<std::uint32_t> slots_;
};

struct UsedFace {
    int type0 = 0;                         // object number of its font dictionary
    std::map<unsigned, std::string> text;  // glyph id → its characters (UTF-8) where first met
    fonts::Subset subset;
    GlyphSlots slots;  // glyph id → 1 + its index in `uses`, once subset
    std::vector<GlyphUse> uses;

    void index(const fonts::FontFile& file) {
        uses.reserve(text.size());
        for (const auto& [glyph, chars] : text) {
            uses.push_back(GlyphUse{subset.code(glyph), width_1000(file, glyph), &chars});
            slots.set(glyph, static_cast<std::uint32_t>(uses.size()));
        }
    }
    const GlyphUse& use(unsigned glyph) const {
        const std::uint32_t slot = slots.get(glyph);
        if (slot == 0) throw std::logic_error("a glyph drawn but not collected");
        return uses[slot - 1];
    }
};

std::map<int, UsedFace> collect_faces(const Layout& layout) {
    // The characters a glyph stands for where it is first met (copied only then), in glyph
    // order afterwards.
    struct Met {
        GlyphSlots slots;
        std::vector<std::pair<unsigned, std::string>> glyphs;
    };
    std::map<int, Met> met;
    for (const Page& page : layout.pages)
        for (const TextRun& run : page.runs) {
            Met& face = met[run.face];
            std::size_t pos = 0;
            for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
                const std::size_t bytes =
                    i < run.cluster_bytes.size() ? static_cast<std::size_t>(run.cluster_bytes[i]) : 0;
                const unsigned glyph = run.glyphs[i].index;
                if (face.slots.get(glyph) == 0) {
                    face.glyphs.emplace_back(glyph, run.utf8.substr(std::min(pos, run.utf8.size()), bytes));
                    face.slots.set(glyph, static_cast<std::uint32_t>(face.glyphs.size()));
                }
                pos += bytes;
            }
        }
    std::map<int, UsedFace> used;
    for (auto& [face, m] : met) {
        std::sort(m.glyphs.begin(), m.glyphs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        UsedFace& u = used[face];
        for (auto& [glyph, chars] : m.glyphs) u.text.emplace_hint(u.text.end(), glyph, std::move(chars));
    }
    return used;
}

// Tagged PDF: the structure tree built from the layout's blocks, marked content around what the
// pages draw (the content of a structure element, or an artifact), the parent tree that maps
// each page's marked content back to its element.
class Structure {
public:
    explicit Structure(const Layout& layout);

    // Starts what `run` draws on page `page`: ends the marked-content sequence open before if
    // the run belongs elsewhere, and begins its element's (or its artifact's).
    void run(std::string& c, std::size_t page, const TextRun& run);
    // Ends the open sequence (before the text object ends).
    void close(std::string& c);
    // Everything between begin_artifact and end_artifact is an artifact: rules, frames, boxes.
    static void begin_artifact(std::string& c) { c += "/Artifact << /Type /Layout >> BDC\n"; }
    static void end_artifact(std::string& c) { c += "EMC\n"; }

    // Every run drawn was the content of an element or an artifact.
    bool complete() const { return complete_; }
    // The structure tree and its parent tree; returns the StructTreeRoot's object number.
    int write(ObjectWriter& w, const std::vector<int>& page_ids) const;

private:
    struct Element {
        std::string type;  // standard structure type, or one the role map maps to one
        int parent = -1;
        std::string attributes;                          // more entries of the element's dictionary (/A, /Alt)
        std::vector<int> kids;                           // elements
        std::vector<std::pair<std::size_t, int>> marks;  // page, MCID
    };
    int add(int parent, std::string type, std::string attributes = {}) {
        elements_.push_back(Element{std::move(type), parent, std::move(attributes), {}, {}});
        const int me = static_cast<int>(elements_.size() - 1);
        elements_[static_cast<std::size_t>(parent)].kids.push_back(me);
        return me;
    }
    // The element whose content `tag` is: -1 for an artifact, -2 when the tag names none.
    int element_of(const layout::Tag& tag) const;

    std::vector<Element> elements_;
    std::vector<int> block_element_;              // per block: the element its text is content of
    std::vector<int> caption_element_;            // per block: a table's Caption
    std::vector<std::vector<int>> cell_element_;  // per block: a table's cells
    std::vector<std::vector<int>> parents_;       // per page: the element of each MCID
    int open_ = -3;                               // element (or -1 artifact) of the open sequence
    bool complete_ = true;
};

Structure::Structure(const Layout& layout) : elements_(1, Element{"Document", -1, {}, {}, {}}) {
    const std::size_t n = layout.blocks.size();
    block_element_.assign(n, -2), caption_element_.assign(n, -2), cell_element_.resize(n);
    parents_.resize(layout.pages.size());
    int list = -1, signature = -1;  // the list (signature block) consecutive items (lines) go into
    for (std::size_t i = 0; i < n; ++i) {
        const layout::TaggedBlock& b = layout.blocks[i];
        if (b.kind != BlockKind::list_item) list = -1;
        if (b.kind != BlockKind::signature) signature = -1;
        switch (b.kind) {
            case BlockKind::title: block_element_[i] = add(0, "Title"); break;
            case BlockKind::heading: block_element_[i] = add(0, "H" + std::to_string(std::clamp(b.level, 1, 6))); break;
            case BlockKind::list_item:
                if (list < 0) list = add(0, "L");
                block_element_[i] = add(add(list, "LI"), "LBody");
                break;
            case BlockKind::signature:
                if (signature < 0) signature = add(0, "Signature");
                block_element_[i] = add(signature, "P");
                break;
            case BlockKind::image: block_element_[i] = add(0, "Figure", " /Alt " + text_string(b.alt)); break;
            case BlockKind::table: {
                const int table = add(0, "Table");
                caption_element_[i] = add(table, "Caption");
                std::vector<int> rows(static_cast<std::size_t>(b.rows));
                const int head = b.header_rows > 0 ? add(table, "THead") : -1;
                const int body = b.header_rows < b.rows ? add(table, "TBody") : -1;
                for (int r = 0; r < b.rows; ++r)
                    rows[static_cast<std::size_t>(r)] = add(r < b.header_rows ? head : body, "TR");
                for (const layout::TaggedCell& cell : b.cells) {
                    std::string a;
                    if (cell.header) a += cell.row < b.header_rows ? " /Scope /Column" : " /Scope /Row";
                    if (cell.row_span > 1) a += " /RowSpan " + std::to_string(cell.row_span);
                    if (cell.col_span > 1) a += " /ColSpan " + std::to_string(cell.col_span);
                    cell_element_[i].push_back(add(rows[static_cast<std::size_t>(cell.row)], cell.header ? "TH" : "TD",
                                                   a.empty() ? "" : " /A << /O /Table" + a + " >>"));
                }
                break;
            }
            case BlockKind::subtitle:
            case BlockKind::paragraph:
            case BlockKind::addressee:
            case BlockKind::attachment:
            case BlockKind::annotation: block_element_[i] = add(0, "P"); break;
        }
    }
}

int Structure::element_of(const layout::Tag& tag) const {
    using Part = layout::Tag::Part;
    if (tag.part == Part::artifact) return -1;
    if (tag.block < 0 || static_cast<std::size_t>(tag.block) >= block_element_.size()) return -2;
    const auto block = static_cast<std::size_t>(tag.block);
    switch (tag.part) {
        case Part::text: return block_element_[block];
        case Part::caption: return caption_element_[block];
        case Part::cell:
            return tag.cell >= 0 && static_cast<std::size_t>(tag.cell) < cell_element_[block].size()
                       ? cell_element_[block][static_cast<std::size_t>(tag.cell)]
                       : -2;
        case Part::artifact: break;
    }
    return -1;
}

void Structure::run(std::string& c, std::size_t page, const TextRun& run) {
    const int element = element_of(run.tag);
    if (element == open_) return;
    close(c);
    open_ = element;
    if (element == -1) {  // page numbers are the page's furniture, repeated header rows the table's
        c += run.tag.block < 0 ? "/Artifact << /Type /Pagination /Subtype /Footer >> BDC\n"
                               : "/Artifact << /Type /Pagination >> BDC\n";
    } else if (element >= 0) {
        std::vector<int>& parents = parents_[page];
        const int mcid = static_cast<int>(parents.size());
        parents.push_back(element);
        Element& e = elements_[static_cast<std::size_t>(element)];
        e.marks.emplace_back(page, mcid);
        c += "/" + e.type + " << /MCID " + std::to_string(mcid) + " >> BDC\n";
    } else {
        complete_ = false;  // drawn as content of no element
    }
}

void Structure::close(std::string& c) {
    if (open_ >= -1) c += "EMC\n";
    open_ = -3;
}

int Structure::write(ObjectWriter& w, const std::vector<int>& page_ids) const {
    const int root = w.reserve();
    std::vector<int> ids(elements_.size());
    for (int& id : ids) id = w.reserve();
    // /Type /StructElem is optional and left out: a table of many cells has many elements.
    for (std::size_t i = 0; i < elements_.size(); ++i) {
        const Element& e = elements_[i];
        std::string d =
            "<< /S /" + e.type + " /P " + ref(e.parent < 0 ? root : ids[static_cast<std::size_t>(e.parent)]);
        const std::size_t page = e.marks.empty() ? 0 : e.marks.front().first;
        if (!e.marks.empty()) d += " /Pg " + ref(page_ids[page]);
        std::string kids;
        for (int k : e.kids) {
            // A table's caption without text, and nothing else, is left out.
            if (elements_[static_cast<std::size_t>(k)].type == "Caption" &&
                elements_[static_cast<std::size_t>(k)].marks.empty())
                continue;
            kids += (kids.empty() ? "" : " ") + ref(ids[static_cast<std::size_t>(k)]);
        }
        for (const auto& [p, mcid] : e.marks) {
            if (!kids.empty()) kids += ' ';
            kids += p == page ? std::to_string(mcid)
                              : "<< /Type /MCR /Pg " + ref(page_ids[p]) + " /MCID " + std::to_string(mcid) + " >>";
        }
        if (!kids.empty()) d += " /K [" + kids + "]";
        w.object(ids[i], d + e.attributes + " >>");
    }
    std::string nums;
    for (std::size_t p = 0; p < parents_.size(); ++p) {
        nums += (p ? " " : "") + std::to_string(p) + " [";
        for (std::size_t k = 0; k < parents_[p].size(); ++k)
            nums += (k ? " " : "") + ref(ids[static_cast<std::size_t>(parents_[p][k])]);
        nums += "]";
    }
    // The document's own types as the standard ones a reader knows.
    w.object(root, "<< /Type /StructTreeRoot /K [" + ref(ids[0]) + "] /ParentTree << /Nums [" + nums +
                       "] >> /ParentTreeNextKey " + std::to_string(parents_.size()) +
                       " /RoleMap << /Title /H1 /Signature /Div >> >>");
    return root;
}

// The spacing, in points, that most glyphs of `run` have after them beyond their advance (the
// grid's character spacing: 28 characters of 16 pt in a 156 mm line): written once as the text
// state's character spacing (Tc), it spares every such glyph an adjustment of its own in the TJ
// array. Only a tightening (≤ 0): text extractors take Tc as part of each glyph's width, so a
// gap that spreads a cell's characters stays an adjustment, which they read as the gap it is.
// `current` is kept when it fits as many glyphs as any other spacing does (nothing to write).
double run_spacing(const TextRun& run, const UsedFace& use, double current) {
    const auto bin = [](double gap) { return std::llround(gap * 1e4); };  // 0.0001 pt wide
    struct Bin {
        long long key;
        int count;
        double gap;  // one gap in it
    };
    std::vector<Bin> bins;  // a handful: a line has one spacing, its punctuation another
    for (std::size_t i = 1; i < run.glyphs.size(); ++i) {
        const PlacedGlyph& a = run.glyphs[i - 1];
        const PlacedGlyph& b = run.glyphs[i];
        if (std::abs(a.y - b.y) > 1e-6) continue;  // a new line: placed by its own Tm
        const double gap = b.x - a.x - use.use(a.index).width * run.size / 1000;
        if (gap > 1e-6) continue;
        const long long key = bin(gap);
        const auto it = std::find_if(bins.begin(), bins.end(), [&](const Bin& x) { return x.key == key; });
        if (it == bins.end())
            bins.push_back({key, 1, gap});
        else
            ++it->count;
    }
    // The spacing of the most glyphs; on a tie the current one, else the smaller spacing.
    const long long kept = bin(current);
    int best = 0;
    for (const Bin& x : bins)
        if (x.key == kept) best = x.count;
    double spacing = current;
    bool chosen = false;
    long long chosen_key = 0;
    for (const Bin& x : bins)
        if (x.count > best || (chosen && x.count == best && x.key < chosen_key))
            best = x.count, chosen = true, chosen_key = x.key, spacing = std::round(x.gap * 1e6) / 1e6;
    return spacing;
}

// One page's drawing: text runs at the positions the layout computed, then rules and boxes,
// each run marked as its structure element's content or as an artifact.
std::string page_content(const Page& page, const std::map<int, UsedFace>& used, Structure& structure,
                         std::size_t page_index) {
    using geometry::page_height;
    std::string c;
    c.reserve(page.runs.size() * 256);
    if (!page.runs.empty()) c += "BT\n";
    int face = -1;
    double size = -1;
    double spacing = 0;  // the text state's character spacing (Tc), 0 where a page begins
    for (const TextRun& run : page.runs) {
        if (run.glyphs.empty()) continue;
        const UsedFace& use = used.at(run.face);
        structure.run(c, page_index, run);
        if (run.face != face || run.size != size) {
            face = run.face, size = run.size;
            c += "/F" + std::to_string(face) + " ";
            put_num(c, size);
            c += " Tf\n";
        }
        if (const double tc = run_spacing(run, use, spacing); tc != spacing) {
            spacing = tc;
            put_num(c, spacing, kPlace);
            c += " Tc\n";
        }
        bool open = false, in_hex = false;
        double pen = 0, y = 0;  // where the next glyph lands if no adjustment is written
        std::size_t at = 0;     // the glyph's characters in run.utf8
        for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
            const PlacedGlyph& g = run.glyphs[i];
            const std::size_t bytes = i < run.cluster_bytes.size() ? static_cast<std::size_t>(run.cluster_bytes[i]) : 0;
            const std::string_view chars = std::string_view(run.utf8).substr(std::min(at, run.utf8.size()), bytes);
            at += bytes;
            // A glyph that stands for other characters here than where the ToUnicode map took it
            // from (一 and the radical ⼀, · and ・ share glyphs) says what it stands for here.
            const GlyphUse& glyph = use.use(g.index);
            const bool actual = chars != *glyph.text;
            if (actual) {
                if (open) c += in_hex ? ">] TJ\n" : "] TJ\n";
                c += "/Span << /ActualText " + text_string(chars) + " >> BDC\n";
                open = false;
            }
            if (!open || std::abs(g.y - y) > 1e-6) {
                if (open) c += in_hex ? ">] TJ\n" : "] TJ\n";
                c += "1 0 0 1 ";
                put_num(c, g.x, kPlace);
                c += ' ';
                put_num(c, page_height - g.y, kPlace);
                c += " Tm\n[";
                open = true, in_hex = false, y = g.y;
                pen = std::round(g.x * 1e6) / 1e6;
            } else {
                const double adjust = std::round((pen - g.x) * 1000 / size * 1000) / 1000;
                if (adjust != 0) {
                    if (in_hex) c += '>', in_hex = false;
                    put_num(c, adjust);
                    pen -= adjust * size / 1000;
                }
            }
            if (!in_hex) c += '<', in_hex = true;
            put_hex4(c, glyph.code);
            pen += glyph.width * size / 1000 + spacing;
            if (actual) {
                c += ">] TJ\nEMC\n";
                open = false;
            }
        }
        if (open) c += in_hex ? ">] TJ\n" : "] TJ\n";
    }
    structure.close(c);
    if (!page.runs.empty()) c += "ET\n";
    if (!page.strokes.empty() || !page.boxes.empty()) Structure::begin_artifact(c);
    if (!page.strokes.empty()) {
        // Square caps close the corners where a table's rules meet.
        c += num(geometry::rule_width) + " w 2 J\n";
        for (const Stroke& s : page.strokes) {
            put_num(c, s.x0, kPlace), c += ' ', put_num(c, page_height - s.y0, kPlace), c += " m ";
            put_num(c, s.x1, kPlace), c += ' ', put_num(c, page_height - s.y1, kPlace), c += " l\n";
        }
        c += "S\n";
    }
    if (!page.boxes.empty()) {
        c += num(geometry::rule_width) + " w 0 J\n";
        for (const Box& b : page.boxes) {
            put_num(c, b.x, kPlace), c += ' ', put_num(c, page_height - b.y - b.h, kPlace), c += ' ';
            put_num(c, b.w, kPlace), c += ' ', put_num(c, b.h, kPlace), c += " re\n";
        }
        c += "S\n";
    }
    if (!page.strokes.empty() || !page.boxes.empty()) Structure::end_artifact(c);
    return c;
}

// Six capital letters naming a subset, from what it holds: equal subsets, equal names.
std::string subset_tag(const fonts::FontFile& file, const UsedFace& used) {
    std::string key = file.path() + ":" + std::to_string(file.index());
    for (const auto& [glyph, text] : used.text) key += "," + std::to_string(glyph);
    const std::string digest = sha256_hex(key);
    std::string tag;
    for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + std::stoi(digest.substr(2 * i, 2), nullptr, 16) % 26);
    return tag;
}

// The ToUnicode map. Codes that follow one another (a subset numbers its glyphs without gaps)
// go into one bfrange with an array of their texts, as long as its two ends differ only in their
// last byte, as the CMap format asks; a code alone goes into a bfchar. 100 entries a section.
std::string to_unicode_cmap(const std::map<unsigned, std::string>& by_code) {
    std::string m =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    struct Run {
        unsigned first = 0;
        std::vector<const std::string*> texts;
    };
    std::vector<Run> singles, ranges;
    Run run;
    const auto close = [&] {
        if (!run.texts.empty()) (run.texts.size() == 1 ? singles : ranges).push_back(std::move(run));
        run = Run{};
    };
    for (const auto& [code, text] : by_code) {
        if (text.empty()) continue;
        if (run.texts.empty() || code != run.first + run.texts.size() || (code >> 8) != (run.first >> 8)) {
            close();
            run.first = code;
        }
        run.texts.push_back(&text);
    }
    close();
    const auto put_text = [&m](const std::string& text) {
        m += '<';
        for (std::size_t pos = 0; pos < text.size();) put_utf16(m, next_code_point(text, pos));
        m += '>';
    };
    for (std::size_t i = 0; i < singles.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, singles.size() - i);
        m += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            m += '<';
            put_hex4(m, singles[k].first);
            m += "> ";
            put_text(*singles[k].texts[0]);
            m += '\n';
        }
        m += "endbfchar\n";
    }
    for (std::size_t i = 0; i < ranges.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
        m += std::to_string(n) + " beginbfrange\n";
        for (std::size_t k = i; k < i + n; ++k) {
            const Run& r = ranges[k];
            m += '<';
            put_hex4(m, r.first);
            m += "> <";
            put_hex4(m, r.first + static_cast<unsigned>(r.texts.size()) - 1);
            m += "> [";
            for (std::size_t t = 0; t < r.texts.size(); ++t) {
                if (t) m += ' ';
                put_text(*r.texts[t]);
            }
            m += "]\n";
        }
        m += "endbfrange\n";
    }
    return m + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

// `deflate_map` compresses the ToUnicode map, `deflate_program` the font program.
void write_font(ObjectWriter& w, Deflater& deflate_map, Deflater& deflate_program, const fonts::FontFile& file,
                const UsedFace& used) {
    const fonts::Subset& subset = used.subset;
    std::map<unsigned, std::string> by_code;
    std::map<unsigned, double> widths;  // by code (CID)
    for (const auto& [glyph, text] : used.text) {
        by_code.emplace(subset.code(glyph), text);
        widths.emplace(subset.code(glyph), width_1000(file, glyph));
    }
    const bool cff = subset.outlines == fonts::Outlines::cff;
    const std::string name = "/" + subset_tag(file, used) + "+" + file.postscript_name();
    const double scale = 1000.0 / file.units_per_em();
    const fonts::FaceMetrics& fm = file.metrics();
    const int cid_font = w.reserve(), descriptor = w.reserve(), program = w.reserve(), to_unicode = w.reserve();
    w.object(used.type0, "<< /Type /Font /Subtype /Type0 /BaseFont " + name +
                             " /Encoding /Identity-H /DescendantFonts [" + ref(cid_font) + "] /ToUnicode " +
                             ref(to_unicode) + " >>");
    // The most common width is the default (/DW: 1000 for a CJK font's full-width glyphs); the
    // width array lists the others, runs of consecutive codes together.
    std::map<double, std::size_t> frequency;
    for (const auto& [code, width] : widths) ++frequency[width];
    double common = 1000;
    std::size_t most = 0;
    for (const auto& [width, n] : frequency)  // poppler reads /DW only as an integer
        if (n > most && width == std::floor(width)) common = width, most = n;
    std::string wa = "[";
    for (auto it = widths.begin(); it != widths.end();) {
        if (it->second == common) {
            ++it;
            continue;
        }
        wa += std::to_string(it->first) + " [";
        unsigned next = it->first;
        bool first = true;
        for (; it != widths.end() && it->first == next && it->second != common; ++it, ++next) {
            if (!first) wa += ' ';
            put_num(wa, it->second);
            first = false;
        }
        wa += "] ";
    }
    if (wa.back() == ' ') wa.pop_back();
    wa += "]";
    w.object(cid_font,
             std::string("<< /Type /Font /Subtype /") + (cff ? "CIDFontType0" : "CIDFontType2") + " /BaseFont " + name +
                 " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
                 ref(descriptor) + " /DW " + num(common) + " /W " + wa + (cff ? "" : " /CIDToGIDMap /Identity") +
                 " >>");
    const double ascent = fm.ascent * scale, descent = fm.descent * scale;
    w.object(descriptor, "<< /Type /FontDescriptor /FontName " + name + " /Flags 4 /FontBBox [" +
                             num(fm.x_min * scale) + " " + num(fm.y_min * scale) + " " + num(fm.x_max * scale) + " " +
                             num(fm.y_max * scale) + "] /ItalicAngle 0 /Ascent " + num(ascent) + " /Descent " +
                             num(descent) + " /CapHeight " + num(fm.cap_height ? fm.cap_height * scale : ascent) +
                             " /StemV 80 " + (cff ? "/FontFile3 " : "/FontFile2 ") + ref(program) + " >>");
    if (cff)
        w.stream(program, " /Subtype /CIDFontType0C", subset.cff, &deflate_program);
    else
        w.stream(program, " /Length1 " + std::to_string(subset.font.size()), subset.font, &deflate_program);
    w.stream(to_unicode, "", to_unicode_cmap(by_code), &deflate_map);
}

// The outline: bookmarks nest by level; a level without a parent above it hangs from the
// nearest shallower one (or the top). Every item open.
int write_outline(ObjectWriter& w, const std::vector<Bookmark>& bookmarks, const std::vector<int>& pages) {
    struct Item {
        int id = 0, parent = -1;
        std::vector<int> kids;
        int descendants = 0;
    };
    std::vector<Item> items(bookmarks.size() + 1);  // items[0]: the outline's root
    items[0].id = w.reserve();
    std::array<int, 4> last{};  // the latest item of each level (0: none)
    for (std::size_t i = 0; i < bookmarks.size(); ++i) {
        const int level = std::clamp(bookmarks[i].level, 1, 3);
        int parent = 0;
        for (int l = level - 1; l >= 1; --l)
            if (last[static_cast<std::size_t>(l)]) {
                parent = last[static_cast<std::size_t>(l)];
                break;
            }
        const int me = static_cast<int>(i + 1);
        items[static_cast<std::size_t>(me)].id = w.reserve();
        items[static_cast<std::size_t>(me)].parent = parent;
        items[static_cast<std::size_t>(parent)].kids.push_back(me);
        for (int p = parent; p >= 0; p = items[static_cast<std::size_t>(p)].parent)
            ++items[static_cast<std::size_t>(p)].descendants;
        last[static_cast<std::size_t>(level)] = me;
        for (std::size_t l = static_cast<std::size_t>(level) + 1; l < last.size(); ++l) last[l] = 0;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        std::string d = i == 0 ? "<< /Type /Outlines"
                               : "<< /Title " + text_string(bookmarks[i - 1].title) + " /Parent " +
                                     ref(items[static_cast<std::size_t>(it.parent)].id);
        if (i > 0) {
            const auto& siblings = items[static_cast<std::size_t>(it.parent)].kids;
            const auto at = std::find(siblings.begin(), siblings.end(), static_cast<int>(i)) - siblings.begin();
            if (at > 0)
                d += " /Prev " + ref(items[static_cast<std::size_t>(siblings[static_cast<std::size_t>(at - 1)])].id);
            if (at + 1 < static_cast<long>(siblings.size()))
                d += " /Next " + ref(items[static_cast<std::size_t>(siblings[static_cast<std::size_t>(at + 1)])].id);
            const Bookmark& b = bookmarks[i - 1];
            const std::size_t page = std::min(b.page, pages.size() - 1);
            d += " /Dest [" + ref(pages[page]) + " /XYZ 0 " + num(geometry::page_height - b.y, kPlace) + " 0]";
        }
        if (!it.kids.empty())
            d += " /First " + ref(items[static_cast<std::size_t>(it.kids.front())].id) + " /Last " +
                 ref(items[static_cast<std::size_t>(it.kids.back())].id) + " /Count " + std::to_string(it.descendants);
        w.object(it.id, d + " >>");
    }
    return items[0].id;
}

// The sRGB profile compressed once per process, as srgb_profile() is read once.
const std::string& packed_srgb_profile() {
    static const std::string packed(Deflater().zlib(srgb_profile()));
    return packed;
}

std::string info_dictionary(const Archive& a) {
    std::string d = "<<";
    if (!a.title.empty()) d += " /Title " + text_string(a.title);
    if (!a.author.empty()) d += " /Author " + text_string(a.author);
    if (!a.subject.empty()) d += " /Subject " + text_string(a.subject);
    if (!a.keywords.empty()) d += " /Keywords " + text_string(a.keywords);
    d += " /Creator " + text_string(a.creator) + " /Producer " + text_string(a.producer);
    if (!a.date_pdf.empty()) d += " /CreationDate " + literal(a.date_pdf) + " /ModDate " + literal(a.date_pdf);
    return d + " >>";
}

}  // namespace

std::string write_direct(const Layout& layout, const FontSet& fonts, const Archive& archive, const Budget& budget,
                         std::string* identification, WriteTimes* times) {
    if (layout.pages.empty()) throw std::logic_error("a laid-out document has at least one page");
    Deflater deflate(kDeflateLevel, times ? &times->compression : nullptr);
    ObjectWriter w(deflate);
    Deflater deflate_program(kFontProgramLevel, times ? &times->compression : nullptr, Engine::isal);
    Deflater deflate_content(kContentLevel, times ? &times->compression : nullptr);
    const int catalog = w.reserve(), pages_id = w.reserve();
    const double subsetting = times ? thread_cpu_seconds() : 0;
    std::map<int, UsedFace> used = collect_faces(layout);
    for (auto& [face, u] : used) {
        u.type0 = w.reserve();
        std::vector<unsigned> glyphs;
        for (const auto& [glyph, text] : u.text) glyphs.push_back(glyph);
        u.subset = fonts.face(face).file().subset(glyphs);
        u.index(fonts.face(face).file());
    }
    if (times) times->subsetting += thread_cpu_seconds() - subsetting;

    std::vector<int> page_ids;
    std::string kids;
    Structure structure(layout);
    const std::string media_box =
        " /MediaBox [0 0 " + num(geometry::page_width, kPlace) + " " + num(geometry::page_height, kPlace) + "]";
    for (const Page& page : layout.pages) {
        budget.check_time();
        const std::size_t index = page_ids.size();
        const int id = w.reserve(), content = w.reserve();
        page_ids.push_back(id);
        kids += (kids.empty() ? "" : " ") + ref(id);
        std::set<int> faces;
        for (const TextRun& run : page.runs) faces.insert(run.face);
        std::string resources = " /Resources <<";
        if (!faces.empty()) {
            resources += " /Font <<";
            for (int f : faces) resources += " /F" + std::to_string(f) + " " + ref(used.at(f).type0);
            resources += " >>";
        }
        resources += " >>";
        w.stream(content, "", page_content(page, used, structure, index), &deflate_content);
        w.object(id, "<< /Type /Page /Parent " + ref(pages_id) + media_box + resources + " /Contents " + ref(content) +
                         " /StructParents " + std::to_string(index) + " >>");
    }
    w.object(pages_id, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(layout.pages.size()) + " >>");
    for (const auto& [face, u] : used) write_font(w, deflate_content, deflate_program, fonts.face(face).file(), u);

    std::string cat = "<< /Type /Catalog /Pages " + ref(pages_id);
    if (!layout.bookmarks.empty())
        cat += " /Outlines " + ref(write_outline(w, layout.bookmarks, page_ids)) + " /PageMode /UseOutlines";
    cat += " /MarkInfo << /Marked true >> /StructTreeRoot " + ref(structure.write(w, page_ids));
    // Level A (accessible) when every run drawn is tagged content or an artifact.
    Archive earned = archive;
    earned.accessible = structure.complete();
    if (identification)
        *identification = std::string("PDF/A-") + (archive.conformance == PdfConformance::a3b ? "3" : "2") +
                          (earned.accessible ? "a" : "b");
    const int metadata = w.reserve();
    w.stream(metadata, " /Type /Metadata /Subtype /XML", xmp_packet(earned), nullptr);  // PDF/A: unfiltered
    const int profile = w.reserve(), intent = w.reserve();
    w.packed_stream(profile, " /N 3", packed_srgb_profile(), true);
    w.object(intent,
             "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB "
             "IEC61966-2.1) /DestOutputProfile " +
                 ref(profile) + " >>");
    cat += " /Metadata " + ref(metadata) + " /OutputIntents [" + ref(intent) + "]";
    cat += " /PageLabels << /Nums [0 << /S /D >>] >> /Lang " + literal(archive.lang) +
           " /ViewerPreferences << /DisplayDocTitle true >>";
    if (archive.conformance == PdfConformance::a3b) {
        // PDF/A-3: the source as an associated file with its relationship, MIME type and date.
        const int file = w.reserve(), spec = w.reserve();
        std::string params = " /Params << /Size " + std::to_string(archive.xml.size());
        if (!archive.date_pdf.empty()) params += " /ModDate " + literal(archive.date_pdf);
        w.stream(file, " /Type /EmbeddedFile /Subtype /text#2Fxml" + params + " >>", archive.xml, &deflate);
        w.object(spec, "<< /Type /Filespec /F " + literal(archive.xml_name) + " /UF " + text_string(archive.xml_name) +
                           " /Desc (gongwen native XML of this document \\(urn:gongwen:document:1\\)) /AFRelationship "
                           "/Source /EF << /F " +
                           ref(file) + " /UF " + ref(file) + " >> >>");
        cat += " /AF [" + ref(spec) + "] /Names << /EmbeddedFiles << /Names [" + literal(archive.xml_name) + " " +
               ref(spec) + "] >> >>";
    }
    // The catalog and the Info dictionary stay at the top level, outside the object streams.
    w.outside(catalog, cat + " >>");
    const int info = w.reserve();
    w.outside(info, info_dictionary(archive));
    return w.finish(catalog, info);
}

}  // namespace gongwen::pdf
