"""Quantities: number forms -> value / unit / kind, most from sentences of corpora/pool and the seeds.

Kinds are checked with the rule classifier (the model is switched off here),
so the rules keep working when no model file is stored.
"""
from __future__ import annotations

import pytest

from pipeline.extract import quantities as quantities_module
from pipeline.extract.numbers import load_table
from pipeline.extract.quantity_kind_rules import rule_kind
from pipeline.model import Document
from pipeline.segment import split_sentences


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setenv("VNPIPE_KIND_MODEL", "/nonexistent/kind_model.json")
    import pipeline.kind_model as km
    if hasattr(km, "load_model") and hasattr(km.load_model, "cache_clear"):
        km.load_model.cache_clear()
    yield
    if hasattr(km, "load_model") and hasattr(km.load_model, "cache_clear"):
        km.load_model.cache_clear()


def quantities(text: str):
    doc = split_sentences(Document.from_text(text))
    found = quantities_module.find_quantities(doc)
    for q in found:
        assert doc.text[q.start:q.end] == q.text
    return found


# text -> [(span text, value, unit)] ; unit None means "not checked" for counts
FORMS = [
    ("quận đã đạt 98,65% số tổ chức cơ sở Đảng", [("98,65%", 98.65, "%")]),
    ("giảm 1.950 biên chế sự nghiệp", [("1.950", 1950, "biên chế sự nghiệp")]),
    ("thu ngân sách của quận đạt trên 14 nghìn tỷ đồng/năm", [("14 nghìn tỷ đồng", 1.4e13, "đồng")]),
    ("dân số khoảng 2,5 triệu người", [("2,5 triệu", 2.5e6, "người")]),
    ("đạt 213/210;", [("213", 213, None), ("210", 210, None)]),
    ("tăng trưởng 6,5-6,7%", [("6,5", 6.5, "%"), ("6,7%", 6.7, "%")]),
    ("giảm từ 10 đến 15% số vụ án", [("10", 10, "%"), ("15%", 15, "%")]),
    ("bị phạt từ 3-5 triệu đồng", [("3", 3e6, "đồng"), ("5 triệu đồng", 5e6, "đồng")]),
    ("triển khai 10 đề tài, đề án, chuyên đề, nghị quyết; khối đoàn thể",
     [("10", 10, "đề tài, đề án, chuyên đề, nghị quyết")]),
    ("xây dựng gần 300 đề án, chuyên đề, kế hoạch công tác để tổ chức",
     [("300", 300, "đề án, chuyên đề, kế hoạch công tác")]),
    ("tập trung thực hiện Chương trình 04 và 2 bộ Quy tắc ứng xử, để", [("2", 2, "bộ Quy tắc ứng xử")]),
    ("công bố danh mục 557 thủ tục hành chính", [("557", 557, "thủ tục hành chính")]),
    ("bị truy tố về hai tội danh", [("hai", 2, "tội danh")]),
    ("Ba nghị quyết, đề án về quy hoạch", [("Ba", 3, None)]),
    ("xây dựng ba đề án", [("ba", 3, "đề án")]),
    ("hơn 51,8 tỷ đồng nhận tiền lãi ngoài", [("51,8 tỷ đồng", 51.8e9, "đồng")]),
    ("tổng tài sản 805 nghìn tỷ đồng", [("805 nghìn tỷ đồng", 8.05e14, "đồng")]),
    ("ước tính 5,4 tỉ USD", [("5,4 tỉ USD", 5.4e9, "USD")]),
    ("tương đương 208 triệu đô la Mỹ", [("208 triệu đô la Mỹ", 2.08e8, "USD")]),
    ("với giá 500.000đ mỗi vé", [("500.000đ", 5e5, "đồng")]),
    ("mức lương cơ sở 1,39 triệu đồng", [("1,39 triệu đồng", 1.39e6, "đồng")]),
    ("tăng 5 phần trăm", [("5 phần trăm", 5, "%")]),
    ("diện tích 318,889 ha", [("318,889", 318.889, "ha")]),
    ("chủ sở hữu 2ha đất", [("2", 2, "ha")]),
    ("cao tối đa 120m", [("120", 120, "m")]),
    ("17 bị cáo hầu toà", [("17", 17, "bị cáo")]),
    ("gần 600 DNNN (các tập đoàn)", [("600", 600, "DNNN")]),
    ("bầu bổ sung 2 Phó Chủ tịch UBND TPHCM", [("2", 2, None)]),
    ("phải giải quyết chế độ là 16.000, chưa tính", [("16.000", 16000, None)]),
    ("chỉ đạo sắp xếp 88 doanh nghiệp quân đội còn 17, giảm 71 doanh nghiệp",
     [("88", 88, "doanh nghiệp quân đội"), ("17", 17, None), ("71", 71, "doanh nghiệp")]),
    ("với số phiếu tuyệt đối 48/48 (đạt tỷ lệ 100%)", [("48", 48, None), ("48", 48, None), ("100%", 100, "%")]),
    ("khai thiếu hơn 7.905 m2 đất ở", [("7.905", 7905, "m2")]),
    ("làm tốt công tác đảng viên trên cả 3 mặt: Giáo dục", [("3", 3, "mặt")]),
    ("có 16 nội dung đã hoàn thành, 8 nội dung đã hoàn thành dự thảo",
     [("16", 16, "nội dung"), ("8", 8, "nội dung")]),
    ("Có 1.000 người tham dự", [("1.000", 1000, "người")]),
    ("giá 0,01 USD/m2/năm", [("0,01 USD", 0.01, "USD")]),
    ("nâng hạn mức bảo hiểm tiền gửi lên 75 triệu đồng", [("75 triệu đồng", 7.5e7, "đồng")]),
    ("khoảng 12 nghìn tỉ đồng", [("12 nghìn tỉ đồng", 1.2e13, "đồng")]),
    ("thu 1 tỷ 200 triệu đồng", [("1 tỷ", 1e9, None), ("200 triệu đồng", 2e8, "đồng")]),
    ("đã kết nạp mới được 311 hội viên", [("311", 311, "hội viên")]),
    ("có 4 Phó Giám đốc là vượt quá", [("4", 4, None)]),
    ("chiếm 22% tổng mức đầu tư", [("22%", 22, "%")]),
    ("lãi suất 0,5%/tháng", [("0,5%", 0.5, "%")]),
    ("Tổng số 235 trường đại học", [("235", 235, "trường đại học")]),
    ("giao cho 11 cơ quan, đơn vị chủ trì", [("11", 11, "cơ quan, đơn vị")]),
    ("còn lại 10 đề án, đề tài, chuyên đề, kế hoạch đang được triển khai",
     [("10", 10, "đề án, đề tài, chuyên đề, kế hoạch")]),
    ("thay thế 150 thủ tục hành chính và bãi bỏ 520 thủ tục hành chính",
     [("150", 150, "thủ tục hành chính"), ("520", 520, "thủ tục hành chính")]),
    ("chi trả nợ đạt 150,3 nghìn tỷ đồng, bằng 96,9%",
     [("150,3 nghìn tỷ đồng", 1.503e14, "đồng"), ("96,9%", 96.9, "%")]),
    ("cam kết không vi phạm 27 biểu hiện suy thoái", [("27", 27, "biểu hiện suy thoái")]),
    ("vốn điều lệ 30 tỷ đồng", [("30 tỷ đồng", 3e10, "đồng")]),
    ("Thu ngân sách 2.660 tỷ đồng", [("2.660 tỷ đồng", 2.66e12, "đồng")]),
    # the first number of a money range takes the currency of the second
    ("mức phạt đối với hành vi này là từ 100 nghìn đến 300 nghìn đồng).",
     [("100 nghìn", 1e5, "đồng"), ("300 nghìn đồng", 3e5, "đồng")]),
    ("với giá từ 1,125 triệu đến 4,965 triệu đồng/m2",
     [("1,125 triệu", 1.125e6, "đồng"), ("4,965 triệu đồng", 4.965e6, "đồng")]),
    # "N trong số M noun": N counts the noun of M
    ("Từng “vinh dự” là 1 trong số 60 dự án vừa qua bị bộ Tài chính kiểm tra",
     [("1", 1, "dự án"), ("60", 60, "dự án")]),
    # a range whose dash is glued to the second number
    ("bán kính từ 5 Km -10 km xung quanh trạm 242 xe",
     [("5", 5, None), ("10", 10, None), ("242", 242, "xe")]),
    # "chục" alone is ten; a spelled amount with a scale word keeps its noun written before
    ("ngay lập tức “chôm” hơn chục quả trứng tại gian hàng", [("chục", 10, "quả trứng")]),
    ("xe khách trên 146 nghìn, xe tải trên một triệu, xe chuyên dụng là 28.100",
     [("146 nghìn", 1.46e5, None), ("một triệu", 1e6, None), ("28.100", 28100, None)]),
    # the 2 of "m 2" (m²) is no number of its own
    ("về việc thu hồi 675,7 m 2 của gia đình ông Phú", [("675,7", 675.7, None)]),
    # "Con số" is no name before a number
    ("Con số 8,26 triệu m2 sàn nhà ở xã hội còn phải thực hiện", [("8,26 triệu", 8.26e6, None)]),
    # a capitalised count after an address word is still a count when it heads an organisation
    ("Hội nghị tổ chức tại 12 Bộ, ngành và 63 tỉnh, thành phố", [("12", 12, None), ("63", 63, None)]),
    # a duration per period is a rate, not a length of time
    ("chỉ nên tăng thời gian làm thêm lên 44 giờ/tuần, thay vì phương án 48 giờ/tuần",
     [("44", 44, "giờ/tuần"), ("48", 48, "giờ/tuần")]),
    ("lao động và học tập, học nghề không quá 8 giờ/ngày.", [("8", 8, "giờ/ngày")]),
    ("trong trường hợp bình thường luật định (200 giờ /năm)", [("200", 200, "giờ/năm")]),
    ("người Nhật Bản đọc 4 giờ/tuần, Hàn Quốc 3 giờ/tuần", [("4", 4, "giờ/tuần"), ("3", 3, "giờ/tuần")]),
    # a lone "năm" is five after a word that introduces a count
    ("quyết định bổ nhiệm ngạch chuyên viên đối với năm trường hợp xét chuyển cán bộ",
     [("năm", 5, "trường hợp")]),
    ("khi đại hội diễn ra một ngày, một trong năm thành viên sáng lập là ông Tr",
     [("năm", 5, "thành viên")]),
    # "hai bên" alone counts the parties
    ("sớm nhất có thể trong Quý IV năm 2017; hai bên đồng ý rằng LSP sẽ ưu tiên", [("hai", 2, "bên")]),
    # an acronym before a count of people does not name the number
    ("tổng số lao động chuyển sang làm việc tại Tổng công ty Sông Đà - CTCP 412 người; số lao động",
     [("412", 412, "người")]),
]

