// inspect_facts REPORT
//
// What a report says, for a script to take apart: the document's description (title, issuer,
// report year, document date), then every quantity the report states with the catalog
// indicator it was mapped to and the clause it was said in, then what each indicator comes to
// in this report. One record a line, fields separated by tabs:
//
//   title|issuer|report_year|date  VALUE          (date: then "signed" or "published")
//   fact       INDICATOR  VALUE  UNIT  QUALIFIER  QUOTE    (INDICATOR "-" when none fits)
//   indicator  ID         VALUE  QUALIFIER  LABEL          (those this report gives a value)
//
// A value is an exact decimal with the report's scale applied (6413万元 is 64130000 元), a
// range "2-3"; UNIT is the unit it counts in (Fact::counting_unit(): as written, else the one a
// zero statement's noun implies, 未收到…申请 → 件); an empty field is "-".
#include <cstddef>
#include <exception>
#include <iostream>
#include <string>

#include <gongwen/catalog.hpp>
#include <gongwen/describe.hpp>
#include <gongwen/read.hpp>

namespace {

// A field never spans lines or columns, whatever the report's text holds.
std::string field(std::string s) {
    for (char& c : s)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return s.empty() ? "-" : s;
}

// "5", or "2-3" for a range (两三个).
std::string quantity(const std::string& value, const std::string& value_max) {
    return value_max.empty() ? value : value + "-" + value_max;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: inspect_facts REPORT\n";
        return 2;
    }
    try {
        const gongwen::Reader reader;  // the built-in indicator catalog (gongwen-v1)
        const gongwen::Document doc = reader.read_file(argv[1]);

        // describe() is what every writer shows (the PDF's title, the workbook's row), worked
        // out once: use it rather than reading metadata fields, which may be empty or inferred.
        const gongwen::Description d = gongwen::describe(doc);
        std::cout << "title\t" << field(d.title) << "\n"
                  << "issuer\t" << field(d.issuer) << "\n"
                  << "report_year\t" << field(d.report_year) << "\n"
                  << "date\t" << field(d.date) << "\t"
                  << (d.date.empty()  ? "-"
                      : d.date_signed ? "signed"
                                      : "published")
                  << "\n";

        for (const gongwen::Fact& f : doc.facts)
            std::cout << "fact\t" << field(f.indicator) << "\t" << quantity(f.value, f.value_max) << "\t"
                      << field(f.counting_unit()) << "\t" << field(f.qualifier) << "\t" << field(f.quote) << "\n";

        // The indicators' values by their rules (a sum of counts, the largest of rates …), the
        // facts of other years and repeated statements left out: the numbers of the workbook's row.
        const gongwen::Catalog& catalog = reader.catalog();
        const gongwen::ReportSummary summary = gongwen::summarize(doc, catalog);
        for (std::size_t i = 0; i < catalog.indicators.size(); ++i)
            if (const auto& v = summary.values[i])
                std::cout << "indicator\t" << catalog.indicators[i].id << "\t" << quantity(v->value, v->value_max)
                          << "\t" << field(v->qualifier) << "\t" << field(catalog.indicators[i].label) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "inspect_facts: " << e.what() << "\n";
        return 1;
    }
}
