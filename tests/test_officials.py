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


# Forms added for real news (each from a pool article other than the dev gold ones).
RECALL_FORMS = [
    # a later mention by head + given name takes the head as its title
    ("Thứ trưởng Bộ Nội vụ Trần Anh Tuấn cho biết như vậy. \"Không thể thực hiện được mục tiêu đề ra\", Thứ trưởng Tuấn nói.",
     [("Trần Anh Tuấn", ["Thứ trưởng Bộ Nội vụ"]), ("Trần Anh Tuấn", ["Thứ trưởng"])]),
    ("Phó chủ tịch UBND TP Nguyễn Thế Hùng cho biết. “Sẽ quản lý tốt danh mục sau điều chỉnh”, Phó chủ tịch Hùng cam kết.",
     [("Nguyễn Thế Hùng", ["Phó chủ tịch UBND TP"]), ("Nguyễn Thế Hùng", ["Phó chủ tịch"])]),
    # a title runs on to the name across organisation words not in the tables
    ("Ngày 25/11/2018, Phó Cục trưởng cục Hàng không Việt Nam Đinh Việt Sơn đã ký các Quyết định số 2197.",
     [("Đinh Việt Sơn", ["Phó Cục trưởng cục Hàng không Việt Nam"])]),
    ("Trình bày Báo cáo, Chủ nhiệm Uỷ ban Về các vấn đề xã hội Nguyễn Thuý Anh cho biết, tại Kỳ họp thứ 7.",
     [("Nguyễn Thuý Anh", ["Chủ nhiệm Uỷ ban Về các vấn đề xã hội"])]),
    ("Sau khi tiếp nhận hồ sơ, Chủ tịch Hội đồng Cạnh tranh Trần Quốc Khánh đã ký quyết định thành lập hội đồng.",
     [("Trần Quốc Khánh", ["Chủ tịch Hội đồng Cạnh tranh"])]),
    # titles, then "ông X" after a comma or a dash
    ("Ngày 16/6/2017, Chủ tịch UBND tỉnh Hà Tĩnh, ông Đặng Quốc Khánh đã ký Quyết định số 1628/QĐ - UBND.",
     [("Đặng Quốc Khánh", ["Chủ tịch UBND tỉnh Hà Tĩnh"])]),
    ("Ban Bí thư đã đề nghị thi hành kỷ luật đối với nguyên Bí thư Tỉnh uỷ Bình Định - ông Nguyễn Văn Thiện, vì ông này đã thay mặt.",
     [("Nguyễn Văn Thiện", ["nguyên Bí thư Tỉnh uỷ Bình Định"])]),
    ("Chủ tịch HĐQT BSR - ông Lê Xuân Huyên - đánh giá, ông Tiến là người có kinh nghiệm.",
     [("Lê Xuân Huyên", ["Chủ tịch HĐQT BSR"])]),
    # a post given or taken away "đối với ông X"
    ("HĐQT ngân hàng Eximbank đã thông qua việc miễn nhiệm chức danh Chủ tịch HĐQT đối với ông Lê Minh Quốc và bầu thay thế.",
     [("Lê Minh Quốc", ["Chủ tịch HĐQT"])]),
    ("Thủ tướng phê chuẩn kết quả bầu bổ sung chức vụ Phó Chủ tịch UBND tỉnh Gia Lai, nhiệm kỳ 2016 - 2021 đối với ông Đỗ Tiến Đông, Tỉnh uỷ viên, Giám đốc Sở Xây dựng.",
     [("Đỗ Tiến Đông", ["Phó Chủ tịch UBND tỉnh Gia Lai", "Tỉnh uỷ viên", "Giám đốc Sở Xây dựng"])]),
    # an aside between the name and its titles
    ("Giám đốc sở Nội vụ An Giang Ngô Hồng Yến cho biết, sẽ thu hồi quyết định tuyển dụng bà Vương Mai Trinh (32 tuổi), Phó chánh văn phòng Thành uỷ Long Xuyên.",
     [("Ngô Hồng Yến", ["Giám đốc sở Nội vụ An Giang"]),
      ("Vương Mai Trinh", ["Phó chánh văn phòng Thành uỷ Long Xuyên"])]),
    # verbs that give, hold or take away a post
    ("Sau Quyết định số 308 về việc ông Nguyễn Quốc Khánh thôi giữ chức vụ chủ tịch HĐTV của PVN để chuyển về công tác tại Bộ Công thương.",
     [("Nguyễn Quốc Khánh", ["chủ tịch HĐTV của PVN"])]),  # "của" + the body, as pool-d gold "Chủ tịch của Vinaxuki"
    ("Năm 2010 ông Lê Đức Thọ được bổ nhiệm làm Phó Tổng Giám đốc VietinBank.",
     [("Lê Đức Thọ", ["Phó Tổng Giám đốc VietinBank"])]),
    ("Trong khoảng thời gian từ năm 2014 đến năm 2018, Bùi Văn Thành là Thứ trưởng bộ Công an, được giao nhiệm vụ phụ trách Tổng cục Hậu cần.",
     [("Bùi Văn Thành", ["Thứ trưởng bộ Công an"])]),
    # new heads: party membership of a committee
    ("Quyết định thi hành kỷ luật ông Lê Bá Hải, Đảng uỷ viên, Bí thư chi bộ, Trưởng phòng Quản lý nhà bằng hình thức khiển trách.",
     [("Lê Bá Hải", ["Đảng uỷ viên", "Bí thư chi bộ", "Trưởng phòng Quản lý"])]),
    # a military rank presents the officer but is not a title
    ("Thượng tướng Nguyễn Chí Vịnh cho biết việc khắc phục hậu quả bom mìn vẫn còn nhiều việc phải làm.",
     [("Nguyễn Chí Vịnh", [])]),
    # "phụ trách Chủ tịch" is acting duties
    ("Thủ tướng vừa ký Quyết định số 118 đối với Thiếu tướng Lê Đăng Dũng, phụ trách Chủ tịch kiêm phụ trách Tổng Giám đốc Tập đoàn Viettel.",
     [("Lê Đăng Dũng", [])]),
    # a title right before the next name is that name's, not the previous one's
    ("Bộ trưởng Bộ GD-ĐT Phùng Xuân Nhạ, Phó chủ tịch UBND thành phố Đà Nẵng Lê Trung Chinh, cùng lãnh đạo Đại học Đà Nẵng dự lễ.",
     [("Phùng Xuân Nhạ", ["Bộ trưởng Bộ GD-ĐT"]), ("Lê Trung Chinh", ["Phó chủ tịch UBND thành phố Đà Nẵng"])]),
    ("Phiên đối thoại có sự tham gia của Phó Thủ tướng Thường trực Chính phủ Trương Hoà Bình, Phó Chủ tịch Quốc hội Phùng Quốc Hiển và nhiều đồng chí.",
     [("Trương Hoà Bình", ["Phó Thủ tướng Thường trực Chính phủ"]), ("Phùng Quốc Hiển", ["Phó Chủ tịch Quốc hội"])]),
    # two syllables after xã/huyện or in a company's name are a place or a company
    ("Không hiểu khi làm việc với doanh nghiệp, ông Lê Văn Thông, Chủ tịch UBND xã Thạch Châu cho rằng: “Dự án này chúng tôi không đồng tình.",
     [("Lê Văn Thông", ["Chủ tịch UBND xã Thạch Châu"])]),
    ("Ông Đặng Hải Anh cũng bị bắt quả tang khi nhận 90 triệu đồng của anh Đỗ Ngọc Yên (Phó Giám đốc Công ty Đức Trung).",
     [("Đỗ Ngọc Yên", ["Phó Giám đốc Công ty Đức Trung"])]),
    # foreign leaders: a title with a country right before a capitalised name
    ("Trong thông điệp chúc mừng năm mới, Tổng thống Nga Vladimir Putin cũng đã kêu gọi \"sự hợp tác thực chất\" với Mỹ.",
     [("Vladimir Putin", ["Tổng thống Nga"])]),
    ("Ngoại trưởng Trung Quốc Vương Nghị và nhà lãnh đạo Triều Tiên Kim Jong Un đã hội đàm.",
     [("Vương Nghị", ["Ngoại trưởng Trung Quốc"]), ("Kim Jong Un", ["nhà lãnh đạo Triều Tiên"])]),
    ("Trao đổi với Nhà Đầu Tư, ông Phạm Văn Khôi, Chủ tịch HĐQT CTCP BOT Pháp Vân - Cầu Giẽ, chủ đầu tư dự án cho biết.",
     [("Phạm Văn Khôi", ["Chủ tịch HĐQT CTCP BOT Pháp Vân - Cầu Giẽ"])]),
]

