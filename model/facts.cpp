// Fact extraction: numbers, their units, qualifiers and subjects, and zero statements, read
// from the analysis view of each block and mapped back to source spans.
#include "model/facts.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

#include "gongwen/limits.hpp"
#include "gongwen/unicode.hpp"
#include "model/facts_internal.hpp"
#include "model/line.hpp"
#include "model/numerals.hpp"

namespace gongwen {

namespace {

using facts::match_any;
using facts::starts_with;

// --- vocabulary --------------------------------------------------------------------------

// Counting words (量词) and measures. Longest match wins, so 人次 before 人, 部门 before 部.
constexpr std::u32string_view kUnits[] = {
    U"个百分点", U"百分点",      U"个工作日", U"匹马力", U"列次", U"班次", U"部委",     U"工作日",   U"个月",
    U"人次",     U"家次",        U"件次",     U"场次",   U"批次", U"户次", U"架次",     U"车次",     U"篇次",
    U"份次",     U"课时",        U"学时",     U"小时",   U"分钟", U"部门", U"平方公里", U"平方千米", U"平方米",
    U"立方米",   U"公里",        U"千米",     U"公顷",   U"千克", U"公斤", U"千瓦时",   U"千瓦",     U"兆瓦",
    U"标准箱",   U"美元",        U"欧元",     U"港元",   U"日元", U"英镑", U"元",       U"%",        U"‰",
    U"倍",       U"微克/立方米", U"天",       U"吨",     U"米",   U"亩",   U"升",       U"斤",       U"度",
    U"岁",       U"个",          U"件",       U"次",     U"项",   U"家",   U"名",       U"人",       U"位",
    U"户",       U"份",          U"部",       U"条",     U"批",   U"期",   U"篇",       U"场",       U"起",
    U"宗",       U"例",          U"所",       U"处",     U"座",   U"套",   U"台",       U"辆",       U"架",
    U"艘",       U"本",          U"册",       U"张",     U"幅",   U"首",   U"门",       U"种",       U"类",
    U"支",       U"队",          U"轮",       U"组",     U"笔",   U"间",   U"栋",       U"幢",       U"块",
    U"株",       U"棵",          U"头",       U"只",     U"枚",   U"匹",   U"封",       U"章",       U"节",
    U"款",       U"对",          U"列",       U"趟",     U"省",
};

// Measures never take the counted noun after them (增长13.9%，880万元).
constexpr std::u32string_view kMeasures[] = {
    U"匹马力", U"个百分点", U"百分点",   U"个工作日", U"工作日",      U"个月", U"课时", U"学时", U"小时",
    U"分钟",   U"平方公里", U"平方千米", U"平方米",   U"立方米",      U"公里", U"千米", U"公顷", U"千克",
    U"公斤",   U"千瓦时",   U"千瓦",     U"兆瓦",     U"标准箱",      U"美元", U"欧元", U"港元", U"日元",
    U"英镑",   U"元",       U"%",        U"‰",        U"倍",          U"天",   U"吨",   U"米",   U"亩",
    U"升",     U"斤",       U"度",       U"岁",       U"微克/立方米",
};

// Fixed expressions and names made of a numeral and a counting word: never counts.
constexpr std::u32string_view kIdioms[] = {
    U"三位一体",     U"四位一体",   U"五位一体",     U"两个确立", U"两个维护", U"两个一百年",   U"两个结合",
    U"两个毫不动摇", U"两个大局",   U"四个意识",     U"四个自信", U"四个全面", U"四个中心",     U"四个服务",
    U"三个代表",     U"三个务必",   U"八项规定",     U"三项制度", U"三番五次", U"五花八门",     U"三个区分开来",
    U"十个明确",     U"十四个坚持", U"五个必由之路", U"四个不摘", U"两个务必", U"六个必须坚持", U"三次产业",
    U"一二三次产业", U"两位数",     U"三位数",       U"五项原则", U"十项原则", U"三门峡",       U"两条道路",
};

// Qualifiers before a number, longest first by construction of match_any.
constexpr std::initializer_list<std::u32string_view> kPrefixQualifiers = {
    U"不得少于", U"不得低于", U"不得超过", U"不得多于", U"不少于", U"不低于", U"不超过",
    U"不多于",   U"不足",     U"不到",     U"将近",     U"接近",   U"大约",   U"超过",
    U"突破",     U"至少",     U"最多",     U"约",       U"近",     U"超",     U"逾"};
constexpr std::initializer_list<std::u32string_view> kPostfixQualifiers = {U"以上", U"以下", U"以内", U"左右", U"上下"};

// Zero statements: a negation and a countable event (全年未发生行政处罚案件, 零投诉).
constexpr std::initializer_list<std::u32string_view> kNegations = {
    U"未发生", U"未出现", U"未发现", U"未收到", U"未受理", U"未接到", U"未产生", U"没有发生", U"没有出现", U"没有收到",
    U"不涉及", U"未涉及", U"未制发", U"未废止", U"未制定", U"未出台", U"未收取", U"没有",     U"无",       U"零"};
constexpr std::initializer_list<std::u32string_view> kEvents = {
    U"违法行为", U"违规行为", U"违纪行为", U"案件", U"案例", U"事件", U"事故", U"投诉", U"举报", U"申请", U"诉讼",
    U"复议",     U"纠纷",     U"信访",     U"上访", U"差错", U"误差", U"失误", U"败诉", U"伤亡", U"处罚", U"案",
    U"情况",     U"事项",     U"收费",     U"费用", U"费",   U"追究", U"问责", U"文件", U"规章", U"人员"};
// Objects that are nouns of every kind of sentence (情况, 文件, 人员): a zero statement only when
// they end its clause (不涉及违规收费情况。), never inside a longer phrase (没有设计文件的项目).
constexpr std::initializer_list<std::u32string_view> kWeakEvents = {U"情况", U"事项", U"收费", U"费用", U"费",
                                                                    U"追究", U"问责", U"文件", U"规章", U"人员"};
// After 零 only events one counts (零投诉, 零事故); 零误差, 零差错, 零收费 are standards kept.
constexpr std::initializer_list<std::u32string_view> kCountedAfterLing = {
    U"投诉", U"举报", U"案件", U"事故", U"事件", U"信访", U"上访", U"诉讼", U"复议", U"败诉", U"纠纷", U"伤亡"};
// 无 starting another word (无论, 无法, 无障碍…).
constexpr std::u32string_view kNotNegatedAfterWu = U"论法疑偿私缝障纸人线形效限关须需数比愧悔缘可非不所意穷异误声息";

// Words that end a subject: verbs and prepositions of two or more characters (one-character
// words are too often inside nouns, such as 有 in 现行有效).
constexpr std::initializer_list<std::u32string_view> kVerbs = {
    U"召开", U"举办", U"举行", U"开展", U"组织", U"完成", U"实施", U"实现", U"办理", U"办结", U"承办", U"主办", U"协办",
    U"会办", U"聘请", U"聘任", U"发放", U"接受", U"接待", U"收到", U"受理", U"获得", U"获批", U"争取", U"培育", U"建成",
    U"认定", U"新增", U"新建", U"达到", U"增至", U"增长", U"增加", U"提高", U"提升", U"上升", U"下降", U"减少", U"降低",
    U"吸引", U"参加", U"参与", U"提供", U"出台", U"制定", U"修订", U"修改", U"清理", U"废止", U"保留", U"备案", U"公开",
    U"发布", U"抽取", U"选择", U"形成", U"发现", U"解决", U"走访", U"惠及", U"宣讲", U"签约", U"签订", U"签署", U"提出",
    U"上报", U"报送", U"查询", U"开设", U"录入", U"梳理", U"涉及", U"执行", U"处理", U"调解", U"化解", U"答复", U"回复",
    U"编制", U"编印", U"印发", U"制作", U"推出", U"引进", U"带动", U"投入", U"拨付", U"安排", U"落实", U"建立", U"设立",
    U"成立", U"开通", U"覆盖", U"帮助", U"支持", U"资助", U"立项", U"验收", U"登记", U"入库", U"入选", U"评选", U"表彰",
    U"收集", U"征集", U"研究", U"审议", U"听取", U"部署", U"对接", U"接听", U"处置", U"督办", U"纠正", U"查处", U"移送",
    U"起诉", U"应诉", U"进行", U"推进", U"推动", U"打造", U"培养", U"认领", U"承担", U"通过", U"按照", U"根据", U"围绕",
    U"结合", U"针对", U"依托", U"利用", U"对于", U"关于", U"累计", U"共计", U"合计", U"总计", U"其中", U"分别", U"先后",
    U"共有", U"规定", U"包括"};
// A verb followed by one of these is part of a noun (研究中心, 学习会, 受理点, 培训班).
constexpr std::u32string_view kNounTails = U"中院所室员班点站组部处费表书证单率网库栏值";
constexpr std::initializer_list<std::u32string_view> kNounTailWords = {
    U"机构", U"平台", U"基地", U"成果", U"报告", U"材料", U"资料", U"经费", U"资金", U"计划", U"制度", U"方案",
    U"项目", U"活动", U"课程", U"部门", U"单位", U"机制", U"体系", U"系统", U"人员", U"事项", U"清单", U"信息",
    U"工作", U"情况", U"服务", U"窗口", U"专栏", U"网站", U"案件", U"总额", U"总数", U"数量"};

// Words between a subject and its number (已达, 分别为, 共) and before a subject (全市, 我局).
constexpr std::initializer_list<std::u32string_view> kTrailingLight = {
    U"分别为", U"分别是", U"分别达", U"已达到", U"平均为", U"连续",   U"提升至", U"提高至", U"增加至",
    U"上升至", U"下降至", U"减少至", U"缩小至", U"扩大至", U"增长至", U"提升到", U"上升到", U"下降到",
    U"减少到", U"缩小到", U"扩大到", U"增长到", U"从",     U"由",     U"提高到", U"增加到", U"上涨",
    U"下跌",   U"平均",   U"共计",   U"合计",   U"总计",   U"累计",   U"共有",   U"已达",   U"达到",
    U"分别",   U"均为",   U"增至",   U"增长",   U"增加",   U"提高",   U"上升",   U"下降",   U"减少",
    U"降低",   U"突破",   U"共",     U"计",     U"达",     U"已",     U"为",     U"是",     U"有",
    U"约",     U"均",     U"等",     U"了",     U"的",     U"至",     U"到",     U"占",     U"按"};
constexpr std::initializer_list<std::u32string_view> kLeadingLight = {
    U"截至目前", U"本年度", U"本单位", U"全年", U"全市", U"全省", U"全区",   U"全县",  U"全局", U"全厅", U"我局",
    U"我厅",     U"我委",   U"我办",   U"我市", U"我省", U"我区", U"本局",   U"本年",  U"年内", U"当年", U"目前",
    U"截至",     U"累计",   U"共计",   U"合计", U"总计", U"其中", U"分别",   U"先后",  U"已",   U"共",   U"均",
    U"并",       U"和",     U"及",     U"与",   U"的",   U"了",   U"等",     U"又",    U"还",   U"再",   U"、",
    U"是",       U"现已",   U"获",     U"学习", U"同比", U"环比", U"比上年", U"较上年"};
// Words that end a subject read after its number (5家企业获批…).
constexpr std::u32string_view kSubjectStops = U"的和与及并或等在对向为由被把将从于以了着已均";

constexpr std::size_t kMaxSubject = 40;

// The lists read at most positions of a text, with the characters their words start with.
constexpr facts::WordSet kUnitSet{kUnits};
constexpr facts::WordSet kPrefixQualifierSet{kPrefixQualifiers};
constexpr facts::WordSet kPostfixQualifierSet{kPostfixQualifiers};
constexpr facts::WordSet kNegationSet{kNegations};
constexpr facts::WordSet kEventSet{kEvents};
constexpr facts::WordSet kWeakEventSet{kWeakEvents};
constexpr facts::WordSet kCountedAfterLingSet{kCountedAfterLing};
constexpr facts::WordSet kVerbSet{kVerbs};
constexpr facts::WordSet kNounTailWordSet{kNounTailWords};
constexpr facts::WordSet kLeadingLightSet{kLeadingLight};
constexpr facts::WordSet kTrailingLightSet{kTrailingLight};

bool is_measure(std::u32string_view unit) {
    return std::find(std::begin(kMeasures), std::end(kMeasures), unit) != std::end(kMeasures);
}

std::size_t unit_at(std::u32string_view view, std::size_t pos) { return match_any(view, pos, kUnitSet); }

std::size_t event_at(std::u32string_view view, std::size_t pos) { return match_any(view, pos, kEventSet); }

bool ends_with_event(std::u32string_view s) {
    for (std::u32string_view e : kEvents)
        if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
    return false;
}

// A verb that really is one here: not the start of a noun such as 研究中心 or 服务事项.
std::size_t verb_at(std::u32string_view view, std::size_t pos) {
    const std::size_t n = match_any(view, pos, kVerbSet);
    if (n == 0) return 0;
    const std::size_t after = pos + n;
    if (after < view.size() && kNounTails.find(view[after]) != std::u32string_view::npos) return 0;
    if (match_any(view, after, kNounTailWordSet) > 0) return 0;
    return n;
}

bool inside_idiom(std::u32string_view view, std::size_t pos) {
    for (std::u32string_view idiom : kIdioms)
        for (std::size_t k = 0; k < idiom.size() && k <= pos; ++k)
            if (idiom[k] == view[pos] && starts_with(view, pos - k, idiom)) return true;
    return false;
}

// --- guarded stretches: titles 《…》, quoted names “…”, document numbers 〔…〕 ----------------

struct Guard {
    std::size_t begin = 0;
    std::size_t end = 0;
};

constexpr std::size_t kMaxGuard = 400;

std::vector<Guard> guards_in(std::u32string_view view, std::size_t b, std::size_t e) {
    static constexpr std::u32string_view kOpen = U"《“‘〔【[「『\"";
    static constexpr std::u32string_view kClose = U"》”’〕】]」』\"";
    std::vector<Guard> out;
    constexpr char32_t kLastOpen = U'〔';  // the highest of kOpen: Han text is rejected by one comparison
    static_assert(std::all_of(kOpen.begin(), kOpen.end(), [](char32_t cp) { return cp <= kLastOpen; }));
    for (std::size_t i = b; i < e; ++i) {
        if (view[i] > kLastOpen) continue;
        const std::size_t kind = kOpen.find(view[i]);
        if (kind == std::u32string_view::npos) continue;
        // Titles and names close within a few hundred characters; an unclosed mark guards nothing.
        const std::size_t close = view.substr(0, std::min(e, i + kMaxGuard)).find(kClose[kind], i + 1);
        if (close == std::u32string_view::npos) continue;
        // A long quotation is speech, not a name; titles may be long.
        const bool quote = view[i] == U'“' || view[i] == U'‘' || view[i] == '"';
        if (quote && close - i > 40) continue;
        out.push_back(Guard{i, close + 1});
        if (view[i] != U'《') i = close;  // 《…《…》…》 nests; the outer one is found first
    }
    return out;
}

// --- quantities --------------------------------------------------------------------------

struct Hit {
    std::size_t begin = 0;  // the quantity with its qualifiers and unit, in the line
    std::size_t end = 0;
    std::string value;
    std::string value_max;
    std::u32string unit;  // as written; empty for a zero statement
    std::u32string qualifier;
    bool zero = false;
    bool measure = false;
    std::string subject;               // display text; zero statements: their object
    std::size_t rank_verb = 0;         // a rank (居全省第3位): where its verb stands, the subject ending there
    std::u32string implied_unit = {};  // a zero statement: the unit its noun implies (申请 → 件)
    const std::u32string& counting_unit() const { return unit.empty() ? implied_unit : unit; }
};

// Spaces PDF text puts around a number (申请 312 件): at most two, so that the columns of a
// space-aligned table stay apart.
constexpr std::size_t kMaxInnerSpaces = 2;

std::size_t spaces_after(std::u32string_view view, std::size_t i, std::size_t limit) {
    std::size_t j = i;
    while (j < limit && j - i < kMaxInnerSpaces && is_space(view[j])) ++j;
    return j < limit && is_space(view[j]) ? 0 : j - i;
}

std::size_t spaces_before(std::u32string_view view, std::size_t pos) {
    std::size_t j = pos;
    while (j > 0 && pos - j < kMaxInnerSpaces && is_space(view[j - 1])) --j;
    return pos - j;
}

bool rejected_before(std::u32string_view view, std::size_t pos, const Numeral& n) {
    if (pos == 0) return false;
    if (const std::size_t sp = spaces_before(view, pos);
        sp > 0 && !n.chinese && pos > sp && view[pos - sp - 1] == U'第')
        return true;  // 第 17 个
    if (const std::size_t sp = spaces_before(view, pos);
        sp > 0 && !n.chinese && pos > sp && (is_ascii_digit(view[pos - sp - 1]) || view[pos - sp - 1] == '.'))
        return true;  // 1 0 ％: digits spaced out one by one, whose number cannot be told
    const char32_t p = view[pos - 1];
    if (p == U'第') return true;
    if (!n.chinese) {
        if (is_ascii_alpha(p) || std::u32string_view(U"+/#.:·@_&=\\").find(p) != std::u32string_view::npos) return true;
        return p == '-' && pos >= 2 && (is_ascii_digit(view[pos - 2]) || is_ascii_alpha(view[pos - 2]));
    }
    if (std::u32string_view(U"初周期数几前").find(p) != std::u32string_view::npos) return true;
    return (n.lone_one || n.lone_two) && std::u32string_view(U"唯统同之每万一").find(p) != std::u32string_view::npos;
}

// The second number of a range (2-3个, 2至3个, 两至三个), after `first` ended at i.
std::optional<Numeral> range_end(std::u32string_view view, std::size_t& i, const Numeral& first) {
    if (i + 1 >= view.size() || std::u32string_view(U"-~至到—–").find(view[i]) == std::u32string_view::npos)
        return std::nullopt;
    const std::size_t at = i + 1;
    std::optional<Numeral> second = first.chinese ? read_chinese(view, at) : read_arabic(view, at);
    if (!second || !second->max.empty() || compare_decimals(second->min, first.min) <= 0) return std::nullopt;
    i = second->end;
    return second;
}

// 八成 = 80 %, 九成五 = 95 %, 七八成 = 70–80 %.
bool read_share(std::u32string_view view, std::size_t& i, Hit& h) {
    if (i >= view.size() || view[i] != U'成' || compare_decimals(h.value, "10") > 0) return false;
    ++i;
    h.value = shift_decimal(h.value, 1);
    if (!h.value_max.empty()) h.value_max = shift_decimal(h.value_max, 1);
    if (h.value_max.empty() && i < view.size() && is_chinese_digit(view[i]) && view[i] != U'几' && view[i] != U'两' &&
        !(i + 1 < view.size() && (unit_at(view, i + 1) > 0 || is_chinese_digit(view[i + 1])))) {
        const std::optional<Numeral> d = read_chinese(view, i);
        if (d && d->min.size() == 1) {
            h.value = add_decimals(h.value, d->min);
            i = d->end;
        }
    }
    h.unit = U"%";
    return true;
}

bool lone_one_allowed(std::u32string_view view, std::size_t unit_pos, std::u32string_view unit) {
    static constexpr std::u32string_view kPersonal = U"名位家例";  // 一件大事 is an article
    if (unit.size() != 1 || kPersonal.find(unit[0]) == std::u32string_view::npos) return false;
    return !(unit_pos + 1 < view.size() && view[unit_pos + 1] == unit[0]);  // 一件件
}

// The unit, qualifiers after the number, and the share form; false when this is no quantity.
bool read_unit(std::u32string_view view, std::size_t& i, std::size_t limit, const Numeral& n, Hit& h) {
    if (!n.chinese) {  // 312 件, 5500 余条
        const std::size_t sp = spaces_after(view, i, limit);
        const std::size_t at = i + sp;
        if (sp > 0 && at < limit &&
            (unit_at(view, at) > 0 || ((view[at] == U'余' || view[at] == U'多') && unit_at(view, at + 1) > 0)))
            i = at;
    }
    if (h.qualifier.empty() && i + 1 < limit && (view[i] == U'余' || view[i] == U'多') && unit_at(view, i + 1)) {
        h.qualifier = std::u32string(1, view[i]);
        ++i;
    }
    if (read_share(view, i, h)) {
        h.measure = true;
    } else if (const std::size_t u = unit_at(view, i); u > 0 && i + u <= limit) {
        h.unit = std::u32string(view.substr(i, u));
        if (n.lone_one && !lone_one_allowed(view, i, h.unit)) return false;
        // The longest noun first: 五部分, 三部署 are no measure word 部.
        if (h.unit == U"部" && i + 1 < limit &&
            std::u32string_view(U"分署长队位件").find(view[i + 1]) != std::u32string_view::npos)
            return false;
        // A time span is no count: 近三个年度, 四个季度.
        if (h.unit == U"个" && match_any(view, i + 1, {U"年度", U"季度", U"年头", U"世纪"}) > 0 &&
            match_any(view, i + 3, {U"计划", U"报告", U"预算", U"目标", U"任务"}) == 0)
            return false;
        if (n.chinese && h.unit == U"期") return false;  // 三期工程, 二期: phases, not counts
        h.measure = is_measure(h.unit);
        // The longest noun first: 人口, 人才, 人群 are counted in people, and are the noun.
        const bool noun = h.unit == U"人" && i + 1 < limit &&
                          std::u32string_view(U"口才群").find(view[i + 1]) != std::u32string_view::npos;
        if (!noun) i += u;
    } else if (!n.scaled) {
        return false;  // a bare number: an identifier, a year, a code
    }
    if (n.lone_two) return false;  // 二次, 二期, 二级: ranks, not counts
    if (const std::size_t q = match_any(view, i, kPostfixQualifierSet); q > 0 && i + q <= limit) {
        if (h.qualifier.empty()) h.qualifier = std::u32string(view.substr(i, q));
        i += q;
    }
    return true;
}

// A range with the unit said twice: 8%至10%, 2万至3万元 (the first takes the second's unit).
void unit_range(std::u32string_view view, std::size_t& i, std::size_t limit, const Numeral& first, Hit& h) {
    if (!h.value_max.empty() || i + 1 >= limit ||
        std::u32string_view(U"-~至到—–").find(view[i]) == std::u32string_view::npos)
        return;
    const std::optional<Numeral> second = first.chinese ? read_chinese(view, i + 1) : read_arabic(view, i + 1);
    if (!second || !second->max.empty() || compare_decimals(second->min, h.value) <= 0 || second->end >= limit) return;
    std::size_t end = second->end;
    if (!h.unit.empty() && starts_with(view, end, h.unit)) {
        end += h.unit.size();
    } else if (const std::size_t u = h.unit.empty() ? unit_at(view, end) : 0; u > 0 && end + u <= limit) {
        h.unit = std::u32string(view.substr(end, u));
        h.measure = is_measure(h.unit);
        end += u;
    } else {
        return;
    }
    h.value_max = second->min;
    i = end;
}

std::size_t prefix_qualifier(std::u32string_view view, std::size_t lower, std::size_t pos) {
    for (std::size_t len = 4; len >= 1; --len) {
        if (pos < lower + len) continue;
        const std::size_t at = pos - len;
        if (match_any(view, at, kPrefixQualifierSet) != len) continue;
        if (view[at] == U'近' && at > 0 && (view[at - 1] == U'附' || view[at - 1] == U'最')) continue;
        return len;
    }
    return 0;
}

// A rank: 居/位列/跃居/排名…第N位 or 第N名, the verb at most a place phrase before 第. Where the
// verb stands, or npos.
constexpr std::size_t kNoRank = std::u32string_view::npos;
std::size_t rank_at(std::u32string_view view, std::size_t pos, std::size_t lower) {
    const std::size_t at = pos - spaces_before(view, pos);  // 第 3 位
    if (at <= lower || view[at - 1] != U'第') return kNoRank;
    const std::size_t di = at - 1;
    for (std::size_t k = di; k > lower && di - k < 12;) {
        --k;
        if (facts::is_clause_break(view, k)) return kNoRank;
        if (match_any(view, k, {U"位居", U"位列", U"跃居", U"跃升", U"名列", U"排名", U"排在", U"排位", U"居于"}) > 0)
            return k;
        if (view[k] == U'居' && (k + 1 >= view.size() ||
                                 std::u32string_view(U"民住委家室然").find(view[k + 1]) == std::u32string_view::npos))
            return k > lower && std::u32string_view(U"跃位稳").find(view[k - 1]) != std::u32string_view::npos
                       ? k - 1
                       : k;  // 跃居, 位居, 稳居
    }
    return kNoRank;
}

// What a scale word counts when no measure word follows it (近3万居民): people or households.
std::u32string counted_unit(std::u32string_view view, std::size_t i) {
    if (match_any(view, i, {U"居民", U"群众", U"人口", U"市民", U"村民", U"农民", U"职工", U"员工", U"工人",  U"学生",
                            U"游客", U"旅客", U"患者", U"儿童", U"老人", U"党员", U"干部", U"华商", U"华人",  U"华侨",
                            U"侨胞", U"考生", U"选民", U"观众", U"读者", U"网民", U"用户", U"人员", U"劳动力"}) > 0)
        return U"人";
    if (match_any(view, i, {U"农户", U"家庭", U"户籍"}) > 0) return U"户";
    return {};
}

// A quantity starting at view[pos]; `run_end` is where scanning resumes when there is none.
std::optional<Hit> read_quantity(std::u32string_view view, std::size_t pos, std::size_t lower, std::size_t limit,
                                 std::size_t& run_end) {
    const bool percent_words = starts_with(view, pos, U"百分之");
    const std::size_t at = percent_words ? pos + 3 : pos;
    // 千亿 and 万亿 alone are vague (千亿斤粮食产能) unless a qualifier says how: 超千亿元.
    const bool qualified = prefix_qualifier(view, lower, pos) > 0;
    std::optional<Numeral> n =
        at < view.size() && is_ascii_digit(view[at]) ? read_arabic(view, at) : read_chinese(view, at, qualified);
    run_end = at + 1;
    while (run_end < limit && (is_ascii_digit(view[run_end]) || is_chinese_digit(view[run_end]) ||
                               is_scale_char(view[run_end]) || view[run_end] == '.' || view[run_end] == ','))
        ++run_end;
    const std::size_t rank_verb = !percent_words && n ? rank_at(view, pos, lower) : kNoRank;
    const bool rank = rank_verb != kNoRank;
    if (!n || n->end > limit || (!rank && rejected_before(view, pos, *n)) || inside_idiom(view, at))
        return std::nullopt;
    std::size_t i = n->end;
    Hit h;
    if (rank) {  // 居全省第3位, 位列第二名: the rank and 位 or 名; a bare ordinal is none
        const std::size_t u = i + spaces_after(view, i, limit);
        if (!n->max.empty() || n->scaled || u >= limit || (view[u] != U'位' && view[u] != U'名')) return std::nullopt;
        h.value = n->min;
        h.unit = std::u32string(1, view[u]);
        h.begin = pos - spaces_before(view, pos) - 1;
        h.end = u + 1;
        h.rank_verb = rank_verb;
        return h;
    }
    h.value = n->min;
    h.value_max = n->max;
    h.qualifier = to_u32(n->infix);
    if (h.value_max.empty() && !percent_words) {
        if (std::optional<Numeral> second = range_end(view, i, *n)) {
            if (n->power == 0 && second->power > 0) h.value = shift_decimal(h.value, second->power);
            h.value_max = second->min;
            run_end = std::max(run_end, i);
        }
    }
    // 年 after a number is a year or a time span (连续两年, 今后五年, 50年一遇), never a count.
    if (percent_words) {
        h.unit = U"%";
        h.measure = true;
    } else if (!read_unit(view, i, limit, *n, h)) {
        run_end = std::max(run_end, n->end);
        return std::nullopt;
    }
    unit_range(view, i, limit, *n, h);
    // An age range, or an age bound naming a group (3—6岁儿童, 60岁以上老人), says who, not how
    // many; a life expectancy of 80岁以上 is a fact.
    if (h.unit == U"岁" && (!h.value_max.empty() || match_any(view, i, {U"及以上", U"及以下"}) > 0 ||
                            (i < limit && is_han(view[i]) && view[i] != U'的')))
        return std::nullopt;
    if (h.unit.empty()) h.unit = counted_unit(view, i);
    h.begin = pos;
    if (const std::size_t q = prefix_qualifier(view, lower, pos); q > 0) {
        h.begin = pos - q;
        h.qualifier = std::u32string(view.substr(h.begin, q));
    }
    h.end = i;
    return h;
}

// --- zero statements ---------------------------------------------------------------------

// The unit a zero statement's noun implies (it writes none); a noun that implies none leaves it empty.
std::u32string zero_unit(std::u32string_view subject) {
    const auto ends = [&](std::u32string_view e) {
        return subject.size() >= e.size() && subject.substr(subject.size() - e.size()) == e;
    };
    if (ends(U"事件") || ends(U"事故") || ends(U"行为")) return U"起";
    if (ends(U"差错") || ends(U"误差") || ends(U"失误") || ends(U"追究") || ends(U"问责")) return U"次";
    if (ends(U"伤亡") || ends(U"人员")) return U"人";
    if (ends(U"费") || ends(U"费用") || ends(U"收费")) return U"元";
    if (ends(U"事项")) return U"项";
    for (std::u32string_view e : {U"申请", U"案件", U"案例", U"案", U"文件", U"规章", U"投诉", U"举报", U"诉讼",
                                  U"复议", U"纠纷", U"信访", U"上访", U"败诉", U"处罚"})
        if (ends(e)) return U"件";
    return {};
}

// Where the negated object ends: the last event word before the clause ends, when what
// follows it is not more of the same noun.
// Where the negated object ends: the last event word before the clause ends, when what
// follows it is not more of the same noun. `strict` (after 没有, which negates anything) and
// the weak objects demand that the event word ends the clause, and an object with a verb's
// marks (地, 得, 着, 了: 熟视无睹地继续浪费) is a verb phrase, not a noun.
std::size_t zero_object_end(std::u32string_view view, std::size_t from, std::size_t limit, bool strict) {
    std::size_t clause_end = from;
    while (clause_end < limit && clause_end - from < 30 && !facts::is_clause_break(view, clause_end) &&
           !is_ascii_digit(view[clause_end]) && view[clause_end] != U'是')
        ++clause_end;
    const bool real_end = clause_end == limit || facts::is_clause_break(view, clause_end);
    std::size_t best = 0;
    for (std::size_t k = from; k < clause_end; ++k) {
        const std::size_t n = event_at(view, k);
        if (n == 0 || k + n > clause_end) continue;
        const std::size_t after = k + n;
        if (strict || match_any(view, k, kWeakEventSet) == n) {
            if (after != clause_end || !real_end) continue;
            bool verbal = false;
            for (std::size_t j = from; j < k; ++j)
                verbal = verbal || std::u32string_view(U"地得着了").find(view[j]) != std::u32string_view::npos;
            if (verbal) continue;
        }
        const bool ends = after == clause_end || !is_han(view[after]) ||
                          std::u32string_view(U"发出等的和及或与").find(view[after]) != std::u32string_view::npos;
        if (ends) best = after;
    }
    return best;
}

struct Stretch {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empty() const { return begin >= end; }
    std::size_t size() const { return empty() ? 0 : end - begin; }
};

// 行政诉讼和行政复议案件 → 行政诉讼 | 行政复议案件.
std::vector<Stretch> split_conjuncts(std::u32string_view view, Stretch object) {
    std::vector<Stretch> parts{{object.begin, object.begin}};
    for (std::size_t k = object.begin; k < object.end; ++k) {
        const std::size_t sep = starts_with(view, k, U"以及")                                                   ? 2
                                : std::u32string_view(U"和及与、或").find(view[k]) != std::u32string_view::npos ? 1
                                                                                                                : 0;
        if (sep == 0) {
            parts.back().end = k + 1;
            continue;
        }
        k += sep - 1;
        parts.push_back({k + 1, k + 1});
    }
    std::erase_if(parts, [](const Stretch& p) { return p.empty(); });
    return parts;
}

std::vector<Hit> read_zero(const Line& line, std::size_t pos, std::size_t limit, std::size_t& resume) {
    const std::u32string_view view = line.view;
    const std::size_t n = match_any(view, pos, kNegationSet);
    if (n == 0) return {};
    if (view[pos] == U'零') {
        if (pos > 0 && (is_chinese_digit(view[pos - 1]) || is_scale_char(view[pos - 1]))) return {};
        const std::size_t e = match_any(view, pos + 1, kCountedAfterLingSet);
        if (e == 0 || pos + 1 + e > limit || (pos + 1 + e < view.size() && view[pos + 1 + e] == U'率')) return {};
        resume = pos + 1 + e;
        Hit h{pos, pos + 1, "0", "", {}, {}, true, false, line.utf8(pos + 1, pos + 1 + e)};
        h.implied_unit = zero_unit(view.substr(pos + 1, e));
        return {h};
    }
    if (view[pos] == U'无' && pos + 1 < view.size() &&
        kNotNegatedAfterWu.find(view[pos + 1]) != std::u32string_view::npos)
        return {};
    // 无正当理由…: a condition, as table labels and rules state it, not a count.
    if (view[pos] == U'无' && match_any(view, pos + 1, {U"正当", U"理由"}) > 0) return {};
    std::size_t from = pos + n;
    from += match_any(view, from, {U"一起", U"一件", U"一例", U"一宗", U"任何"});
    const std::size_t end = zero_object_end(view, from, limit, starts_with(view, pos, U"没有") && n == 2);
    if (end == 0) return {};
    Stretch head{end, end};
    for (std::u32string_view e : kEvents)
        if (end - from >= e.size() && view.substr(end - e.size(), e.size()) == e) {
            head.begin = end - e.size();
            break;
        }
    std::vector<Hit> out;
    for (const Stretch& part : split_conjuncts(view, {from, end})) {
        const bool own_head = ends_with_event(view.substr(part.begin, part.size()));
        std::string subject = line.utf8(part.begin, part.end) + (own_head ? "" : line.utf8(head.begin, head.end));
        Hit h{pos, pos + n, "0", "", {}, {}, true, false, std::move(subject)};
        h.implied_unit =
            zero_unit(own_head ? view.substr(part.begin, part.size()) : view.substr(head.begin, head.size()));
        out.push_back(std::move(h));
    }
    resume = end;
    return out;
}

// --- subjects ----------------------------------------------------------------------------

bool is_ascii_punct(char32_t cp) { return cp < 0x80 && !is_ascii_digit(cp) && !is_ascii_alpha(cp); }

// Trims words between a subject and its number (已达, 分别为, 共) and before it (全市, 我局,
// 2023年), with spaces and punctuation; a bracket is kept when its partner is kept too.
Stretch strip_light(std::u32string_view view, Stretch s) {
    for (bool changed = true; changed && !s.empty();) {
        changed = false;
        const std::u32string_view t = view.substr(s.begin, s.size());
        if (!t.empty() && kTrailingLightSet.may_end(t.back()))
            for (std::u32string_view w : kTrailingLight)
                if (t.size() >= w.size() && t.substr(t.size() - w.size()) == w) {
                    s.end -= w.size();
                    changed = true;
                    break;
                }
        if (const std::size_t lead = match_any(view.substr(0, s.end), s.begin, kLeadingLightSet); lead > 0) {
            s.begin += lead;
            changed = true;
        }
        std::size_t k = s.begin;
        while (k < s.end && is_ascii_digit(view[k])) ++k;
        if (k > s.begin && k < s.end && (view[k] == U'年' || view[k] == U'月')) {
            s.begin = k + 1 + match_any(view.substr(0, s.end), k + 1, {U"度", U"份", U"底", U"初", U"末"});
            changed = true;
        }
        const auto strippable = [&](std::size_t at, char32_t partner) {
            const char32_t cp = view[at];
            if (is_space(cp)) return true;
            if (cp == '(' || cp == ')') return !facts::contains(view, s.begin, s.end, std::u32string(1, partner));
            return is_cjk_punct(cp) || is_ascii_punct(cp);
        };
        while (!s.empty() && strippable(s.begin, U')')) ++s.begin, changed = true;
        while (!s.empty() && strippable(s.end - 1, U'(')) --s.end, changed = true;
    }
    return s;
}

Stretch capped(Stretch s) {
    if (s.size() > kMaxSubject) s.begin = s.end - kMaxSubject;
    return s;
}

bool only_verb(std::u32string_view view, Stretch s) { return s.size() == verb_at(view.substr(0, s.end), s.begin); }

// The counted noun before the number: the words after the last verb (or title, or bracket)
// that leaves some; verbs inside brackets or a list (群众咨询、求助) are nouns.
Stretch subject_before(std::u32string_view view, std::size_t lead_begin, std::size_t begin) {
    std::vector<std::size_t> cuts{lead_begin};
    int depth = 0;
    for (std::size_t k = lead_begin; k < begin; ++k) {
        if (view[k] == '(') ++depth;
        if (view[k] == ')') depth = std::max(0, depth - 1);
        if (view[k] == U'》') cuts.push_back(k + 1);
        const std::size_t v = depth == 0 ? verb_at(view.substr(0, begin), k) : 0;
        if (v == 0) continue;
        const std::size_t after = k + v;
        const bool listed =
            (after < begin && std::u32string_view(U"、等和").find(view[after]) != std::u32string_view::npos) ||
            (k > lead_begin && view[k - 1] == U'、');
        if (!listed) cuts.push_back(after);
        k = after - 1;
    }
    for (std::size_t c = cuts.size(); c-- > 0;) {
        const Stretch s = strip_light(view, {cuts[c], begin});
        if (s.size() >= 2 && !only_verb(view, s)) return capped(s);
    }
    return {};
}

// The counted noun after the number (5次专题党组会议, 8家企业获批…).
Stretch subject_after(std::u32string_view view, std::size_t end, std::size_t limit) {
    std::size_t k = end;
    while (k < limit && k - end < 20 && is_han(view[k]) && kSubjectStops.find(view[k]) == std::u32string_view::npos &&
           verb_at(view.substr(0, limit), k) == 0 &&
           !(is_chinese_digit(view[k]) && k + 1 < limit && unit_at(view, k + 1) > 0))
        ++k;
    return k - end >= 2 ? Stretch{end, k} : Stretch{};
}

// What a clause says when no noun is counted (30余人参加庭审旁听): its predicate.
Stretch predicate_after(std::u32string_view view, std::size_t end, std::size_t limit) {
    std::size_t k = end;
    while (k < limit && k - end < 12 && is_han(view[k])) ++k;
    return {end, k};
}

// --- a block's text ----------------------------------------------------------------------

struct Range {
    const Line* line = nullptr;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t block = 0;
};

// A clause runs between clause punctuation, at most kMaxClause characters either side of the
// quantity, so that text without punctuation cannot make every quote the whole block.
constexpr std::size_t kMaxClause = 300;

std::pair<std::size_t, std::size_t> clause_of(const Line& line, std::size_t begin, std::size_t end, const Range& r) {
    std::size_t b = begin;
    while (b > r.begin && begin - b < kMaxClause && !facts::is_clause_break(line.view, b - 1)) --b;
    std::size_t e = end;
    while (e < r.end && e - end < kMaxClause && !facts::is_clause_break(line.view, e)) ++e;
    while (b < e && is_space(line.view[b])) ++b;
    while (e > b && is_space(line.view[e - 1])) --e;
    return {b, e};
}

void fill_subjects(const Line& line, const Range& r, std::vector<Hit>& hits) {
    const std::u32string_view view = line.view;
    for (std::size_t k = 0; k < hits.size(); ++k) {
        Hit& h = hits[k];
        if (h.zero) continue;
        const auto [cb, ce] = clause_of(line, h.begin, h.end, r);
        const bool same_clause = k > 0 && hits[k - 1].end > cb && hits[k - 1].end <= h.begin;
        const std::size_t lead = same_clause ? hits[k - 1].end : cb;
        const std::size_t next = k + 1 < hits.size() && hits[k + 1].begin < ce ? hits[k + 1].begin : ce;
        // 综合得分居全省第3位: what ranks (a 排名 is itself what ranks: 世界排名由第十位…).
        if (h.rank_verb > lead && h.rank_verb < h.begin && match_any(view, h.rank_verb, {U"排名", U"排位"}) == 0) {
            const Stretch s = subject_before(view, lead, h.rank_verb);
            h.subject = s.empty() ? std::string() : line.utf8(s.begin, s.end);
            continue;
        }
        if (h.unit == U"部门" || h.unit == U"部委") {  // 三部门联合印发: the counting word is the noun
            h.subject = to_utf8(h.unit);
            continue;
        }
        Stretch s = h.measure ? Stretch{} : subject_after(view, h.end, next);
        if (s.empty()) s = subject_before(view, lead, h.begin);
        // 1188万元、1450万元: a number standing alone in a list counts what its neighbour counts.
        if (same_clause && strip_light(view, {lead, h.begin}).empty() && hits[k - 1].counting_unit() == h.unit) {
            h.subject = hits[k - 1].subject;
            continue;
        }
        if (s.empty()) s = predicate_after(view, h.end, next);
        const Stretch rest = strip_light(view, {lead, h.begin});
        const bool adjacent = same_clause && hits[k - 1].end == h.begin;  // 十章七十六条
        const bool only_total = h.begin > cb && facts::total_word_at(view, cb) == h.begin - cb;
        const bool restated = k > 0 && !hits[k - 1].zero && strip_light(view, {cb, h.begin}).empty() &&
                              (hits[k - 1].unit == h.unit || only_total);  // 项目3项,共400万元
        if (!s.empty())
            h.subject = line.utf8(s.begin, s.end);
        else if (adjacent || restated)
            h.subject = hits[k - 1].subject;
        else if (!rest.empty())
            h.subject = line.utf8(rest.begin, rest.end);
        else
            h.subject = line.utf8(lead, h.begin);
    }
}

std::vector<Hit> scan(const Line& line, const Range& r) {
    const std::u32string_view view = line.view;
    const std::vector<Guard> guards = guards_in(view, r.begin, r.end);
    std::size_t g = 0;
    std::vector<Hit> hits;
    for (std::size_t i = r.begin; i < r.end;) {
        while (g < guards.size() && guards[g].end <= i) ++g;
        if (g < guards.size() && guards[g].begin <= i) {
            i = guards[g].end;
            continue;
        }
        std::size_t resume = i + 1;
        std::vector<Hit> zero = read_zero(line, i, r.end, resume);
        if (!zero.empty()) {
            for (Hit& z : zero) hits.push_back(std::move(z));
            i = resume;
            continue;
        }
        const bool starts_number = is_ascii_digit(view[i]) || is_chinese_digit(view[i]) || is_scale_char(view[i]);
        if (starts_number || (view[i] == U'百' && starts_with(view, i, U"百分之"))) {
            const std::size_t lower = hits.empty() ? r.begin : hits.back().end;
            if (std::optional<Hit> h = read_quantity(view, i, lower, r.end, resume)) {
                i = h->end;
                hits.push_back(std::move(*h));
                continue;
            }
            i = starts_number ? resume : i + 1;
            continue;
        }
        ++i;
    }
    fill_subjects(line, r, hits);
    return hits;
}

Fact fact_of(const Line& line, const Range& r, const Hit& h) {
    Fact f;
    f.value = h.value;
    f.value_max = h.value_max;
    f.value_text = line.utf8(h.begin, h.end);
    f.unit = to_utf8(h.unit);
    f.implied_unit = to_utf8(h.implied_unit);
    f.qualifier = to_utf8(h.qualifier);
    f.zero = h.zero || f.value == "0";
    f.subject = h.subject;
    f.block = r.block;
    f.span = line.span_of(h.begin, h.end);
    const auto [cb, ce] = clause_of(line, h.begin, h.end, r);
    f.quote = line.utf8(cb, ce);
    f.quote_span = line.span_of(cb, ce);
    return f;
}

// Facts are collected in a deque, which grows without copying what it holds, and moved into a
// vector of their exact number at the end.
using Found = std::deque<Fact>;

std::vector<Fact> take(Found& found) {
    std::vector<Fact> out;
    out.reserve(found.size());
    for (; !found.empty(); found.pop_front()) out.push_back(std::move(found.front()));
    return out;
}

void extract_range(const Line& line, const Range& r, Found& out) {
    for (const Hit& h : scan(line, r)) out.push_back(fact_of(line, r, h));
}

// --- blocks and their lines --------------------------------------------------------------

bool has_facts(BlockKind kind) {
    return kind == BlockKind::paragraph || kind == BlockKind::heading || kind == BlockKind::list_item;
}

// The stretch of `line` a block was built from, without its numbering marker.
std::optional<Range> range_of(const Line& line, const Block& b, std::size_t index) {
    Range r{&line, line.origin.lower_bound(static_cast<std::uint32_t>(b.span.start)),
            line.origin.lower_bound(static_cast<std::uint32_t>(b.span.end)), index};
    if (!b.marker.empty() && b.kind != BlockKind::paragraph) {
        const std::u32string marker = to_u32(b.marker);
        if (starts_with(line.text, r.begin, marker)) r.begin += marker.size();
    }
    if (r.begin >= r.end) return std::nullopt;
    return r;
}

// The index of the line `b` was built from, or lines.size().
std::size_t line_of(const std::vector<const Line*>& lines, const Block& b) {
    auto it = std::upper_bound(lines.begin(), lines.end(), b.span.start,
                               [](std::size_t start, const Line* l) { return start < l->span.start; });
    if (it == lines.begin() || b.span.start >= (*(it - 1))->span.end) return lines.size();
    return static_cast<std::size_t>(it - 1 - lines.begin());
}

// A table cell as a line of its own: its text is contiguous in the source when the lengths
// agree, otherwise every character points at the cell's start.
Line cell_line(const TableCell& cell) {
    Line line;
    line.text = to_u32(cell.text);
    line.view = fold(line.text);
    line.span = cell.span;
    const bool contiguous = cell.span.end - cell.span.start == line.text.size();
    for (std::size_t i = 0; i < line.text.size(); ++i)
        line.origin.push_back(static_cast<std::uint32_t>(cell.span.start + (contiguous ? i : 0)));
    return line;
}

// --- tables ------------------------------------------------------------------------------

// A cell holding nothing but a number ("12", "1,234", "98.5%"): its decimal, or empty.
std::string bare_number(const std::string& text, bool& percent) {
    const std::u32string v = to_folded_u32(text);
    const std::u32string_view t = trim(v);
    percent = !t.empty() && t.back() == '%';
    const std::u32string_view digits = percent ? t.substr(0, t.size() - 1) : t;
    if (digits.empty() || !is_ascii_digit(digits[0])) return {};
    const std::optional<Numeral> n = read_arabic(digits, 0);
    if (!n || n->end != digits.size() || n->power != 0) return {};
    return n->min;
}

// Each cell at the grid positions it covers (merged cells cover several; spans are capped so a
// hostile colspan cannot blow the grid up).
struct Grid {
    std::vector<std::vector<const TableCell*>> at;
    std::vector<bool> header;  // a header row
    // The rows holding a header row or cell, in order: the only ones that label a column (a
    // long table is not scanned from its top for every cell).
    std::vector<std::size_t> labelling;
    // Per column, its labels read down the labelling rows so far: the cells of a column are
    // asked for top to bottom, each reading on from where the one above stopped.
    struct ColumnLabels {
        std::size_t done = 0;  // labelling rows read
        std::set<const TableCell*> seen;
        std::set<std::string> texts;
        std::string out;
    };
    mutable std::vector<ColumnLabels> columns;
};

Grid grid_of(const Block& b) {
    constexpr int kMaxSpan = 64;
    Grid g;
    g.at.resize(b.rows.size());
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
        std::size_t c = 0;
        for (const TableCell& cell : b.rows[r].cells) {
            while (c < g.at[r].size() && g.at[r][c]) ++c;
            const auto rows = static_cast<std::size_t>(std::clamp(cell.row_span, 1, kMaxSpan));
            const auto cols = static_cast<std::size_t>(std::clamp(cell.col_span, 1, kMaxSpan));
            for (std::size_t dr = 0; dr < rows && r + dr < b.rows.size(); ++dr)
                for (std::size_t dc = 0; dc < cols; ++dc) {
                    std::vector<const TableCell*>& line = g.at[r + dr];
                    if (line.size() <= c + dc) line.resize(c + dc + 1, nullptr);
                    line[c + dc] = &cell;
                }
            c += cols;
        }
    }
    for (std::size_t r = 0; r < b.rows.size(); ++r)
        g.header.push_back(b.rows[r].header ||
                           (!b.rows[r].cells.empty() && std::all_of(b.rows[r].cells.begin(), b.rows[r].cells.end(),
                                                                    [](const TableCell& c) { return c.header; })));
    // Tables without marked headers usually label their columns in the first row.
    const bool none = std::none_of(g.header.begin(), g.header.end(), [](bool h) { return h; });
    if (none && !b.rows.empty() && std::none_of(b.rows[0].cells.begin(), b.rows[0].cells.end(), [](const TableCell& c) {
            bool percent = false;
            return !bare_number(c.text, percent).empty();
        }))
        g.header[0] = true;
    for (std::size_t r = 0; r < b.rows.size(); ++r)
        if (g.header[r] ||
            std::any_of(b.rows[r].cells.begin(), b.rows[r].cells.end(), [](const TableCell& c) { return c.header; }))
            g.labelling.push_back(r);
    return g;
}

// The unit a row or column label gives its numbers: 金额（万元）, 本年制发件数, 人数.
std::u32string label_unit(std::u32string_view label, int& power) {
    power = 0;
    for (std::size_t open = label.find('('); open != std::u32string_view::npos; open = label.find('(', open + 1)) {
        const std::size_t close = label.find(')', open);
        if (close == std::u32string_view::npos) break;
        std::u32string_view inner = trim(label.substr(open + 1, close - open - 1));
        if (!inner.empty() && inner.size() > 1 && (inner[0] == U'万' || inner[0] == U'亿'))
            power = inner[0] == U'万' ? 4 : 8, inner.remove_prefix(1);
        if (!inner.empty() && unit_at(inner, 0) == inner.size()) return std::u32string(inner);
        power = 0;
    }
    for (std::size_t k = 1; k < label.size(); ++k)
        if (label[k] == U'数' && unit_at(label, k - 1) == 1) return std::u32string(1, label[k - 1]);
    return {};
}

// A label cell's text, or empty when the cell cannot label (a number, blank).
std::string label_of(const TableCell& cell) {
    bool percent = false;
    if (!bare_number(cell.text, percent).empty()) return {};
    return to_utf8(trim(to_u32(cell.text)));
}

std::string cell_labels(const Grid& g, std::size_t r, std::size_t c, bool column) {
    if (!column) {  // the cells left of it
        std::vector<const TableCell*> seen;
        std::string out;
        for (std::size_t k = 0; k < c; ++k) {
            const TableCell* cell = g.at[r][k];
            if (!cell || std::find(seen.begin(), seen.end(), cell) != seen.end()) continue;
            const std::string text = label_of(*cell);
            if (text.empty()) continue;
            seen.push_back(cell);
            out += (out.empty() ? "" : " ") + text;
        }
        return out;
    }
    // The header cells of its column in the labelling rows above it.
    const auto count =
        static_cast<std::size_t>(std::lower_bound(g.labelling.begin(), g.labelling.end(), r) - g.labelling.begin());
    if (g.columns.size() <= c) g.columns.resize(c + 1);
    Grid::ColumnLabels& labels = g.columns[c];
    if (count < labels.done) labels = Grid::ColumnLabels{};
    for (; labels.done < count; ++labels.done) {
        const std::size_t k = g.labelling[labels.done];
        const TableCell* cell = c < g.at[k].size() ? g.at[k][c] : nullptr;
        if (!cell || labels.seen.count(cell) || (!g.header[k] && !cell->header)) continue;
        const std::string text = label_of(*cell);
        if (text.empty()) continue;
        labels.seen.insert(cell);
        // A header repeated after a page break names its column once.
        if (!labels.texts.insert(text).second) continue;
        labels.out += (labels.out.empty() ? "" : " ") + text;
    }
    return labels.out;
}

// A number alone in a cell: its row's and column's labels say what it counts and in what unit.
std::optional<Fact> cell_fact(const Grid& g, std::size_t r, std::size_t c, std::size_t index) {
    const TableCell* cell = g.at[r][c];
    bool percent = false;
    const std::string value = bare_number(cell->text, percent);
    if (value.empty() || cell->header || g.header[r]) return std::nullopt;
    const std::string row = cell_labels(g, r, c, false);
    const std::string column = cell_labels(g, r, c, true);
    if (row.empty() && column.empty()) return std::nullopt;
    int power = 0;
    std::u32string unit = percent ? U"%" : label_unit(to_folded_u32(column), power);
    if (unit.empty()) unit = label_unit(to_folded_u32(row), power);
    Fact f;
    f.value = shift_decimal(value, power);
    f.value_text = to_utf8(trim(to_u32(cell->text)));
    f.unit = to_utf8(unit);
    f.zero = f.value == "0";
    f.subject = row + (row.empty() || column.empty() ? "" : " ") + column;
    f.block = index;
    f.span = cell->span;
    f.quote = f.subject + "：" + f.value_text;  // a cell has no clause: its labels stand for one
    f.quote_span = cell->span;
    return f;
}

void extract_table(const Block& b, std::size_t index, Found& out) {
    const Grid g = grid_of(b);
    for (std::size_t r = 0; r < g.at.size(); ++r) {
        const std::string row_label = b.rows[r].cells.empty() ? std::string() : b.rows[r].cells.front().text;
        for (std::size_t c = 0; c < g.at[r].size(); ++c) {
            const TableCell* cell = g.at[r][c];
            // Each cell once, where it starts: not again under its column span or row span.
            if (!cell || (c > 0 && g.at[r][c - 1] == cell) ||
                (r > 0 && c < g.at[r - 1].size() && g.at[r - 1][c] == cell))
                continue;
            if (std::optional<Fact> f = cell_fact(g, r, c, index)) {
                out.push_back(std::move(*f));
                continue;
            }
            const Line line = cell_line(*cell);
            const Range range{&line, 0, line.text.size(), index};
            for (const Hit& h : scan(line, range)) {
                Fact f = fact_of(line, range, h);
                if (f.subject.empty() && cell != &b.rows[r].cells.front()) f.subject = row_label;
                out.push_back(std::move(f));
            }
        }
    }
}

}  // namespace

