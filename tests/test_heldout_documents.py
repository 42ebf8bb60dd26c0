"""A second held-out check: twelve dispatches in the file forms real ones arrive in, scored per form.

tests/data/heldout/sources/NN_*.txt describe twelve dispatches region by region (see tests/make_heldout.py):
an LĐLĐ huyện kế hoạch for Tháng Công nhân with chỉ tiêu, a Sở Y tế công văn whose "V/v" runs over three
lines, a Công đoàn Viên chức hướng dẫn with Đợt 1/Đợt 2 on partial dates, a THCS báo cáo tổng kết (results
achieved, then a "Phương hướng" with real chỉ tiêu), a UBND xã thông báo with a blank number, a Quyết định
khen thưởng (Căn cứ…, Điều 1–3), a Tờ trình with "Kính gửi", a Giấy mời with times and places, a Đoàn kế
hoạch with Vòng sơ loại / Vòng chung kết, an LĐLĐ lời phát động with a chủ đề and "các đợt", a Huyện ủy
chương trình hành động ("Số 112-CTr/HU", "T/M"), and a CĐCS công văn with its chỉ tiêu in a table, 2016–2025.
tests/make_heldout.py renders them into tests/data/heldout/files/: a born-digital PDF for all twelve, a
.docx for four and an image-only scan PDF for four. The gold records (tests/data/heldout/gold) were written
from the sources by SCHEMA.md and the shared golds' conventions before any extractor or pipeline code was read.

Gold conventions where SCHEMA.md leaves a choice:
- Subjects of titled documents are kept as printed, "Về việc" included (the scorer's 0.90 similarity
  accepts them with or without it); a Giấy mời's line under the title is its subject.
- Nested "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": authority "TM.", body the collective, title
  the last line; "T/M" is "TM."; a Party or Đoàn number "Số 112-CTr/HU" is number "112", symbol "CTr/HU".
- A one-day round ("Vòng chung kết: ngày 20/4/2019") starts and ends that day.
- "55 triệu đồng" is 55000000 đồng (as seed 004's "01 triệu"), with 55 triệu đồng as an optional reading.
- Past results, attendee counts, prize money, gift values, deadlines, durations and age ranges are not
  targets; award caps ("không quá 15%"), selection rules and quotas reported from another body's resolution
  are optional_targets.

A second batch, 13–20, was written blind on 2026-12-07 (by someone who had not read the extractors):
a Hội Phụ nữ kế hoạch with a three-line title, a THPT công văn with a wrapped place–date line and a blank
day, addressees wrapped over lines starting with capitals and a "ThS." signer, a Công đoàn ngành hướng
dẫn with Đợt 1/Đợt 2, a UBND huyện quyết định, an LĐLĐ báo cáo sơ kết with "Phương hướng" targets, a Đoàn
trường kế hoạch with rounds "Vòng 2 (bán kết): ngày …", an LĐLĐ thông báo kết luận, and a CĐCS kế hoạch
whose chỉ tiêu and schedule are ruled tables; four as .docx and three as scans too. Measured when
written: pdf 0.908, docx 0.948, scan 0.759 (batch alone); the rules those misses showed were written as
general rules with their own made-document tests, and the batch's floors are from the scores after them.

A third batch, 21–28, was written blind after those rules (2026-12-07, again without reading the
extractors): a Công đoàn ngành lời phát động with a khẩu hiệu, a Đảng ủy xã thông tri ("Số 05-TT/ĐU",
"T/M"), a Hội Nông dân kế hoạch with "Giai đoạn 2021 – 2023:" phases, a UBND huyện công văn signed "TL.",
a primary school tờ trình signed "Q. HIỆU TRƯỞNG", an LĐLĐ hướng dẫn with per-CĐCS targets, a Hội Cựu chiến
binh báo cáo with a short "Phương hướng", and a Huyện đoàn kế hoạch numbered "1.1./a)/+"; four as .docx
and four as scans too. Its score when written is the honest measure of the rules on unseen documents.

A fourth batch, 29–36, was written blind after 21–28's rules (2026-12-07): an LĐLĐ quận kế hoạch with
several chỉ tiêu in one sentence, a Công đoàn ngành Y tế hướng dẫn with "Bước" steps (no phases), a Phòng
GD&ĐT quyết định, a UBND phường kế hoạch with a blank day and "Giai đoạn 1:", a Đảng ủy khối công văn with a
four-line V/v, a Hội Khuyến học báo cáo tổng kết, a CĐCS bệnh viện chương trình with a targets table, and a
Sở LĐTBXH giấy mời signed "TUQ."; three as .docx and four as scans too.

A fifth batch, 37–44, was written blind after 29–36's rules (2026-12-07): a Công đoàn Giáo dục kế hoạch
"Giỏi việc nước, đảm việc nhà", an LĐLĐ tỉnh thông báo of results with one target, a Công đoàn KCN công
văn "Tết Sum vầy", a UBND xã kế hoạch phòng chống thiên tai (stages, no phases), a Mầm non kế hoạch năm
học with twelve targets, a Hội LHPN báo cáo sơ kết, a Đoàn phường "Mùa hè xanh" with Đợt 1/Đợt 2, and a
Ban Dân vận Huyện ủy hướng dẫn signed "K/T"; four as .docx and four as scans too.

A sixth batch, 45–52, was written blind (2026-12-07) in the layouts real born-digital files take, which
tests/make_heldout.py draws on a source's "@layout" line: a header or footer ruled as a table, a place–date
line that wraps in its column or stands alone under the header, a title wrapped in a narrow box, page
numbers in a Word header, "Kính gửi: X" on one line — an LĐLĐ huyện công văn signed "TL.", a Phòng GD&ĐT
quyết định, a Công đoàn ngành kế hoạch with three đợt and a targets table, a UBND xã thông báo (Đợt I/II),
a CĐCS tờ trình, a Hội CCB báo cáo whose results table holds no target, a Sở GD&ĐT hướng dẫn signed "TUQ.",
a CĐCS phát động thi đua; four as .docx and four as scans too.
A seventh batch, 53–60, was written blind at the same time for the wording of real offices: headings
I./1./1.1./a)/-/+, targets inside sentences ("không dưới 300 triệu đồng", "giảm 10% số vụ", "95% trở
lên") among results, norms and prizes, a chỉ tiêu table, phases as "Giai đoạn 1 (từ tháng 3 đến tháng
6/2023)", "Đợt 1: từ ngày 01/4 đến ngày 30/4/2022", "Vòng sơ khảo: trước ngày 15/10", a blank number and
day, "087/LĐLĐ-CSPL", signers with a rank or degree before the name, a Đảng ủy xã kế hoạch, a PHỤ LỤC
after the signature; four as .docx and four as scans too. Where GOLD.md says to leave `phases` out (a
timetable that is not clearly phases), the gold leaves it out. Its money targets, written "300 triệu
đồng", were restated after as 300000000 đồng — the convention of the batches above and of seed 004 —
with the "triệu đồng" reading kept as an optional target (the floors stay those measured before).
An eighth batch, 61–68, was written blind (2026-12-07) after the rules 45–60 showed: a Công đoàn ngành
Y tế kế hoạch under a three-line issuer ("Tp. Buôn Ma Thuột", "Giai đoạn I/II", a targets table with a
decrease and money), a CĐCS công văn with a three-line V/v, five addressees and a "01 cán bộ/100 đoàn
viên" ratio, a UBND xã thông báo whose timetable is no phases, a college quyết định with rounds, an Đoàn
chương trình ("Đợt thi đua thứ nhất"), an MTTQ báo cáo whose table sets results beside next year's chỉ
tiêu, a hospital CĐCS tờ trình and a Sở GD&ĐT hướng dẫn signed "GIÁM ĐỐC" alone; four as .docx (and .doc),
four as scans. Its money targets in "triệu/tỷ đồng" were restated in đồng after, as 53–60's.
A ninth batch, 69–76, was written blind after 61–68's rules: a Hội Chữ thập đỏ lời kêu gọi, a kế hoạch
liên tịch of a Sở and an LĐLĐ (two issuers, two signing blocks), a Đảng ủy phường thông tri, a Quyết
định issuing a Quy chế (appended, its limits no targets), a Công đoàn Viên chức báo cáo with "Phương
hướng", an LĐLĐ quận công văn "phúc đáp", a university Công đoàn thông báo, and a bank CĐCS kế hoạch with
a targets table and "Đợt 1 (quý I)"; four as .docx and .doc, four as scans.
A tenth batch, 77–84, was written blind after 69–76's rules: a rubber-company union's quyết định khen
thưởng whose awardee table holds results, a Công đoàn ngành Nông nghiệp kế hoạch with Mục tiêu chung and
Chỉ tiêu cụ thể, a Sở Y tế hướng dẫn with targets in sub-items 2.1–3.4 ("dưới 250 ca/100.000 dân"), a
Phòng VH-TT công văn with wrapped addressees, an LĐLĐ thị xã thông báo kết luận, a Ban Chỉ đạo kế hoạch
with a schedule table (no phases), a Hội Khuyến học báo cáo with results beside next year's chỉ tiêu, and
a Huyện đoàn chương trình phối hợp; four as .docx and .doc, four as scans.
An eleventh batch, 85–92, was written blind after 77–84's rules, beyond the unions: a school's quyết định
with Điều 1–3 and its kế hoạch appended (whose goals are the appendix's, not the decision's), a hợp tác
xã báo cáo with a "Thực hiện / Kế hoạch" table, an MTTQ tỉnh thông tri of 2016, a hospital thông báo
signed TUQ. with dated Đợt, a Công đoàn ngành kế hoạch with a chỉ tiêu table and quarters, a Sở công văn
signed TL., a UBND xã kế hoạch giảm nghèo, a Hội Cựu chiến binh hướng dẫn (an "Đại tá" signer, election
rules that set no goal); four as .docx and .doc, four as scans of 2–3 pages.
A twelfth batch, 93–99, was written blind after 85–92's rules, as a Liên đoàn Lao động archive receives
them: an LĐLĐ tỉnh kế hoạch Tháng Công nhân with Giai đoạn and money, a rubber-company CĐCS lời phát động
signed "CHỦ TỊCH" alone, an LĐLĐ huyện công văn on Tết Sum vầy with a three-line V/v, an LĐLĐ thị xã báo
cáo sơ kết 6 tháng whose table holds the year's chỉ tiêu beside results, a Đảng ủy Khối thông báo kết
luận signed T/L, a Sở Y tế giấy mời, and a Công đoàn Viên chức hướng dẫn with a chỉ tiêu table; names of
the Tày, Jrai, Ê Đê, Khmer, Mường and Thái; three as .docx and .doc, five as scans.
A thirteenth batch, 100–107, was written blind after 93–99's rules: a Công đoàn các KCN kế hoạch Tháng
hành động ATVSLĐ with three Giai đoạn, a Công đoàn ngành Giáo dục quyết định thành lập Ban Tổ chức (Điều
1–3, members listed), a hospital union's tờ trình xin kinh phí (the sums asked are no targets), an FDI
garment company union's kế hoạch with a quota table per unit, an LĐLĐ quận công văn on Mái ấm Công đoàn
with money quotas per khối, a Hội LHPN báo cáo tổng kết whose table holds the year's chỉ tiêu, an Đoàn
Thanh niên hướng dẫn numbered 1.1 / a), and a Ban Quản lý KCN thông báo with two rounds; three as .docx
and .doc, five as scans.
A fourteenth batch, 108–115, was written blind after 100–107's rules: an LĐLĐ tỉnh kế hoạch Tết Sum vầy
with quotas per district, a Công đoàn ngành Y tế thông báo of results (no targets), a Công đoàn Viên chức
kế hoạch nữ công with three Đợt, an LĐLĐ huyện công văn đôn đốc thu kinh phí signed TUQ., a school CĐCS
chương trình whose monthly calendar is no phases, a coffee corporation union's lời phát động, a UBND tỉnh
quyết định khen thưởng (no targets) and an LĐLĐ thành phố hướng dẫn đại hội whose election rules set no
goal; three as .docx and .doc, five as scans.
A fifteenth batch, 116–123, was written blind after 108–115's rules: a UBND huyện chỉ thị on forest fires, a
Hội Nông dân kế hoạch with three Đợt, a hospital's báo cáo of results (a table per khoa; no targets), an LĐLĐ
tỉnh công văn with a chỉ tiêu table per unit, a Sở công văn signed T/L, an Đoàn hướng dẫn signed TL., a
school kế hoạch with two Giai đoạn and a phụ lục, and a CĐCS chương trình hành động whose day is left blank;
targets as ranges, "không dưới", "tối thiểu" among past results and norms; four as .docx and .doc, four as
scans.
A sixteenth batch, 124–131, was written blind after 116–123's rules: an LĐLĐ quận kế hoạch Tháng Công nhân,
an LĐLĐ tỉnh thông báo kết luận (assignments and deadlines), a Công đoàn ngành giấy mời (attendee counts),
an LĐLĐ tỉnh quyết định giao chỉ tiêu thu kinh phí (Điều 1–3, a table in triệu đồng), a Công đoàn ngành báo
cáo sơ kết 6 tháng (a results table, then the half-year's targets), an LĐLĐ huyện kế hoạch chuyển đổi số with
two Giai đoạn given by months, an FDI company union's công văn to its Tổng Giám đốc (day left blank) and a
Hội Chữ thập đỏ kế hoạch Tháng Nhân đạo; four as .docx and .doc, five as scans.
A seventeenth batch, 132–139, was written blind after 124–131's rules: a Tổng Liên đoàn công văn hướng dẫn
(eight cited documents), an UBND tỉnh kế hoạch with a chỉ tiêu table per sector and two Giai đoạn by years, an
LĐLĐ thông báo of a conference's awards (no targets), a school union's năm học plan with a monthly calendar (no
phases), a Hội LHPN báo cáo whose last section sets next year's targets, a tờ trình xin kinh phí, a thư kêu gọi
with its number left blank, and a Sở công văn đôn đốc signed TUQ.; three as .docx and .doc, six as scans.
An eighteenth batch, 140–147, was written blind after 132–139's rules, from the North-West, the Central
Highlands and the Mekong Delta (Thái, Mông, Ê Đê and Khmer signers): an UBND huyện quyết định thành lập Ban Chỉ
đạo, a Sở and Hội Nông dân kế hoạch liên tịch with two Đợt, a Sở công văn trả lời, a báo cáo nhanh of a flood, a
Huyện đoàn football tournament with its Vòng, a Ban Thi đua hướng dẫn with award quotas, a chương trình phối
hợp with a table of yearly targets, and a giấy triệu tập; three as .docx and .doc, six as scans.
A nineteenth batch, 148–155, was written blind after 140–147's rules, an LĐLĐ huyện's everyday mail: a kế
hoạch đại hội CĐCS with Bước and deadlines, a công văn chăm lo Tết with a quota table, a garment company
union's báo cáo 6 tháng with its targets for the half-year ahead, a thông báo thu kinh phí, a quyết định khen
thưởng, a Tháng hành động ATVSLĐ kế hoạch with two Đợt, a Mái ấm Công đoàn hướng dẫn (money per house is a
norm) and a giấy mời; three as .docx and .doc, six as scans.
Floors are the measured core score per batch and form minus 0.03, rounded down to a 0.05 step; the tables
are printed (`pytest -s`) so a run shows where the rules stand on documents they were not tuned to.
"""
from __future__ import annotations