NOT_GIVEN = [
    # a post only proposed is not a title, so no official
    "PVN vừa trình văn bản lên bộ Công thương, đề xuất ông Nguyễn Hùng Dũng làm Chủ tịch hội đồng thành viên PVN.",
    # a head without a name, a country in a company's name
    "Bộ trưởng tiếp Đoàn công tác của Công ty Đức Trung.",
    "Chủ tịch UBND TP Hải Dương cho biết.",
]


@pytest.mark.parametrize("text,expected", RECALL_FORMS)
def test_recall_forms(text, expected):
    assert officials(text) == expected


@pytest.mark.parametrize("text", NOT_GIVEN)
def test_not_given(text):
    assert officials(text) == []


def test_later_mention_by_head_spans_the_given_name():
    text = "Thứ trưởng Bộ Nội vụ Trần Anh Tuấn cho biết. Thứ trưởng Tuấn nói thêm, Thứ trưởng Công an không dự."
    doc = split_sentences(Document.from_text(text))
    got = find_officials(doc)
    assert [(o.text, o.name) for o in got] == [("Trần Anh Tuấn", "Trần Anh Tuấn"), ("Tuấn", "Trần Anh Tuấn")]
    assert all(doc.text[o.start:o.end] == o.text for o in got)


# Where a title ends (pool-c/d study); each sentence from a pool article outside the dev gold.
TITLE_ENDS = [
    # "của" + the body belongs to the title
    ("Cá nhân ông Phạm Đình Mạnh từng là Phó Chủ tịch HĐQT của Hapulico.",
     [("Phạm Đình Mạnh", ["Phó Chủ tịch HĐQT của Hapulico"])]),
    ("Bà Nguyễn Thị Kim Dung - nguyên Thẩm phán của TAND TP. Hà Nội cho biết, với cương vị là một thẩm phán.",
     [("Nguyễn Thị Kim Dung", ["nguyên Thẩm phán của TAND TP. Hà Nội"])]),
    # a demonstrative after the organisation noun: "ngân hàng này", "tỉnh này"
    ("Cùng ngày, BIDV cũng công bố thông tin về việc miễn nhiệm chức vụ Phó Tổng Giám đốc ngân hàng này đối với ông Trần Lục Lang kể từ ngày 29/11/2018.",
     [("Trần Lục Lang", ["Phó Tổng Giám đốc ngân hàng này"])]),
    ("Ông Trần Tiến Hưng, Phó Bí thư Tỉnh uỷ tỉnh Hà Tĩnh vừa được bầu giữ chức Chủ tịch UBND tỉnh này thay cho ông Đặng Quốc Khánh.",
     [("Trần Tiến Hưng", ["Phó Bí thư Tỉnh uỷ tỉnh Hà Tĩnh", "Chủ tịch UBND tỉnh này"])]),
    # a unit, a comma, the organisation that holds it: one title
    ("Phan Hữu Tuấn (cựu Phó Tổng cục trưởng Tổng cục Tình báo, Bộ Công an), Nguyễn Hữu Bách (cựu phó cục trưởng Cục B61, Tổng cục Tình báo).",
     [("Phan Hữu Tuấn", ["cựu Phó Tổng cục trưởng Tổng cục Tình báo, Bộ Công an"]),
      ("Nguyễn Hữu Bách", ["cựu phó cục trưởng Cục B61, Tổng cục Tình báo"])]),
    ("Thủ tướng Chính phủ điều động và bổ nhiệm ông Nguyễn Phú Cường, Vụ trưởng Vụ Khoa học và Công nghệ, bộ Công Thương giữ chức Chủ tịch Hội đồng thành viên Tập đoàn Hoá chất Việt Nam (Vinachem).",
     [("Nguyễn Phú Cường", ["Vụ trưởng Vụ Khoa học và Công nghệ, bộ Công Thương",
                            "Chủ tịch Hội đồng thành viên Tập đoàn Hoá chất Việt Nam (Vinachem)"])]),
    # a body written with a lower-case first word, or without "và"
    ("Thủ tướng điều động ông Phùng Đức Tiến, Phó Chủ nhiệm uỷ ban Khoa học, Công nghệ và Môi trường của Quốc hội giữ chức vụ Thứ trưởng bộ Nông nghiệp và Phát triển nông thôn.",
     [("Phùng Đức Tiến", ["Phó Chủ nhiệm uỷ ban Khoa học, Công nghệ và Môi trường của Quốc hội",
                          "Thứ trưởng bộ Nông nghiệp và Phát triển nông thôn"])]),
    ("Hội đồng kỷ luật đề nghị kỷ luật ông Nguyễn Bắc Son - nguyên bộ trưởng Bộ Thông tin truyền thông chịu trách nhiệm chính.",
     [("Nguyễn Bắc Son", ["nguyên bộ trưởng Bộ Thông tin truyền thông"])]),
    # "Ủy ban", "hội đồng thành viên" read as words of the body
    ("Đồng quan điểm, ông Trần Văn Dũng, Chủ tịch Uỷ ban Chứng khoán Nhà nước cho rằng, vấn đề của thị trường là lòng tin.",
     [("Trần Văn Dũng", ["Chủ tịch Uỷ ban Chứng khoán Nhà nước"])]),
    ("Để làm rõ những nội dung liên quan đến Phó tổng giám đốc VEC Nguyễn Văn Nhi, Chủ tịch hội đồng thành viên Mai Tuấn Anh đã ban hành văn bản.",
     [("Nguyễn Văn Nhi", ["Phó tổng giám đốc VEC"]), ("Mai Tuấn Anh", ["Chủ tịch hội đồng thành viên"])]),
    # read on to the end of the sentence when it ends on a body or place
    ("Dưới góc độ khoa học, Kỹ sư trưởng Trần Dân, Phó Chủ tịch hội khoa học kỹ thuật Cầu đường TP. Đà Nẵng đánh giá cao việc này.",
     [("Trần Dân", ["Phó Chủ tịch hội khoa học kỹ thuật Cầu đường TP. Đà Nẵng"])]),
    ("Ban Bí thư đã thi hành kỷ luật đảng đối với ông Hoàng Tiến Đức - tỉnh uỷ viên, bí thư Đảng uỷ, giám đốc Sở Giáo dục và đào tạo tỉnh Sơn La.",
     [("Hoàng Tiến Đức", ["tỉnh uỷ viên", "bí thư Đảng uỷ", "giám đốc Sở Giáo dục và đào tạo tỉnh Sơn La"])]),
    # ... but not when the sentence goes on in lower case, nor across a verb
    ("Ông Bùi Ngọc Huyên, Chủ tịch của Vinaxuki và giấc mơ ô tô Việt.",
     [("Bùi Ngọc Huyên", ["Chủ tịch của Vinaxuki"])]),
    ("Phát biểu tại buổi lễ, ông Phạm Văn Xuyên, Phó Chủ tịch Uỷ ban Nhân dân tỉnh Thái Bình thay mặt lãnh đạo tỉnh, đánh giá cao kết quả.",
     [("Phạm Văn Xuyên", ["Phó Chủ tịch Uỷ ban Nhân dân tỉnh Thái Bình"])]),
]


