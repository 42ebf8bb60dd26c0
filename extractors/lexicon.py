"""The words of Vietnamese dispatches, each list once: document kinds with their symbol codes, chức vụ,
signing authorities, Nơi nhận purposes, the words of section headings and goals, and units.

Keys are folded (`extractors.vntext.fold`: no diacritics, đ → d, lower case) where the text is
matched folded; the printed form is what goes into a record. Every extractor takes its words from
here, so a word added once is known to all of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentKind:
    name: str  # as a record gives it: "Kế hoạch"
    code: str | None = None  # its code in a ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục III): "KH"
    heads: bool = True  # printed as a dispatch's tên loại
    cited: bool = True  # a word that names a document cited in the text ("theo Kế hoạch số …")
    spellings: tuple[str, ...] = ()  # other folded spellings ("qui che", the old spelling of "quy chế")
    recounts: bool = False  # recounts what was done (a report): its body reads as results, bar what looks ahead


# Longest names first where one begins another ("Chương trình hành động" before "Chương trình").
DOCUMENT_KINDS = (
    DocumentKind("Chương trình hành động", "CTr", heads=False),  # its title is "CHƯƠNG TRÌNH" + "HÀNH ĐỘNG"
    DocumentKind("Chương trình", "CTr"),
    DocumentKind("Công văn"),
    DocumentKind("Kế hoạch", "KH"),
    DocumentKind("Chỉ thị", "CT"),
    DocumentKind("Nghị quyết", "NQ"),
    DocumentKind("Quyết định", "QĐ"),
    DocumentKind("Nghị định", "NĐ", heads=False),
    DocumentKind("Thông tư", "TT", heads=False),
    DocumentKind("Hướng dẫn", "HD"),
    DocumentKind("Thông báo", "TB"),
    DocumentKind("Báo cáo", "BC", recounts=True),
    DocumentKind("Tờ trình", "TTr", recounts=True),
    DocumentKind("Kết luận", "KL"),
    DocumentKind("Quy định", "QyĐ", spellings=("qui dinh",)),
    DocumentKind("Quy chế", "QC", spellings=("qui che",)),
    DocumentKind("Công điện", "CĐ"),
    DocumentKind("Thông tri"),
    DocumentKind("Đề án"),
    DocumentKind("Luật", heads=False),
    DocumentKind("Pháp lệnh", heads=False),
    DocumentKind("Giấy triệu tập", "GTT"),
    DocumentKind("Văn bản", heads=False),
    DocumentKind("Giấy giới thiệu", cited=False),
    DocumentKind("Giấy ủy quyền", cited=False),
    DocumentKind("Giấy nghỉ phép", cited=False),
    DocumentKind("Giấy mời", cited=False),
    DocumentKind("Lời phát động", cited=False),
    DocumentKind("Lời kêu gọi", cited=False),
    DocumentKind("Phát động", cited=False),  # a title that is a verb phrase: "PHÁT ĐỘNG PHONG TRÀO …"
    DocumentKind("Biên bản", cited=False, recounts=True),
    DocumentKind("Dự án", cited=False),
    DocumentKind("Phương án", cited=False),
    DocumentKind("Thông cáo", cited=False),
    DocumentKind("Điều lệ", cited=False),
    DocumentKind("Thư kêu gọi", "TKG", cited=False),  # an appeal ("ủng hộ đồng bào bị lũ lụt")
    DocumentKind("Thư khen", cited=False),
    DocumentKind("Thư chúc mừng", cited=False),
    DocumentKind("Thư ngỏ", cited=False),
    DocumentKind("Thư mời", cited=False),
    DocumentKind("Bản ghi nhớ", cited=False),
    DocumentKind("Bản thỏa thuận", cited=False),
    DocumentKind("Hợp đồng", cited=False),
    DocumentKind("Phiếu trình", cited=False),
    DocumentKind("Phiếu gửi", cited=False),
    DocumentKind("Phiếu chuyển", cited=False),
    DocumentKind("Thư công", cited=False),
)
# Titles that are verb phrases keep their first words in the trích yếu ("PHÁT ĐỘNG PHONG TRÀO …").
VERB_KINDS = ("Phát động",)
# Words printed with a tên loại in capitals that make a kind of its own: "CHƯƠNG TRÌNH HÀNH ĐỘNG",
# "KẾ HOẠCH LIÊN TỊCH" (issued jointly), "QUY CHẾ PHỐI HỢP" (folded).
KIND_QUALIFIERS = ("hanh dong", "lien tich", "phoi hop")

# Chức vụ that sign dispatches, as printed; a title OCR misread is recovered by its similarity to one.
OFFICES = (
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TỔNG GIÁM ĐỐC",
    "PHÓ TỔNG GIÁM ĐỐC", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG",
    "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "BÍ THƯ", "PHÓ BÍ THƯ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN", "CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "VỤ TRƯỞNG",
    "VIỆN TRƯỞNG", "CHI CỤC TRƯỞNG", "TRƯỞNG KHOA", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "KẾ TOÁN TRƯỞNG",
    "TRƯỞNG ĐOÀN", "TỔ TRƯỞNG",
)
# Signing authorities (Nghị định 30/2020/NĐ-CP, Điều 13), folded letters → as printed.
AUTHORITIES = {"tm": "TM.", "kt": "KT.", "tl": "TL.", "tuq": "TUQ.", "q": "Q."}

# Nơi nhận purposes: codes and words, folded and without spaces → spelled out.
PURPOSES = {
    "t/h": "thực hiện", "th": "thực hiện", "thuchien": "thực hiện",
    "b/c": "báo cáo", "bc": "báo cáo", "b/cao": "báo cáo", "baocao": "báo cáo",
    "c/d": "chỉ đạo", "chidao": "chỉ đạo",
    "d/b": "để biết", "biet": "để biết", "debiet": "để biết",
    "p/h": "phối hợp", "phoihop": "phối hợp",
    "t/d": "theo dõi", "theodoi": "theo dõi",
    "g/s": "giám sát", "giamsat": "giám sát",
    "k/t": "kiểm tra", "kiemtra": "kiểm tra",
    "h/d": "hướng dẫn", "huongdan": "hướng dẫn",
    "t/b": "thông báo", "thongbao": "thông báo",
}
# The codes Nơi nhận uses most: an OCR'd code one edit from exactly one of them is that code.
COMMON_PURPOSE_CODES = ("b/c", "t/h", "c/d", "d/b", "p/h", "t/d")

# Section headings and cues, folded. A goal section ("Chỉ tiêu", "Mục tiêu", "… phấn đấu") sets
# what is to be done; a results section ("Kết quả", "Tình hình" …) what already is; a heading that
# looks ahead ("Phương hướng", "Nhiệm vụ năm …") turns a report's results section back to neutral.
GOAL_WORDS = ("chi tieu", "muc tieu", "phan dau")
RESULT_WORDS = (
    "ket qua", "tinh hinh", "dac diem", "danh gia", "thuc trang", "khai quat", "so lieu", "thanh tich", "da lam",
)
AHEAD_WORDS = ("phuong huong", "nhiem vu nam", "ke hoach nam", "giai phap")
# Cues that make a sentence state a goal: the goal words and the minimums it sets.
GOAL_CUES = GOAL_WORDS + ("toi thieu", "it nhat", "binh quan moi")
# Within a sentence, the words where what is to be done starts ("…, phấn đấu năm 2024 đạt 85%").
AHEAD_CUES = ("phan dau", "muc tieu")

# Units of targets as printed, recognised by their folded form (OCR that loses diacritics gets them back).
UNITS = (
    "đoàn viên", "đoàn viên công đoàn", "công đoàn cơ sở", "CĐCS", "công đoàn viên", "doanh nghiệp", "người",
    "người lao động", "lao động", "lượt", "lượt người", "nhà", "nhà Mái ấm", "hội nghị", "hội viên", "hội thi",
    "sáng kiến", "công trình", "sản phẩm", "đơn vị", "trường", "lớp", "học sinh", "giáo viên", "cán bộ",
    "đảng viên", "đoàn viên thanh niên", "thanh niên", "hộ", "hộ nghèo", "mô hình", "câu lạc bộ", "tập thể",
    "cá nhân", "công nhân", "đề tài", "giải", "hoạt động", "buổi", "cuộc", "lần", "điểm", "gia đình", "xã",
    "chi bộ", "tổ chức", "cơ sở", "tổ công đoàn", "phụ nữ", "trẻ", "trẻ em", "giải pháp", "công trình sản phẩm",
    "ý kiến", "bài", "tin", "bài viết", "tác phẩm", "đội", "câu", "suất", "phần quà", "nhà văn hóa",
)


# Vietnamese family names (folded); a typed name starts with one of them.
SURNAMES = frozenset("""
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly li dinh doan trinh luong mai ta cao lam
chu ha kieu quach thai tang trieu vuong lai luu lu la dao to tong khuc nong lo hua giang mac thach tieu ung vi
quan kim lac nghiem phung truong chau lieu diep au bach be cu dam dong giap han hau khong khuat lang linh mong
nham ninh phi phuong quang son tan thang tiet tu uong van vien yen ton thieu hoa ong sam cam ma nhu
danh ca lu lo luc hoang thap thuan sung thao vang mua
siu ksor rmah rcom kpa kpuih nie mlo ayun adrong bya buon hwing enuol rahlan y h' k'
""".split())  # (Chăm "Thập Thị Bích Liên", "Thuận"; H'Mông "Sùng", "Thào", "Vàng", "Mùa"; the last line: Jrai, Ê Đê
# and K'Ho names, "Siu Hương", "Ksor H'Bla", "Y Ngông Niê Kdăm", "K' Brơi")

# The collectives documents are most often signed for, as printed: OCR's misreading of one ("BAN THƯƠNG VỤ",
# "BẠN CHẤP HÃNH") is given this spelling.
COLLECTIVE_NAMES = (
    "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "BAN THƯỜNG TRỰC", "ỦY BAN NHÂN DÂN", "BAN GIÁM HIỆU", "ĐẢNG ỦY", "CHI ỦY",
    "BAN CHỈ ĐẠO", "BAN TỔ CHỨC", "HỘI ĐỒNG NHÂN DÂN", "ĐOÀN CHỦ TỊCH", "THƯỜNG TRỰC", "BAN CHẤP HÀNH CÔNG ĐOÀN",
    "HỘI ĐỒNG QUẢN TRỊ", "HỘI ĐỒNG THÀNH VIÊN", "HỘI ĐỒNG TRƯỜNG",
)
# The collectives a document is signed for ("TM. BAN THƯỜNG VỤ", "TL. BAN THƯỜNG VỤ"), folded.
COLLECTIVES = re.compile(r"^(?:ban|uy ban|hoi dong|thuong truc|doan chu tich|dang uy|chi uy|chi bo|tap the)\b")
# What may stand before a signer's name: academic degrees and titles ("ThS. Lê Văn Hải") and the ranks of
# the army and police ("Thượng tá Lò Văn Thiết"), folded.
NAME_PREFIXES = re.compile(
    r"^(?:(?:(?:bsck(?:ii|i)|dsck(?:ii|i)|ck(?:ii|i)|pgs|gs|tskh|ts|ths|bs|ks|cn|ds|ls|ngut|ngnd|ttut|ttnd)"
    r"(?:\s*\.|(?=\s))|"  # a degree ends with its dot or a space: "Ksor" is a name
    r"(?:dai|thuong|trung|thieu)\s+(?:tuong|ta|uy))\s*)+(?=[^\W\d_])", re.I)
# A title's first word as printed: with its tone marks it is told from a family name that folds the same
# ("Trưởng phòng" / "Trương Công Định", "Chủ tịch" / "Chu Văn An", "Tổng" / "Tống").
TITLE_FIRST_WORDS = frozenset("""
q. quyền phó tổng chủ giám trưởng hiệu bí chánh thủ thư ủy uỷ kế tổng cục vụ viện chi giám người tổ lớp đội đại
""".split())

# The chức vụ words a signing title starts with (Nghị định 30 signs with the signer's office).
TITLE_WORDS = re.compile(
    r"^(?:q\.\s*|quyen\s+)?(pho\s+|tong\s+)?(chu tich|giam doc|truong|hieu truong|pho hieu truong|bi thu|chanh|"
    r"thu truong|thu ky|uy vien|chu nhiem|ke toan|tong bien tap|cuc truong|vu truong|vien truong|"
    r"chi cuc truong|giam hieu|nguoi lap|nguoi viet|to truong|lop truong|doi truong|chi huy truong|"
    r"hieu pho|tong giam doc|tong thu ky|dai dien|thu quy)\b"
)
