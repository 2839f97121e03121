// Internal: each converter's format, defined in its own folder (converters/<format>/*_format.cpp)
// and listed once in the table of pipeline/formats.cpp.
#pragma once

#include <memory>
#include <sstream>
#include <string>

#include "gongwen/formats.hpp"
#include "gongwen/write.hpp"

namespace gongwen {

Format xml_format();
Format json_format();
Format txt_format();
Format md_format();
Format pdf_format();
Format xlsx_format();
Format eep_format();
Format html_format();
Format ofd_format();

}  // namespace gongwen