@pytest.mark.parametrize("text,expected", TITLE_ENDS)
def test_title_ends(text, expected):
    assert officials(text) == expected


# Titles further on in the clause (pool-c/d study); sentences from pool articles outside the dev gold.
CLAUSE_TITLES = [
    # a post verb with a time phrase before it chains titles after the name
    ("Ban Bí thư nhận thấy Phó đô đốc Nguyễn Văn Tình trong thời gian giữ cương vị uỷ viên Trung ương Đảng, uỷ viên Đảng uỷ Quân sự trung ương, bí thư Đảng uỷ Quân chủng Hải quân chịu trách nhiệm.",
     [("Nguyễn Văn Tình", ["uỷ viên Trung ương Đảng", "uỷ viên Đảng uỷ Quân sự trung ương",
                           "bí thư Đảng uỷ Quân chủng Hải quân"])]),
    ("Cuối năm 2008, ông Đinh La Thăng khi còn là Chủ tịch Hội đồng quản trị PVN, đã ký thoả thuận.",
     [("Đinh La Thăng", ["Chủ tịch Hội đồng quản trị PVN"])]),
    ("Cụ thể, Đỗ Văn Khạnh (khi đó là Tổng Giám đốc PVEP) đã có quyết định phân công.",
     [("Đỗ Văn Khạnh", ["Tổng Giám đốc PVEP"])]),
    # a birth year between the name and a title opened by "khi đó là"
    ("Trên cơ sở công văn 617, ông Trương Tuấn Dũng, sinh năm 1960, khi đó là Phó Chủ tịch UBND huyện Mường La đã ban hành Kế hoạch số 41.",
     [("Trương Tuấn Dũng", ["Phó Chủ tịch UBND huyện Mường La"])]),
    # the term's dates between the titles and ", ông X"
    ("Với cương vị bí thư Ban cán sự đảng, bộ trưởng từ tháng 4-2016 đến nay, ông Trương Minh Tuấn chịu trách nhiệm chính.",
     [("Trương Minh Tuấn", ["bí thư Ban cán sự đảng", "bộ trưởng"])]),
    # a post given, held or lost later in the sentence of its one person
    ("Ban Bí thư quyết định thi hành kỷ luật ông Nguyễn Hồng Trường bằng hình thức cách chức uỷ viên Ban cán sự đảng Bộ Giao thông vận tải nhiệm kỳ 2011 - 2016.",
     [("Nguyễn Hồng Trường", ["uỷ viên Ban cán sự đảng Bộ Giao thông vận tải"])]),
    ("Ban Bí thư quyết định thi hành kỷ luật ông Trần Việt Thắng bằng hình thức cách chức uỷ viên Ban chấp hành Đảng bộ Khối Doanh nghiệp Trung ương, cách chức uỷ viên Ban chấp hành Đảng bộ tổng công ty Công nghiệp Xi măng Việt Nam.",
     [("Trần Việt Thắng", ["uỷ viên Ban chấp hành Đảng bộ Khối Doanh nghiệp Trung ương",
                           "uỷ viên Ban chấp hành Đảng bộ tổng công ty Công nghiệp Xi măng Việt Nam"])]),
    ("Ông Lê Đức Thọ công tác tại ngân hàng này từ năm 1990 trước khi được bổ nhiệm làm Chánh văn phòng NHNN vào tháng 8/2013.",
     [("Lê Đức Thọ", ["Chánh văn phòng NHNN"])]),
]

