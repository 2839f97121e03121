// RAII handles for the C libraries of the PDF writer: each is a std::unique_ptr whose deleter
// is the library's own release function, so no handle leaks on an error path.
#pragma once

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <memory>

namespace gongwen::layout {

template <auto Release>
struct Releaser {
    template <class T>
    void operator()(T* p) const {
        if (p) Release(p);
    }
};

using FtLibraryPtr = std::unique_ptr<FT_LibraryRec_, Releaser<FT_Done_FreeType>>;
using FtFacePtr = std::unique_ptr<FT_FaceRec_, Releaser<FT_Done_Face>>;
using FcPatternPtr = std::unique_ptr<FcPattern, Releaser<FcPatternDestroy>>;

}  // namespace gongwen::layout
