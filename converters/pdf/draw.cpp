// Drawing laid-out pages on cairo's PDF surface. cairo embeds each face as a subset (CFF or
// TrueType) with a ToUnicode map built from the clusters we pass, so text extracts exactly.
#include "converters/pdf/draw.hpp"

#include <stdexcept>

#include "gongwen/limits.hpp"

namespace gongwen::pdf {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(std::string("cairo: ") + what + ": " + cairo_status_to_string(status));
}

void draw_run(cairo_t* cr, const TextRun& run, const FontSet& fonts) {
    cairo_set_scaled_font(cr, fonts.face(run.face).scaled(run.size));
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const PlacedGlyph& g : run.glyphs) glyphs.push_back(cairo_glyph_t{g.index, g.x, g.y});
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.cluster_bytes.size());
    for (int bytes : run.cluster_bytes) clusters.push_back(cairo_text_cluster_t{bytes, 1});
    cairo_show_text_glyphs(cr, run.utf8.data(), static_cast<int>(run.utf8.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                           cairo_text_cluster_flags_t{});
}

void draw_page(cairo_t* cr, const Page& page, const FontSet& fonts) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const TextRun& run : page.runs) draw_run(cr, run, fonts);
    if (!page.strokes.empty()) {
        // Square caps close the corners where a table's rules meet.
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE);
        cairo_set_line_width(cr, geometry::rule_width);
        for (const Stroke& s : page.strokes) {
            cairo_move_to(cr, s.x0, s.y0);
            cairo_line_to(cr, s.x1, s.y1);
        }
        cairo_stroke(cr);
    }
    if (!page.boxes.empty()) {
        cairo_set_line_width(cr, geometry::rule_width);
        for (const Box& b : page.boxes) cairo_rectangle(cr, b.x, b.y, b.w, b.h);
        cairo_stroke(cr);
    }
    cairo_show_page(cr);
}

}  // namespace

std::string draw_pdf(const Layout& layout, const FontSet& fonts, const Budget& budget) {
    std::string out;
    SurfacePtr surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &out, geometry::page_width, geometry::page_height));
    check(cairo_surface_status(surface.get()), "PDF surface");
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    // cairo would stamp the current time; PoDoFo replaces the metadata with the document's own.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00");
    {
        CairoPtr cr(cairo_create(surface.get()));
        for (const Page& page : layout.pages) budget.check_time(), draw_page(cr.get(), page, fonts);
        check(cairo_status(cr.get()), "drawing");
    }
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), "writing the PDF");
    return out;
}

}  // namespace gongwen::pdf