# ... but not a post that the one person gives, announces or speaks of
NOT_THE_PERSONS_POST = [
    ("Thủ tướng Nguyễn Xuân Phúc vừa phê chuẩn kết quả bầu bổ sung chức vụ Phó Chủ tịch UBND tỉnh Gia Lai và tỉnh Sơn La.",
     [("Nguyễn Xuân Phúc", ["Thủ tướng"])]),
    ("Sau đó, Tổng Thư ký Quốc hội Nguyễn Hạnh Phúc trình bày dự thảo Nghị quyết bầu Chủ tịch nước để Quốc hội biểu quyết.",
     [("Nguyễn Hạnh Phúc", ["Tổng Thư ký Quốc hội"])]),
    ("Cũng tại hội nghị, Bí thư Quận uỷ Hoàn Kiếm Hoàng Công Khôi đề nghị nên nhất thể hoá chức vụ Bí thư, Chủ tịch ở cấp phường.",
     [("Hoàng Công Khôi", ["Bí thư Quận uỷ Hoàn Kiếm"])]),
    ("Đại biểu Trương Minh Hoàng cho rằng trong điều kiện hiện nay, đồng chí Tổng Bí thư giữ chức vụ Chủ tịch nước là phù hợp.",
     []),
    ("Trung ương đã thống nhất rất cao giới thiệu Tổng Bí thư Nguyễn Phú Trọng để Quốc hội bầu giữ chức vụ Chủ tịch nước.",
     [("Nguyễn Phú Trọng", ["Tổng Bí thư"])]),
    # a post proposed or foreseen is not given
    ("Theo sự phân công của PVN, ông Trần Ngọc Nguyên được điều động và giới thiệu để Đại hội đồng cổ đông công ty PVCFC bầu giữ chức Chủ tịch HĐQT công ty PVCFC.",
     []),
    ("Nhiều khả năng ông Trần Kinh Doanh, người đang nắm giữ vị trí điều hành cao nhất của Bách hoá Xanh, sẽ đảm nhận chức vụ Tổng giám đốc thay ông Tài.",
     []),
]


