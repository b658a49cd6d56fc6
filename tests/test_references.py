"""Citation forms -> references: a table of real sentences (most from corpora/pool), negatives, data tables.

Each case runs the references stage then the resolver on one sentence and
compares (text, doc_type, number, symbol, issuer, date, key) of every reference.
"""
from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

from pipeline.extract import citation_grammar, citation_keys, citation_tables, citation_tail, references
from pipeline.extract.citation_tables import DATA, doc_types, issuers, law_names
from pipeline.extract.references import find_references, parse_citation
from pipeline.model import Document
from pipeline.resolve import resolve_references

ROOT = Path(__file__).resolve().parent.parent


def _refs(text: str, published: str | None = None):
    doc = Document.from_text(text, published=published)
    doc.references = find_references(doc)
    return resolve_references(doc).references


CASES = [
    ('Thực hiện Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị về một số việc cần làm ngay.', [
        ('Quy định số 55-QĐ/TƯ ngày 19-12-2016 của Bộ Chính trị', 'Quy định', '55', 'QĐ/TW', 'Bộ Chính trị', '2016-12-19', 'QDI 55 TW'),
    ]),
    ('Quy định số 37-QĐ/TƯ ngày 25-10-2021 của Ban Chấp hành Trung ương khóa XIII về những điều đảng viên không được làm.', [
        ('Quy định số 37-QĐ/TƯ ngày 25-10-2021 của Ban Chấp hành Trung ương khóa XIII', 'Quy định', '37', 'QĐ/TW', 'Ban Chấp hành Trung ương', '2021-10-25', 'QDI 37 TW'),
    ]),
    ('Chương trình số 01-Ctr/TU và các Quy định 55/QĐ-TW, 37/QĐ-TW đã được thực hiện nghiêm túc.', [
        ('Chương trình số 01-Ctr/TU', 'Chương trình', '01', 'CTR/TU', None, None, 'CTR 1 TU'),
        ('Quy định 55/QĐ-TW', 'Quy định', '55', 'QĐ/TW', None, None, 'QDI 55 TW'),
        ('37/QĐ-TW', 'Quy định', '37', 'QĐ/TW', None, None, 'QDI 37 TW'),
    ]),
    ('Nghị quyết Hội nghị lần thứ 6, 7, 8 BCH Trung ương Đảng (khóa XII) về công tác tổ chức, cán bộ.', [
        ('Nghị quyết Hội nghị lần thứ 6', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW6-XII'),
        ('7', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW7-XII'),
        ('8 BCH Trung ương Đảng (khóa XII)', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW8-XII'),
    ]),
    ('Nghị quyết số 54/NQ/QH14 ngày 24-11-2017 của Quốc hội về “Thí điểm cơ chế, chính sách đặc thù phát triển TP. Hồ Chí Minh”.', [
        ('Nghị quyết số 54/NQ/QH14 ngày 24-11-2017 của Quốc hội', 'Nghị quyết', '54', 'NQ/QH14', 'Quốc hội', '2017-11-24', 'NQ 54 QH'),
    ]),
    ('Tiếp tục thực hiện Đề án số 02-ĐA/TU ngày 24-3-2014 của BTV Thành ủy về đấu tranh.', [
        ('Đề án số 02-ĐA/TU ngày 24-3-2014 của BTV Thành ủy', 'Đề án', '02', 'ĐA/TU', 'Ban Thường vụ Thành ủy', '2014-03-24', 'DA 2 TU'),
    ]),
    ('Tổ chức thực hiện nghiêm Quy định số 08-QĐi/TW ngày 25-10-2018 về trách nhiệm nêu gương.', [
        ('Quy định số 08-QĐi/TW ngày 25-10-2018', 'Quy định', '08', 'QĐI/TW', None, '2018-10-25', 'QDI 8 TW'),
    ]),
    ('Ban Chỉ đạo vừa có Thông báo số 26-TB/BCĐ, truyền đạt kết luận.', [
        ('Thông báo số 26-TB/BCĐ', 'Thông báo', '26', 'TB/BCĐ', None, None, 'TB 26 BCĐ'),
    ]),
    ('Nghị quyết số 15-NQ/TƯ ngày 5/5/2022 của Bộ Chính trị về “Phương hướng, nhiệm vụ phát triển Thủ đô”.', [
        ('Nghị quyết số 15-NQ/TƯ ngày 5/5/2022 của Bộ Chính trị', 'Nghị quyết', '15', 'NQ/TW', 'Bộ Chính trị', '2022-05-05', 'NQ 15 TW'),
    ]),
    ('Chỉ thị số 11 - CT/TW của Ban Bí thư yêu cầu không bắn pháo hoa.', [
        ('Chỉ thị số 11 - CT/TW của Ban Bí thư', 'Chỉ thị', '11', 'CT/TW', 'Ban Bí thư', None, 'CT 11 TW'),
    ]),
    ('Nghị định 30/2 013/NĐ - CP ngày 08/4/2013 của Chính phủ về kinh doanh vận chuyển hàng không.', [
        ('Nghị định 30/2 013/NĐ - CP ngày 08/4/2013 của Chính phủ', 'Nghị định', '30', '2013/NĐ-CP', 'Chính phủ', '2013-04-08', 'ND 30 CP'),
    ]),
    ('Quyết định số 5117/QĐ - BCA thành lập ban Soạn thảo.', [
        ('Quyết định số 5117/QĐ - BCA', 'Quyết định', '5117', 'QĐ-BCA', None, None, 'QD 5117 BCA'),
    ]),
    ('Quyết định số 242/1998/QĐ-TTg của Thủ tướng Chính Phủ và cũng là đơn vị đầu tiên.', [
        ('Quyết định số 242/1998/QĐ-TTg của Thủ tướng Chính Phủ', 'Quyết định', '242', '1998/QĐ-TTG', 'Thủ tướng Chính phủ', None, 'QD 242 CP'),
    ]),
    ('Chỉ thị số 06/CT - NHNN ngày 20/7/2017 của NHNN về việc thực hiện Nghị quyết 42 và Quyết định 105.', [
        ('Chỉ thị số 06/CT - NHNN ngày 20/7/2017 của NHNN', 'Chỉ thị', '06', 'CT-NHNN', 'Ngân hàng Nhà nước', '2017-07-20', 'CT 6 NHNN'),
        ('Nghị quyết 42', 'Nghị quyết', '42', None, None, None, 'NQ 42 ?'),
        ('Quyết định 105', 'Quyết định', '105', None, None, None, 'QD 105 ?'),
    ]),
    ('Quyết định số 1087 - QĐ/TU ngày 31/3/2009 về Quy chế quản lý.', [
        ('Quyết định số 1087 - QĐ/TU ngày 31/3/2009', 'Quyết định', '1087', 'QĐ/TU', None, '2009-03-31', 'QD 1087 TU'),
    ]),
    ('Quyết định số 84 QĐ/TWĐTN về việc khen thưởng.', [
        ('Quyết định số 84 QĐ/TWĐTN', 'Quyết định', '84', 'QĐ/TWĐTN', None, None, 'QD 84 TWĐTN'),
    ]),
    ('Nghị quyết 70/2018/QH 14 ngày 09/11/2018 của Quốc hội.', [
        ('Nghị quyết 70/2018/QH 14 ngày 09/11/2018 của Quốc hội', 'Nghị quyết', '70', '2018/QH14', 'Quốc hội', '2018-11-09', 'NQ 70 QH'),
    ]),
    ('Nghị quyết 27 - NQ/TW ngày 21/5/2018 về xây dựng đội ngũ cán bộ.', [
        ('Nghị quyết 27 - NQ/TW ngày 21/5/2018', 'Nghị quyết', '27', 'NQ/TW', None, '2018-05-21', 'NQ 27 TW'),
    ]),
    ('Nghị quyết số 39 của Bộ Chính trị, Nghị định số 108/2014 của Chính phủ về chính sách tinh giản biên chế.', [
        ('Nghị quyết số 39 của Bộ Chính trị', 'Nghị quyết', '39', None, 'Bộ Chính trị', None, 'NQ 39 TW'),
        ('Nghị định số 108/2014 của Chính phủ', 'Nghị định', '108', '2014', 'Chính phủ', None, 'ND 108 CP'),
    ]),
    ('Kết luận 146 của Bộ Chính trị khoá XI đã nêu rõ.', [
        ('Kết luận 146 của Bộ Chính trị khoá XI', 'Kết luận', '146', None, 'Bộ Chính trị', None, 'KL 146 TW'),
    ]),
    ('Quy định số 102 - QĐ/TW, ngày 15-11-2017 của Bộ Chính trị khoá XII về xử lý kỷ luật đảng viên.', [
        ('Quy định số 102 - QĐ/TW, ngày 15-11-2017 của Bộ Chính trị khoá XII', 'Quy định', '102', 'QĐ/TW', 'Bộ Chính trị', '2017-11-15', 'QDI 102 TW'),
    ]),
    ('Chỉ thị số 20 của Bộ Chính trị và Chỉ thị số 06 của Ban Thường vụ Thành uỷ TP.', [
        ('Chỉ thị số 20 của Bộ Chính trị', 'Chỉ thị', '20', None, 'Bộ Chính trị', None, 'CT 20 TW'),
        ('Chỉ thị số 06 của Ban Thường vụ Thành uỷ TP', 'Chỉ thị', '06', None, 'Ban Thường vụ Thành ủy TP', None, 'CT 6 TU'),
    ]),
    ('Thông tư số 22/2016/TT-BTC do Bộ Tài chính ban hành ngày 16/02/2016 quy định quy tắc.', [
        ('Thông tư số 22/2016/TT-BTC do Bộ Tài chính ban hành ngày 16/02/2016', 'Thông tư', '22', '2016/TT-BTC', 'Bộ Tài chính', '2016-02-16', 'TT 22 BTC'),
    ]),
    ('Quyết định số 4950/QĐ - UBND ngày 25/10/2018 của UBND TP. Đà Nẵng về việc cử người đại diện.', [
        ('Quyết định số 4950/QĐ - UBND ngày 25/10/2018 của UBND TP. Đà Nẵng', 'Quyết định', '4950', 'QĐ-UBND', 'UBND TP. Đà Nẵng', '2018-10-25', 'QD 4950 UBND'),
    ]),
    ('Nghị quyết số 88 ngày 28/11/2014 của Quốc hội về đổi mới chương trình.', [
        ('Nghị quyết số 88 ngày 28/11/2014 của Quốc hội', 'Nghị quyết', '88', None, 'Quốc hội', '2014-11-28', 'NQ 88 QH'),
    ]),
    ('Quyết định 8282/QĐ - UB, ngày 25 tháng 12 năm 2005 mà UBND thành phố Hà Nội đã cấp.', [
        ('Quyết định 8282/QĐ - UB, ngày 25 tháng 12 năm 2005', 'Quyết định', '8282', 'QĐ-UB', None, '2005-12-25', 'QD 8282 UB'),
    ]),
    ('Công văn số 7379/VPCP - V gửi các bộ.', [
        ('Công văn số 7379/VPCP - V', 'Công văn', '7379', 'VPCP-V', None, None, 'CV 7379 VPCP'),
    ]),
    ('Kế hoạch số 26/KH - STNMT ngày 16/4/2019 của Sở Tài nguyên và Môi trường về định kỳ chuyển đổi.', [
        ('Kế hoạch số 26/KH - STNMT ngày 16/4/2019 của Sở Tài nguyên và Môi trường', 'Kế hoạch', '26', 'KH-STNMT',
         'Sở Tài nguyên và Môi trường', '2019-04-16', 'KH 26 STNMT'),
    ]),
    ('Văn bản số 16937/BGTVT-QLDN đề nghị các đơn vị rà soát.', [
        ('Văn bản số 16937/BGTVT-QLDN', 'Văn bản', '16937', 'BGTVT-QLDN', None, None, 'CV 16937 BGTVT'),
    ]),
    ('Nghị định số 100/2019/NĐ-CP ngày 30 tháng 12 năm 2019 của Chính phủ quy định xử phạt.', [
        ('Nghị định số 100/2019/NĐ-CP ngày 30 tháng 12 năm 2019 của Chính phủ', 'Nghị định', '100', '2019/NĐ-CP', 'Chính phủ', '2019-12-30', 'ND 100 CP'),
    ]),
    ('Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;', [
        ('Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025', 'Luật', '72', '2025/QH15', None, '2025-06-16', 'LUAT to-chuc-chinh-quyen-dia-phuong'),
    ]),
    ('Căn cứ Luật Ngân\nsách nhà nước số 83/2015/QH13;', [
        ('Luật Ngân\nsách nhà nước số 83/2015/QH13', 'Luật', '83', '2015/QH13', None, None, 'LUAT ngan-sach-nha-nuoc'),
    ]),
    ('Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008;', [
        ('Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008', 'Luật', None, None, None, '2008-11-13', 'LUAT can-bo-cong-chuc'),
    ]),
    ('Theo Luật Đất đai năm 2013, người sử dụng đất có quyền.', [
        ('Luật Đất đai năm 2013', 'Luật', None, None, None, '2013', 'LUAT dat-dai'),
    ]),
    ('Hành vi này bị xử lý theo Bộ luật Hình sự 2015 về tội dâm ô.', [
        ('Bộ luật Hình sự 2015', 'Luật', None, None, None, '2015', 'LUAT hinh-su'),
    ]),
    ('Các quy định của Luật Khoa học, công nghệ và đổi mới sáng tạo về đổi mới sáng tạo.', [
        ('Luật Khoa học, công nghệ và đổi mới sáng tạo', 'Luật', None, None, None, None, 'LUAT khoa-hoc-cong-nghe-va-doi-moi-sang-tao'),
    ]),
    ('Luật Đầu tư công và Luật Ngân sách nhà nước đều quy định.', [
        ('Luật Đầu tư công', 'Luật', None, None, None, None, 'LUAT dau-tu-cong'),
        ('Luật Ngân sách nhà nước', 'Luật', None, None, None, None, 'LUAT ngan-sach-nha-nuoc'),
    ]),
    ('Quyền con người được quy định tại Hiến pháp năm 2013.', [
        ('Hiến pháp năm 2013', 'Hiến pháp', None, None, None, '2013', 'HP 2013'),
    ]),
    ('Việc này trái với Hiến pháp, luật và các văn bản.', [
        ('Hiến pháp', 'Hiến pháp', None, None, None, None, 'HP'),
    ]),
    ('Thực hiện nhiệm vụ theo quy định của Điều lệ Đảng và Chương trình kiểm tra.', [
        ('Điều lệ Đảng', 'Điều lệ', None, None, None, None, 'DL DANG'),
    ]),
    ('Tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.', [
        ('Nghị quyết Trung ương 4 (khóa XII)', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW4-XII'),
    ]),
    ('Nghị quyết TW4 khóa 11 về một số vấn đề cấp bách.', [
        ('Nghị quyết TW4 khóa 11', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW4-XI'),
    ]),
    ('Nghị quyết Hội nghị Trung ương 4, khoá XII về tăng cường xây dựng, chỉnh đốn Đảng.', [
        ('Nghị quyết Hội nghị Trung ương 4, khoá XII', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW4-XII'),
    ]),
    ('Nghị quyết Trung ương 4, 6, 7 khoá XII được triển khai.', [
        ('Nghị quyết Trung ương 4', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW4-XII'),
        ('6', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW6-XII'),
        ('7 khoá XII', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW7-XII'),
    ]),
    ('Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khoá X về nông nghiệp, nông dân, nông thôn.', [
        ('Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khoá X', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW7-X'),
    ]),
    ('Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ thành phố.', [
        ('Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng', 'Nghị quyết', None, None, None, None, 'NQ DH-XIII'),
        ('Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ thành phố', 'Nghị quyết', None, None, None, None, 'NQ DH-TU-XVII'),
    ]),
    ('Nghị quyết Đại hội XII của Đảng đã đề ra.', [
        ('Nghị quyết Đại hội XII của Đảng', 'Nghị quyết', None, None, None, None, 'NQ DH-XII'),
    ]),
    ('Nghị quyết Đại hội Đảng bộ tỉnh lần thứ 13 đề ra mục tiêu.', [
        ('Nghị quyết Đại hội Đảng bộ tỉnh lần thứ 13', 'Nghị quyết', None, None, None, None, 'NQ DH-TU-XIII'),
    ]),
    ('Nghị quyết Đại hội Đảng lần thứ XII xác định.', [
        ('Nghị quyết Đại hội Đảng lần thứ XII', 'Nghị quyết', None, None, None, None, 'NQ DH-XII'),
    ]),
    ('Ban Chỉ đạo Chương trình 01 của Thành ủy về nâng cao năng lực.', [
        ('Chương trình 01 của Thành ủy', 'Chương trình', '01', None, 'Thành ủy', None, 'CTR 1 TU'),
    ]),
    ('Chỉ thị 05 và 10 của Ban Bí thư.', [
        ('Chỉ thị 05', 'Chỉ thị', '05', None, 'Ban Bí thư', None, 'CT 5 TW'),
        ('10 của Ban Bí thư', 'Chỉ thị', '10', None, 'Ban Bí thư', None, 'CT 10 TW'),
    ]),
    ('Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương.', [
        ('Nghị quyết số 18-NQ/TW', 'Nghị quyết', '18', 'NQ/TW', 'Ban Chấp hành Trung ương', None, 'NQ 18 TW'),
        ('19-NQ/TW ngày 25-10-2017 của Ban Chấp hành Trung ương', 'Nghị quyết', '19', 'NQ/TW', 'Ban Chấp hành Trung ương', '2017-10-25', 'NQ 19 TW'),
    ]),
    ('Nghị định số 02/2003/NĐ-CP ngày 14/01/2003 và Nghị định số 114/2009/NĐ-CP ngày 23/12/2009 về phát triển.', [
        ('Nghị định số 02/2003/NĐ-CP ngày 14/01/2003', 'Nghị định', '02', '2003/NĐ-CP', None, '2003-01-14', 'ND 2 CP'),
        ('Nghị định số 114/2009/NĐ-CP ngày 23/12/2009', 'Nghị định', '114', '2009/NĐ-CP', None, '2009-12-23', 'ND 114 CP'),
    ]),
    ('Theo NĐ 30/2020 về công tác văn thư.', [
        ('NĐ 30/2020', 'Nghị định', '30', '2020', None, None, 'ND 30 CP'),
    ]),
    ('Ông đã ký QĐ1401 về việc thành lập.', [
        ('QĐ1401', 'Quyết định', '1401', None, None, None, 'QD 1401 ?'),
    ]),
    ('Nghị quyết số 15- Nq/tw của Bộ Chính trị.', [
        ('Nghị quyết số 15- Nq/tw của Bộ Chính trị', 'Nghị quyết', '15', 'NQ/TW', 'Bộ Chính trị', None, 'NQ 15 TW'),
    ]),
    ('Quy định số 37QĐ/TW về những điều đảng viên không được làm.', [
        ('Quy định số 37QĐ/TW', 'Quy định', '37', 'QĐ/TW', None, None, 'QDI 37 TW'),
    ]),
    ('Quyết định số: 2934/QĐ-UBND ngày 20 tháng 11 năm 2025 của Chủ tịch UBND tỉnh.', [
        # the head of a body signs for it: "của Chủ tịch UBND tỉnh" is an issuer clause (pool gold:
        # "của Chánh án TAND Tối cao", "của Bộ trưởng bộ VH, TT & DL")
        ('Quyết định số: 2934/QĐ-UBND ngày 20 tháng 11 năm 2025 của Chủ tịch UBND tỉnh', 'Quyết định', '2934', 'QĐ-UBND', 'Chủ tịch UBND tỉnh', '2025-11-20', 'QD 2934 UBND'),
    ]),
    ('Căn cứ Nghị định số42/2022/NĐ-CP được công bố trên Cổng.', [
        ('Nghị định số42/2022/NĐ-CP', 'Nghị định', '42', '2022/NĐ-CP', None, None, 'ND 42 CP'),
    ]),
    ('Căn cứ Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ;', [
        ('Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ', 'Nghị quyết', '66.2', '2025/NQ-CP', 'Chính phủ', '2025-08-28', 'NQ 66.2 CP'),
    ]),
    ('khoản 2 Điều 1 Nghị định số 123/2021/NĐ-CP sửa đổi.', [
        ('Nghị định số 123/2021/NĐ-CP', 'Nghị định', '123', '2021/NĐ-CP', None, None, 'ND 123 CP'),
    ]),
    ('Bộ Công an đã ban hành thông tư 33 để công bố mẫu căn cước.', [
        ('thông tư 33', 'Thông tư', '33', None, None, None, 'TT 33 ?'),
    ]),
    ('Tuyên huỷ quyết định 4674 của Bộ trưởng bộ GD & ĐT.', [
        ('quyết định 4674 của Bộ trưởng bộ GD & ĐT', 'Quyết định', '4674', None, 'Bộ trưởng Bộ Giáo dục và Đào tạo', None, 'QD 4674 BGDĐT'),
    ]),
    ('Công văn 7686 BTC - CS ngày 12-6-2017 của Bộ Tài Chính là văn bản.', [
        ('Công văn 7686 BTC - CS ngày 12-6-2017 của Bộ Tài Chính', 'Công văn', '7686', 'BTC-CS', 'Bộ Tài chính', '2017-06-12', 'CV 7686 BTC'),
    ]),
    ('Căn cứ quy định 102 ngày 15-11-2017 của Bộ Chính trị về xử lý kỷ luật.', [
        ('quy định 102 ngày 15-11-2017 của Bộ Chính trị', 'Quy định', '102', None, 'Bộ Chính trị', '2017-11-15', 'QDI 102 TW'),
    ]),
    ('Thông báo Kết luận số 50 - TB/TW của Ban Bí thư.', [
        ('Thông báo Kết luận số 50 - TB/TW của Ban Bí thư', 'Thông báo', '50', 'TB/TW', 'Ban Bí thư', None, 'TB 50 TW'),
    ]),
    ('Chỉ thị số 04/CT - TTg ngày 19/2/2019 của Thủ tướng Chính phủ về việc triển khai.', [
        ('Chỉ thị số 04/CT - TTg ngày 19/2/2019 của Thủ tướng Chính phủ', 'Chỉ thị', '04', 'CT-TTG', 'Thủ tướng Chính phủ', '2019-02-19', 'CT 4 CP'),
    ]),
    ('Nghị quyết số 099/NQ - HĐQT miễn nhiệm chức vụ.', [
        ('Nghị quyết số 099/NQ - HĐQT', 'Nghị quyết', '099', 'NQ-HĐQT', None, None, 'NQ 99 HĐQT'),
    ]),
    ('Công điện số 220/CĐ-TTg ngày 18 tháng 11 năm 2025 của Thủ tướng Chính phủ.', [
        ('Công điện số 220/CĐ-TTg ngày 18 tháng 11 năm 2025 của Thủ tướng Chính phủ', 'Công điện', '220', 'CĐ-TTG', 'Thủ tướng Chính phủ', '2025-11-18', 'CD 220 CP'),
    ]),
    ('Tờ trình số 182/TTr-SKHCN ngày 17 tháng 11 năm 2025 về việc ban hành.', [
        ('Tờ trình số 182/TTr-SKHCN ngày 17 tháng 11 năm 2025', 'Tờ trình', '182', 'TTR-SKHCN', None, '2025-11-17', 'TTR 182 SKHCN'),
    ]),
    ('Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP hướng dẫn thể thức.', [
        ('Thông tư liên tịch số 55/2005/TTLT-BNV-VPCP', 'Thông tư', '55', '2005/TTLT-BNV-VPCP', None, None, 'TT 55 BNV'),
    ]),
    ('Nghị quyết số 1314/NQ-UBTVQH15 về việc sắp xếp đơn vị hành chính.', [
        ('Nghị quyết số 1314/NQ-UBTVQH15', 'Nghị quyết', '1314', 'NQ-UBTVQH15', None, None, 'NQ 1314 QH'),
    ]),
    ('Kết luận số 21-KL/TƯ ngày 25/10/2021 của Ban Chấp hành Trung ương về đẩy mạnh xây dựng.', [
        ('Kết luận số 21-KL/TƯ ngày 25/10/2021 của Ban Chấp hành Trung ương', 'Kết luận', '21', 'KL/TW', 'Ban Chấp hành Trung ương', '2021-10-25', 'KL 21 TW'),
    ]),
    ('Chương trình số 01-CTr/TU Thành ủy khóa XVII đã đề ra.', [
        ('Chương trình số 01-CTr/TU Thành ủy khóa XVII', 'Chương trình', '01', 'CTR/TU', 'Thành ủy', None, 'CTR 1 TU'),
    ]),
    ('Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng.', [
        ('Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng', 'Hướng dẫn', '36', 'HD/VPTW', 'Văn phòng Trung ương Đảng', '2018-04-03', 'HD 36 VPTW'),
    ]),
    ('Chỉ thị số 05-CT/TW, ngày 15-5-2016, của Bộ Chính trị khóa XII.', [
        ('Chỉ thị số 05-CT/TW, ngày 15-5-2016, của Bộ Chính trị khóa XII', 'Chỉ thị', '05', 'CT/TW', 'Bộ Chính trị', '2016-05-15', 'CT 5 TW'),
    ]),
    ('Quyết định số 1234/QĐ-UBND của UBND tỉnh Quảng Ninh.', [
        ('Quyết định số 1234/QĐ-UBND của UBND tỉnh Quảng Ninh', 'Quyết định', '1234', 'QĐ-UBND', 'UBND tỉnh Quảng Ninh', None, 'QD 1234 UBND'),
    ]),
    ('Pháp lệnh số 02/2022/UBTVQH15 về xử lý vi phạm.', [
        ('Pháp lệnh số 02/2022/UBTVQH15', 'Pháp lệnh', '02', '2022/UBTVQH15', None, None, 'PL 2 QH'),
    ]),
    ('Quyết định số 18/2020/QĐ-TTg của Thủ tướng Chính phủ quy định.', [
        ('Quyết định số 18/2020/QĐ-TTg của Thủ tướng Chính phủ', 'Quyết định', '18', '2020/QĐ-TTG', 'Thủ tướng Chính phủ', None, 'QD 18 CP'),
    ]),
    ('Nghị quyết Trung ương 7 khóa 10 về nông nghiệp.', [
        ('Nghị quyết Trung ương 7 khóa 10', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW7-X'),
    ]),
    ('Nghị quyết T.Ư 4, khóa XI về xây dựng Đảng.', [
        ('Nghị quyết T.Ư 4, khóa XI', 'Nghị quyết', None, None, 'Ban Chấp hành Trung ương', None, 'NQ TW4-XI'),
    ]),
    ('Thực hiện Nghị quyết số 18 - NQ / TW ( khóa XII ) về sắp xếp bộ máy.', [
        ('Nghị quyết số 18 - NQ / TW ( khóa XII )', 'Nghị quyết', '18', 'NQ/TW', None, None, 'NQ 18 TW'),
    ]),
    ('Căn cứ Luật Thủ đô số 39/2024/QH15;', [
        ('Luật Thủ đô số 39/2024/QH15', 'Luật', '39', '2024/QH15', None, None, 'LUAT thu-do'),
    ]),
    ('Quyết định số 1206 /QĐ-HVTC ngày 5/3/2020 của Học viện.', [
        ('Quyết định số 1206 /QĐ-HVTC ngày 5/3/2020', 'Quyết định', '1206', 'QĐ-HVTC', None, '2020-03-05', 'QD 1206 HVTC'),
    ]),
    ('Quy định số 47 - QĐ/TW ngày 01/11/2011 về những điều đảng viên không được làm.', [
        ('Quy định số 47 - QĐ/TW ngày 01/11/2011', 'Quy định', '47', 'QĐ/TW', None, '2011-11-01', 'QDI 47 TW'),
    ]),
    ('Quyết định số 646/QĐ/QUTW của Quân ủy Trung ương.', [
        ('Quyết định số 646/QĐ/QUTW của Quân ủy Trung ương', 'Quyết định', '646', 'QĐ/QUTW', 'Quân ủy Trung ương', None, 'QD 646 QUTW'),
    ]),
    ('Nghị định 36/2009 của Chính phủ về quản lý sử dụng pháo.', [
        ('Nghị định 36/2009 của Chính phủ', 'Nghị định', '36', '2009', 'Chính phủ', None, 'ND 36 CP'),
    ]),
    ('Kết luận số 34-KL/TW ngày 18/4/2022 của Bộ Chính trị về Chiến lược công tác kiểm tra.', [
        ('Kết luận số 34-KL/TW ngày 18/4/2022 của Bộ Chính trị', 'Kết luận', '34', 'KL/TW', 'Bộ Chính trị', '2022-04-18', 'KL 34 TW'),
    ]),
    ('Nghị quyết số 06/2013/NQ-HĐND ngày 12/7/2013 của Hội đồng nhân dân TP. Hà Nội về quy hoạch.', [
        ('Nghị quyết số 06/2013/NQ-HĐND ngày 12/7/2013 của Hội đồng nhân dân TP. Hà Nội', 'Nghị quyết', '06', '2013/NQ-HĐND', 'Hội đồng nhân dân TP. Hà Nội', '2013-07-12', 'NQ 6 HĐND'),
    ]),
    ('Theo Nghị quyết số 36 ban hành năm 2004, công tác được đẩy mạnh.', [
        ('Nghị quyết số 36 ban hành năm 2004', 'Nghị quyết', '36', None, None, '2004', 'NQ 36 ?'),
    ]),
    ('Nghị quyết Đại hội Đảng bộ thành phố lần thứ X, nhiệm kỳ 2015-2020.', [
        ('Nghị quyết Đại hội Đảng bộ thành phố lần thứ X', 'Nghị quyết', None, None, None, None, 'NQ DH-TU-X'),
    ]),
    # "Bộ Luật" with a capital L, and the typo "Nghị đinh" read as Nghị định (labeler calls).
    ('nhằm phù hợp với quy định tại Bộ Luật Lao động 2012, đồng thời bảo đảm chính sách đặc thù đối với GV.', [
        ('Bộ Luật Lao động 2012', 'Luật', None, None, None, '2012', 'LUAT lao-dong'),
    ]),
    ('trong trường hợp các bên có thoả thuận phù hợp với quy định của Bộ Luật Dân sự 2015.', [
        ('Bộ Luật Dân sự 2015', 'Luật', None, None, None, '2015', 'LUAT dan-su'),
    ]),
    ('Về xét xử theo quy định của Bộ Luật Tố Tụng Hình sự năm 2015, có quy định Toà án xét xử kịp thời.', [
        ('Bộ Luật Tố Tụng Hình sự năm 2015', 'Luật', None, None, None, '2015', 'LUAT to-tung-hinh-su'),
    ]),
    ('Theo Nghị đinh 71/2019/NĐ-CP, mức phạt tăng; Nghị đinh 71 cũng quy định thêm.', [
        ('Nghị đinh 71/2019/NĐ-CP', 'Nghị định', '71', '2019/NĐ-CP', None, None, 'ND 71 CP'),
        ('Nghị đinh 71', 'Nghị định', '71', '2019/NĐ-CP', None, None, 'ND 71 CP'),
    ]),
    # a ministry by its initials after "Bộ"/"bộ" (labeler calls: "của Bộ GTVT" -> BGTVT); the issuer
    # is the ministry's full name when the table knows the initials (DECISIONS.md: names normalised)
    ('Cụ thể, Thông tư số 06/2019 của bộ GD & ĐT có hiệu lực từ ngày 28/5, đưa ra quy tắc ứng xử.', [
        ('Thông tư số 06/2019 của bộ GD & ĐT', 'Thông tư', '06', '2019', 'Bộ Giáo dục và Đào tạo', None, 'TT 6 BGDĐT'),
    ]),
    ('Theo Thông tư số 35 của bộ GTVT, Hà Nội sẽ không được sử dụng gầm cầu đường bộ làm nơi ở.', [
        ('Thông tư số 35 của bộ GTVT', 'Thông tư', '35', None, 'Bộ Giao thông vận tải', None, 'TT 35 BGTVT'),
    ]),
    ('đã vi phạm quy định tại Điều 6, Thông tư số 30/2 014/TT - BTTMT của bộ TN & MT.', [
        ('Thông tư số 30/2 014/TT - BTTMT của bộ TN & MT', 'Thông tư', '30', '2014/TT-BTTMT', 'Bộ Tài nguyên và Môi trường', None, 'TT 30 BTTMT'),
    ]),
    ('Quy định tại Thông tư số 21/2010 của Bộ GD-ĐT, Ban tổ chức Hội thi đã chọn 399 giáo viên.', [
        ('Thông tư số 21/2010 của Bộ GD-ĐT', 'Thông tư', '21', '2010', 'Bộ Giáo dục và Đào tạo', None, 'TT 21 BGDĐT'),
    ]),
    ('Căn cứ Công văn số 12/2019 của Bộ VHTT & DL, Sở đã yêu cầu.', [
        ('Công văn số 12/2019 của Bộ VHTT & DL', 'Công văn', '12', '2019', 'Bộ Văn hóa, Thể thao và Du lịch', None, 'CV 12 BVHTTDL'),
    ]),
    ('Theo Quyết định số 88 của Bộ KHCNMT, dự án được phê duyệt.', [  # initials the table does not know
        ('Quyết định số 88 của Bộ KHCNMT', 'Quyết định', '88', None, 'Bộ KHCNMT', None, 'QD 88 BKHCNMT'),
    ]),
    # the head of a body signs for it: "của Bộ trưởng Bộ GTVT", "của Chánh án TAND Tối cao"
    ('đã được quy định tại Thông tư số 85/2014/TT-BGTVT ngày 31/12/2014 của Bộ trưởng Bộ GTVT quy định về cải tạo phương tiện.', [
        ('Thông tư số 85/2014/TT-BGTVT ngày 31/12/2014 của Bộ trưởng Bộ GTVT', 'Thông tư', '85', '2014/TT-BGTVT', 'Bộ trưởng Bộ Giao thông vận tải', '2014-12-31', 'TT 85 BGTVT'),
    ]),
    ('ban hành tại Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ trưởng bộ GDĐT, các cơ sở giáo dục phải công khai.', [
        ('Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ trưởng bộ GDĐT', 'Thông tư', '36', '2017/TT-BGDĐT', 'Bộ trưởng Bộ Giáo dục và Đào tạo', '2017-12-28', 'TT 36 BGDĐT'),
    ]),
    ('Theo quyết định số 748/QĐ - UBND ngày 28/3/2019 của Chủ tịch UBND tỉnh Sơn La, ông Đức sẽ được nghỉ hưu.', [
        ('quyết định số 748/QĐ - UBND ngày 28/3/2019 của Chủ tịch UBND tỉnh Sơn La', 'Quyết định', '748', 'QĐ-UBND', 'Chủ tịch UBND tỉnh Sơn La', '2019-03-28', 'QD 748 UBND'),
    ]),
    ('Đây là nội dung của Công văn số 9150/NHNN - TTGSNH ngày 30/11/2018 của Thống đốc Ngân hàng Nhà nước gửi LienVietPostBank.', [
        ('Công văn số 9150/NHNN - TTGSNH ngày 30/11/2018 của Thống đốc Ngân hàng Nhà nước', 'Công văn', '9150', 'NHNN-TTGSNH', 'Thống đốc Ngân hàng Nhà nước', '2018-11-30', 'CV 9150 NHNN'),
    ]),
    ('Việc xét xử phải theo Thông tư số 01/2017 của Chánh án TAND tối cao Nguyễn Hoà Bình.', [
        ('Thông tư số 01/2017 của Chánh án TAND tối cao', 'Thông tư', '01', '2017', 'Chánh án Tòa án nhân dân tối cao', None, 'TT 1 TANDTC'),
    ]),
    # "do/mà X (vừa) ban hành|ký": the verb closes the issuer clause; "mà X" needs it
    ('Theo Nghị định số 23/2018/NĐ-CP ngày 23/02/2018 do Chính phủ vừa ban hành quy định về bảo hiểm cháy, nổ bắt buộc.', [
        ('Nghị định số 23/2018/NĐ-CP ngày 23/02/2018 do Chính phủ vừa ban hành', 'Nghị định', '23', '2018/NĐ-CP', 'Chính phủ', '2018-02-23', 'ND 23 CP'),
    ]),
    ('Thực hiện nghị quyết 35 mà Chính phủ ban hành ngày 16-5, các bộ đã rà soát thủ tục.', [
        ('nghị quyết 35 mà Chính phủ ban hành ngày 16-5', 'Nghị quyết', '35', None, 'Chính phủ', 'XXXX-05-16', 'NQ 35 CP'),
    ]),
    ('Đó là nghị quyết 35 mà Chính phủ đã giao cho các bộ.', [
        ('nghị quyết 35', 'Nghị quyết', '35', None, None, None, 'NQ 35 ?'),
    ]),
    ('theo tinh thần Thông tư số 06/2019/TT-BGDĐT vừa ban hành ngày 12/4/2019 của bộ GD & ĐT; tăng cường giáo dục.', [
        ('Thông tư số 06/2019/TT-BGDĐT vừa ban hành ngày 12/4/2019 của bộ GD & ĐT', 'Thông tư', '06', '2019/TT-BGDĐT', 'Bộ Giáo dục và Đào tạo', '2019-04-12', 'TT 6 BGDĐT'),
    ]),
    # a day and month with no year anywhere: XXXX; the same document's full date gives the year
    ('Chính phủ ban hành nghị quyết số 120 ngày 17-11 về phát triển bền vững đồng bằng sông Cửu Long.', [
        ('nghị quyết số 120 ngày 17-11', 'Nghị quyết', '120', None, None, 'XXXX-11-17', 'NQ 120 ?'),
    ]),
    ('Chỉ thị số 05/CT-TTg ngày 1/3/2019 của Thủ tướng Chính phủ. Thực hiện Chỉ thị 05/CT-TTg ngày 1/3 của Thủ tướng Chính phủ.', [
        ('Chỉ thị số 05/CT-TTg ngày 1/3/2019 của Thủ tướng Chính phủ', 'Chỉ thị', '05', 'CT-TTG', 'Thủ tướng Chính phủ', '2019-03-01', 'CT 5 CP'),
        ('Chỉ thị 05/CT-TTg ngày 1/3 của Thủ tướng Chính phủ', 'Chỉ thị', '05', 'CT-TTG', 'Thủ tướng Chính phủ', '2019-03-01', 'CT 5 CP'),
    ]),
    # the type word repeated in a list: the items share the issuer written after the last one
    ('thay thế Quyết định số 59 ngày 7/5/2007 và Quyết định số 61 ngày 30/9/2010 của Thủ tướng.', [
        ('Quyết định số 59 ngày 7/5/2007', 'Quyết định', '59', None, 'Thủ tướng Chính phủ', '2007-05-07', 'QD 59 CP'),
        ('Quyết định số 61 ngày 30/9/2010 của Thủ tướng', 'Quyết định', '61', None, 'Thủ tướng Chính phủ', '2010-09-30', 'QD 61 CP'),
    ]),
    ('quy chế cho vay mới theo Thông tư số 39/2016/TT-NHNN và Thông tư số 43/2016/TT-NHNN do Ngân hàng Nhà nước (NHNN) vừa ban hành.', [
        ('Thông tư số 39/2016/TT-NHNN', 'Thông tư', '39', '2016/TT-NHNN', 'Ngân hàng Nhà nước', None, 'TT 39 NHNN'),
        ('Thông tư số 43/2016/TT-NHNN do Ngân hàng Nhà nước', 'Thông tư', '43', '2016/TT-NHNN', 'Ngân hàng Nhà nước', None, 'TT 43 NHNN'),
    ]),
    ('yêu cầu tuân thủ quy định tại các Thông tư số 35/2016, Thông tư số 49/2016, Thông tư số 60/2018 của bộ GTVT và các quy định khác.', [
        ('Thông tư số 35/2016', 'Thông tư', '35', '2016', 'Bộ Giao thông vận tải', None, 'TT 35 BGTVT'),
        ('Thông tư số 49/2016', 'Thông tư', '49', '2016', 'Bộ Giao thông vận tải', None, 'TT 49 BGTVT'),
        ('Thông tư số 60/2018 của bộ GTVT', 'Thông tư', '60', '2018', 'Bộ Giao thông vận tải', None, 'TT 60 BGTVT'),
    ]),
    ('Các nội dung này đang quy định tại Thông tư số 08 và Thông tư số 09 của Bộ TN - MT về quy chuẩn kỹ thuật.', [
        ('Thông tư số 08', 'Thông tư', '08', None, 'Bộ Tài nguyên và Môi trường', None, 'TT 8 BTNMT'),
        ('Thông tư số 09 của Bộ TN - MT', 'Thông tư', '09', None, 'Bộ Tài nguyên và Môi trường', None, 'TT 9 BTNMT'),
    ]),
    ('Bộ Y tế vừa đồng thời ban hành Thông tư 13/2019/TT-BYT và Thông tư 14/2019/TT-BYT thống nhất giá dịch vụ.', [
        ('Thông tư 13/2019/TT-BYT', 'Thông tư', '13', '2019/TT-BYT', None, None, 'TT 13 BYT'),
        ('Thông tư 14/2019/TT-BYT', 'Thông tư', '14', '2019/TT-BYT', None, None, 'TT 14 BYT'),
    ]),
    ('mức chênh lệch giá 7% như trong Nghị định 108 và Thông tư 195 của Bộ Tài chính sẽ khiến thủ tục phức tạp.', [  # two types: no sharing
        ('Nghị định 108', 'Nghị định', '108', None, None, None, 'ND 108 CP'),
        ('Thông tư 195 của Bộ Tài chính', 'Thông tư', '195', None, 'Bộ Tài chính', None, 'TT 195 BTC'),
    ]),
    # law names with a comma, "và" or a stop word inside are known from the table
    ('Theo Điều 53 Luật Bảo vệ và Phát triển rừng năm 2004 thì được phép chuyển đổi.', [
        ('Luật Bảo vệ và Phát triển rừng năm 2004', 'Luật', None, None, None, '2004', 'LUAT bao-ve-va-phat-trien-rung'),
    ]),
    ('Thông tư căn cứ Luật Phòng, chống tác hại thuốc lá năm 2012 và các văn bản hướng dẫn.', [
        ('Luật Phòng, chống tác hại thuốc lá năm 2012', 'Luật', None, None, None, '2012', 'LUAT phong-chong-tac-hai-thuoc-la'),
    ]),
    ('chính sách hưởng bảo hiểm xã hội một lần, Luật An toàn, vệ sinh lao động về bảo hiểm tai nạn lao động.', [
        ('Luật An toàn, vệ sinh lao động', 'Luật', None, None, None, None, 'LUAT an-toan-ve-sinh-lao-dong'),
    ]),
    ('tạm hoãn xuất cảnh theo quy định của Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam.', [
        ('Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam', 'Luật', None, None, None, None,
         'LUAT nhap-canh-xuat-canh-qua-canh-cu-tru-cua-nguoi-nuoc-ngoai-tai-viet-nam'),
    ]),
    ('Việc thu phí này không đúng quy định Luật Đất đai và Luật Hàng không dân dụng.', [
        ('Luật Đất đai', 'Luật', None, None, None, None, 'LUAT dat-dai'),
        ('Luật Hàng không dân dụng', 'Luật', None, None, None, None, 'LUAT hang-khong-dan-dung'),
    ]),
    ('Dự án Luật Thi đua, khen thưởng (sửa đổi); Dự án Luật Thực hiện dân chủ cơ sở.', [
        ('Luật Thi đua, khen thưởng', 'Luật', None, None, None, None, 'LUAT thi-dua-khen-thuong'),
        ('Luật Thực hiện dân chủ cơ sở', 'Luật', None, None, None, None, 'LUAT thuc-hien-dan-chu-co-so'),
    ]),
    ('củng cố hệ thống thú y các cấp theo đúng quy định của Luật Thú y, tăng cường năng lực.', [
        ('Luật Thú y', 'Luật', None, None, None, None, 'LUAT thu-y'),
    ]),
    ('nhiệm vụ chi cụ thể thực hiện theo quy định của Luật NSNN và Thông tư số 108/2008/TT-BTC.', [
        ('Luật NSNN', 'Luật', None, None, None, None, 'LUAT nsnn'),
        ('Thông tư số 108/2008/TT-BTC', 'Thông tư', '108', '2008/TT-BTC', None, None, 'TT 108 BTC'),
    ]),
    ('Theo quy định tại điều 18, luật Hoạt động giám sát của Quốc hội và HĐND, các chức danh được lấy phiếu.', [
        ('luật Hoạt động giám sát của Quốc hội và HĐND', 'Luật', None, None, None, None, 'LUAT hoat-dong-giam-sat-cua-quoc-hoi-va-hdnd'),
    ]),
    ('đăng tải các đồ án quy hoạch quy định tại Luật Xây dựng, Luật Quy hoạch đô thị lên Cổng thông tin điện tử.', [
        ('Luật Xây dựng', 'Luật', None, None, None, None, 'LUAT xay-dung'),
        ('Luật Quy hoạch đô thị', 'Luật', None, None, None, None, 'LUAT quy-hoach-do-thi'),
    ]),
    # after a plural, one "Luật" heads a list of laws (labeler calls)
    ('Đề xuất sửa đổi, bổ sung một số điều của các Luật Đất đai, Nhà ở, Kinh doanh bất động sản và Nghị định liên quan.', [
        ('Luật Đất đai', 'Luật', None, None, None, None, 'LUAT dat-dai'),
        ('Nhà ở', 'Luật', None, None, None, None, 'LUAT nha-o'),
        ('Kinh doanh bất động sản', 'Luật', None, None, None, None, 'LUAT kinh-doanh-bat-dong-san'),
    ]),
    ('Theo Luật Doanh nghiệp, Công đoàn cơ sở được thành lập theo điều lệ.', [  # no plural: no list
        ('Luật Doanh nghiệp', 'Luật', None, None, None, None, 'LUAT doanh-nghiep'),
    ]),
    # the plenum that adopted a numbered resolution is its issuer: the Central Committee
    ('Nghị quyết số 10 - NQ/TW ngày 3/6/2017 của Hội nghị BCHTW Đảng lần thứ 5 khoá XII về phát triển kinh tế tư nhân.', [
        ('Nghị quyết số 10 - NQ/TW ngày 3/6/2017 của Hội nghị BCHTW Đảng lần thứ 5 khoá XII', 'Nghị quyết', '10', 'NQ/TW', 'Ban Chấp hành Trung ương', '2017-06-03', 'NQ 10 TW'),
    ]),
    ('Nghị quyết số 05 - NQ - TW ngày 1/11/2016 của Hội nghị lần thứ tư BCHTW Đảng khoá XII về một số chủ trương.', [
        ('Nghị quyết số 05 - NQ - TW ngày 1/11/2016 của Hội nghị lần thứ tư BCHTW Đảng khoá XII', 'Nghị quyết', '05', 'NQ/TW', 'Ban Chấp hành Trung ương', '2016-11-01', 'NQ 5 TW'),
    ]),
    ('theo kết luận số 63 ngày 27/5/2013 của Hội nghị lần thứ 7 Ban chấp hành Trung ương khoá 11 về xác định khung giá.', [
        ('kết luận số 63 ngày 27/5/2013 của Hội nghị lần thứ 7 Ban chấp hành Trung ương khoá 11', 'Kết luận', '63', None, 'Ban Chấp hành Trung ương', '2013-05-27', 'KL 63 TW'),
    ]),
    ('Thực hiện Nghị quyết số 12 - NQ/TW của Hội nghị Trung ương 5 khoá XII về doanh nghiệp nhà nước.', [
        ('Nghị quyết số 12 - NQ/TW của Hội nghị Trung ương 5 khoá XII', 'Nghị quyết', '12', 'NQ/TW', 'Ban Chấp hành Trung ương', None, 'NQ 12 TW'),
    ]),
    # ministry names written without "và" or with "&", "-"
    ('theo quyết định số 236/QĐ - BTTTT ngày 21-12-2015 của Bộ Thông tin truyền thông phê duyệt dự án.', [
        ('quyết định số 236/QĐ - BTTTT ngày 21-12-2015 của Bộ Thông tin truyền thông', 'Quyết định', '236', 'QĐ-BTTTT', 'Bộ Thông tin và Truyền thông', '2015-12-21', 'QD 236 BTTTT'),
    ]),
    ('Theo công văn số 721/BKHĐT - KCHTĐT ngày 24-11-2015 của Bộ Kế hoạch & đầu tư đề nghị Thủ tướng.', [
        ('công văn số 721/BKHĐT - KCHTĐT ngày 24-11-2015 của Bộ Kế hoạch & đầu tư', 'Công văn', '721', 'BKHĐT-KCHTĐT', 'Bộ Kế hoạch và Đầu tư', '2015-11-24', 'CV 721 BKHĐT'),
    ]),
    ('Trong đó Thông tư số 33/2017 của Bộ Tài nguyên - môi trường, trong đó để xảy ra vi phạm.', [
        ('Thông tư số 33/2017 của Bộ Tài nguyên - môi trường', 'Thông tư', '33', '2017', 'Bộ Tài nguyên và Môi trường', None, 'TT 33 BTNMT'),
    ]),
    ('Theo Thông tư 28/2015 của Bộ Lao động quy định người lao động đóng bảo hiểm.', [
        ('Thông tư 28/2015 của Bộ Lao động', 'Thông tư', '28', '2015', 'Bộ Lao động - Thương binh và Xã hội', None, 'TT 28 BLĐTBXH'),
    ]),
    # symbol parts with a sub-unit: dotted ("V.I"), a unit number written apart ("P 6", "C 67", "H 41"),
    # codes joined by a spaced "&", a unit in brackets ("(P 3)") that is not the issuer
    ('và Văn bản số 4441/VPCP - V.I ngày 28/04/2017 của Văn phòng Chính phủ về ý kiến đồng ý.', [
        ('Văn bản số 4441/VPCP - V.I ngày 28/04/2017 của Văn phòng Chính phủ', 'Văn bản', '4441', 'VPCP-V.I',
         'Văn phòng Chính phủ', '2017-04-28', 'CV 4441 VPCP'),
    ]),
    ('Ngày 29/3, Văn phòng Chính phủ có Văn bản số 2501/VPCP - V.I thông báo ý kiến chỉ đạo.', [
        ('Văn bản số 2501/VPCP - V.I', 'Văn bản', '2501', 'VPCP-V.I', None, None, 'CV 2501 VPCP'),
    ]),
    ('văn bản số 4945/PCCC & CNCH - P 6 ngày 23/10/2015; văn bản số 1945/TD - PCCC ngày 27/6/2016.', [
        ('văn bản số 4945/PCCC & CNCH - P 6 ngày 23/10/2015', 'Văn bản', '4945', 'PCCC&CNCH-P6', None, '2015-10-23',
         'CV 4945 PCCC&CNCH'),
        ('văn bản số 1945/TD - PCCC ngày 27/6/2016', 'Văn bản', '1945', 'TD-PCCC', None, '2016-06-27', 'CV 1945 TD'),
    ]),
    ('cục CSGT, bộ Công an đã có văn bản số 5581/C 67 - P 9 ngày 28.12.2016 về việc phối hợp.', [
        ('văn bản số 5581/C 67 - P 9 ngày 28.12.2016', 'Văn bản', '5581', 'C67-P9', None, '2016-12-28', 'CV 5581 C67'),
    ]),
    ('Bùi Văn Thành đã ký tờ trình số 150/TTr - BCA - H 41, đề nghị Thủ tướng Chính phủ cho bán.', [
        ('tờ trình số 150/TTr - BCA - H 41', 'Tờ trình', '150', 'TTR-BCA-H41', None, None, 'TTR 150 BCA'),
    ]),
    ('VKSND TP. Hà Nội vừa ra Quyết định số 06/QĐ - VKS (P 3) kháng nghị một phần Bản án.', [
        ('Quyết định số 06/QĐ - VKS (P 3)', 'Quyết định', '06', 'QĐ-VKS(P3)', None, None, 'QD 6 VKS'),
    ]),
    ('Nghị định 06/2018/NĐ-CP 29 trường hợp (trong đó có 9 giáo viên).', [  # a count, not a unit number
        ('Nghị định 06/2018/NĐ-CP', 'Nghị định', '06', '2018/NĐ-CP', None, None, 'ND 6 CP'),
    ]),
    # a type code heading a letter's symbol names the paper, not the issuer ("244/BC - TCT" is TCT's);
    # CT and TT there are issuers (Cục Thuế, Thanh tra); unaccented "QD", "ND" are type codes too
    ('thanh tra các dự án nêu tại văn bản số 62/BC - UBND ngày 5/3/2018 của UBND thành phố Hà Nội; kết luận.', [
        ('văn bản số 62/BC - UBND ngày 5/3/2018 của UBND thành phố Hà Nội', 'Văn bản', '62', 'BC-UBND',
         'UBND thành phố Hà Nội', '2018-03-05', 'CV 62 UBND'),
    ]),
    ('Theo đó, tại văn bản số 851/TB - CSĐT của Cơ quan cảnh sát điều tra nêu rõ.', [
        ('văn bản số 851/TB - CSĐT', 'Văn bản', '851', 'TB-CSĐT', None, None, 'CV 851 CSĐT'),
    ]),
    ('Văn bản số 78/QĐ - MTĐT ngày 20/4/2018 do chính công ty này ban hành.', [
        ('Văn bản số 78/QĐ - MTĐT ngày 20/4/2018', 'Văn bản', '78', 'QĐ-MTĐT', None, '2018-04-20', 'CV 78 MTĐT'),
    ]),
    ('Công văn số 5665/CT-CS ngày 12/8/2015 hướng dẫn.', [
        ('Công văn số 5665/CT-CS ngày 12/8/2015', 'Công văn', '5665', 'CT-CS', None, '2015-08-12', 'CV 5665 CT'),
    ]),
    ('Quyết định số 129/2004/QĐ-TTG của Thủ tướng Chính phủ và Quyết định số 125/2004/QD-UBND TP. Hà Nội.', [
        ('Quyết định số 129/2004/QĐ-TTG của Thủ tướng Chính phủ', 'Quyết định', '129', '2004/QĐ-TTG',
         'Thủ tướng Chính phủ', None, 'QD 129 CP'),
        ('Quyết định số 125/2004/QD-UBND', 'Quyết định', '125', '2004/QD-UBND', None, None, 'QD 125 UBND'),
    ]),
    ('thông tin về Nghị định số 103/2024/ND-CP quy định về tiền sử dụng đất.', [
        ('Nghị định số 103/2024/ND-CP', 'Nghị định', '103', '2024/ND-CP', None, None, 'ND 103 CP'),
    ]),
    ('Ngày 5/1/2016, UBND TP HN có Văn bản số 723/UBNDVX về việc rà soát.', [  # a department glued to UBND
        ('Văn bản số 723/UBNDVX', 'Văn bản', '723', 'UBNDVX', None, None, 'CV 723 UBND'),
    ]),
    # a department of a province as issuer: S + the initials of its name, as its symbols write it
    ('Kết luận số 153/KL - SNV ngày 2/2/2018 của sở Nội vụ tỉnh Quảng Bình đã chỉ rõ.', [
        ('Kết luận số 153/KL - SNV ngày 2/2/2018 của sở Nội vụ tỉnh Quảng Bình', 'Kết luận', '153', 'KL-SNV',
         'Sở Nội vụ tỉnh Quảng Bình', '2018-02-02', 'KL 153 SNV'),
    ]),
    ('theo hướng dẫn số 62/HD - STNMT ngày 11/04/2014 của sở Tài nguyên và Môi trường về việc.', [
        ('hướng dẫn số 62/HD - STNMT ngày 11/04/2014 của sở Tài nguyên và Môi trường', 'Hướng dẫn', '62', 'HD-STNMT',
         'Sở Tài nguyên và Môi trường', '2014-04-11', 'HD 62 STNMT'),
    ]),
    ('Quyết định số 12 của Giám đốc Sở Kế hoạch và Đầu tư về việc thu hồi.', [
        ('Quyết định số 12 của Giám đốc Sở Kế hoạch và Đầu tư', 'Quyết định', '12', None,
         'Giám đốc Sở Kế hoạch và Đầu tư', None, 'QD 12 SKHĐT'),
    ]),
    # "được X thông qua/ban hành" names the issuer; "tháng M-YYYY" dates it to the month
    ('triển khai thực hiện Nghị định 06 được Chính phủ ban hành đầu năm 2017. Danh sách này.', [
        ('Nghị định 06 được Chính phủ ban hành', 'Nghị định', '06', None, 'Chính phủ', None, 'ND 6 CP'),
    ]),
    ('Luật Xử lý vi phạm hành chính số 15/2012/QH13 được Quốc hội ban hành ngày 20/6/2012 quy định.', [
        ('Luật Xử lý vi phạm hành chính số 15/2012/QH13 được Quốc hội ban hành ngày 20/6/2012', 'Luật', '15',
         '2012/QH13', 'Quốc hội', '2012-06-20', 'LUAT xu-ly-vi-pham-hanh-chinh'),
    ]),
    ('Ngày 22-12, nghị quyết số 2397 được thông qua đã cho phép các quốc gia.', [  # no body named
        ('nghị quyết số 2397', 'Nghị quyết', '2397', None, None, None, 'NQ 2397 ?'),
    ]),
    ('Nghị quyết số 170 của HĐND tỉnh Nghệ An ban hành tháng 7/2015 quy định mức chi.', [
        ('Nghị quyết số 170 của HĐND tỉnh Nghệ An ban hành tháng 7/2015', 'Nghị quyết', '170', None,
         'HĐND tỉnh Nghệ An', '2015-07', 'NQ 170 HĐND'),
    ]),
    ('Nghị quyết số 2321 của Hội đồng Bảo an Liên Hợp Quốc áp đặt thêm lệnh trừng phạt.', [  # a UN body: "?"
        ('Nghị quyết số 2321 của Hội đồng Bảo an Liên Hợp Quốc', 'Nghị quyết', '2321', None,
         'Hội đồng Bảo an Liên Hợp Quốc', None, 'NQ 2321 ?'),
    ]),
    # the plenum set off by commas issues it; a photo's position marker before "của"; a glued month
    ('theo Nghị quyết 36-NQ/TW ngày 22/10/2018, Hội nghị lần thứ 8 của Ban Chấp hành Trung ương Đảng khóa XII về biển.', [
        ('Nghị quyết 36-NQ/TW ngày 22/10/2018, Hội nghị lần thứ 8 của Ban Chấp hành Trung ương Đảng khóa XII',
         'Nghị quyết', '36', 'NQ/TW', 'Ban Chấp hành Trung ương', '2018-10-22', 'NQ 36 TW'),
    ]),
    ('Công văn số 4167 của UBND thành phố Hồ Chí Minh (trái) và công văn số 12/VPCP - V.I (phải) của Văn phòng Chính Phủ.', [
        ('Công văn số 4167 của UBND thành phố Hồ Chí Minh', 'Công văn', '4167', None, 'UBND thành phố Hồ Chí Minh',
         None, 'CV 4167 UBND'),
        ('công văn số 12/VPCP - V.I (phải) của Văn phòng Chính Phủ', 'Công văn', '12', 'VPCP-V.I',
         'Văn phòng Chính phủ', None, 'CV 12 VPCP'),
    ]),
    ('được phê duyệt tại Quyết định số 12/2002/QĐ-UB ngày 5/82002. Tại đây.', [
        ('Quyết định số 12/2002/QĐ-UB ngày 5/82002', 'Quyết định', '12', '2002/QĐ-UB', None, '2002-08-05', 'QD 12 UB'),
    ]),
    # citations of different types joined by "và"/"," share the issuer written after the last,
    # unless the first's own authority is another body's
    ('Nghị định số 05/1999/NĐ-CP, Thông tư số 04/1999/TT-BCA, Quyết định số 998/2001/QĐ-BCA của Bộ Công an đều được bãi bỏ.', [
        ('Nghị định số 05/1999/NĐ-CP', 'Nghị định', '05', '1999/NĐ-CP', None, None, 'ND 5 CP'),
        ('Thông tư số 04/1999/TT-BCA', 'Thông tư', '04', '1999/TT-BCA', 'Bộ Công an', None, 'TT 4 BCA'),
        ('Quyết định số 998/2001/QĐ-BCA của Bộ Công an', 'Quyết định', '998', '2001/QĐ-BCA', 'Bộ Công an', None,
         'QD 998 BCA'),
    ]),
    ('tiếp tục thực hiện Kết luận 19, chỉ thị 56, Thông báo 50 - TB/TW ngày 17/7/2018 của Ban Bí thư Trung ương Đảng về Hội.', [
        ('Kết luận 19', 'Kết luận', '19', None, 'Ban Bí thư', None, 'KL 19 TW'),
        ('chỉ thị 56', 'Chỉ thị', '56', None, 'Ban Bí thư', None, 'CT 56 TW'),
        ('Thông báo 50 - TB/TW ngày 17/7/2018 của Ban Bí thư Trung ương Đảng', 'Thông báo', '50', 'TB/TW', 'Ban Bí thư',
         '2018-07-17', 'TB 50 TW'),
    ]),
    ('quy định có trong Thông tư số 07 năm 2016 và Nghị định số 137 năm 2015 của Chính phủ.', [
        ('Thông tư số 07 năm 2016', 'Thông tư', '07', None, None, '2016', 'TT 7 ?'),
        ('Nghị định số 137 năm 2015 của Chính phủ', 'Nghị định', '137', None, 'Chính phủ', '2015', 'ND 137 CP'),
    ]),
    ('được Nghị định số 72 và Thông tư 09 của Bộ Thông tin truyền thông điều chỉnh.', [
        ('Nghị định số 72', 'Nghị định', '72', None, None, None, 'ND 72 CP'),
        ('Thông tư 09 của Bộ Thông tin truyền thông', 'Thông tư', '09', None, 'Bộ Thông tin và Truyền thông', None, 'TT 9 BTTTT'),
    ]),
    # law names written without "và" or split in two ("luật Thuế xuất khẩu, luật Thuế nhập khẩu")
    ('theo quy định của luật Thuế xuất khẩu, luật Thuế nhập khẩu thì thẩm quyền thuộc Chính phủ.', [
        ('luật Thuế xuất khẩu', 'Luật', None, None, None, None, 'LUAT thue-xuat-khau'),
        ('luật Thuế nhập khẩu', 'Luật', None, None, None, None, 'LUAT thue-nhap-khau'),
    ]),
    ('tuyên truyền các quy định của luật Phòng cháy chữa cháy và các văn bản hướng dẫn.', [
        ('luật Phòng cháy chữa cháy', 'Luật', None, None, None, None, 'LUAT phong-chay-chua-chay'),
    ]),
]

NEGATIVES = [
    'Thực hiện các nghị quyết, chỉ thị của Đảng về xây dựng Đảng.',
    'Chương trình hành động của Thành ủy thực hiện Nghị quyết.',
    'Hội nghị lần thứ 4 Ban Chấp hành Đảng bộ tỉnh.',
    'Liên hệ số điện thoại 0243 8253 531 hoặc truy cập https://thuvienphapluat.vn/van-ban/nghi-quyet-39.',
    'Kế hoạch 5 năm 2016-2020 được thông qua.',
    'So với kế hoạch 9 tháng, doanh thu vượt 20%.',
    'Thanh tra kết luận 3 đơn vị đã bàn giao.',
    'Hội đồng kỷ luật số 19, 20 và 21 đã họp.',
    'Nghị quyết Đại hội đã đề ra các chỉ tiêu.',
    'Quy chế dân chủ ở cơ sở được thực hiện tốt.',
    'thi hành kỷ luật 111 đảng viên vi phạm.',
    'Chương trình 2016-2020 đã hoàn thành.',
    'Nghị quyết Đại hội đại biểu toàn quốc Hội Luật gia Việt Nam lần thứ XII đã đề ra.',
    'Ông là Luật sư của công ty.',
    'Quy định 17 loài thực vật nguy cấp được ưu tiên bảo vệ.',
    # "pháp luật X", "kỷ luật", "quy luật": another word, not the head of a law's name
    'Khách hàng là pháp nhân có năng lực pháp luật dân sự; có năng lực hành vi dân sự đầy đủ.',
    'Công ty đã có dấu hiệu vi phạm quy định pháp luật hình sự đối với tội buôn bán hàng giả.',
    'các chế độ khác theo quy định của pháp luật lao động.',
    'Cần nắm bắt quy luật Giá trị của thị trường.',
    # "Luật" inside an organisation's name; one unknown syllable is no law's name
    'Luật sư Hồ Nguyên Lễ, Giám đốc công ty Luật Tín Nghĩa (đoàn Luật sư TP. HCM) cho biết.',
    'luật sư Hà Trọng Đại – Công ty Luật The Light (Đoàn Luật sư TP Hà Nội) nêu quan điểm.',
    'hiện là sinh viên năm nhất Đại học Luật Hà Nội; học sinh lớp 11A6 trường THPT.',
    'làm Thày giáo giới cho Đại đức Thích Trúc Thái Minh theo Luật Phật ".',
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_citation_forms(text, expected):
    got = [(r.text, r.doc_type, r.number, r.symbol, r.issuer, r.date, r.key) for r in _refs(text)]
    assert got == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_references(text):
    assert [r.text for r in _refs(text)] == []


def test_case_table_is_large_enough():
    assert sum(len(refs) for _, refs in CASES) >= 80


@pytest.mark.parametrize("citation,key,symbol", [
    ("Quy định 55/QĐ-TW", "QDI 55 TW", "QĐ/TW"),
    ("Quy định số 55-QĐ/TƯ", "QDI 55 TW", "QĐ/TW"),
    ("Nghị định 100/2019/NĐ-CP", "ND 100 CP", "2019/NĐ-CP"),
    ("Chương trình số 01-Ctr/TU", "CTR 1 TU", "CTR/TU"),
    ("Văn bản số 16937/BGTVT-QLDN", "CV 16937 BGTVT", "BGTVT-QLDN"),
    ("Nghị quyết số 54/2017/QH14", "NQ 54 QH", "2017/QH14"),
    ("Luật Cán bộ, công chức", "LUAT can-bo-cong-chuc", None),
    ("Điều lệ Đảng", "DL DANG", None),
    ("Nghị quyết Trung ương 4 (khóa XII)", "NQ TW4-XII", None),
])
def test_parse_citation(citation, key, symbol):
    ref = parse_citation(citation)
    assert ref is not None and (ref.key, ref.symbol) == (key, symbol)
    assert ref.text == citation


def test_parse_citation_rejects_non_citations():
    assert parse_citation("các nghị quyết của Đảng") is None


def test_title_is_kept_out_of_text():
    [ref] = _refs("Nghị quyết số 15-NQ/TƯ ngày 5/5/2022 của Bộ Chính trị về “Phương hướng, "
                  "nhiệm vụ phát triển Thủ đô “Hà Nội” đến năm 2030” và các văn bản")
    assert ref.title == "Phương hướng, nhiệm vụ phát triển Thủ đô “Hà Nội” đến năm 2030"
    assert ref.text.endswith("Bộ Chính trị")


def test_pinpoint_before_citation():
    [ref] = _refs("Theo điểm a khoản 5 Điều 5 Nghị định số 100/2019/NĐ-CP, mức phạt")
    assert ref.pinpoint == "điểm a khoản 5 Điều 5"


def test_date_without_year_takes_publication_year():
    [ref] = _refs("Thủ tướng đã ký Quyết định 308/QĐ-TTg ngày 12/3 về việc", published="2019-04-01")
    assert (ref.date, ref.issuer, ref.key) == ("2019-03-12", None, "QD 308 CP")


def test_offsets_slice_text_on_pool_sample():
    path = ROOT / "corpora" / "pool" / "vietnews-politics.jsonl"
    if not path.exists():
        pytest.skip("pool corpus not present")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(120), fh)]
    seen = 0
    for row in rows:
        doc = Document.from_text(row["text"])
        for r in find_references(doc):
            assert doc.text[r.start:r.end] == r.text
            assert r.text == r.text.strip() and r.key
            seen += 1
    assert seen > 50


# --- data tables -------------------------------------------------------------

_TYPE_CODES = {"NQ", "QDI", "QD", "CT", "KL", "CTR", "KH", "DA", "TB", "HD", "ND", "TT", "LUAT",
               "PL", "HP", "DL", "CV", "CD", "BC", "QC", "TTR"}


def _table_rows(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [l for l in lines if l.strip() and not l.startswith("#")]


@pytest.mark.parametrize("line", _table_rows("doc_types.tsv"))
def test_doc_types_rows_well_formed(line):
    cells = line.split("\t")
    assert len(cells) == 8
    dt, code, words, abbrevs, codes, bare, auth, example = cells
    assert code in _TYPE_CODES and bare in ("yes", "no") and auth in ("-", "CP", "QH")
    assert dt in words.split("|") or dt == "Luật"
    ref = parse_citation(example)  # every example parses to its own type
    assert ref is not None and ref.doc_type == dt and ref.key.startswith(code + " ")


@pytest.mark.parametrize("line", _table_rows("issuers.tsv"))
def test_issuer_rows_well_formed(line):
    cells = line.split("\t")
    assert len(cells) == 6
    words, place, bare, name, auth, example = cells
    re.compile(words)
    assert place in ("yes", "no") and bare in ("yes", "no") and name and auth
    assert (re.fullmatch(r"[A-ZĐ]+", auth) or (auth == "B{abbr}" and "{ABBR}" in words)
            or (auth == "S{initials}" and "(?P<unit>" in words) or auth == "?")
    assert example.startswith("của ")
    hit = citation_tail.match_issuer(example, len("của "))
    assert hit is not None and hit.end == len(example), example


def _tsv(name):
    return [l.split("\t") for l in _table_rows(name)]


@pytest.mark.parametrize("head,example", _tsv("refs_issuer_heads.tsv"))
def test_issuer_head_rows(head, example):
    hit = citation_tail.match_issuer(example, len("của "))
    assert hit is not None and hit.end == len(example) and hit.name.startswith(head)


@pytest.mark.parametrize("word,example", _tsv("refs_law_not_after.tsv"))
def test_law_not_after_rows(word, example):
    assert word.lower() in example.lower() and "luật" in example.lower()
    assert [r.key for r in _refs(example + ".")] == []


def test_issuer_names_normalise():
    assert citation_tail.match_issuer("BTV Thành ủy", 0).name == "Ban Thường vụ Thành ủy"
    assert citation_tail.match_issuer("Ban Chấp hành Trung ương khóa XIII", 0).name == "Ban Chấp hành Trung ương"
    assert citation_tail.match_issuer("Thành ủy Hà Nội (khóa XVII)", 0).name == "Thành ủy Hà Nội"


def test_law_names_table():
    names = law_names()
    assert len(names) == len(set(names)) > 100
    for n in names:
        assert n[:1].isupper() and n == n.strip()
        found = references.law_name(n + " số 1", 0)
        assert found is not None and found[0] == n


@pytest.mark.parametrize("module", [citation_grammar, citation_keys, citation_tables, citation_tail, references])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
