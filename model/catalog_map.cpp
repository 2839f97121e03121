// Applying a catalog: facts to indicators by units and cue words, then each indicator's rule
// over one report's statements.
#include <algorithm>
#include <climits>
#include <map>

#include "gongwen/catalog.hpp"
#include "gongwen/facts.hpp"
#include "gongwen/unicode.hpp"
#include "model/numerals.hpp"

namespace gongwen {

namespace {

std::u32string view_of(const std::string& s) { return to_folded_u32(s); }

// An indicator's words in the analysis view, compiled once per mapping.
struct Compiled {
    std::vector<std::u32string> units;
    std::vector<std::u32string> cues;
    std::vector<std::u32string> require;
    std::vector<std::u32string> exclude;
};

// 万元 and 亿元 are 元 with a scale word: facts carry the scale in their value.
std::u32string base_unit(std::u32string unit) {
    while (unit.size() > 1 && (unit[0] == U'万' || unit[0] == U'亿' || unit[0] == U'千' || unit[0] == U'百'))
        unit.erase(0, 1);
    return unit;
}

Compiled compile(const Indicator& ind) {
    Compiled c;
    for (const std::string& u : ind.units) c.units.push_back(base_unit(view_of(u)));
    for (const std::string& w : ind.cues) c.cues.push_back(view_of(w));
    for (const std::string& w : ind.require) c.require.push_back(view_of(w));
    for (const std::string& w : ind.exclude) c.exclude.push_back(view_of(w));
    return c;
}

// `unit`: view_of(f.counting_unit()), made once for all the indicators.
bool unit_fits(const Fact& f, const std::u32string& unit, const Compiled& c) {
    if (f.zero) return true;  // nothing happened: zero in whatever unit the indicator counts
    return std::find(c.units.begin(), c.units.end(), unit) != c.units.end();
}

bool unit_fits(const Fact& f, const Compiled& c) { return unit_fits(f, view_of(f.counting_unit()), c); }

constexpr long kNone = LONG_MAX;

// How far the nearest occurrence of `cue` in the fact's own words is from its number: its
// subject and the number itself are 0, words before it count their distance, and the rest of
// the clause counts only for the clause's last fact.
// `subject`: view_of(f.subject), made once for all the cues.
long cue_distance(const FactContext& x, const Fact& f, const std::u32string& subject, const std::u32string& cue) {
    if (f.zero) return subject.find(cue) == std::u32string::npos ? kNone : 0;
    long best = kNone;
    for (std::size_t s = x.clause.find(cue); s != std::u32string::npos; s = x.clause.find(cue, s + 1)) {
        const std::size_t e = s + cue.size();
        long d = kNone;
        if (s >= x.begin && e <= x.subject_end)
            d = 0;
        else if (x.head_end > x.head_begin && s >= x.head_begin && e <= x.head_end)
            d = 0;
        else if (s >= x.lead_begin && e <= x.begin)
            d = static_cast<long>(x.begin - e);
        else if (x.last_in_clause && s >= x.subject_end)
            d = static_cast<long>(s - x.subject_end);
        best = std::min(best, d);
    }
    return best;
}

bool clause_allows(const FactContext& x, const Compiled& c) {
    for (const std::u32string& w : c.require)
        if (x.clause.find(w) == std::u32string::npos) return false;
    for (const std::u32string& w : c.exclude)
        if (x.clause.find(w) != std::u32string::npos) return false;
    return true;
}

// The indicator whose cue is nearest; a longer cue, then catalog order, break ties.
std::string best_indicator(const Catalog& catalog, const std::vector<Compiled>& compiled, const Fact& f,
                           const FactContext& x) {
    long best = kNone;
    std::size_t best_length = 0;
    const Indicator* chosen = nullptr;
    const std::u32string unit = f.zero ? std::u32string() : view_of(f.counting_unit());
    const std::u32string subject = f.zero ? view_of(f.subject) : std::u32string();
    for (std::size_t k = 0; k < compiled.size(); ++k) {
        const Compiled& c = compiled[k];
        if (!unit_fits(f, unit, c) || !clause_allows(x, c)) continue;
        for (const std::u32string& cue : c.cues) {
            const long d = cue_distance(x, f, subject, cue);
            if (d == kNone) continue;
            if (d < best || (d == best && cue.size() > best_length)) {
                best = d;
                best_length = cue.size();
                chosen = &catalog.indicators[k];
            }
        }
    }
    return chosen ? chosen->id : std::string();
}

// The total a part (其中…, 包括…) belongs to: the last fact before it in its sentence that is
// not a part itself, or, when the sentence opens with 其中, the last fact of the one before.
std::vector<std::optional<std::size_t>> wholes_of(const Document& doc, const std::vector<FactContext>& x) {
    std::vector<std::optional<std::size_t>> out(doc.facts.size());
    for (std::size_t i = 0; i < doc.facts.size(); ++i) {
        if (!x[i].part) continue;
        for (std::size_t j = i; j-- > 0;) {
            if (doc.facts[j].block != doc.facts[i].block) break;
            if (x[j].part && x[j].sentence == x[i].sentence) continue;
            const bool same = x[j].sentence == x[i].sentence;
            const bool previous = x[j].sentence + 1 == x[i].sentence && !x[j].part;
            if (same || previous) out[i] = j;
            break;
        }
    }
    return out;
}

const Indicator* find_indicator(const Catalog& catalog, const std::string& id) {
    for (const Indicator& ind : catalog.indicators)
        if (ind.id == id) return &ind;
    return nullptr;
}

// A fact with no cue of its own counts what its total counts (其中2件主办), or what the number
// before it counts when they stand in one list (主办…提案6件、协办3件).
void inherit(Document& doc, const Catalog& catalog, const std::vector<Compiled>& compiled,
             const std::vector<FactContext>& x) {
    const auto wholes = wholes_of(doc, x);
    for (std::size_t i = 0; i < doc.facts.size(); ++i) {
        Fact& f = doc.facts[i];
        if (!f.indicator.empty() || f.zero) continue;
        std::optional<std::size_t> from = wholes[i];
        if (!from && i > 0 && doc.facts[i - 1].quote_span == f.quote_span && x[i - 1].end <= x[i].begin &&
            x[i].clause.substr(x[i - 1].end, 1) == U"、" && doc.facts[i - 1].counting_unit() == f.counting_unit())
            from = i - 1;
        if (!from || doc.facts[*from].indicator.empty()) continue;
        const Indicator* ind = find_indicator(catalog, doc.facts[*from].indicator);
        if (ind && unit_fits(f, compiled[static_cast<std::size_t>(ind - catalog.indicators.data())]))
            f.indicator = ind->id;
    }
}

int year_of(const Document& doc) {
    const std::string& y = doc.metadata.year.value;
    if (y.size() != 4 || !std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    return std::stoi(y);
}

}  // namespace

struct CatalogMapper::Prepared {
    std::vector<Compiled> compiled;
};

CatalogMapper::CatalogMapper(std::shared_ptr<const Catalog> catalog)
    : catalog_(catalog ? std::move(catalog) : builtin_catalog()) {
    auto prepared = std::make_shared<Prepared>();
    prepared->compiled.reserve(catalog_->indicators.size());
    for (const Indicator& ind : catalog_->indicators) prepared->compiled.push_back(compile(ind));
    prepared_ = std::move(prepared);
}

void CatalogMapper::map(Document& doc) const { map(doc, fact_contexts(doc)); }

void CatalogMapper::map(Document& doc, const std::vector<FactContext>& x) const {
    const std::vector<Compiled>& compiled = prepared_->compiled;
    for (std::size_t i = 0; i < doc.facts.size(); ++i) {
        // A GIS template cell's value keeps its cell id (model/gis.cpp): the table placed it.
        if (doc.facts[i].indicator.rfind("gis.", 0) == 0) continue;
        doc.facts[i].indicator = best_indicator(*catalog_, compiled, doc.facts[i], x[i]);
    }
    inherit(doc, *catalog_, compiled, x);
}

void map_facts(Document& doc, const Catalog& catalog) {
    CatalogMapper(std::make_shared<const Catalog>(catalog)).map(doc);
}

const char* to_string(Rule rule) {
    switch (rule) {
        case Rule::sum: return "sum";
        case Rule::max: return "max";
        case Rule::total: return "total";
    }
    return "sum";
}

const char* to_string(FactUse use) {
    switch (use) {
        case FactUse::counted: return "计入";
        case FactUse::unmapped: return "未归类";
        case FactUse::other_year: return "其他年度";
        case FactUse::part: return "分项";
        case FactUse::repeated: return "重复";
        case FactUse::not_chosen: return "未采用";
    }
    return "";
}

namespace {

// A number said again in another sentence (a summary repeating a detail) counts once.
std::vector<std::size_t> distinct(const Document& doc, const std::vector<FactContext>& x,
                                  const std::vector<std::size_t>& facts, ReportSummary& s) {
    std::vector<std::size_t> kept;
    for (std::size_t i : facts) {
        const Fact& f = doc.facts[i];
        const bool repeated = std::any_of(kept.begin(), kept.end(), [&](std::size_t k) {
            const Fact& g = doc.facts[k];
            return g.value == f.value && g.value_max == f.value_max && g.counting_unit() == f.counting_unit() &&
                   x[k].sentence != x[i].sentence;
        });
        if (repeated)
            s.uses[i] = FactUse::repeated;
        else
            kept.push_back(i);
    }
    return kept;
}

IndicatorValue sum_of(const Document& doc, const std::vector<std::size_t>& facts) {
    IndicatorValue v{"0", "", "", facts};
    std::string high = "0";
    bool ranged = false;
    for (std::size_t i : facts) {
        const Fact& f = doc.facts[i];
        v.value = add_decimals(v.value, f.value);
        high = add_decimals(high, f.value_max.empty() ? f.value : f.value_max);
        ranged = ranged || !f.value_max.empty();
        if (v.qualifier.empty()) v.qualifier = f.qualifier;
    }
    if (ranged) v.value_max = high;
    return v;
}

// The largest of `facts` (the first of equals), preferring those `preferred` says.
std::size_t largest(const Document& doc, const std::vector<std::size_t>& facts) {
    std::size_t best = facts.front();
    for (std::size_t i : facts)
        if (compare_decimals(doc.facts[i].value, doc.facts[best].value) > 0) best = i;
    return best;
}

IndicatorValue one(const Document& doc, std::size_t i) {
    const Fact& f = doc.facts[i];
    return IndicatorValue{f.value, f.value_max, f.qualifier, {i}};
}

IndicatorValue apply_rule(const Document& doc, const std::vector<FactContext>& x, Rule rule, int year,
                          const std::vector<std::size_t>& kept) {
    if (rule == Rule::max) return one(doc, largest(doc, kept));
    if (rule == Rule::total) {
        std::vector<std::size_t> totals;
        std::copy_if(kept.begin(), kept.end(), std::back_inserter(totals), [&](std::size_t i) { return x[i].total; });
        std::vector<std::size_t> dated;
        std::copy_if(totals.begin(), totals.end(), std::back_inserter(dated),
                     [&](std::size_t i) { return year != 0 && x[i].year == year; });
        if (!dated.empty()) return one(doc, largest(doc, dated));
        if (!totals.empty()) return one(doc, largest(doc, totals));
    }
    return sum_of(doc, kept);
}

}  // namespace

ReportSummary summarize(const Document& doc, const Catalog& catalog) {
    return summarize(doc, catalog, fact_contexts(doc));
}

ReportSummary summarize(const Document& doc, const Catalog& catalog, const std::vector<FactContext>& x) {
    ReportSummary s;
    s.values.resize(catalog.indicators.size());
    s.uses.assign(doc.facts.size(), FactUse::unmapped);
    const auto wholes = wholes_of(doc, x);
    const int year = year_of(doc);
    std::map<std::string, std::size_t> index;
    for (std::size_t k = 0; k < catalog.indicators.size(); ++k) index.emplace(catalog.indicators[k].id, k);
    std::vector<std::vector<std::size_t>> candidates(catalog.indicators.size());
    for (std::size_t i = 0; i < doc.facts.size(); ++i) {
        const Fact& f = doc.facts[i];
        const auto it = index.find(f.indicator);
        if (it == index.end()) continue;
        if (year != 0 && x[i].year != 0 && x[i].year != year)
            s.uses[i] = FactUse::other_year;
        else if (wholes[i] && doc.facts[*wholes[i]].indicator == f.indicator)
            s.uses[i] = FactUse::part;
        else
            candidates[it->second].push_back(i);
    }
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const std::vector<std::size_t> kept = distinct(doc, x, candidates[k], s);
        if (kept.empty()) continue;
        IndicatorValue v = apply_rule(doc, x, catalog.indicators[k].rule, year, kept);
        for (std::size_t i : kept) s.uses[i] = FactUse::not_chosen;
        for (std::size_t i : v.facts) s.uses[i] = FactUse::counted;
        s.values[k] = std::move(v);
    }
    return s;
}

}  // namespace gongwen
