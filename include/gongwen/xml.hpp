// The native XML serialization of the document model (schema: gongwen-document-1.xsd).
//
// Shape, in namespace kXmlNamespace, 2-space indented:
//   <document version="1">
//     <source size="…" charset-guessed="false"><name/><sha256/><charset/></source>
//     <metadata><title inferred="false" start="0" end="12">…</title> … <extra …/></metadata>
//     <body><heading level="1" start="…" end="…"><marker>一、</marker><text>…</text></heading> …</body>
//     <diagnostics><diagnostic count="2"><kind/><message/><span start end/>…</diagnostic></diagnostics>
//   </document>
// XML names are the model's snake_case names with hyphens (list_item → list-item).
// Every string of the model is element content, never an attribute, so one rule covers them
// all: characters XML 1.0 cannot carry are written as <char code="1B"/> (C0 controls other
// than tab/LF/CR, U+FFFE, U+FFFF) and bytes that are not valid UTF-8 as <byte value="C3"/>.
// A carriage return is written as &#13; so that parsers do not normalise it away.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "gongwen/document.hpp"
#include "gongwen/limits.hpp"

namespace gongwen {

inline constexpr const char* kXmlNamespace = "urn:gongwen:document:1";

// Serializes `doc` losslessly: read_xml(write_xml(doc)) == doc. Same document, same bytes.
// Throws std::invalid_argument when `doc` breaks a model invariant the format relies on:
// a heading's level outside 1–4, a non-heading block with a level, items outside a paragraph.
std::string write_xml(const Document& doc);
// The same bytes, streamed to `out` a block at a time: a large document is never held twice.
// Throws LimitError when the report's time is up.
void write_xml(const Document& doc, std::ostream& out, const Budget& budget = {});

// Parses what write_xml produces, validating the structure as it reads. Never expands a DTD
// or entity: a DOCTYPE is rejected. Throws gongwen::Error naming `name` and, where known,
// the line ("line 7: <heading> level \"5\" is not 1–4").
Document read_xml(std::string_view xml, const std::string& name);

}  // namespace gongwen
