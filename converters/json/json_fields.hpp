// The JSON names of the metadata fields, shared by the writer and the reader (internal).
#pragma once

#include <array>
#include <utility>

#include "gongwen/document.hpp"

namespace gongwen::json_detail {

inline constexpr std::array<std::pair<const char*, Field Metadata::*>, 15> kFields{{
    {"title", &Metadata::title},
    {"organisation", &Metadata::organisation},
    {"year", &Metadata::year},
    {"published", &Metadata::published},
    {"published_time", &Metadata::published_time},
    {"index_number", &Metadata::index_number},
    {"document_number", &Metadata::document_number},
    {"addressee", &Metadata::addressee},
    {"signer", &Metadata::signer},
    {"signed_date", &Metadata::signed_date},
    {"source", &Metadata::source},
    {"publisher", &Metadata::publisher},
    {"source_url", &Metadata::source_url},
    {"category", &Metadata::category},
    {"keywords", &Metadata::keywords},
}};

}  // namespace gongwen::json_detail