NEGATIVES = [
    "Nghị quyết Hội nghị lần thứ 4 và thứ 36",
    "thực hiện Chương trình 01 và Chỉ thị 05 của Bộ Chính trị",
    "Nghị quyết Trung ương 4 (khóa XII)",
    "khám tại Phòng khám 168",
    "trong phòng, chống dịch COVID-19",
    "dịch vụ công mức độ 3, 4 để cải thiện",
    "bị tuyên phạt 7 năm 6 tháng tù",
    "lao động công ích 70 giờ",
    "sau 5 năm thực hiện, kỷ niệm 50 năm",
    "thất thoát hàng trăm tỷ đồng",
    "Một là, đổi mới. Hai là, tăng cường. Bảy là, kiểm tra.",
    "theo khoản 3, Điều 14 của Luật",
    "tòa án nhân dân hai cấp",
    "Nghị quyết số 54/2017/QH14 ngày 24-11-2017",
    "Ngày 9/5, đoàn kiểm tra làm việc",
    "giai đoạn 2021-2025",
    "học sinh lớp 12 trường THPT",
    "bệnh nhân tại Bệnh viện 175 Bộ Quốc phòng",
    "cách mạng công nghiệp 4.0",
    "lúc 15h30 ngày 12/6/2019 và 21h",
    "độ tuổi từ 6 đến 15 tuổi",
    "nguyên Tổng Bí thư Đỗ Mười và ông Phan Văn Sáu",
    "1. Tên dự án\n2. Địa điểm",
    "quy hoạch 1/500 đã được duyệt",
    "vào Top 10 doanh nghiệp bền vững",
    "ngay tại hai bên cổng ra vào",
    "một cán bộ và một đảng viên",
    # addresses and codes
    "Khu đất tại ngõ 282 Lạc Long Quân đã gây tranh chấp",
    "Nhà tang lễ quốc gia, số 5 Trần Thánh Tông, Hà Nội",
    "hay số 11B Tràng Thi của công ty con",
    "DNTN Hà Bảo (trụ sở ở 111 Phố Huế, Hà Nội)",
    "tại Km 898+200 khu vực đèo Hải Vân",
    "xe ô tô taxi 05 chỗ hãng Open Airport BKS 30A - 812.18 và xe",
    "rời khỏi Hải Phòng theo đường cao tốc 5B, sau đó",
    "Đây là đối tượng cầm đầu trong Chuyên án 545L.",
    "tại khu chung cư nhà 24T1 Hoàng Đạo Thúy",
    # the 2 of "m 2" (m²), article parts, clock hours, levels
    "ở Khoản 6, 7 Điều 4 Nghị định",
    "An ninh hình sự 24 h: Nhiều đối tượng bỏ trốn",
    "khu nghỉ dưỡng đẳng cấp 5 sao do tập đoàn CEO phát triển",
    # "bẩy" in "đòn bẩy" is no seven
    "được xem là đòn bẩy tạo nên sức hút mạnh nguồn vốn",
    # ages, durations, vehicle classes, lunar dates, periods
    "ông Quý, 55 tuổi, đã bị bắt",
    "dịp lễ người lao động có 4 ngày nghỉ liên tục",
    "xe công nông, xe 3 bánh, 4 bánh tự chế tham gia giao thông",
    "đề xuất tăng mức phí xe dưới 12 chỗ ngồi, xe tải",
    "trong đó xe từ 9 chỗ ngồi trở xuống",
    "Sáng 9/2 (mùng 5 Tết), tại Hà Nội",
    "mùa vụ rơi vào 2 quý cuối của năm",
    # "năm" is a year after other words or before a time word
    "trong những năm gần đây, phát triển các nguồn",
    "năm 2019 và những năm tiếp theo, chúng ta cần",
    "trường tồn cùng với năm tháng, thời gian",
    "Tổng doanh thu toàn Tập đoàn dự kiến cả năm đạt",
    # "ngã ba" is a junction; "hai bên đường" the sides of a road
    "nằm ngay ngã ba Nguyễn Huy Tưởng - Nguỵ Như Kon Tum",
    "bao gồm các vị trí hai bên đường vành đai,",
    # licence plates written with a space before the dash
    "các xe có biển kiểm soát sau: 30 E -558.19, 14 A -048.67, 29 D -0795, 29 U -5069, đồng thời",
    "chiếc xe container mang BKS: 72 C -121.80 đang lưu thông",
    # "100% vốn nhà nước" classes a firm
    "Nghị định số 59 về chuyển doanh nghiệp có 100% vốn Nhà nước thành công ty cổ phần",
    "ngân hàng liên doanh, ngân hàng 100% vốn nước ngoài, văn phòng đại diện",
]


