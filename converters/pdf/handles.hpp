// RAII handles for the C libraries of the PDF writer: each is a std::unique_ptr whose deleter
// is the library's own release function, so no handle leaks on an error path.
#pragma once

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>

namespace gongwen::pdf {

template <auto Release>
struct Releaser {
    template <class T>
    void operator()(T* p) const {
        if (p) Release(p);
    }
};

using CairoPtr = std::unique_ptr<cairo_t, Releaser<cairo_destroy>>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, Releaser<cairo_surface_destroy>>;
using FontFacePtr = std::unique_ptr<cairo_font_face_t, Releaser<cairo_font_face_destroy>>;
using ScaledFontPtr = std::unique_ptr<cairo_scaled_font_t, Releaser<cairo_scaled_font_destroy>>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, Releaser<cairo_font_options_destroy>>;
using FtLibraryPtr = std::unique_ptr<FT_LibraryRec_, Releaser<FT_Done_FreeType>>;
using FtFacePtr = std::unique_ptr<FT_FaceRec_, Releaser<FT_Done_Face>>;
using FcPatternPtr = std::unique_ptr<FcPattern, Releaser<FcPatternDestroy>>;

}  // namespace gongwen::pdf
