"""Officials: sentence -> [(name, titles)], most sentences from corpora/pool and the brief."""
from __future__ import annotations

import pytest

from pipeline.extract.bylines import find_authors
from pipeline.extract.officials import find_officials
from pipeline.model import Document
from pipeline.segment import split_sentences


def officials(text: str) -> list[tuple[str, list[str]]]:
    doc = split_sentences(Document.from_text(text))
    return [(o.name, list(o.titles)) for o in find_officials(doc)]


HTH = "Hoàng Trung Hải"
CASES = [
    # name, then titles
    ("Đồng chí Hoàng Trung Hải, Ủy viên Bộ Chính trị, Bí thư Thành ủy chủ trì hội nghị.",
     [(HTH, ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy"])]),
    ("Cùng dự có đồng chí Ngô Thị Thanh Hằng, Ủy viên Trung ương Đảng, Phó Bí thư Thường trực Thành ủy; Đào Đức Toàn, Phó Bí thư Thành ủy.",
     [("Ngô Thị Thanh Hằng", ["Ủy viên Trung ương Đảng", "Phó Bí thư Thường trực Thành ủy"]),
      ("Đào Đức Toàn", ["Phó Bí thư Thành ủy"])]),
    ("Theo báo cáo do đồng chí Vũ Đức Bảo, Ủy viên Ban Thường vụ Thành ủy, Trưởng ban Tổ chức Thành ủy trình bày, sau 1 năm ban hành.",
     [("Vũ Đức Bảo", ["Ủy viên Ban Thường vụ Thành ủy", "Trưởng ban Tổ chức Thành ủy"])]),
    ("Đoàn kiểm tra của Ban Bí thư do ông Phan Đình Trạc - bí thư Trung ương Đảng, trưởng ban Nội chính Trung ương - làm trưởng đoàn.",
     [("Phan Đình Trạc", ["bí thư Trung ương Đảng", "trưởng ban Nội chính Trung ương"])]),
    ("Ông Dương Thành Trung, Chủ tịch UBND tỉnh Bạc Liêu cho biết, thiệt hại của bà con cũng đã lâu rồi.",
     [("Dương Thành Trung", ["Chủ tịch UBND tỉnh Bạc Liêu"])]),
    ("ông Trần Văn Sĩ, Phó Giám đốc sở Tài chính tỉnh Bạc Liêu cho biết, theo quy định, địa phương phải tự chi.",
     [("Trần Văn Sĩ", ["Phó Giám đốc sở Tài chính tỉnh Bạc Liêu"])]),
    ("Ông Đồng Ngọc Ba, Cục trưởng Cục Kiểm tra văn bản quy phạm pháp luật, cho biết đã kiểm tra.",
     [("Đồng Ngọc Ba", ["Cục trưởng Cục Kiểm tra văn bản quy phạm pháp luật"])]),
    ("Ông Nguyễn Bắc Son, nguyên uỷ viên Trung ương Đảng, nguyên bí thư Ban cán sự đảng, nguyên bộ trưởng Bộ Thông tin và Truyền thông.",
     [("Nguyễn Bắc Son", ["nguyên uỷ viên Trung ương Đảng", "nguyên bí thư Ban cán sự đảng",
                          "nguyên bộ trưởng Bộ Thông tin và Truyền thông"])]),
    ("Ông Ngô Văn Tuấn, cựu Phó Chủ tịch UBND tỉnh Thanh Hoá, người từng bị cách chức.",
     [("Ngô Văn Tuấn", ["cựu Phó Chủ tịch UBND tỉnh Thanh Hoá"])]),
    ("Ông Vũ Mạnh Tiến - Phó Chủ tịch thường trực hội đồng quản trị NCB - cho biết ngân hàng này không bán.",
     [("Vũ Mạnh Tiến", ["Phó Chủ tịch thường trực hội đồng quản trị NCB"])]),
    ("Liên quan đến vụ việc này, ông Vương Đăng Tuyến – Hiệu trưởng trường THCS Vân Đình, cho biết.",
     [("Vương Đăng Tuyến", ["Hiệu trưởng trường THCS Vân Đình"])]),
    ("Vụ án Hà Văn Thắm (nguyên Chủ tịch Hội đồng quản trị OceanBank) liên quan tới PVEP.",
     [("Hà Văn Thắm", ["nguyên Chủ tịch Hội đồng quản trị OceanBank"])]),
    ("Nguyễn Thị Minh Phương (nguyên Phó Tổng Giám đốc OceanBank) đã trực tiếp chi tiền.",
     [("Nguyễn Thị Minh Phương", ["nguyên Phó Tổng Giám đốc OceanBank"])]),
    ("ông Nguyễn Văn A, nguyên Giám đốc Sở Công nghiệp, bị khởi tố.",
     [("Nguyễn Văn A", ["nguyên Giám đốc Sở Công nghiệp"])]),
    ("Ông Lê Minh Hưng, Thống đốc Ngân hàng Nhà nước, trả lời chất vấn.",
     [("Lê Minh Hưng", ["Thống đốc Ngân hàng Nhà nước"])]),
    ("Ông Đào Vũ Việt, Giám đốc Sở Xây dựng tỉnh Thanh Hoá, lãnh đạo cũng liên quan.",
     [("Đào Vũ Việt", ["Giám đốc Sở Xây dựng tỉnh Thanh Hoá"])]),
    ("Ông Hà Trọng Nam, Phó Chủ tịch HĐQT, bị đề nghị bãi nhiệm.",
     [("Hà Trọng Nam", ["Phó Chủ tịch HĐQT"])]),
    # titles, then the name
    ("Phó Bí thư Thành ủy, Chủ tịch HĐND thành phố Hà Nội Nguyễn Ngọc Tuấn đề nghị tiếp tục nêu cao vai trò.",
     [("Nguyễn Ngọc Tuấn", ["Phó Bí thư Thành ủy", "Chủ tịch HĐND thành phố Hà Nội"])]),
    ("Đoàn kiểm tra do Phó Bí thư Thành ủy, Chủ tịch HĐND thành phố (TP) Hà Nội Nguyễn Ngọc Tuấn dẫn đầu.",
     [("Nguyễn Ngọc Tuấn", ["Phó Bí thư Thành ủy", "Chủ tịch HĐND thành phố (TP) Hà Nội"])]),
    ("Phát biểu kết luận hội nghị, Bí thư Thành ủy Hoàng Trung Hải ghi nhận sự tích cực.",
     [(HTH, ["Bí thư Thành ủy"])]),
    ("Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội, Trưởng ban Chỉ đạo Đinh Tiến Dũng đã yêu cầu các cấp.",
     [("Đinh Tiến Dũng", ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy Hà Nội", "Trưởng ban Chỉ đạo"])]),
    ("Theo Phó trưởng ban Tổ chức Thành ủy Hà Nội Nguyễn Hồng Nhật, sau khi Chương trình được ban hành.",
     [("Nguyễn Hồng Nhật", ["Phó trưởng ban Tổ chức Thành ủy Hà Nội"])]),
    ("Phó Bí thư Thành ủy Hà Nội Nguyễn Văn Phong cho rằng, năm 2021 là năm thử thách.",
     [("Nguyễn Văn Phong", ["Phó Bí thư Thành ủy Hà Nội"])]),
    ("Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng khẳng định, công tác cán bộ là then chốt.",
     [("Nguyễn Phú Trọng", ["Tổng Bí thư", "Chủ tịch nước"])]),
    ("Tổng bí thư Nguyễn Phú Trọng vừa ký ban hành Nghị quyết số 18.",
     [("Nguyễn Phú Trọng", ["Tổng bí thư"])]),
    ("Phó Thủ tướng Thường trực Trương Hoà Bình đã yêu cầu Bộ Y tế kiểm tra.",
     [("Trương Hoà Bình", ["Phó Thủ tướng Thường trực"])]),
    ("Chủ tịch Quốc hội Nguyễn Thị Kim Ngân đánh giá cao tỉnh Thừa Thiên Huế.",
     [("Nguyễn Thị Kim Ngân", ["Chủ tịch Quốc hội"])]),
    ("Theo Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng, qua kiểm tra, việc thực hiện nhiệm vụ đã chuyển biến.",
     [("Mai Tiến Dũng", ["Bộ trưởng", "Chủ nhiệm VPCP"])]),
    ("Đề nghị kỷ luật nghiêm minh nguyên bộ trưởng Nguyễn Bắc Son.",
     [("Nguyễn Bắc Son", ["nguyên bộ trưởng"])]),
    ("Trong cuộc họp ngày 15/6, Bộ trưởng Tài chính Đinh Tiến Dũng vẫn trình UBTVQH.",
     [("Đinh Tiến Dũng", ["Bộ trưởng Tài chính"])]),
    ("Khi mà nguyên Bộ trưởng GTVT Đinh La Thăng đã chỉ đạo nhượng quyền khai thác.",
     [("Đinh La Thăng", ["nguyên Bộ trưởng GTVT"])]),
    ("Chủ tịch UBND tỉnh Quảng Ninh Nguyễn Đức Long phát biểu.",
     [("Nguyễn Đức Long", ["Chủ tịch UBND tỉnh Quảng Ninh"])]),
    ("Bí thư Quận ủy Hoàn Kiếm Nguyễn Quốc Hoàn báo cáo.",
     [("Nguyễn Quốc Hoàn", ["Bí thư Quận ủy Hoàn Kiếm"])]),
    ("Thượng tướng Tô Lâm, Bộ trưởng Bộ Công an, dự lễ.",
     [("Tô Lâm", ["Bộ trưởng Bộ Công an"])]),  # a military rank is not a title
    ("Trung tá Trần Anh Tuấn - Trưởng Công an huyện Yên Thuỷ cho biết, sau 10 ngày vây bắt.",
     [("Trần Anh Tuấn", ["Trưởng Công an huyện Yên Thuỷ"])]),
    ("Giám đốc Sở Công Thương Nguyễn Văn Bình ký văn bản.",
     [("Nguyễn Văn Bình", ["Giám đốc Sở Công Thương"])]),
    ("Chủ tịch Hồ Chí Minh đã dạy: Lấy gương người tốt, việc tốt để hằng ngày giáo dục lẫn nhau.",
     [("Hồ Chí Minh", ["Chủ tịch"])]),
    ("ĐBQH Phạm Văn Hòa chất vấn Bộ trưởng.",
     [("Phạm Văn Hòa", ["ĐBQH"])]),
    ("Bí thư kiêm Chủ tịch UBND huyện Lê Văn Nam dự họp.",
     [("Lê Văn Nam", ["Bí thư", "Chủ tịch UBND huyện"])]),
    # acting duties are not a title
    ("Đồng chí Phạm Chí Thành, Quyền Giám đốc, Tổng Biên tập Nhà xuất bản Chính trị quốc gia, chịu trách nhiệm.",
     [("Phạm Chí Thành", ["Tổng Biên tập Nhà xuất bản Chính trị quốc gia"])]),
    # later mentions: full name, part of the name with a cue
    ("Chủ tịch HĐND thành phố Hà Nội Nguyễn Ngọc Tuấn phát biểu. Đồng chí Nguyễn Ngọc Tuấn nhấn mạnh yêu cầu.",
     [("Nguyễn Ngọc Tuấn", ["Chủ tịch HĐND thành phố Hà Nội"]), ("Nguyễn Ngọc Tuấn", [])]),
    ("Ông Đặng Thanh Sơn, Cục trưởng Cục Xử lý vi phạm hành chính, trả lời. Ông Sơn cho biết Cục đã áp dụng quy định.",
     [("Đặng Thanh Sơn", ["Cục trưởng Cục Xử lý vi phạm hành chính"]), ("Đặng Thanh Sơn", [])]),
    ("Bà Trần Vũ Quỳnh Anh, nguyên Trưởng phòng Quản lý nhà, bị kỷ luật. Bà Quỳnh Anh đã xin thôi việc.",
     [("Trần Vũ Quỳnh Anh", ["nguyên Trưởng phòng Quản lý nhà"]), ("Trần Vũ Quỳnh Anh", [])]),
    # mentions before the first presentation are not listed
    ("Ông Nguyễn Văn Bình đến dự. Sau đó, Thống đốc Nguyễn Văn Bình phát biểu.",
     [("Nguyễn Văn Bình", ["Thống đốc"])]),
    ("Học tập theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Di chúc của Chủ tịch Hồ Chí Minh.",
     [("Hồ Chí Minh", ["Chủ tịch"])]),
]

NEGATIVES = [
    "Bí thư Thành ủy Hà Nội chủ trì hội nghị.",
    "Chủ tịch UBND tỉnh Hà Giang đã ký quyết định.",
    "Phát triển TP. Hồ Chí Minh đến năm 2020 là nhiệm vụ của Thành ủy.",
    "Xây dựng TP Hồ Chí Minh trở thành đô thị thông minh, theo Chủ tịch UBND thành phố.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "GS.TS Nguyễn Văn Minh cho rằng cần sửa luật.",
    "Luật sư Trần Văn Hùng cho biết thân chủ của ông không đồng ý.",
    "Bị cáo Nguyễn Văn Tâm khai nhận hành vi.",
    "Chuyên gia kinh tế Lê Đăng Doanh nhận định thị trường sẽ phục hồi.",
    "Ông Nguyễn Văn Tám cho biết gia đình đã nộp đơn.",
    "Bà cho rằng các chức danh Chủ tịch, Bí thư cần được luân chuyển.",
    "Ban Chấp hành Đoàn Thanh niên Cộng sản Hồ Chí Minh họp phiên thứ nhất.",
    "(Ảnh: Nguyễn Thành) Bộ trưởng đã ký.",
    "Ông Đồng Ngọc Ba trả lời tại buổi họp báo.",
    "Bí thư Tỉnh ủy Thanh Hóa tham dự cùng Chủ tịch HĐND tỉnh Quảng Ninh.",
    "Thủ tướng Chính phủ giao Bộ Công Thương chủ trì.",
    "Quyền Chủ tịch UBND tỉnh Nguyễn Văn Út ký quyết định.",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_officials(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_officials(text):
    assert officials(text) == []


def test_span_and_text():
    text = "Ông Đặng Thanh Sơn, Cục trưởng Cục Kiểm tra, trả lời. Ông Sơn cho biết thêm."
    doc = split_sentences(Document.from_text(text))
    got = find_officials(doc)
    assert [(o.text, o.name) for o in got] == [("Đặng Thanh Sơn", "Đặng Thanh Sơn"),
                                               ("Sơn", "Đặng Thanh Sơn")]
    assert all(doc.text[o.start:o.end] == o.text for o in got)


BODY = "Hội nghị đã thảo luận, góp ý vào dự thảo quy định đánh giá chất lượng. " * 3


@pytest.mark.parametrize("tail,expected", [
    ("\n\nTrọng Toàn (HNP)\n\nTrả lời\n\nEmail của bạn", ["Trọng Toàn (HNP)"]),
    ("\n\nThu Hà\n\nCÓ THỂ BẠN QUAN TÂM\n\nÝ kiến bình luận", ["Thu Hà"]),
    ("\n\nHoàng Phúc", ["Hoàng Phúc"]),
    ("\nMộc Miên (Tổng hợp)", ["Mộc Miên (Tổng hợp)"]),
    ("\nTrung Sơn - Minh Ngọc", ["Trung Sơn - Minh Ngọc"]),
    ("\nTheo TTXVN", []),
    ("\n(Ảnh: Duy Quan).", []),
    ("\nẢnh minh hoạ.", []),
    ("\nToàn cảnh hội nghị.", []),
])
def test_bylines(tail, expected):
    assert find_authors(Document.from_text(BODY + tail)) == expected


def test_byline_is_not_an_official():
    text = BODY + "\n\nChủ tịch UBND tỉnh Nguyễn Văn Hai phát biểu.\n\nThu Hà"
    doc = split_sentences(Document.from_text(text))
    assert [o.name for o in find_officials(doc)] == ["Nguyễn Văn Hai"]
    assert doc.authors == ["Thu Hà"]


@pytest.mark.parametrize("text,expected", [
    ("Còn hai ông Nguyễn Gia Tường, Tổng Giám đốc và Nguyễn Đình Khang, nguyên Tổng Giám đốc Vinachem cũng bị kiểm điểm.",
     [("Nguyễn Gia Tường", ["Tổng Giám đốc"]), ("Nguyễn Đình Khang", ["nguyên Tổng Giám đốc Vinachem"])]),
    ("Ông Lê Quang Mạnh, Phó Bí thư Thành uỷ, Bí thư Quận uỷ Ninh Kiều được bầu giữ chức.",
     [("Lê Quang Mạnh", ["Phó Bí thư Thành uỷ", "Bí thư Quận uỷ Ninh Kiều"])]),
])
def test_pool_regressions(text, expected):
    assert officials(text) == expected
