# gis_report.py TITLE YEAR NEW DISCLOSED REVIEW_TOTAL: a made-up 政府信息公开工作年度报告 in the national
# 2021 format as an HTML page (tables 二/三/四 with the rowspans and colspans of the template), for
# tests/xlsx_test.sh. Table 四 states 行政复议 维持 1 + 纠正 1 and REVIEW_TOTAL as their total.
import sys
title, year, new, disclosed, review_total = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rows3 = [("一、本年新收政府信息公开申请数量", new), ("二、上年结转政府信息公开申请数量", 0),
         ("（一）予以公开", disclosed), ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0)]
withheld = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
unavailable = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
notp = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]
other = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]
def tr(cells): return "<tr>" + "".join(cells) + "</tr>\n"
def td(t, **a): return "<td" + "".join(f' {k}="{v}"' for k, v in a.items()) + f">{t}</td>"
def vals(total): return [td(total), td(0), td(0), td(0), td(0), td(0), td(total)]
h = [f"<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body><div class=\"article\"><h1>{title}</h1>",
     f"<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p><p>一、总体情况</p><p>{year}年，我区持续推进政务公开。</p>",
     "<p>二、主动公开政府信息情况</p><table border=1>",
     tr([td("第二十条第（一）项", colspan=4)]),
     tr([td("信息内容"), td("本年制发件数"), td("本年废止件数"), td("现行有效件数")]),
     tr([td("规章"), td(0), td(0), td(0)]), tr([td("行政规范性文件"), td(2), td(1), td(30)]),
     tr([td("第二十条第（五）项", colspan=4)]), tr([td("信息内容"), td("本年处理决定数量", colspan=3)]),
     tr([td("行政许可"), td(100, colspan=3)]),
     tr([td("第二十条第（六）项", colspan=4)]), tr([td("信息内容"), td("本年处理决定数量", colspan=3)]),
     tr([td("行政处罚"), td(5, colspan=3)]), tr([td("行政强制"), td(0, colspan=3)]),
     tr([td("第二十条第（八）项", colspan=4)]), tr([td("信息内容"), td("本年收费金额（单位：万元）", colspan=3)]),
     tr([td("行政事业性收费"), td(0, colspan=3)]), "</table>",
     "<p>三、收到和处理政府信息公开申请情况</p><table border=1>",
     tr([td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3), td("申请人情况", colspan=7)]),
     tr([td("自然人", rowspan=2), td("法人或其他组织", colspan=5), td("总计", rowspan=2)]),
     tr([td("商业企业"), td("科研机构"), td("社会公益组织"), td("法律服务机构"), td("其他")]),
     tr([td(rows3[0][0], colspan=3)] + vals(new)), tr([td(rows3[1][0], colspan=3)] + vals(0)),
     tr([td("三、本年度办理结果", rowspan=23), td(rows3[2][0], colspan=2)] + vals(disclosed)),
     tr([td(rows3[3][0], colspan=2)] + vals(0))]
first = True
for group, labels in [("（三）不予公开", withheld), ("（四）无法提供", unavailable), ("（五）不予处理", notp), ("（六）其他处理", other)]:
    for i, l in enumerate(labels):
        head = [td(group, rowspan=len(labels))] if i == 0 else []
        v = new - disclosed if (group == "（六）其他处理" and l == "3.其他") else 0
        h.append(tr(head + [td(l)] + vals(v)))
h += [tr([td("（七）总计", colspan=2)] + vals(new)), tr([td("四、结转下年度继续办理", colspan=3)] + vals(0)), "</table>",
      "<p>四、政府信息公开行政复议、行政诉讼情况</p><table border=1>",
      tr([td("行政复议", colspan=5), td("行政诉讼", colspan=10)]),
      tr([td(x, rowspan=2) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]] + [td("未经复议直接起诉", colspan=5), td("复议后起诉", colspan=5)]),
      tr([td(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]),
      tr([td(1), td(1), td(0), td(0), td(review_total), td(0), td(0), td(0), td(1), td(1), td(0), td(0), td(0), td(0), td(0)]),
      "</table><p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p></div></body></html>"]
sys.stdout.write("".join(h))
