// A TrueType font's subset for a PDF (FontFile2), without HarfBuzz's subsetter: HarfBuzz plans
// every subset from the whole font (its cmap, its layout tables), ~1.7 ms for one of AR PL
// UMing's 30,000-glyph faces however few glyphs a document takes from it; a PDF needs only the
// outlines and their metrics, which are copied here.
#include <hb-ot.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "layout/font_layer.hpp"

namespace gongwen::fonts {

namespace {

constexpr hb_tag_t kGlyf = HB_TAG('g', 'l', 'y', 'f');
constexpr hb_tag_t kLoca = HB_TAG('l', 'o', 'c', 'a');
constexpr hb_tag_t kHead = HB_TAG('h', 'e', 'a', 'd');
constexpr hb_tag_t kHhea = HB_TAG('h', 'h', 'e', 'a');
constexpr hb_tag_t kHmtx = HB_TAG('h', 'm', 't', 'x');
constexpr hb_tag_t kMaxp = HB_TAG('m', 'a', 'x', 'p');

// Composite glyph component flags (OpenType 'glyf').
constexpr unsigned kArgsAreWords = 0x0001;
constexpr unsigned kHaveScale = 0x0008;
constexpr unsigned kMoreComponents = 0x0020;
constexpr unsigned kHaveXYScale = 0x0040;
constexpr unsigned kHaveTwoByTwo = 0x0080;
constexpr unsigned kHaveInstructions = 0x0100;

struct Malformed {};  // the font's tables are not as the format says: HarfBuzz's turn

unsigned u16(std::string_view b, std::size_t at) {
    if (at + 2 > b.size()) throw Malformed{};
    return (static_cast<unsigned char>(b[at]) << 8) | static_cast<unsigned char>(b[at + 1]);
}

std::uint32_t u32(std::string_view b, std::size_t at) { return (std::uint32_t{u16(b, at)} << 16) | u16(b, at + 2); }

void put16(std::string& b, std::size_t at, unsigned v) {
    b[at] = static_cast<char>((v >> 8) & 0xFF);
    b[at + 1] = static_cast<char>(v & 0xFF);
}

void append16(std::string& b, unsigned v) {
    b += static_cast<char>((v >> 8) & 0xFF);
    b += static_cast<char>(v & 0xFF);
}

struct Table {
    HbBlobPtr blob;
    std::string_view bytes;
};

Table table(hb_face_t* face, hb_tag_t tag) {
    Table t{HbBlobPtr(hb_face_reference_table(face, tag)), {}};
    unsigned length = 0;
    const char* data = hb_blob_get_data(t.blob.get(), &length);
    if (length) t.bytes = std::string_view(data, length);
    return t;
}

// Where each component's glyph index stands in a composite glyph, and where its components end.
struct Components {
    std::vector<std::size_t> index_at;
    std::size_t end = 0;
    bool instructions = false;
};

Components components(std::string_view glyph) {
    Components c;
    std::size_t at = 10;  // after numberOfContours and the bounding box
    for (unsigned flags = kMoreComponents; flags & kMoreComponents;) {
        flags = u16(glyph, at);
        c.index_at.push_back(at + 2);
        at += 4 + ((flags & kArgsAreWords) ? 4 : 2);
        if (flags & kHaveScale)
            at += 2;
        else if (flags & kHaveXYScale)
            at += 4;
        else if (flags & kHaveTwoByTwo)
            at += 8;
        c.instructions = c.instructions || (flags & kHaveInstructions);
        if (at > glyph.size()) throw Malformed{};
    }
    c.end = at;
    return c;
}

// One glyph's outline without its hinting instructions (no renderer of archives hints, and
// HarfBuzz's subsets left them out too), composite glyphs pointing at the subset's indices.
std::string outline(std::string_view glyph, const std::vector<unsigned>& order) {
    if (glyph.empty()) return {};
    const int contours = static_cast<std::int16_t>(u16(glyph, 0));
    if (contours >= 0) {
        const std::size_t ends = 10 + 2 * static_cast<std::size_t>(contours);
        const std::size_t instructions = u16(glyph, ends);
        if (ends + 2 + instructions > glyph.size()) throw Malformed{};
        std::string out(glyph.substr(0, ends));
        append16(out, 0);
        out.append(glyph.substr(ends + 2 + instructions));
        return out;
    }
    const Components c = components(glyph);
    std::string out(glyph.substr(0, c.end));
    for (std::size_t at : c.index_at) {
        const auto it = std::lower_bound(order.begin(), order.end(), u16(glyph, at));
        put16(out, at, static_cast<unsigned>(it - order.begin()));
        put16(out, at - 2, u16(glyph, at - 2) & ~kHaveInstructions);
    }
    return out;
}

}  // namespace

std::optional<std::string> subset_truetype(hb_face_t* face, const std::vector<unsigned>& glyphs,
                                           std::map<unsigned, unsigned>& mapped) {
    const Table glyf = table(face, kGlyf), loca = table(face, kLoca), head = table(face, kHead),
                hhea = table(face, kHhea), hmtx = table(face, kHmtx), maxp = table(face, kMaxp);
    if (glyf.bytes.empty() || head.bytes.size() < 54 || hhea.bytes.size() < 36 || maxp.bytes.size() < 6)
        return std::nullopt;
    try {
        const unsigned count = u16(maxp.bytes, 4);
        const bool long_loca = u16(head.bytes, 50) != 0;
        const auto offset = [&](unsigned g) -> std::size_t {
            return long_loca ? u32(loca.bytes, 4 * std::size_t{g})
                             : 2 * std::size_t{u16(loca.bytes, 2 * std::size_t{g})};
        };
        const auto glyph = [&](unsigned g) {
            const std::size_t begin = offset(g), end = offset(g + 1);
            if (begin > end || end > glyf.bytes.size()) throw Malformed{};
            return glyf.bytes.substr(begin, end - begin);
        };
        // The glyphs, .notdef and every composite's components, in the font's order.
        std::set<unsigned> keep;
        std::vector<unsigned> pending(glyphs.begin(), glyphs.end());
        pending.push_back(0);
        while (!pending.empty()) {
            const unsigned g = pending.back();
            pending.pop_back();
            if (g >= count) throw Malformed{};
            if (!keep.insert(g).second) continue;
            const std::string_view data = glyph(g);
            if (data.size() >= 10 && static_cast<std::int16_t>(u16(data, 0)) < 0)
                for (std::size_t at : components(data).index_at)
                    if (const unsigned part = u16(data, at); !keep.contains(part)) pending.push_back(part);
        }
        const std::vector<unsigned> order(keep.begin(), keep.end());

        std::string new_glyf, new_loca, new_hmtx;
        std::vector<std::size_t> offsets;
        const unsigned metrics = u16(hhea.bytes, 34);
        if (metrics == 0) throw Malformed{};
        for (unsigned g : order) {
            offsets.push_back(new_glyf.size());
            new_glyf += outline(glyph(g), order);
            new_glyf.resize((new_glyf.size() + 3) & ~std::size_t{3});  // 4-byte aligned
            const unsigned m = std::min(g, metrics - 1);
            append16(new_hmtx, u16(hmtx.bytes, 4 * std::size_t{m}));
            append16(new_hmtx, g < metrics ? u16(hmtx.bytes, 4 * std::size_t{g} + 2)
                                           : u16(hmtx.bytes, 4 * std::size_t{metrics} + 2 * std::size_t{g - metrics}));
        }
        offsets.push_back(new_glyf.size());
        for (std::size_t o : offsets) {
            append16(new_loca, static_cast<unsigned>(o >> 16));
            append16(new_loca, static_cast<unsigned>(o & 0xFFFF));
        }
        std::string new_head(head.bytes), new_hhea(hhea.bytes), new_maxp(maxp.bytes);
        put16(new_head, 8, 0), put16(new_head, 10, 0);  // checkSumAdjustment: not computed
        put16(new_head, 50, 1);                         // long loca offsets
        put16(new_hhea, 34, static_cast<unsigned>(order.size()));
        put16(new_maxp, 4, static_cast<unsigned>(order.size()));

        const HbFacePtr font(hb_face_builder_create());
        const auto add = [&](hb_tag_t tag, const std::string& bytes) {
            const HbBlobPtr blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()),
                                                HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
            hb_face_builder_add_table(font.get(), tag, blob.get());
        };
        add(kGlyf, new_glyf), add(kLoca, new_loca), add(kHead, new_head);
        add(kHhea, new_hhea), add(kHmtx, new_hmtx), add(kMaxp, new_maxp);
        const HbBlobPtr out(hb_face_reference_blob(font.get()));
        unsigned length = 0;
        const char* data = hb_blob_get_data(out.get(), &length);
        if (length == 0) return std::nullopt;
        for (unsigned g : glyphs)
            mapped[g] = static_cast<unsigned>(std::lower_bound(order.begin(), order.end(), g) - order.begin());
        return std::string(data, length);
    } catch (const Malformed&) {
        return std::nullopt;
    }
}

}  // namespace gongwen::fonts