std::vector<Fact> extract_facts(const std::vector<const Line*>& lines, const std::vector<Block>& blocks,
                                const Budget& budget, const std::function<void(std::size_t)>& done) {
    // The line of each block with facts. Blocks come in source order, and so do their lines;
    // were that not so, no line would be given up before the end.
    std::vector<std::size_t> line_at(blocks.size(), lines.size());
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (has_facts(blocks[i].kind)) line_at[i] = line_of(lines, blocks[i]);
    std::size_t last = 0;
    bool in_order = true;
    for (const std::size_t k : line_at) {
        if (k == lines.size()) continue;
        in_order = in_order && k >= last;
        last = k;
    }
    Found out;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        budget.check_time();
        const Block& b = blocks[i];
        if (b.kind == BlockKind::table) {
            extract_table(b, i, out);
            continue;
        }
        const std::size_t k = line_at[i];
        if (k == lines.size()) continue;
        if (done && in_order) done(k);
        if (const std::optional<Range> r = range_of(*lines[k], b, i)) extract_range(*lines[k], *r, out);
    }
    return take(out);
}

std::vector<Fact> extract_facts(std::string_view text) {
    Line line;
    line.text = to_u32(text);
    line.view = fold(line.text);
    for (std::size_t i = 0; i < line.text.size(); ++i) line.origin.push_back(static_cast<std::uint32_t>(i));
    line.span = Span{0, line.text.size()};
    Found out;
    if (!line.text.empty()) extract_range(line, Range{&line, 0, line.text.size(), 0}, out);
    return take(out);
}

HeadingPaths::HeadingPaths(const std::vector<Block>& blocks)
    : blocks_(blocks), inner_(blocks.size(), kNone), outer_(blocks.size(), kNone) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].kind == BlockKind::heading) {
            while (!open.empty() && blocks[open.back()].level >= blocks[i].level) open.pop_back();
            if (!open.empty()) outer_[i] = open.back();
            open.push_back(i);
        }
        if (!open.empty()) inner_[i] = open.back();
    }
}

std::vector<std::string> HeadingPaths::of(std::size_t block) const {
    std::vector<std::string> path;
    if (blocks_.empty()) return path;
    for (std::size_t h = inner_[std::min(block, blocks_.size() - 1)]; h != kNone; h = outer_[h])
        path.push_back(blocks_[h].marker + blocks_[h].text);
    std::reverse(path.begin(), path.end());
    return path;
}

}  // namespace gongwen