@pytest.mark.parametrize("text,expected", FORMS, ids=[f[0][:40] for f in FORMS])
def test_quantity_forms(text, expected):
    got = quantities(text)
    assert [q.text for q in got] == [e[0] for e in expected]
    for q, (_, value, unit) in zip(got, expected):
        assert q.value == pytest.approx(value, rel=1e-6)
        if unit in ("%", "đồng", "USD"):
            assert q.unit == unit
        elif unit is not None:  # a count: the noun as written, maybe with its modifier
            assert q.unit is not None and q.unit.startswith(unit), (q.unit, unit)


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_quantities(text):
    assert [q.text for q in quantities(text)] == []


def test_enough_forms():
    assert len(FORMS) + len(NEGATIVES) >= 50 and len(FORMS) >= 50


def test_qualifier_and_per():
    q = quantities("thu ngân sách đạt trên 14 nghìn tỷ đồng/năm")[0]
    assert (q.qualifier, q.per) == ("trên", "năm")
    q = quantities("xây dựng gần 300 đề án")[0]
    assert (q.qualifier, q.per) == ("gần", None)


def test_negative_amount_keeps_positive_value():
    q = quantities("lợi nhuận âm 5 tỷ đồng")[0]
    assert q.value == 5e9


KINDS = [
    ("Kết quả các chỉ tiêu cụ thể, năm 2021, quận đã đạt 98,65% số tổ chức", "98,65%", "result"),
    ("số đảng viên mới kết nạp trong năm/chỉ tiêu đề ra đạt 213/210;", "213", "result"),
    ("số đảng viên mới kết nạp trong năm/chỉ tiêu đề ra đạt 213/210;", "210", "target"),
    ("giảm được 15 phòng, tổ chuyên môn thuộc 3 đơn vị sự nghiệp", "15", "result"),
    ("giảm được 15 phòng, tổ chuyên môn thuộc 3 đơn vị sự nghiệp", "3", "other"),
    ("Trong đó, cần tập trung hoàn thành 5 đề tài, đề án, kế hoạch còn lại", "5", "target"),
    ("Còn lại 10 đề án, đề tài đang được các cơ quan chủ trì triển khai", "10", "other"),
    ("Đến nay, có 16 nội dung đã hoàn thành", "16", "result"),
    ("Phấn đấu đến năm 2025 tỷ lệ bao phủ đạt 95% dân số", "95%", "target"),
    ("Mục tiêu đến năm 2030 có 50.000 doanh nghiệp", "50.000", "target"),
    ("TP HCM sẽ đấu giá 26.000 ha đất", "26.000", "target"),
    ("Vụ tiếp viên bị hành hung: Phạt 4 nhân viên hàng không 4 triệu đồng", "4 triệu đồng", "other"),
    ("số tiền hơn 51,8 tỷ đồng nhận tiền lãi ngoài", "51,8 tỷ đồng", "other"),
    ("gây thiệt hại 100 tỷ đồng cho Nhà nước", "100 tỷ đồng", "other"),
    ("Cụ thể có 446/447 đại biểu tán thành", "446", "result"),
    ("Ủy ban Kiểm tra thi hành kỷ luật khiển trách 10 đảng viên, cảnh cáo 2 người", "2", "result"),
    ("Mỗi dây chuyền kiểm định phải có tối thiểu 03 đăng kiểm viên", "03", "target"),
    ("Các sở đã tập trung rà soát, đánh giá 5 nhóm thủ tục hành chính", "5", "result"),
    ("Ban Chỉ đạo đã giao cho 11 cơ quan, đơn vị chủ trì", "11", "other"),
    ("Hà Nội có 30 quận, huyện", "30", "other"),
]


