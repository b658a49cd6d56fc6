"""Dates: surface forms -> ISO values, most from sentences of corpora/pool and the seeds."""
from __future__ import annotations

import pytest

from pipeline.extract.dates import find_dates, find_published
from pipeline.extract.numbers import load_table
from pipeline.model import Document
from pipeline.segment import split_sentences
from pipeline.stages import run_pipeline


def dates(text: str, published: str | None = None) -> list[tuple[str, str]]:
    doc = split_sentences(Document.from_text(text, published=published))
    found = find_dates(doc)
    for m in found:
        assert doc.text[m.start:m.end] == m.text
    return [(m.text, m.value) for m in found]


CASES = [
    # full days
    ("Chương trình số 01-CTr/TU ngày 17-3-2021 của Thành ủy", [("ngày 17-3-2021", "2021-03-17")]),
    ("Nghị định số 65/2016/NĐ-CP ngày 1/7/2016 của Chính phủ", [("ngày 1/7/2016", "2016-07-01")]),
    ("Hội nghị sơ kết được tổ chức ngày 19/04/2023.", [("ngày 19/04/2023", "2023-04-19")]),
    ("Căn cứ Luật Quy hoạch ngày 24 tháng 11 năm 2017", [("ngày 24 tháng 11 năm 2017", "2017-11-24")]),
    ("QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025", [("NGÀY 02 THÁNG 01 NĂM 2025", "2025-01-02")]),
    ("Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025", [("ngày 19 tháng 11 năm 2025", "2025-11-19")]),
    ("số 222/QĐTĐC - PC & CC 9 ngày 13/6/2017 đối với khu vực", [("ngày 13/6/2017", "2017-06-13")]),
    ("Khoảng 15h30 ngày 12/6/2019, Công an tỉnh", [("ngày 12/6/2019", "2019-06-12")]),
    ("Tính đến 21/6/2017, tỷ lệ góp vốn", [("đến 21/6/2017", "2017-06-21")]),
    ("kể từ ngày quay số (20/3/2018). Sau thời hạn", [("20/3/2018", "2018-03-20")]),
    ("áp dụng vào ngày 09.05.2022 tại", [("ngày 09.05.2022", "2022-05-09")]),
    ("sáng mai, thứ Ba, ngày 23/10/2018, Quốc hội sẽ", [("thứ Ba, ngày 23/10/2018", "2018-10-23")]),
    ("diễn ra vào sáng 15/8/2018, dẫn đến", [("sáng 15/8/2018", "2018-08-15")]),
    # publication stamps
    ("Tiêu đề\n\nThứ hai, 09/05/2022 15:03\n(ĐCSVN) – Phó Bí thư", [("Thứ hai, 09/05/2022 15:03", "2022-05-09")]),
    # day and month without a year: publication year, then the text's year
    ("Ngày 9/5, Đoàn kiểm tra làm việc", [("Ngày 9/5", "2022-05-09")], "2022-05-09"),
    ("Sáng 21/7, Ban Chỉ đạo họp; từ nay đến cuối năm 2017 phải xong.",
     [("Sáng 21/7", "2017-07-21"), ("đến cuối năm 2017", "2017")]),
    ("Ngày 28/12, tại Hội nghị tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022",
     [("Ngày 28/12", "2021-12-28"), ("năm 2021", "2021"), ("năm 2022", "2022")]),
    ("Chiều 19/7, Văn phòng Chủ tịch nước họp báo.", [("Chiều 19/7", "XXXX-07-19")]),
    ("Ngày mai (25/10), Quốc hội sẽ bỏ phiếu.", [("Ngày mai (25/10)", "2018-10-25")], "2018-10-24"),
    ("có hiệu lực thi hành kể từ ngày 21/9, thay thế", [("kể từ ngày 21/9", "2017-09-21")], "2017-09-01"),
    ("báo cáo UBND tỉnh trước ngày 20/12.", [("trước ngày 20/12", "2017-12-20")], "2017-11-30"),
    ("Ngày 28/12, Ban Chỉ đạo họp.", [("Ngày 28/12", "2021-12-28")], "2022-01-05"),
    ("vào đêm 7 rạng sáng ngày 8/8, kẻ trộm", [("rạng sáng ngày 8/8", "2017-08-08")], "2017-08-10"),
    # a holiday by its day: "lễ", "dịp" make a bare day a date, outside the span
    ("TP HCM muốn bắn pháo hoa mừng lễ 30/4", [("30/4", "XXXX-04-30")]),
    ("lễ trao tặng các danh hiệu NSND, NSƯT lần thứ 9 sẽ được tổ chức vào dịp 2/9 năm nay.", [("2/9", "XXXX-09-02")]),
    ("trúng tuyển với tỉ lệ 3/4 số thí sinh dự lễ", []),
    # months
    ("có hiệu lực từ tháng 2/2016", [("từ tháng 2/2016", "2016-02")]),
    ("Đầu tháng 2/2018, Thủ tướng Chính phủ", [("Đầu tháng 2/2018", "2018-02")]),
    ("trong tháng 9-2018.", [("tháng 9-2018", "2018-09")]),
    ("từ tháng 3 năm 2021", [("từ tháng 3 năm 2021", "2021-03")]),
    ("CPI tháng 8 tăng", [("tháng 8", "2017-08")], "2017-09-01"),
    ("kiểm tra từ 10/2017 đến nay", [("từ 10/2017", "2017-10")]),
    # quarters and parts of a year
    ("thoái vốn vào Quý I/2018.", [("Quý I/2018", "2018-01/2018-03")]),
    ("tổ chức trong quý III năm 2015", [("quý III năm 2015", "2015-07/2015-09")]),
    ("báo cáo công tác 6 tháng đầu năm 2018.", [("6 tháng đầu năm 2018", "2018-01/2018-06")]),
    ("ACB đạt lợi nhuận nửa đầu năm 2018", [("nửa đầu năm 2018", "2018-01/2018-06")]),
    ("Doanh thu 10 tháng đầu năm 2016 đạt", [("10 tháng đầu năm 2016", "2016-01/2016-10")]),
    # a plan's year: "kế hoạch" makes a bare 4-digit number a year; not a plan's number
    ("|\n**Sản phẩm**\n|\n**Kế hoạch 2026**\n|\n**Kế hoạch 2027**\n|",
     [("Kế hoạch 2026", "2026"), ("Kế hoạch 2027", "2027")]),
    # "năm nay": the year of writing, the publication year or none (never one borrowed)
    ("Từ năm 2015 - 2017 có 223 phi công thôi việc, riêng 5 tháng đầu năm nay có 33 phi công bỏ hãng",
     [("Từ năm 2015 - 2017", "2015/2017"), ("5 tháng đầu năm nay", "XXXX-01/XXXX-05")]),
    ("sẽ phát hành cổ phần cho nhà đầu tư nước ngoài và niêm yết chứng khoán trong quý III năm nay.",
     [("quý III năm nay", "2018-07/2018-09")], "2018-05-02"),
    ("Chủ tịch HĐND thành phố cho biết, nửa đầu năm nay kinh tế - xã hội, thu chi ngân sách",
     [("nửa đầu năm nay", "XXXX-01/XXXX-06")]),
    # years
    ("Năm 2018, Thành ủy tập trung lãnh đạo", [("Năm 2018", "2018")]),
    ("thông minh đến năm 2025, định hướng đến năm 2030", [("đến năm 2025", "2025"), ("đến năm 2030", "2030")]),
    ("Cuối năm 2008, ông Đinh La Thăng", [("Cuối năm 2008", "2008")]),
    ("đến hết năm 2023. Hà Nội cam kết", [("đến hết năm 2023", "2023")]),
    ("Nguyễn Thị Hường (SN 1986), trú xã Kim Liên", [("SN 1986", "1986")]),
    ("Ông Thanh sinh năm 1971, người Nghệ An", [("năm 1971", "1971")]),
    ("sáng tác trước năm 1975 tại miền Nam", [("trước năm 1975", "1975")]),
    # spans
    ("đẩy mạnh cải cách hành chính giai đoạn 2021-2025", [("giai đoạn 2021-2025", "2021/2025")]),
    ("Ban Chấp hành Đảng bộ nhiệm kỳ 2015 - 2020", [("nhiệm kỳ 2015 - 2020", "2015/2020")]),
    ("gia cầm tỉnh Bình Dương giai đoạn 2016 – 2020 và", [("giai đoạn 2016 – 2020", "2016/2020")]),
    ("năm học 2021-2022 với lớp 3", [("năm học 2021-2022", "2021/2022")]),
    ("đến cuối nhiệm kỳ X (2015 – 2020), công tác", [("2015 – 2020", "2015/2020")]),
    ("Trong thời gian từ năm 2014 đến năm 2018, Bùi Văn Thành", [("từ năm 2014 đến năm 2018", "2014/2018")]),
    ("Chủ tịch PVN từ 2009 đến 2011, ông", [("từ 2009 đến 2011", "2009/2011")]),
    ("từ ngày 3 đến 4-1-2019", [("từ ngày 3 đến 4-1-2019", "2019-01-03/2019-01-04")]),
    ("từ 1/7 đến 15/8/2021", [("từ 1/7 đến 15/8/2021", "2021-07-01/2021-08-15")]),
    ("từ tháng 3 đến tháng 5/2021", [("từ tháng 3 đến tháng 5/2021", "2021-03/2021-05")]),
    ("trong hai ngày 20-21/8/2019", [("ngày 20-21/8/2019", "2019-08-20/2019-08-21")]),
    ("ngày 20 và 21/8/2019", [("ngày 20", "2019-08-20"), ("21/8/2019", "2019-08-21")]),
    # spans: different grains after "từ", times of day inside, a bare day before "đến"
    ("tính từ năm 2017 đến ngày 26/2/2019, đã có trên 20 quốc gia",
     [("từ năm 2017 đến ngày 26/2/2019", "2017/2019-02-26")]),
    ("Chủ tịch Hội đồng giai đoạn từ tháng 7/2006 đến năm 2011, ông Vũ Văn Ninh",
     [("giai đoạn từ tháng 7/2006 đến năm 2011", "2006-07/2011")]),
    ("Tuy nhiên, giai đoạn từ 2009 đến ngày 15-10-2017, công ty không còn thực hiện",
     [("giai đoạn từ 2009 đến ngày 15-10-2017", "2009/2017-10-15")]),
    ("trong 3 ngày Tết, từ 0h ngày 4-2 đến 23h30 ngày 6-2 (tức từ 30 tháng chạp",
     [("từ 0h ngày 4-2 đến 23h30 ngày 6-2", "XXXX-02-04/XXXX-02-06")]),
    ("từ 20h ngày 31/12 đến 4h ngày 1/1/2018 Sở GTVT TP HCM cấm xe máy",
     [("từ 20h ngày 31/12 đến 4h ngày 1/1/2018", "2017-12-31/2018-01-01")]),
    ("Từ ngày 23/12/2015 đến ngày 2/2 vừa qua, Thanh tra huyện Ia Grai",
     [("Từ ngày 23/12/2015 đến ngày 2/2", "2015-12-23/2016-02-02")]),
    ("Trong đó, từ 13/4 - 30/6, công ty này đã phải tiếp", [("từ 13/4 - 30/6", "XXXX-04-13/XXXX-06-30")]),
    ("Trước đó, tại kỳ họp 26 (28 đến 30-5), Uỷ ban Kiểm tra trung ương",
     [("28 đến 30-5", "XXXX-05-28/XXXX-05-30")]),
    ("Tại kỳ họp thứ 36 (từ 29 đến 31/5), Uỷ ban Kiểm tra", [("từ 29 đến 31/5", "XXXX-05-29/XXXX-05-31")]),
    ("Thế nhưng, từ tháng 4 - 12/2017 (tức là trong 8 tháng)", [("từ tháng 4 - 12/2017", "2017-04/2017-12")]),
    ("Thanh tra (giai đoạn từ 1/1/2015 đến 31/6/2017), theo đó",
     [("giai đoạn từ 1/1/2015 đến 31/6/2017", "2015-01-01/2017-06-31")]),
    # bare years: lists, parentheses, year names, "thường niên", words for months
    ("phê duyệt Kế hoạch sử dụng đất năm 2016, 2017, 2018 của thành phố",
     [("năm 2016", "2016"), ("2017", "2017"), ("2018", "2018")]),
    ("Nghiên cứu của các tư vấn Pháp vào các năm 2004, 2005 và 2008 về xây dựng cầu",
     [("năm 2004", "2004"), ("2005", "2005"), ("2008", "2008")]),
    ("Kế hoạch sử dụng đất hàng năm của TP. Phan Thiết (2016, 2017, 2018) đã được",
     [("2016", "2016"), ("2017", "2017"), ("2018", "2018")]),
    ("Nhân dịp Tết Kỷ Hợi 2019, Chủ tịch Hội Luật gia Việt Nam", [("Kỷ Hợi 2019", "2019")]),
    ("nhân dịp mừng xuân Đinh Dậu 2017, ông đi tập thể dục", [("Đinh Dậu 2017", "2017")]),
    ("tại phiên họp đại hội thường niên 2018 ông Nam đã bị", [("thường niên 2018", "2018")]),
    ("Sau Cách mạng tháng Tám năm 1945, trường Bưởi được đổi tên", [("tháng Tám năm 1945", "1945-08")]),
    ("kỷ niệm 230 năm chiến thắng Ngọc Hồi - Đống Đa (1789-2019) và", [("1789-2019", "1789/2019")]),
    # "vào", "trong", "tính" make a date but stay outside its span
    ("Trước đó vào ngày 31/5, tỉnh Nghệ An có quyết định", [("ngày 31/5", "XXXX-05-31")]),
    ("tính đến ngày 31/3, tổng số tác phẩm gửi tham dự", [("đến ngày 31/3", "XXXX-03-31")]),
    ("dự kiến trình Thủ tướng trong quý II tới", [("quý II", "XXXX-04/XXXX-06")]),
    ("năm 2019, 2.020 cán bộ được tuyển", [("năm 2019", "2019")]),  # "2.020" counts, not a year
    # year spans without "từ": a span word in front, a listed bare year, "từ những năm"
    ("vẫn được diễn ra liên tục trong giai đoạn 2013 đến 2017, nhưng có thời điểm",
     [("giai đoạn 2013 đến 2017", "2013/2017")]),
    ("(báo cáo KTNN năm 2016); giai đoạn 2008 đến 2011 là 375,88 tỷ",
     [("năm 2016", "2016"), ("giai đoạn 2008 đến 2011", "2008/2011")]),
    ("phòng chống tham nhũng giai đoạn 2011 đến tháng 6/2014.", [("giai đoạn 2011 đến tháng 6/2014", "2011/2014-06")]),
    ("theo từng giai đoạn từ nay đến năm 2020, 2021 đến 2030 và định hướng giai đoạn sau năm 2030 phù hợp",
     [("đến năm 2020", "2020"), ("2021 đến 2030", "2021/2030"), ("sau năm 2030", "2030")]),
    ("xung đột biên giới kéo dài từ những năm 1946 đến 1989 đã để lại", [("năm 1946 đến 1989", "1946/1989")]),
    # bare years after a part of a year, a budget, a target, a new year, a holiday
    ("hãng nhượng quyền về Việt Nam từ cuối 2016, đến nay đang có 27", [("từ cuối 2016", "2016")]),
    ("Đến hết 2021, 100% lãnh đạo doanh nghiệp", [("Đến hết 2021", "2021")]),
    ("Theo dự toán Ngân sách 2017, Quốc hội thông qua khoản chi", [("Ngân sách 2017", "2017")]),
    ("Quyết toán 2015: Bội chi NSNN 263.1", [("Quyết toán 2015", "2015")]),
    ("thành phố Hà Nội đến năm 2020, định hướng 2030.", [("đến năm 2020", "2020"), ("định hướng 2030", "2030")]),
    ("Nhân dịp năm mới 2019 và đón tết Kỷ Hợi", [("năm mới 2019", "2019")]),
    ("bắn pháo hoa tại 4 điểm để mừng Tết Dương lịch 2018, trong đó", [("2018", "2018")]),
    # the year that ends an acronym or an event's name
    ("phát sóng trái phép các chương trình tại ASIAD 2018.", [("2018", "2018")]),
    ("đóng góp 2,59% vào tăng trưởng GDP 2016.", [("2016", "2016")]),
    ("chịu trách nhiệm về tội Chống người thi hành công vụ theo Điều 330, BLHS 2015, hoặc",
     [("2015", "2015")]),
    ("Diễn đàn Kinh tế tư nhân Việt Nam 2019 do Chính phủ tổ chức", [("2019", "2019")]),
    ("Trước sự im lặng của BTC cuộc thi Hoa hậu Đại dương 2017 về việc", [("2017", "2017")]),
    ("trong thời điểm trước, trong và sau Tuần lễ Cấp cao Apec 2017 được tổ chức tại Đà Nẵng",
     [("2017", "2017")]),
    ("1.730 tác phẩm đủ điều kiện dự Giải báo chí quốc gia 2018 đã được chọn", [("2018", "2018")]),
    # a day every year has no year
    ("Trước ngày 30/6 hàng năm, Thống đốc Ngân hàng Nhà nước", [("Trước ngày 30/6", "XXXX-06-30")], "2019-01-01"),
    ("Thủ tướng lấy ngày 10/11 hằng năm là Ngày Văn hóa", [("ngày 10/11", "XXXX-11-10")]),
    # a slash lost between month and year, after "ngày" (the pool's one case is in a gold set)
    ("Quyết định số 12/2018/QĐ-UB ngày 5/122018.", [("ngày 5/122018", "2018-12-05")]),
]