import importlib.util
import math
import unicodedata
from pathlib import Path

import pytest

from conftest import assert_complete_gold, extract_files
from pipeline.evaluate import CORE, load_records, report_table, score_records
from pipeline.options import Options

HELDOUT = Path(__file__).parent / "data" / "heldout"
SOURCES, FILES, GOLD = HELDOUT / "sources", HELDOUT / "files", HELDOUT / "gold"
# Core scores per batch (its first number) and form, measured at the last rules (2026-12-07); what each
# batch scored when it was written, before the rules its misses showed, in the comments.
MEASURED = {
    (1, "pdf"): 1.000, (1, "docx"): 1.000, (1, "scan"): 1.000,  # when written: pdf 0.956, docx 1.000, scan 0.857
    (13, "pdf"): 1.000, (13, "docx"): 1.000, (13, "scan"): 1.000,  # when written: 0.908, 0.948, 0.759
    (21, "pdf"): 1.000, (21, "docx"): 1.000, (21, "scan"): 1.000,  # when written: 0.969, 0.979, 0.896
    (29, "pdf"): 1.000, (29, "docx"): 1.000, (29, "scan"): 1.000,  # when written: 0.954, 1.000, 0.917
    (37, "pdf"): 1.000, (37, "docx"): 1.000, (37, "scan"): 1.000, (37, "badscan"): 0.968,  # 0.994, 0.997, 0.953, 0.928
    (45, "pdf"): 0.995, (45, "docx"): 1.000, (45, "scan"): 0.974, (45, "badscan"): 0.933,  # 0.934, 0.936, 0.932, 0.941
    (53, "pdf"): 1.000, (53, "docx"): 1.000, (53, "scan"): 1.000, (53, "badscan"): 0.984,  # 0.929, 0.940, 0.969, 0.851
    (61, "pdf"): 0.996, (61, "docx"): 1.000, (61, "scan"): 0.981, (61, "badscan"): 0.963,  # 0.945, 0.961, 0.938, 0.890
    (69, "pdf"): 1.000, (69, "docx"): 1.000, (69, "scan"): 1.000, (69, "badscan"): 0.864,  # 0.914, 0.974, 0.849, 0.724
    (77, "pdf"): 0.997, (77, "docx"): 1.000, (77, "scan"): 0.977, (77, "badscan"): 0.965,  # 0.959, 0.947, 0.953, 0.859
    (85, "pdf"): 1.000, (85, "docx"): 1.000, (85, "doc"): 1.000, (85, "scan"): 0.983, (85, "badscan"): 0.822,
    # when written: 0.958, 0.934, 0.934, 0.949, 0.737
    (93, "pdf"): 0.997, (93, "docx"): 1.000, (93, "doc"): 1.000, (93, "scan"): 0.981, (93, "badscan"): 0.936,
    # when written: 0.973, 0.997, 0.993, 0.958, 0.910
    (100, "pdf"): 0.999, (100, "docx"): 1.000, (100, "doc"): 1.000, (100, "scan"): 0.989, (100, "badscan"): 0.928,
    # when written: 0.972, 0.957, 0.975, 0.941, 0.794
    (108, "pdf"): 0.995, (108, "docx"): 1.000, (108, "doc"): 1.000, (108, "scan"): 0.963, (108, "badscan"): 0.872,
    # when written: 0.986, 1.000, 1.000, 0.958, 0.838
    (116, "pdf"): 0.997, (116, "docx"): 0.997, (116, "doc"): 0.997, (116, "scan"): 0.979, (116, "badscan"): 0.913,
    # when written: 0.920, 0.903, 0.903, 0.938, 0.847
    (124, "pdf"): 0.998, (124, "docx"): 0.998, (124, "doc"): 0.998, (124, "scan"): 0.994, (124, "badscan"): 0.937,
    # when written: 0.963, 0.950, 0.950, 0.943, 0.915
    (132, "pdf"): 1.000, (132, "docx"): 1.000, (132, "doc"): 1.000, (132, "scan"): 0.994, (132, "badscan"): 0.950,
    # when written: 0.979, 0.997, 0.997, 0.964, 0.841
    (140, "pdf"): 0.996, (140, "docx"): 1.000, (140, "doc"): 1.000, (140, "scan"): 0.971, (140, "badscan"): 0.868,
    # when written: 0.966, 0.953, 0.953, 0.966, 0.847
    (148, "pdf"): 0.987, (148, "docx"): 0.982, (148, "doc"): 0.982, (148, "scan"): 0.951, (148, "badscan"): 0.815,
    # when written: 0.967, 0.972, 0.972, 0.931, 0.815
    # Word 97 .doc files saved by LibreOffice from each .docx (read through antiword), made after the rules
    # of 45–60 (61–84's with their batches, when written 0.961, 0.974, 0.944):
    (1, "doc"): 1.000, (13, "doc"): 1.000, (21, "doc"): 1.000, (29, "doc"): 1.000, (37, "doc"): 1.000,
    (45, "doc"): 1.000, (53, "doc"): 1.000, (61, "doc"): 1.000, (69, "doc"): 1.000, (77, "doc"): 1.000,
    # bad scans of every scanned document (tests/make_heldout.py `worn`), made after the batches' rules
    # (when made: 0.906, 0.788, 0.949, 0.881):
    (1, "badscan"): 0.953, (13, "badscan"): 0.972, (21, "badscan"): 0.984, (29, "badscan"): 0.991,
}
FLOORS = {key: math.floor(round((score - 0.03) * 20, 6)) / 20 for key, score in MEASURED.items()}
BATCHES = {1: range(1, 13), 13: range(13, 21), 21: range(21, 29), 29: range(29, 37), 37: range(37, 45),
           45: range(45, 53), 53: range(53, 61), 61: range(61, 69), 69: range(69, 77),
           77: range(77, 85), 85: range(85, 93), 93: range(93, 100),
           100: range(100, 108), 108: range(108, 116), 116: range(116, 124),
           124: range(124, 132), 132: range(132, 140),
           140: range(140, 148), 148: range(148, 156)}
