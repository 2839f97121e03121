// Text on grid lines: shaping characters into glyphs of a role's font chain, and drawing broken
// lines with their squeezed punctuation and justification.
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>

#include "gongwen/unicode.hpp"
#include "layout/layout_internal.hpp"

namespace gongwen::layout {

namespace {

// Format and other invisible characters (ZWSP, ZWJ, variation selectors, BOM, controls) have
// no glyph to draw and must neither take space nor count as missing.
bool invisible(char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || (u_iscntrl(c) && cp != U'\t');
}

std::string code_point_label(char32_t cp) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    return std::string(hex) + " " + utf8_of(cp);
}

}  // namespace

Shaper::Shaped Shaper::shape(std::u32string_view text, Role role, bool record) {
    Shaped s;
    s.tag = tag_;
    s.text.assign(text.begin(), text.end());
    s.glyphs.resize(text.size());
    s.widths.resize(text.size(), 0);
    bool block_noted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i] == U'\t' ? U' ' : text[i];
        s.text[i] = cp;
        const auto [known, fresh] =
            resolved_.try_emplace((static_cast<std::uint32_t>(role) << 24) | static_cast<std::uint32_t>(cp));
        if (fresh) {
            Resolved& r = known->second;
            r.invisible = invisible(cp);
            if (!r.invisible) r.glyph = fonts_.resolve(cp, role);
            r.width = full_width(cp) || !r.glyph.found() ? 1.0 : r.glyph.advance;
        }
        if (known->second.invisible) continue;
        const Glyph g = known->second.glyph;
        s.glyphs[i] = g;
        s.widths[i] = known->second.width;
        if (!g.found() && record) {
            ++missing_[cp];
            if (!block_noted && (missing_spans_.empty() || !(missing_spans_.back() == block_span_)))
                missing_spans_.push_back(block_span_);
            block_noted = true;
        }
    }
    return s;
}

void Shaper::draw(FlowLine& out, const Shaped& shaped, const LineSpan& line, const TextStyle& style, double x,
                  double baseline) const {
    double pen = x;
    std::size_t run = out.runs.size();  // no open run yet
    for (std::size_t k = line.begin; k < line.end; ++k) {
        const char32_t cp = shaped.text[k];
        const Glyph& g = shaped.glyphs[k];
        double w = shaped.widths[k];
        double shift = 0;
        if (line.squeeze > 0 && squeezes(shaped.text, k, line.begin)) {
            w -= line.squeeze;
            // Opening brackets and quotes have their ink in the right half: the left half goes.
            if (forbidden_at_line_end(cp)) shift = -line.squeeze * style.em;
        }
        if (g.found()) {
            if (run >= out.runs.size() || out.runs[run].face != g.face) {
                out.runs.push_back(TextRun{g.face, style.size, {}, {}, {}, shaped.tag});
                run = out.runs.size() - 1;
            }
            TextRun& r = out.runs[run];
            r.glyphs.push_back(PlacedGlyph{g.index, pen + shift, baseline});
            const std::string bytes = utf8_of(cp);
            r.utf8 += bytes;
            r.cluster_bytes.push_back(static_cast<int>(bytes.size()));
        } else if (w > 0) {
            const double side = style.size * 0.8;
            out.boxes.push_back(Box{pen + (w * style.em - side) / 2, baseline - side * 0.9, side, side,
                                    Tag{Tag::Part::artifact, shaped.tag.block, shaped.tag.cell}});
            run = out.runs.size();
        }
        pen += w * style.em;
        if (k + 1 < line.end && stretchable_gap(cp, shaped.text[k + 1])) pen += line.stretch * style.em;
    }
}

double adjusted_width(const Shaper::Shaped& shaped, const LineSpan& line) {
    double w = line.natural;
    for (std::size_t k = line.begin; k < line.end; ++k) {
        if (line.squeeze > 0 && squeezes(shaped.text, k, line.begin)) w -= line.squeeze;
        if (k + 1 < line.end && stretchable_gap(shaped.text[k], shaped.text[k + 1])) w += line.stretch;
    }
    return w;
}

std::vector<FlowLine> Shaper::paragraph(std::u32string_view text, const TextStyle& style, double x, double width,
                                        double indent, double hanging, Align align) {
    const Shaped shaped = shape(text, style.role);
    std::vector<LineSpan> lines = break_lines(shaped.text, shaped.widths, {width - indent, width - hanging});
    if (align == Align::center_single) align = lines.size() == 1 ? Align::center : Align::justify;
    std::vector<FlowLine> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        LineSpan& line = lines[i];
        if (align != Align::justify) line.stretch = 0;
        const double start = i == 0 ? indent : hanging;
        double lx = x + start * style.em;
        if (align == Align::center) lx = x + (width - adjusted_width(shaped, line)) / 2 * style.em;
        if (align == Align::right) lx = x + (width - adjusted_width(shaped, line)) * style.em;
        FlowLine& fl = out.emplace_back();
        draw(fl, shaped, line, style, lx, ascent(style));
    }
    return out;
}

std::optional<Diagnostic> Shaper::missing_diagnostic() const {
    if (missing_.empty()) return std::nullopt;
    std::size_t count = 0;
    std::string which;
    std::size_t listed = 0;
    for (const auto& [cp, n] : missing_) {
        count += n;
        if (listed++ < 12)
            which += (which.empty() ? "" : ", ") + code_point_label(cp) + (n > 1 ? " ×" + std::to_string(n) : "");
    }
    if (missing_.size() > 12) which += ", …";
    return Diagnostic{"glyph_missing", count,
                      std::to_string(count) + " character" + (count == 1 ? "" : "s") + " in no available font (" +
                          which + ") left out of the PDF text, each marked by an empty box",
                      missing_spans_};
}

}  // namespace gongwen::layout