NEGATIVES = [
    "Nghị quyết Trung ương 4 (khóa XII) và khóa XIII",
    "hội nghị sơ kết 1 năm thực hiện, sau hơn 2 năm triển khai",
    "kỷ niệm 50 năm thành lập",
    "năm nay và thời gian tới",
    "lúc 15:03 và 21h15",
    "Nghị quyết số 54/2017/QH14 của Quốc hội",
    "Nghị định 72/2018 vừa được ban hành",
    "phạt tiền từ 3-7 triệu đồng",
    "đạt 213/210 chỉ tiêu",
    "tỷ lệ 3/4 số phiếu",
    "ngày 31/2 không có",
    "Cách mạng tháng 8 và Quốc khánh 2 tháng 9",
    "Liên hệ số 0912.345.678",
    "COVID-19 và 2.000 người",
    "có (3 đến 5-7 người) tham gia",
    "từ 1000-2000 người mỗi ngày",
    "Xuân Mậu Tuất và mùng 5 Tết",
    "giải thích tính pháp lý và huỷ một phần quyết định 2016.",
    "tổng số tác phẩm gửi tham dự Giải là 1845 tác phẩm, ở mức cao nhất",
    "Đại hội khóa XII 2016 người",
    "tỷ lệ 29/62001",
]