OCR_INSTALLED = importlib.util.find_spec("pipeline.ocr") is not None
RECORD_KEYS = {"number", "symbol", "date", "subject", "addressees", "phases", "targets", "signatory",
               "recipients", "references", "received", "theme"}


def form_of(path: Path) -> str:
    """"scan" for NN_name.scan.pdf, "badscan" for NN_name.badscan.pdf, else the suffix: "pdf", "docx", "doc"."""
    for form in ("scan", "badscan"):
        if path.name.endswith(f".{form}.pdf"):
            return form
    return path.suffix.lstrip(".")


def inputs(form: str) -> dict[str, Path]:
    """The rendered files of one form, by document name."""
    return {p.name.split(".")[0]: p for p in sorted(FILES.iterdir()) if form_of(p) == form}


@pytest.fixture(scope="module")
def golds() -> dict[str, dict]:
    return load_records(GOLD)


@pytest.fixture(scope="module")
def options(tmp_path_factory) -> Options:
    base = tmp_path_factory.mktemp("heldout")
    return Options(inbox=base / "raw", processed=base / "processed", jobs=1)


@pytest.fixture(scope="module")
def extracted(options) -> dict[str, dict[str, dict]]:
    """Records extracted per form, each form read once for both batches."""
    return {}


def score_batch(batch: int, form: str, golds: dict[str, dict], options: Options, extracted: dict) -> dict:
    """Score one batch of one form against its gold records (extracting the form's files once)."""
    if form not in extracted:
        extracted[form] = extract_files(inputs(form), options, ocr=form in ("scan", "badscan"))
    names = [name for name in extracted[form] if int(name.split("_")[0]) in BATCHES[batch]]
    report = score_records({name: golds[name] for name in names}, {name: extracted[form][name] for name in names})
    print(f"\n===== held-out {form}, batch {batch}– ({len(names)} documents)\n" + report_table(report, verbose=True))
    return report