@pytest.mark.parametrize("sentence,number,kind", KINDS)
def test_rule_kind(sentence, number, kind):
    start = sentence.index(number) if number != "210" else sentence.index("/210") + 1
    assert rule_kind(sentence, start, start + len(number)) == kind


def test_kind_from_extractor_uses_rules_without_model():
    got = quantities("Quận đã giảm 1.950 biên chế.")
    assert got[0].kind == "result"


@pytest.mark.parametrize("row", load_table("quantity_cues.tsv", 3), ids=lambda r: r[0])
def test_quantity_cues_rows(row):
    phrase, role, example = row
    assert role in {"target", "result", "other", "name_before", "stop_after", "qualifier", "vague_before",
                    "compound_before", "address_before", "class_after", "vehicle_class", "year_after",
                    "kind_plan", "kind_forecast", "kind_done", "kind_stat", "kind_violation", "kind_norm"}
    assert phrase in example, (phrase, example)


@pytest.mark.parametrize("row", [r for r in load_table("quantity_cues.tsv", 3) if r[1] == "name_before"],
                         ids=lambda r: r[0])
def test_name_before_examples_are_not_counts(row):
    phrase, _, example = row
    values = [q.text for q in quantities(example)]
    assert not any(v.isdigit() and phrase + " " + v in example for v in values), (example, values)


@pytest.mark.parametrize("row", [r for r in load_table("quantity_cues.tsv", 3) if r[1] == "year_after"],
                         ids=lambda r: r[0])
def test_year_after_examples_are_no_five(row):
    _, _, example = row
    assert [q.text for q in quantities(example) if q.text == "năm"] == [], example