@pytest.mark.parametrize("case", CASES, ids=[c[0][:40] for c in CASES])
def test_date_forms(case):
    text, expected, *published = case
    assert dates(text, published[0] if published else None) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_dates(text):
    assert dates(text) == []


def test_enough_forms():
    assert len(CASES) >= 50


def test_year_in_reference_span_skipped():
    doc = split_sentences(Document.from_text("Theo Nghị quyết 15 2019 của HĐND"))
    from pipeline.model import Reference
    doc.references = [Reference(start=5, end=27, text=doc.text[5:27], doc_type="Nghị quyết")]
    assert find_dates(doc) == [] or all(m.start >= 27 for m in find_dates(doc))


def dates_in(text: str) -> list[tuple[str, str]]:
    """Dates of a whole text after the reference stages, as the pipeline runs them."""
    doc = run_pipeline(Document.from_text(text), ["normalise", "segment", "references", "resolve"])
    return [(m.text, m.value) for m in find_dates(doc)]


# Whole texts: where the year of a day without one comes from (date_years.YearSetter).
IN_CONTEXT = [
    # a year inside a citation never sets the year of the news
    ("Nghị định 90/2017 quy định xử phạt hành chính trong lĩnh vực thú y, có hiệu lực từ ngày 15/9 nêu rõ.",
     [("từ ngày 15/9", "XXXX-09-15")]),
    # ... but a law's year after its name is a date
    ("quy định tại Điều 143 Luật Đất đai 2003 và Điều 208 Luật Đất đai 2013.",
     [("2003", "2003"), ("2013", "2013")]),
    # a birth date is not the story's
    ("Chiều 2/7, tại Hà Nội, Ban Kinh tế Trung ương tổ chức Hội nghị.\n"
     "Đồng chí Triệu Tài Vinh, sinh ngày 26/8/1968, dân tộc Dao.",
     [("Chiều 2/7", "XXXX-07-02"), ("ngày 26/8/1968", "1968-08-26")]),
    # the story's month sets the year; the end of a ban does not make a story year
    ("Nóng: Thêm một vụ hành khách tấn công tiếp viên hàng không\n\n"
     "2 hành khách vừa bị lực lượng an ninh hàng không tạm giữ.\n\n"
     "Trước đó, vào hồi 14h20 ngày 23/11/2018, tại khu vực phía ngoài điểm kiểm tra.\n"
     "Các đối tượng bị cấm vận chuyển 12 tháng, tính từ ngày 26/11/2018 đến hết ngày 25/11/2019.\n"
     "Cảng vụ xử phạt 4 nhân viên an ninh trong vụ nhân viên hàng không bị hành hung hôm 23/11.",
     [("ngày 23/11/2018", "2018-11-23"), ("từ ngày 26/11/2018 đến hết ngày 25/11/2019", "2018-11-26/2019-11-25"),
      ("hôm 23/11", "2018-11-23")]),
    # the headline sets the month's year for the whole text
    ("Những chính sách quan trọng có hiệu lực từ tháng 4/2016\n\nChết vì TNGT được bồi thường.\n\n"
     "Nghị định 22/2016/NĐ-CP ngày 11/2/2015 có hiệu lực.\nQuy định mới có hiệu lực từ ngày 15/4.",
     [("từ tháng 4/2016", "2016-04"), ("ngày 11/2/2015", "2015-02-11"), ("từ ngày 15/4", "2016-04-15")]),
    # a year stated as the present
    ("Ngày 18/9, thông tin từ Công an tỉnh Quảng Bình.\n"
     "Bác sỹ khẳng định, từ đầu năm 2019 đến nay, bệnh viện chưa tiếp nhận ca bệnh nhân nào.",
     [("Ngày 18/9", "2019-09-18"), ("từ đầu năm 2019", "2019")]),
    # a paper signed days before, next to the day, sets its year for the whole story
    ("Cách chức nguyên tổng giám đốc Xi măng Việt Nam Trần Việt Thắng\n\n"
     "Ngày 10-7, Ban bí thư Trung ương Đảng quyết định kỷ luật cách chức ông Trần Việt Thắng.\n\n"
     "Theo thông báo vừa được Văn phòng Trung ương phát đi, ngày 10-7, tại Trụ sở Trung ương Đảng, Ban Bí thư đã họp.\n"
     "Sau khi xem xét đề nghị của Uỷ ban Kiểm tra trung ương tại tờ trình số 120 - TTr/UBKTTW ngày 6-7-2018 "
     "về việc đề nghị xem xét, thi hành kỷ luật, Ban Bí thư nhận thấy.",
     [("Ngày 10-7", "2018-07-10"), ("ngày 10-7", "2018-07-10"), ("ngày 6-7-2018", "2018-07-06")]),
    ("Nguồn tin của PV, chiều 25/1, tại trụ sở Công an TP Thanh Hoá, Giám đốc Công an tỉnh đã công bố "
     "Quyết định số 558, ngày 25/1/2019 của Bộ trưởng bộ Công an về việc tước danh hiệu.",
     [("chiều 25/1", "2019-01-25"), ("ngày 25/1/2019", "2019-01-25")]),
    # ... but not a decree in force, the legal basis of the story
    ("Ngày 20/11, Sở xử phạt công ty X.\nTheo quy định tại khoản 3, Điều 15 Nghị định số 147/2013/NĐ-CP "
     "ngày 30/10/2013 của Chính phủ về xử phạt vi phạm hành chính.",
     [("Ngày 20/11", "XXXX-11-20"), ("ngày 30/10/2013", "2013-10-30")]),
    # a code's year is no year of the story; an event's year is the last evidence
    ("Ngày 08/5, TAND Cấp cao tại Hà Nội đưa bị cáo ra xét xử theo quy định tại khoản 1, Điều 355, BLHS 2015.",
     [("Ngày 08/5", "XXXX-05-08"), ("2015", "2015")]),
    ("Tại cuộc họp ngày 19/6, Ban bí thư đánh giá trong kỳ thi THPT quốc gia 2018, ông Đức thiếu trách nhiệm.\n"
     "Bác sỹ khẳng định, từ đầu năm 2019 đến nay, chưa có ca nào.",
     [("ngày 19/6", "2019-06-19"), ("2018", "2018"), ("từ đầu năm 2019", "2019")]),
    ("Diễn đàn ĐBSCL 2019 diễn ra sáng 14/6 tại Cần Thơ.", [("2019", "2019"), ("sáng 14/6", "2019-06-14")]),
    # a plan's number is no year ("kế hoạch 2018" is)
    ("thực hiện Kế hoạch 2045/KH-UBND của tỉnh", []),
    ("theo Kế hoạch số 1825 của UBND tỉnh", []),
    # a written month places a run of days only when it places them all: the others lie
    # far from it, so the story may be of another year
    ("Trao đổi với PV vào ngày 3/6, ông Nhân cho biết, sau khi nhận được thông tin phản ảnh của báo "
     "vào ngày 31/3, phía chi bộ đã tiến hành kiểm tra.\nChi bộ xác định, vào đầu tháng 1/2019, ông Lâm "
     "cùng một số người khác tổ chức uống bia.\nNgày 21/5 vừa qua, chi bộ đã họp và bỏ phiếu kín.\n"
     "Thời hạn kỷ luật bắt đầu từ ngày 22/5.",
     [("ngày 3/6", "XXXX-06-03"), ("ngày 31/3", "XXXX-03-31"), ("đầu tháng 1/2019", "2019-01"),
      ("Ngày 21/5", "XXXX-05-21"), ("từ ngày 22/5", "XXXX-05-22")]),
    # ... but the same day written with its year elsewhere is clear
    ("Theo sở Nông nghiệp, ngày 15/1/2018 là hạn cuối để phá dỡ các ngôi nhà.\nNgày 2/5 vừa qua, UBND tỉnh "
     "tổ chức cuộc họp.\nSau đó, vào ngày 10/5, Văn phòng UBND tỉnh ra thông báo.\nTheo sở Nông nghiệp, "
     "tính đến ngày 15/1, trên địa bàn tỉnh có 184 nhà nuôi chim yến.\n"
     "Trong các ngày 10 và 13/8, PV nhiều lần liên hệ ông Hoàng.",
     [("ngày 15/1/2018", "2018-01-15"), ("Ngày 2/5", "XXXX-05-02"), ("ngày 10/5", "XXXX-05-10"),
      ("đến ngày 15/1", "2018-01-15"), ("ngày 10", "XXXX-08-10"), ("13/8", "XXXX-08-13")]),
    # ... and a December day just before a new year does not break the run
    ("Từ 0h ngày 1/1/2019, giá xăng tăng mạnh.\nLần gần đây nhất, ngày 21/12, xăng E5 RON92 giảm 394 đồng/lít.\n"
     "Cụ thể, từ ngày 1/1 đến 5/1, nếu giá bán tiếp tục áp dụng theo kỳ điều hành ngày 21/12 là mức giá chưa xác định.",
     [("Từ 0h ngày 1/1/2019", "2019-01-01"), ("ngày 21/12", "XXXX-12-21"),
      ("từ ngày 1/1 đến 5/1", "2019-01-01/2019-01-05"), ("ngày 21/12", "XXXX-12-21")]),
    # a paper just issued gives the present year ...
    ("Từ ngày 1/12 tới, người Việt Nam cần chứng minh năng lực tài chính để được vào chơi casino.\n\n"
     "Bộ Tài chính vừa ban hành Thông tư 102/2017/TT-BTC hướng dẫn Nghị định số 03/2017/NĐ-CP của Chính phủ.",
     [("Từ ngày 1/12", "2017-12-01")]),
    ("UBND TP. HCM vừa ban hành Quyết định 22/2019/QĐ-UBND về Bảng giá nhà ở.\n"
     "Quyết định này có hiệu lực thi hành kể từ ngày 10/9, thay thế Quyết định số 66/2012/QĐ-UBND ngày 28/12/2012.",
     [("kể từ ngày 10/9", "2019-09-10"), ("ngày 28/12/2012", "2012-12-28")]),
    # ... but not for the first months, when a paper of December takes effect
    ("Từ ngày 12/2, nhiều quy định liên quan đến quản lý hoạt động của Casino sẽ được áp dụng.\n\n"
     "Bộ Tài chính vừa ban hành Thông tư 146/2017/TT-BTC hướng dẫn việc quản lý, giám sát thu thuế.",
     [("Từ ngày 12/2", "XXXX-02-12")]),
]


