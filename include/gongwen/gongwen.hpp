// gongwen: Chinese government reports (公文) into one document model, and out again.
//
//   #include <gongwen/gongwen.hpp>
//
//   const gongwen::Document doc = gongwen::read_file("report.txt");   // any input gongwen reads
//   gongwen::write_file(doc, "report.pdf");                            // any format, by extension
//
// For many reports, make one gongwen::Reader and one gongwen::Writers and share them between
// threads (read.hpp, write.hpp). The headers below are the whole public API.
#pragma once

#include "gongwen/catalog.hpp"
#include "gongwen/decimal.hpp"
#include "gongwen/describe.hpp"
#include "gongwen/document.hpp"
#include "gongwen/eep.hpp"
#include "gongwen/error.hpp"
#include "gongwen/facts.hpp"
#include "gongwen/files.hpp"
#include "gongwen/fonts.hpp"
#include "gongwen/formats.hpp"
#include "gongwen/gis.hpp"
#include "gongwen/json.hpp"
#include "gongwen/limits.hpp"
#include "gongwen/numbering.hpp"
#include "gongwen/ofd.hpp"
#include "gongwen/pdf.hpp"
#include "gongwen/read.hpp"
#include "gongwen/text.hpp"
#include "gongwen/write.hpp"
#include "gongwen/xlsx.hpp"
#include "gongwen/xml.hpp"

namespace gongwen {

// The library's version, "0.1.0".
const char* version();

}  // namespace gongwen