@pytest.mark.parametrize("text,expected", CLAUSE_TITLES + NOT_THE_PERSONS_POST)
def test_clause_titles(text, expected):
    assert officials(text) == expected


# Foreign names and generic heads; sentences from pool articles outside the dev gold.
FOREIGN_AND_GENERIC = [
    # a later mention inside the previous person's title chain is its own person
    ("Tổng thống Nga Vladimir Putin gửi lời chúc. Tuyên bố cho biết trong lời chúc mừng gửi tới Tổng thống Mỹ Donald Trump, Tổng thống Putin nhấn mạnh rằng đối thoại là cần thiết.",
     [("Vladimir Putin", ["Tổng thống Nga"]), ("Donald Trump", ["Tổng thống Mỹ"]), ("Vladimir Putin", ["Tổng thống"])]),
    # spaced hyphens in a foreign name, and a later mention written another way
    ("Nhận lời mời của Thủ tướng Thái Lan Prayut Chan - ocha, Thủ tướng Nguyễn Xuân Phúc đã thăm Thái Lan. Trước sự chứng kiến của Thủ tướng Prayut Chan - o - cha, PVN và SCG đã ký thoả thuận.",
     [("Prayut Chan - ocha", ["Thủ tướng Thái Lan"]), ("Nguyễn Xuân Phúc", ["Thủ tướng"]),
      ("Prayut Chan - ocha", ["Thủ tướng"])]),
    # an East Asian name is taken up by its family name
    ("Chủ tịch Trung Quốc Tập Cận Bình tiếp đoàn. Phát biểu tại buổi tiếp, ông Tập nhấn mạnh quan hệ hai nước.",
     [("Tập Cận Bình", ["Chủ tịch Trung Quốc"]), ("Tập Cận Bình", [])]),
    # "người đứng đầu" is a title with its organisation, not alone
    ("Thông báo nêu, với cương vị là người đứng đầu Thành uỷ, ông Nguyễn Xuân Anh - chịu trách nhiệm chính về những vi phạm.",
     [("Nguyễn Xuân Anh", ["người đứng đầu Thành uỷ"])]),
    ("Với cương vị là người đứng đầu, ông Trịnh Xuân Thanh phải chịu trách nhiệm chính về những khuyết điểm, vi phạm nêu trên.",
     []),
]