@pytest.mark.parametrize("text,expected", IN_CONTEXT, ids=[c[0][:40] for c in IN_CONTEXT])
def test_dates_in_context(text, expected):
    assert dates_in(text) == expected


PUBLISHED = [
    ("Cần ứng dụng\n\nThứ hai, 09/05/2022 15:03\n(ĐCSVN) – nội dung", (14, 39, "2022-05-09")),
    ("Tiêu đề\n09/05/2022 15:03\nNội dung", (8, 24, "2022-05-09")),
    ("Tiêu đề\nCập nhật: 12/11/2019 08:30\nNội dung", (8, 34, "2019-11-12")),
    ("Tiêu đề\nNgày 9/5, đoàn làm việc.\n", None),
    ("Tiêu đề\nBài viết\nThứ sáu, 31/02/2020 10:00\n", None),
]


@pytest.mark.parametrize("text,expected", PUBLISHED)
def test_find_published(text, expected):
    assert find_published(text) == expected
    if expected:
        assert text[expected[0]:expected[1]].strip() == text[expected[0]:expected[1]]


def test_date_words_table_well_formed():
    rows = load_table("date_words.tsv", 4)
    roles = {"weekday", "daypart", "lead", "yearpart", "monthpart", "spanlead", "yearlead",
             "quarter", "halfyear", "cue", "stem", "branch", "monthname", "now", "event", "issued"}
    assert rows
    for phrase, role, value, example in rows:
        assert role in roles, (phrase, role)
        assert phrase and example, phrase
        if role == "now":
            assert "YYYY" in phrase, phrase
            continue
        if role == "issued":
            assert all(w in example for w in phrase.split() if w != "..."), (phrase, example)
            continue
        assert phrase.lower() in example.lower() or role == "quarter", (phrase, example)


@pytest.mark.parametrize("phrase,role,value,example",
                         [r for r in load_table("date_words.tsv", 4)
                          if r[1] in ("weekday", "daypart", "spanlead", "quarter", "halfyear")])
def test_date_words_examples_are_found(phrase, role, value, example):
    found = dates(example, "2022-06-01")
    assert found, example
    if role in ("weekday", "daypart", "spanlead"):
        assert found[0][0].lower().startswith(phrase.lower()), (found, phrase)