def test_every_document_has_its_files_and_one_complete_gold_record(golds):
    names = {p.stem for p in SOURCES.glob("*.txt")}
    assert len(names) == 155 and names == set(golds)
    assert set(inputs("pdf")) == names
    assert len(inputs("docx")) == 69 and len(inputs("scan")) == 85 and set(inputs("badscan")) == set(inputs("scan"))
    assert set(inputs("doc")) == set(inputs("docx"))
    assert set(inputs("docx")) | set(inputs("scan")) <= names
    for name, gold in golds.items():  # GOLD.md: `phases` is left out where it is unclear whether there are any
        assert_complete_gold(name, gold, RECORD_KEYS - {"phases"})


def test_rendered_pdfs_carry_their_sources_text():
    """The committed PDFs are the sources' renderings: each shows its number line and its signer."""
    import pdfplumber

    for name, path in inputs("pdf").items():
        source = (SOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        number_line = source[source.index("@number") + 1].split("/")[-1]
        signer = source[source.index("@name") + 1]
        with pdfplumber.open(path) as pdf:
            text = unicodedata.normalize("NFC", "\n".join(page.extract_text() or "" for page in pdf.pages))
        assert number_line in text and signer in text, f"{path.name} is stale: run tests/make_heldout.py"


@pytest.mark.parametrize("batch", sorted(BATCHES))
@pytest.mark.parametrize("form", [
    "pdf",
    "docx",
    "doc",
    *(pytest.param(form, marks=pytest.mark.skipif(not OCR_INSTALLED, reason="OCR isn't installed: pipeline.ocr "
                                                                          "is not importable"))
      for form in ("scan", "badscan")),
])
def test_core_score_per_batch_and_form_holds_its_floor(form, batch, golds, options, extracted):
    report = score_batch(batch, form, golds, options, extracted)
    assert set(report["core_parts"]) == set(CORE)
    assert report["core_score"] >= FLOORS[batch, form], (
        f"{form}, batch {batch}: core {report['core_score']:.3f} < floor {FLOORS[batch, form]}: "
        + ", ".join(f"{k}={v:.2f}" for k, v in report["core_parts"].items()))