@pytest.mark.parametrize("text,expected", FOREIGN_AND_GENERIC)
def test_foreign_and_generic(text, expected):
    assert officials(text) == expected


# Forms found studying pool-e/f; sentences from other pool articles.
TITLE_FORMS_EF = [
    # "TP." before an acronym ("TP. HCM") does not end the title
    ("Theo chỉ đạo của Bí thư Thành uỷ TP. HCM Nguyễn Thiện Nhân, ngày 8/5 tới đây sẽ họp.",
     [("Nguyễn Thiện Nhân", ["Bí thư Thành uỷ TP. HCM"])]),
    ("Ngày 12, bà Võ Thị Dung – Phó Bí thư Thành uỷ TP. HCM, cho biết: Câu chuyện tương tự.",
     [("Võ Thị Dung", ["Phó Bí thư Thành uỷ TP. HCM"])]),
    # titles, their term ("giai đoạn 2009-2011", "từ tháng X đến Y"), then ", ông X"
    ("Trên cương vị uỷ viên Ban Chấp hành Trung ương Đảng khoá X, bí thư Đảng uỷ, chủ tịch hội đồng thành viên Tập đoàn Dầu khí quốc gia Việt Nam giai đoạn 2009-2011, ông Đinh La Thăng đã mắc những khuyết điểm.",
     [("Đinh La Thăng", ["uỷ viên Ban Chấp hành Trung ương Đảng khoá X", "bí thư Đảng uỷ",
                         "chủ tịch hội đồng thành viên Tập đoàn Dầu khí quốc gia Việt Nam"])]),
    ("Là Uỷ viên Trung ương Đảng, Uỷ viên Ban cán sự Đảng Chính phủ, Phó thủ tướng từ tháng 8/2011 đến 4/2016, ông Vũ Văn Ninh ký các văn bản.",
     [("Vũ Văn Ninh", ["Uỷ viên Trung ương Đảng", "Uỷ viên Ban cán sự Đảng Chính phủ", "Phó thủ tướng"])]),
    # each title with its own term, chained before the name
    ("Ban Bí thư nhận định, với cương vị là uỷ viên Ban chấp hành Đảng bộ khối Doanh nghiệp trung ương nhiệm kỳ 2015-2020, phó bí thư Đảng uỷ tập đoàn từ tháng 8-2012, bí thư Đảng uỷ từ tháng 10-2013, chủ tịch Hội đồng thành viên tập đoàn từ tháng 4-2012 đến nay, ông Nguyễn Anh Dũng phải chịu trách nhiệm.",
     [("Nguyễn Anh Dũng", ["uỷ viên Ban chấp hành Đảng bộ khối Doanh nghiệp trung ương", "phó bí thư Đảng uỷ tập đoàn",
                           "bí thư Đảng uỷ", "chủ tịch Hội đồng thành viên tập đoàn"])]),
    # lower-case "Ban chấp hành", "Xi măng" read as the body's words
    ("Ông Trương Minh Tuấn, uỷ viên Ban chấp hành Đảng bộ Khối các cơ quan trung ương nhiệm kỳ 2015 - 2020, chủ trì.",
     [("Trương Minh Tuấn", ["uỷ viên Ban chấp hành Đảng bộ Khối các cơ quan trung ương"])]),
    ("Trong thời gian giữ chức phó bí thư Đảng uỷ, tổng giám đốc tổng công ty Công nghiệp Xi măng Việt Nam và chủ tịch Hội đồng quản trị, tổng giám đốc công ty cổ phần Xi măng Hà Tiên 1, ông Trần Việt Thắng đã vi phạm.",
     [("Trần Việt Thắng", ["phó bí thư Đảng uỷ", "tổng giám đốc tổng công ty Công nghiệp Xi măng Việt Nam",
                           "chủ tịch Hội đồng quản trị", "tổng giám đốc công ty cổ phần Xi măng Hà Tiên 1"])]),
    # "TITLE là ông X", a time word ("lúc đó", "bây giờ") between title and name
    ("Hiện nay, HĐND TPHCM có Chủ tịch là bà Nguyễn Thị Lệ và Phó Chủ tịch là ông Phạm Đức Hải.",
     [("Nguyễn Thị Lệ", ["Chủ tịch"]), ("Phạm Đức Hải", ["Phó Chủ tịch"])]),
    ("Trước khi bị khởi tố, 2 cựu Thứ trưởng bộ Công an là ông Bùi Văn Thành và ông Trần Việt Tân đã bị đình chỉ.",
     [("Bùi Văn Thành", ["cựu Thứ trưởng bộ Công an"])]),
    ("Bộ cho rằng việc Bộ trưởng Bộ GD - ĐT lúc đó là ông Phạm Vũ Luận ban hành Quyết định thu hồi.",
     [("Phạm Vũ Luận", ["Bộ trưởng Bộ GD - ĐT"])]),
]


@pytest.mark.parametrize("text,expected", TITLE_FORMS_EF)
def test_title_forms_ef(text, expected):
    assert officials(text) == expected
