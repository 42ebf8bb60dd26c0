"""Render the held-out dispatches into the files real ones arrive as: PDF, Word and scans.

    .venv/bin/python tests/make_heldout.py        # rewrites tests/data/heldout/files/

Each source in tests/data/heldout/sources/NN_name.txt describes one dispatch by region, in
sections opened by "@name" lines:

    @left      cơ quan chủ quản, cơ quan ban hành (and a "*" / "***" ornament line)
    @number    the "Số:" line
    @vv        the trích yếu of a công văn, one printed line per source line
    @right     quốc hiệu and tiêu ngữ (or "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐOÀN TNCS HỒ CHÍ MINH")
    @date      the place–date line
    @title     tên loại, then the title lines under it
    @kinhgui   "Kính gửi:" and its items
    @body      one paragraph per line: "# " heading, "^ " centred bold line, "| a | b |" table row
    @noinhan   "Nơi nhận:" and its items
    @sign      the signing block above the signature
    @name      the signer's name
    @appendix  appended matter (a phụ lục) on a page of its own after the signature, written like @body
    @layout    optional: layout variants, one keyword per line (see LAYOUTS)

Every dispatch becomes a born-digital PDF drawn at the positions Nghị định 30/2020/NĐ-CP sets
(two-column header with "Số:" and the place–date line on one baseline, centred title, justified
body, "Nơi nhận" beside the signing block). `WORD` also get a .docx whose header and footer are
two-column tables, the way office templates lay them out, and a Word 97 .doc saved from it by
LibreOffice (`soffice`, when installed: most offices' originals are still .doc); `SCANS` get an image-only PDF made by
rasterising the PDF and passing it through tests/scanmaker's scanner (seal, skew, blur, noise,
JPEG), and a bad scan of it through a worn scanner at 150 dpi (`worn`). Output is deterministic,
so the committed files only change when a source does.

Real born-digital PDFs are not all laid out alike, so a source may name layout variants in an
`@layout` section (a source without one is drawn exactly as above):

    header-table      the two-column header drawn as a table with visible cell borders
    date-wraps        the place–date line too long for its column: it wraps onto a second line
    title-wraps       the title lines under the tên loại run together in a narrower centred box,
                      wrapping onto 2–3 lines where the box ends (not where the source breaks them)
    footer-table      "Nơi nhận" and the signing block in a two-column table with visible borders
    page-numbers      the document must take 2+ pages; each later page has its number centred at
                      the top, as a Word header puts it (the .docx gets a PAGE field header)
    left-header-date  the place–date line right-aligned on its own line below the whole header
    kinhgui-inline    "Kính gửi: X" on one centred line for a single addressee, else "Kính gửi:"
                      on its own line with the items indented under it
"""
from __future__ import annotations

import io
import random
import re
import shutil
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests import scanmaker  # noqa: E402  (the scanner's degradation and seal)

HELDOUT = ROOT / "tests" / "data" / "heldout"
SOURCES = HELDOUT / "sources"
FILES = HELDOUT / "files"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
WORD = ("01_kh_thang_cong_nhan", "03_hd_cdvc_thi_dua", "06_qd_khen_thuong", "10_pd_ldld_tinh",
        "13_kh_hoi_phu_nu", "15_hd_cdn_giao_duc", "19_tb_ldld_ket_luan", "20_kh_cdcs_cong_ty",
        "21_pd_cdn_xay_dung", "23_kh_hoi_nong_dan", "26_hd_ldld_pccc", "28_kh_huyen_doan",
        "29_kh_ldld_quan_doan_vien", "33_cv_dang_uy_khoi", "35_ctr_cdcs_benh_vien",
        "37_kh_cdgd_gioi_viec_nuoc", "39_cv_cdkcn_tet_sum_vay", "41_kh_mam_non_nam_hoc",
        "43_kh_doan_phuong_mua_he_xanh", "45_cv_ldld_huyen_mai_am", "47_kh_cdn_giao_duc_thi_dua",
        "48_tb_ubnd_xa_tiem_phong", "51_hd_so_gddt_he_duoi_nuoc", "53_kh_cdn_y_te_lao_dong_gioi",
        "55_kh_dang_uy_xa_chuyen_doi_so", "59_cv_ubnd_huyen_nong_thon_moi", "60_kh_thpt_khuyen_hoc_rung_chuong",
        "61_kh_cdn_y_te_dak_lak_hai_long", "64_qd_cao_dang_olympic_tin_hoc", "65_ctr_doan_khoi_hoc_tap_bac",
        "68_hd_so_gddt_hue_ke_chuyen_bac",
        "70_khlt_so_ldtbxh_ldld_binh_phuoc", "71_tt_dang_uy_phuong_tet_at_ty", "72_qd_quy_che_hoi_luat_gia_binh_dinh",
        "75_tb_cd_truong_dh_spkt_hoi_thi_giang_vien",
        "77_qd_cd_cao_su_phu_rieng_khen_thuong", "78_kh_cdn_nong_nghiep_long_an_doi_song",
        "81_tb_ldld_thi_xa_phu_my_ket_luan", "84_ctr_huyen_doan_chu_se_phoi_hop_y_te",
        "85_qd_thpt_ton_duc_thang_chuyen_doi_so", "87_tt_mttq_tinh_hai_duong_ngay_hoi_dai_doan_ket",
        "89_kh_cdn_cong_thuong_thanh_hoa_thi_dua", "90_cv_so_vhtt_quang_binh_danh_hieu_van_hoa",
        "93_kh_ldld_lang_son_thang_cong_nhan", "95_cv_ldld_krong_pac_tet_sum_vay_mai_am",
        "99_hd_cdvc_dien_bien_chi_tieu_xep_loai",
        "101_qd_cdn_giao_duc_quang_tri_ban_to_chuc_hoi_thi", "103_kh_cdcs_may_daejin_nam_dinh_phat_trien_doan_vien",
        "106_hd_doan_tn_than_ha_lam_thang_thanh_nien",
        "109_tb_cdn_y_te_ha_giang_ket_qua_thi_dua", "112_ctr_cdcs_thpt_dak_mil_cong_tac_nam_hoc",
        "114_qd_ubnd_tinh_ha_tinh_khen_thuong_lao_dong_gioi",
        "117_kh_hoi_nong_dan_ha_nam_thi_dua_dai_hoi", "119_cv_ldld_tinh_thai_binh_giao_chi_tieu_doan_vien",
        "120_cv_so_tnmt_kon_tum_the_gioi_sach_hon", "122_kh_thcs_luong_dien_on_thi_lop_10",
        "124_kh_ldld_quan_hai_an_thang_cong_nhan_2019", "127_qd_ldld_tinh_vinh_phuc_giao_chi_tieu_thu_kpcd_2021",
        "129_kh_ldld_huyen_son_duong_chuyen_doi_so_2024", "130_cv_cdcs_cong_ty_sewon_precision_de_nghi_tong_giam_doc",
        "132_cv_tong_ldld_huong_dan_thuong_luong_tap_the_2017", "135_kh_cd_truong_th_xuan_lap_hoat_dong_nam_hoc_2020_2021",
        "139_cv_so_ldtbxh_long_an_don_doc_bao_cao_tien_luong_tet_2019",
        "140_qd_ubnd_huyen_thuan_chau_bcd_xoa_nha_tam_2024", "142_cv_so_gddt_dak_lak_tra_loi_day_tieng_ede_2019",
        "146_ctrph_hoi_nong_dan_tinh_dien_bien_uy_thac_von_chinh_sach_2025",
        "148_kh_ldld_huyen_tan_ky_dai_hoi_cdcs_2022", "151_tb_ldld_huyen_duc_hoa_thu_kinh_phi_cong_doan_2025",
        "154_hd_ldld_huyen_cam_xuyen_mai_am_cong_doan_2022")


@dataclass(frozen=True)
class ScanPlan:
    """How one document is scanned: resolution, skew and how worn the scanner is."""

    dpi: int
    skew: float
    blur: float
    noise: float
    speckle: float
    seal: bool


SCANS = {
    "02_cv_so_y_te": ScanPlan(dpi=200, skew=0.7, blur=0.5, noise=3, speckle=0.0002, seal=True),
    "04_bc_thcs_tong_ket": ScanPlan(dpi=200, skew=-1.1, blur=0.6, noise=4, speckle=0.0003, seal=False),
    "05_tb_ubnd_xa": ScanPlan(dpi=200, skew=1.5, blur=0.7, noise=4, speckle=0.0004, seal=True),
    "08_gm_pgd_hoi_nghi": ScanPlan(dpi=150, skew=-0.9, blur=0.6, noise=5, speckle=0.0005, seal=True),
    "14_cv_thpt_hcm": ScanPlan(dpi=200, skew=-0.6, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "16_qd_ubnd_huyen": ScanPlan(dpi=200, skew=1.2, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "18_kh_doan_truong_rcv": ScanPlan(dpi=150, skew=-1.4, blur=0.7, noise=5, speckle=0.0004, seal=False),
    "22_tt_dang_uy_xa": ScanPlan(dpi=150, skew=1.0, blur=0.6, noise=5, speckle=0.0005, seal=True),
    "24_cv_ubnd_huyen": ScanPlan(dpi=200, skew=-0.8, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "25_ttr_truong_tieu_hoc": ScanPlan(dpi=200, skew=1.3, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "27_bc_hoi_ccb_xa": ScanPlan(dpi=150, skew=-1.2, blur=0.7, noise=4, speckle=0.0004, seal=False),
    "30_hd_cd_nganh_y_te": ScanPlan(dpi=200, skew=0.9, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "31_qd_pgd_ban_giam_khao": ScanPlan(dpi=150, skew=-1.0, blur=0.6, noise=5, speckle=0.0004, seal=True),
    "34_bc_hoi_khuyen_hoc": ScanPlan(dpi=150, skew=1.1, blur=0.7, noise=4, speckle=0.0005, seal=False),
    "36_gm_so_ldtbxh": ScanPlan(dpi=200, skew=-1.3, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "38_tb_ldld_tham_dinh": ScanPlan(dpi=200, skew=0.8, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "40_kh_ubnd_xa_thien_tai": ScanPlan(dpi=150, skew=-1.2, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "42_bc_hoi_lhpn_so_ket": ScanPlan(dpi=200, skew=1.1, blur=0.6, noise=4, speckle=0.0003, seal=False),
    "44_hd_bdv_huyen_uy": ScanPlan(dpi=150, skew=0.9, blur=0.6, noise=4, speckle=0.0005, seal=True),
    "46_qd_pgd_gvcn_gioi": ScanPlan(dpi=200, skew=-0.7, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "49_ttr_cdcs_thpt_mai_am": ScanPlan(dpi=150, skew=1.3, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "50_bc_hoi_ccb_huyen_so_ket": ScanPlan(dpi=200, skew=-1.5, blur=0.6, noise=4, speckle=0.0005, seal=False),
    "52_pd_cdcs_cong_ty_det_may": ScanPlan(dpi=150, skew=0.6, blur=0.8, noise=4, speckle=0.0003, seal=True),
    "54_cv_ldld_huyen_cham_lo_tet": ScanPlan(dpi=200, skew=1.0, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "56_kh_cdcs_thpt_binh_dang_gioi": ScanPlan(dpi=150, skew=-0.8, blur=0.6, noise=5, speckle=0.0004, seal=True),
    "57_cv_ldld_tinh_atvsld": ScanPlan(dpi=200, skew=-1.2, blur=0.5, noise=3, speckle=0.0003, seal=False),
    "58_kh_cong_an_huyen_ma_tuy": ScanPlan(dpi=200, skew=0.7, blur=0.7, noise=4, speckle=0.0005, seal=True),
    "62_cv_cd_khu_cnc_luat_cong_doan": ScanPlan(dpi=200, skew=-0.9, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "63_tb_ubnd_xa_tong_ve_sinh": ScanPlan(dpi=150, skew=1.2, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "66_bc_mttq_huyen_vi_nguoi_ngheo": ScanPlan(dpi=200, skew=0.8, blur=0.5, noise=3, speckle=0.0003, seal=False),
    "67_ttr_cdcs_benh_vien_hoi_thao": ScanPlan(dpi=150, skew=-1.4, blur=0.6, noise=4, speckle=0.0005, seal=True),
    "69_lkg_hoi_chu_thap_do_yen_bai": ScanPlan(dpi=200, skew=-1.1, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "73_bc_cd_vien_chuc_ha_tinh_phuong_huong": ScanPlan(dpi=150, skew=0.9, blur=0.7, noise=5, speckle=0.0004, seal=False),
    "74_cv_ldld_quan_long_bien_phuc_dap": ScanPlan(dpi=200, skew=1.3, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "76_kh_cdcs_agribank_dak_lak_thi_dua": ScanPlan(dpi=150, skew=-0.7, blur=0.6, noise=4, speckle=0.0005, seal=True),
    "79_hd_so_y_te_tien_giang_sot_xuat_huyet": ScanPlan(dpi=200, skew=1.1, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "80_cv_phong_vhtt_nghi_son_quoc_khanh": ScanPlan(dpi=150, skew=-1.3, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "82_kh_bcd_de_an_06_luong_son": ScanPlan(dpi=200, skew=0.8, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "83_bc_hoi_khuyen_hoc_xa_quynh_hong": ScanPlan(dpi=150, skew=-0.9, blur=0.6, noise=4, speckle=0.0005, seal=False),
    "86_bc_htx_dvnn_vu_le_dai_hoi_thuong_nien": ScanPlan(dpi=200, skew=-1.0, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "88_tb_bvdk_tay_bac_nghe_an_sang_loc_ung_thu": ScanPlan(dpi=150, skew=1.2, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "91_kh_ubnd_xa_xuan_quang_giam_ngheo": ScanPlan(dpi=200, skew=0.9, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "92_hd_hoi_ccb_phu_tho_dai_hoi_co_so": ScanPlan(dpi=200, skew=-1.3, blur=0.6, noise=4, speckle=0.0004, seal=False),
    "93_kh_ldld_lang_son_thang_cong_nhan": ScanPlan(dpi=200, skew=1.1, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "94_pd_cdcs_cao_su_ia_grai_thi_dua": ScanPlan(dpi=150, skew=-0.8, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "96_bc_ldld_vinh_chau_so_ket_6_thang": ScanPlan(dpi=200, skew=-1.2, blur=0.5, noise=3, speckle=0.0003, seal=False),
    "97_tb_dang_uy_khoi_dn_thai_nguyen_ket_luan": ScanPlan(dpi=150, skew=1.3, blur=0.6, noise=4, speckle=0.0005, seal=True),
    "98_gm_so_y_te_hoa_binh_phat_dong_atvsld": ScanPlan(dpi=200, skew=0.7, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "100_kh_cd_kcn_bac_ninh_thang_hanh_dong_atvsld": ScanPlan(dpi=200, skew=-1.1, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "102_ttr_cd_bvdk_son_la_kinh_phi_chong_dich": ScanPlan(dpi=150, skew=1.2, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "104_cv_ldld_quan_ngu_hanh_son_mai_am_cong_doan": ScanPlan(dpi=200, skew=0.8, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "105_bc_hoi_lhpn_huyen_bac_ha_tong_ket_2020": ScanPlan(dpi=150, skew=-1.3, blur=0.6, noise=4, speckle=0.0005, seal=False),
    "107_tb_bql_kcn_binh_duong_hoi_thi_atvsv": ScanPlan(dpi=200, skew=1.0, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "108_kh_ldld_tinh_quang_ngai_tet_sum_vay": ScanPlan(dpi=200, skew=-0.9, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "110_kh_cdvc_tinh_nghe_an_hoat_dong_nu_cong": ScanPlan(dpi=150, skew=1.1, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "111_cv_ldld_huyen_ham_thuan_bac_don_doc_kpcd": ScanPlan(dpi=200, skew=0.7, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "113_pd_cd_tong_cong_ty_ca_phe_thi_dua_2016": ScanPlan(dpi=150, skew=-1.2, blur=0.6, noise=4, speckle=0.0005, seal=False),
    "115_hd_ldld_tp_bao_loc_dai_hoi_cdcs": ScanPlan(dpi=200, skew=1.3, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "116_ct_ubnd_huyen_tan_son_pccc_rung": ScanPlan(dpi=200, skew=-0.8, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "118_bc_bvdk_kv_ba_tri_hai_long_nguoi_benh": ScanPlan(dpi=150, skew=1.2, blur=0.7, noise=5, speckle=0.0005, seal=True),
    "119_cv_ldld_tinh_thai_binh_giao_chi_tieu_doan_vien": ScanPlan(dpi=200, skew=0.6, blur=0.5, noise=3, speckle=0.0003, seal=False),
    "121_hd_tinh_doan_yen_bai_tinh_nguyen_he": ScanPlan(dpi=150, skew=-1.4, blur=0.8, noise=4, speckle=0.0004, seal=True),
    "125_tb_ldld_tinh_quang_tri_ket_luan_cd_khu_kinh_te": ScanPlan(dpi=200, skew=1.2, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "126_gm_cdn_giao_duc_quang_nam_hoi_nghi_tong_ket": ScanPlan(dpi=150, skew=-0.8, blur=0.7, noise=5, speckle=0.0005, seal=True),
    "127_qd_ldld_tinh_vinh_phuc_giao_chi_tieu_thu_kpcd_2021": ScanPlan(dpi=200, skew=-1.0, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "128_bc_cdn_xay_dung_khanh_hoa_so_ket_6_thang_2018": ScanPlan(dpi=200, skew=0.6, blur=0.6, noise=4, speckle=0.0003, seal=False),
    "131_kh_hoi_ctd_tp_phan_rang_thap_cham_thang_nhan_dao_2025": ScanPlan(dpi=150, skew=1.4, blur=0.8, noise=4, speckle=0.0004, seal=True),
    "133_kh_ubnd_tinh_cao_bang_thi_dua_vi_nguoi_ngheo_2021": ScanPlan(dpi=200, skew=-1.2, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "134_tb_ldld_tinh_phu_yen_ket_qua_hoi_nghi_lao_dong_gioi_2023": ScanPlan(dpi=150, skew=0.9, blur=0.7, noise=5, speckle=0.0005, seal=True),
    "135_kh_cd_truong_th_xuan_lap_hoat_dong_nam_hoc_2020_2021": ScanPlan(dpi=200, skew=0.6, blur=0.5, noise=3, speckle=0.0003, seal=False),
    "136_bc_hoi_lhpn_tinh_gia_lai_tong_ket_2019": ScanPlan(dpi=150, skew=-1.4, blur=0.7, noise=4, speckle=0.0004, seal=False),
    "137_ttr_ldld_huyen_yen_the_kinh_phi_ky_niem_95_nam_cdvn": ScanPlan(dpi=200, skew=1.1, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "138_tkg_ldld_tinh_quang_binh_ung_ho_lu_lut_2016": ScanPlan(dpi=150, skew=-0.7, blur=0.8, noise=5, speckle=0.0004, seal=True),
    "140_qd_ubnd_huyen_thuan_chau_bcd_xoa_nha_tam_2024": ScanPlan(dpi=200, skew=0.8, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "141_khlt_so_nnptnt_hoi_nong_dan_tra_vinh_xam_nhap_man_2017": ScanPlan(dpi=150, skew=-1.3, blur=0.7, noise=5, speckle=0.0005, seal=True),
    "143_bc_nhanh_bch_pctt_huyen_muong_te_mua_lu_2018": ScanPlan(dpi=200, skew=1.4, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "144_kh_huyen_doan_dak_ha_giai_bong_da_thanh_nien_2024": ScanPlan(dpi=150, skew=-0.6, blur=0.8, noise=4, speckle=0.0004, seal=False),
    "145_hd_ban_tdkt_soc_trang_xet_khen_thuong_tong_ket_2016": ScanPlan(dpi=200, skew=-1.0, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "147_gtt_so_gddt_bac_lieu_boi_duong_giao_vien_tieng_khmer_2019": ScanPlan(dpi=150, skew=1.1, blur=0.7, noise=5, speckle=0.0005, seal=False),
    "149_cv_ldld_quan_lien_chieu_cham_lo_tet_at_ty_2024": ScanPlan(dpi=200, skew=0.9, blur=0.6, noise=4, speckle=0.0003, seal=True),
    "150_bc_cdcs_cong_ty_may_hung_phat_6_thang_2023": ScanPlan(dpi=150, skew=-1.2, blur=0.7, noise=5, speckle=0.0004, seal=True),
    "151_tb_ldld_huyen_duc_hoa_thu_kinh_phi_cong_doan_2025": ScanPlan(dpi=200, skew=0.6, blur=0.5, noise=3, speckle=0.0003, seal=True),
    "152_qd_ldld_huyen_yen_dung_khen_thuong_lao_dong_gioi_2021": ScanPlan(dpi=200, skew=-0.8, blur=0.6, noise=4, speckle=0.0004, seal=True),
    "153_kh_ldld_huyen_nhon_trach_thang_hanh_dong_atvsld_2024": ScanPlan(dpi=150, skew=1.4, blur=0.8, noise=4, speckle=0.0005, seal=True),
    "155_gm_ldld_quan_ninh_kieu_hoi_nghi_tong_ket_2023": ScanPlan(dpi=200, skew=-1.0, blur=0.6, noise=4, speckle=0.0003, seal=False),
}
SCAN_JPEG_QUALITY = 60
BAD_SCAN_DPI = 150
BAD_SCAN_JPEG_QUALITY = 35
FIXED_TIME = (2025, 1, 1, 0, 0, 0)
LAYOUTS = ("header-table", "date-wraps", "title-wraps", "footer-table", "page-numbers", "left-header-date",
           "kinhgui-inline")


@dataclass
class Source:
    """One dispatch, region by region, as written in its source file."""

    name: str
    sections: dict[str, list[str]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> list[str]:
        return self.sections.get(key, [])

    @classmethod
    def read(cls, path: Path) -> "Source":
        sections: dict[str, list[str]] = {}
        current = None
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.rstrip()
            if line.startswith("@"):
                current = line[1:].strip()
                sections[current] = []
            elif line.strip() and current:
                sections[current].append(line)
        return cls(path.stem, sections)

    @property
    def layout(self) -> set[str]:
        """The layout variants the source asks for (empty: the standard layout)."""
        words = {line.strip().lower() for line in self["layout"]}
        unknown = words - set(LAYOUTS)
        if unknown:
            raise ValueError(f"{self.name}: unknown layout variant(s) {sorted(unknown)}")
        return words

    @property
    def organisations(self) -> list[str]:
        """The issuer lines of the left header, without ornament lines ("*", "***")."""
        return [line for line in self["left"] if line.strip("* ")]


def sources() -> list[Source]:
    return [Source.read(path) for path in sorted(SOURCES.glob("*.txt"))]


def body_blocks(lines: list[str]) -> list[tuple[str, object]]:
    """Body lines grouped: ("table", rows) for runs of "|" rows, else ("heading" | "centre" | "para", text)."""
    blocks: list[tuple[str, object]] = []
    for line in lines:
        if line.startswith("|"):
            row = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(row)
            else:
                blocks.append(("table", [row]))
        elif line.startswith("# "):
            blocks.append(("heading", line[2:]))
        elif line.startswith("^ "):
            blocks.append(("centre", line[2:]))
        else:
            blocks.append(("para", line))
    return blocks


# --- born-digital PDF -------------------------------------------------------------------


def _register_fonts() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    family = "DejaVuSerif"
    if family not in pdfmetrics.getRegisteredFontNames():
        faces = {(0, 0): "DejaVuSerif.ttf", (1, 0): "DejaVuSerif-Bold.ttf",
                 (0, 1): "DejaVuSerif-Italic.ttf", (1, 1): "DejaVuSerif-BoldItalic.ttf"}
        for (bold, italic), file in faces.items():
            face = family + ("-Bold" if bold else "") + ("-Italic" if italic else "")
            pdfmetrics.registerFont(TTFont(face, str(FONT_DIR / file)))
            addMapping(family, bold, italic, face)
    return family


def _escape(text: str) -> str:
    """Paragraph markup for plain text; a run of spaces (a number left blank: "Số:      /TB") is kept."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r" {2,}", lambda m: " " + "&nbsp;" * (len(m.group()) - 1), text)


def render_pdf(src: Source, path: Path) -> None:
    """The dispatch as a born-digital A4 PDF with a text layer."""
    from reportlab import rl_config
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import (HRFlowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                    TableStyle)

    rl_config.invariant = 1  # no creation date or random document id: the file is reproducible
    font = _register_fonts()

    def style(name, size, align=TA_CENTER, bold=False, italic=False, **kw):
        face = font + ("-Bold" if bold else "") + ("-Italic" if italic else "")
        kw.setdefault("leading", size * 1.3)
        return ParagraphStyle(name, fontName=face, fontSize=size, alignment=align, **kw)

    page_w, _ = A4
    left_margin, right_margin = 30 * mm, 15 * mm
    width = page_w - left_margin - right_margin
    left_w, right_w = width * 0.43 + 12 * mm, width * 0.57 - 12 * mm

    def fitting(name, lines, column, size, bold=False, italic=False, least=9):
        """A header style at `size`, or smaller until the longest line fits its column (as offices shrink it)."""
        face = font + ("-Bold" if bold else "") + ("-Italic" if italic else "")
        longest = max((stringWidth(line, face, 1) for line in lines), default=0)
        return style(name, min(size, max(least, (column - 2 * mm) / longest if longest else size)), bold=bold,
                     italic=italic)

    orgs = src.organisations
    org_parent = fitting("parent", orgs, left_w, 11.5)
    org_issuer = fitting("issuer", orgs, left_w, 11.5, bold=True)
    nation = fitting("nation", src["right"][:1], right_w, 11.5, bold=True)
    motto = fitting("motto", src["right"][1:] or src["right"], right_w, 12.5, bold=True)
    number = fitting("number", src["number"], left_w, 12.5)
    vv = fitting("vv", src["vv"], left_w, 11.5)
    place_date = fitting("date", src["date"], right_w, 12.5, italic=True)
    doc_type = style("type", 14, bold=True, spaceBefore=6)
    title = fitting("title", src["title"][1:], width, 13, bold=True, least=12)
    body = style("body", 12, TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=4, leading=17)
    heading = style("heading", 12, TA_LEFT, bold=True, firstLineIndent=10 * mm, spaceAfter=3, leading=17)
    centre = style("centre", 13, bold=True, spaceBefore=4, spaceAfter=6)
    cell = style("cell", 12, TA_LEFT, leading=15)
    cell_head = style("cellhead", 12, bold=True, leading=15)
    recipients_head = style("recipients", 12, TA_LEFT, bold=True, italic=True)
    recipient = style("recipient", 11, TA_LEFT, leading=13.5)
    signing = style("signing", 13, bold=True)
    signed = style("signed", 12, italic=True)

    def later_page(canvas, doc):  # page numbers from page 2, centred in the top margin (NĐ 30)
        canvas.saveState()
        canvas.setFont(font, 12)
        canvas.drawCentredString(left_margin + width / 2, A4[1] - 12 * mm, str(doc.page))
        canvas.restoreState()

    plain = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])

    def ruled(side, bottom):  # a header or footer drawn as a table with visible rules (@layout)
        return TableStyle([("GRID", (0, 0), (-1, -1), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (-1, -1), side), ("RIGHTPADDING", (0, 0), (-1, -1), side),
                           ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), bottom)])

    story = []

    left_cell = [Paragraph(_escape(line), org_issuer if line == orgs[-1] else org_parent) for line in orgs]
    ornament = [line for line in src["left"] if not line.strip("* ")]
    left_cell += [Paragraph(ornament[0], org_parent)] if ornament else [
        HRFlowable(width="35%", thickness=0.6, color="black", spaceBefore=1, spaceAfter=2, hAlign="CENTER")]
    right_lines = src["right"]
    right_cell = [Paragraph(_escape(line), nation if i == 0 and len(right_lines) > 1 else motto)
                  for i, line in enumerate(right_lines)]
    right_cell.append(HRFlowable(width="45%", thickness=0.6, color="black", spaceBefore=1, spaceAfter=2, hAlign="CENTER"))
    layout = src.layout
    if not layout:
        rows = [[left_cell, right_cell],
                [Paragraph(_escape(src["number"][0]), number), Paragraph(_escape(src["date"][0]), place_date)]]
    else:
        date_flow = _date_flowable(src["date"][0], layout, place_date, style, font, right_w, mm)
        if "left-header-date" in layout:
            rows = [[left_cell, right_cell], [Paragraph(_escape(src["number"][0]), number), ""]]
        else:
            rows = [[left_cell, right_cell], [Paragraph(_escape(src["number"][0]), number), date_flow]]
    if src["vv"]:
        rows.append([Paragraph("<br/>".join(_escape(line) for line in src["vv"]), vv), ""])
    header = Table(rows, colWidths=[left_w, right_w])
    if "header-table" in layout:
        header.setStyle(ruled(side=2, bottom=4))
    else:
        header.setStyle(plain)
    header.hAlign = "CENTER"
    story.append(header)
    if "left-header-date" in layout:
        story += [Spacer(1, 2 * mm), date_flow]
    story.append(Spacer(1, 6 * mm))

    if src["title"]:
        story.append(Paragraph(_escape(src["title"][0]), doc_type))
        if len(src["title"]) > 1 and "title-wraps" in layout:
            story.append(_wrapped_title(" ".join(src["title"][1:]), style, font, width, mm))
        elif len(src["title"]) > 1:
            story.append(Paragraph("<br/>".join(_escape(line) for line in src["title"][1:]), title))
        story.append(HRFlowable(width="25%", thickness=0.6, color="black", spaceBefore=2, spaceAfter=8))

    if src["kinhgui"]:
        first, items = src["kinhgui"][0], src["kinhgui"][1:]
        if "kinhgui-inline" in layout and len(items) == 1:
            story.append(Paragraph(_escape(f"{first.rstrip()} {items[0].lstrip('- ').strip()}"), style("kg1", 13)))
        elif "kinhgui-inline" in layout and items:
            story.append(Paragraph(_escape(first), style("kgh", 13, TA_LEFT, leftIndent=20 * mm, spaceAfter=2)))
            story += [Paragraph(_escape(item), style("kgv", 13, TA_LEFT, leftIndent=32 * mm, leading=17))
                      for item in items]
        elif not items:
            story.append(Paragraph(_escape(first), style("kg1", 13)))
        else:
            label = first.rstrip()
            kg = Table([[Paragraph(_escape(label), style("kgl", 13, TA_LEFT)),
                         [Paragraph(_escape(item), style("kgi", 13, TA_LEFT, leading=17)) for item in items]]],
                       colWidths=[28 * mm, width - 45 * mm])
            kg.setStyle(plain)
            kg.hAlign = "CENTER"
            story.append(kg)
        story.append(Spacer(1, 4 * mm))

    def blocks(lines):
        flowables = []
        for kind, content in body_blocks(lines):
            if kind == "table":
                head, *rest = content
                data = [[Paragraph(_escape(c), cell_head) for c in head]]
                data += [[Paragraph(_escape(c), cell) for c in row] for row in rest]
                widths = ([12 * mm, width - 62 * mm, 50 * mm] if len(head) == 3
                          else [12 * mm] + [(width - 12 * mm) / (len(head) - 1)] * (len(head) - 1))
                table = Table(data, colWidths=widths, repeatRows=1)
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                           ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
                flowables += [Spacer(1, 2 * mm), table, Spacer(1, 3 * mm)]
            else:
                flowables.append(Paragraph(_escape(content), {"heading": heading, "centre": centre, "para": body}[kind]))
        return flowables

    story += blocks(src["body"])

    noinhan = src["noinhan"]
    footer_left = [Paragraph(_escape(noinhan[0]), recipients_head)] if noinhan else []
    footer_left += [Paragraph(_escape(item), recipient) for item in noinhan[1:]]
    sign = [line for line in src["sign"] if not line.startswith("(")]
    marks = [line for line in src["sign"] if line.startswith("(")]
    footer_right = [Paragraph(_escape(line), signing) for line in sign]
    footer_right += [Paragraph(_escape(line), signed) for line in marks]
    footer_right += [Spacer(1, 24 * mm), Paragraph(_escape(src["name"][0]), signing)] if src["name"] else []
    footer = Table([[footer_left, footer_right]], colWidths=[width * 0.48, width * 0.52])
    if "footer-table" in layout:
        footer.setStyle(ruled(side=4, bottom=6))
    else:
        footer.setStyle(plain)
    story += [Spacer(1, 5 * mm), KeepTogether([footer])]
    if src["appendix"]:  # appended matter (a phụ lục) on a page of its own after the signature
        story += [PageBreak()] + blocks(src["appendix"])

    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=left_margin, rightMargin=right_margin,
                            topMargin=20 * mm, bottomMargin=20 * mm, title=src["title"][0] if src["title"] else "",
                            author="", creator="", producer="")
    if "page-numbers" in layout:
        def word_header(canvas, doc):  # a Word header: the page number in body type, 12.5 mm from the top edge
            canvas.saveState()
            canvas.setFont(font, 13)
            canvas.drawCentredString(left_margin + width / 2, A4[1] - 12.5 * mm - 4, str(doc.page))
            canvas.restoreState()
        doc.build(story, onLaterPages=word_header)
        if doc.page < 2:
            raise ValueError(f"{src.name}: layout page-numbers needs a document of 2+ pages, it takes {doc.page}")
    else:
        doc.build(story, onLaterPages=later_page)


def _date_flowable(text, layout, place_date, style, font, column, mm):
    """The place–date line of a variant layout: one line (shrunk to fit like the standard one) or, with
    date-wraps, in its full italic size in a box narrower than the line, so "năm …" wraps onto a second line;
    right-aligned under the header with left-header-date."""
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Table, TableStyle

    right = "left-header-date" in layout
    if "date-wraps" not in layout:
        if not right:
            return Paragraph(_escape(text), place_date)
        return Paragraph(_escape(text), style("dateright", 13, TA_RIGHT, italic=True, rightIndent=8 * mm))
    face = font + "-Italic"
    size = 13
    head = text.rsplit(" năm ", 1)[0] if " năm " in text else text
    box = min(column - 2 * mm, stringWidth(head, face, size) + 3 * mm)
    if box >= stringWidth(text, face, size):  # no "năm": break before the last word instead
        box = stringWidth(text.rsplit(" ", 1)[0], face, size) + 3 * mm
    para = Paragraph(_escape(text), style("datewrap", size, TA_RIGHT if right else TA_CENTER, italic=True))
    boxed = Table([[para]], colWidths=[box])
    boxed.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    boxed.hAlign = "RIGHT" if right else "CENTER"
    return boxed


def _wrapped_title(text, style, font, width, mm):
    """The title under the tên loại as one paragraph in a centred box narrow enough to wrap it onto 2–3 lines."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, Table, TableStyle

    size = 13
    total = stringWidth(text, font + "-Bold", size)
    box = min(width * 0.8, max(width * 0.5, total / 2.4))
    boxed = Table([[Paragraph(_escape(text), style("titlewrap", size, bold=True))]], colWidths=[box])
    boxed.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    boxed.hAlign = "CENTER"
    return boxed


# --- Word ---------------------------------------------------------------------------------


def render_docx(src: Source, path: Path) -> None:
    """The dispatch as a .docx: header and footer in borderless two-column tables, body justified."""
    import datetime

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)

    def write(container, text, bold=False, italic=False, size=13, align=WD_ALIGN_PARAGRAPH.CENTER, indent=None):
        paragraph = container.add_paragraph() if hasattr(container, "add_paragraph") else container
        paragraph.alignment = align
        paragraph.paragraph_format.space_after = Pt(0)
        if indent is not None:
            paragraph.paragraph_format.first_line_indent = indent
        run = paragraph.add_run(text)
        run.bold, run.italic, run.font.size = bold, italic, Pt(size)
        return paragraph

    def fill(cell, lines):
        """Write lines into a table cell, reusing the empty paragraph a new cell starts with."""
        first = True
        for text, kw in lines:
            write(cell.paragraphs[0] if first else cell, text, **kw)
            first = False

    layout = src.layout
    orgs = src.organisations
    header = document.add_table(rows=2, cols=2)
    header.autofit = False
    if "header-table" in layout:
        header.style = "Table Grid"
    fill(header.cell(0, 0), [(line, {"bold": line == orgs[-1], "size": 12}) for line in orgs]
         + [("*" * 3 if not any(not l.strip("* ") for l in src["left"]) else src["left"][-1], {"size": 10})])
    fill(header.cell(0, 1), [(line, {"bold": True, "size": 12 if i == 0 and len(src["right"]) > 1 else 13})
                             for i, line in enumerate(src["right"])])
    fill(header.cell(1, 0), [(src["number"][0], {})] + [(line, {"size": 12}) for line in src["vv"]])
    if "left-header-date" not in layout:
        fill(header.cell(1, 1), [(src["date"][0], {"italic": True})])
    for row in header.rows:
        row.cells[0].width, row.cells[1].width = Mm(72), Mm(93)
    if "left-header-date" in layout:
        write(document, src["date"][0], italic=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if "page-numbers" in layout:
        _docx_page_numbers(section)

    if src["title"]:
        write(document, "")
        write(document, src["title"][0], bold=True, size=14)
        if "title-wraps" in layout and len(src["title"]) > 1:
            para = write(document, " ".join(src["title"][1:]), bold=True)
            para.paragraph_format.left_indent = para.paragraph_format.right_indent = Mm(30)
        else:
            for line in src["title"][1:]:
                write(document, line, bold=True)
    if src["kinhgui"]:
        write(document, "")
        first, items = src["kinhgui"][0], src["kinhgui"][1:]
        if "kinhgui-inline" in layout and len(items) == 1:
            write(document, f"{first.rstrip()} {items[0].lstrip('- ').strip()}")
            items = []
        else:
            write(document, first, align=WD_ALIGN_PARAGRAPH.CENTER if not items else WD_ALIGN_PARAGRAPH.LEFT,
                  indent=Mm(25) if items else None)
        for item in items:
            write(document, item, align=WD_ALIGN_PARAGRAPH.LEFT, indent=Mm(40))
    write(document, "")
    def blocks(lines):
        for kind, content in body_blocks(lines):
            if kind == "table":
                table = document.add_table(rows=len(content), cols=len(content[0]))
                table.style = "Table Grid"
                for r, row in enumerate(content):
                    for c, text in enumerate(row):
                        fill(table.cell(r, c), [(text, {"bold": r == 0, "size": 12, "align": WD_ALIGN_PARAGRAPH.LEFT})])
            elif kind == "heading":
                write(document, content, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=Mm(10))
            elif kind == "centre":
                write(document, content, bold=True)
            else:
                write(document, content, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=Mm(10))

    blocks(src["body"])

    write(document, "")
    footer = document.add_table(rows=1, cols=2)
    if "footer-table" in layout:
        footer.style = "Table Grid"
    noinhan = src["noinhan"]
    left_lines = [(noinhan[0], {"bold": True, "italic": True, "size": 12, "align": WD_ALIGN_PARAGRAPH.LEFT})] if noinhan else []
    left_lines += [(item, {"size": 11, "align": WD_ALIGN_PARAGRAPH.LEFT}) for item in noinhan[1:]]
    fill(footer.cell(0, 0), left_lines)
    right_lines = [(line, {"bold": not line.startswith("("), "italic": line.startswith("(")}) for line in src["sign"]]
    right_lines += [("", {})] * 4 + [(src["name"][0], {"bold": True})]
    fill(footer.cell(0, 1), right_lines)
    if src["appendix"]:
        document.add_page_break()
        blocks(src["appendix"])

    stamp = datetime.datetime(*FIXED_TIME)
    props = document.core_properties
    props.author = props.last_modified_by = ""
    props.created = props.modified = props.last_printed = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    _write_zip_reproducibly(buffer.getvalue(), path)


def save_as_word97(docx: Path) -> Path:
    """The .docx saved as a Word 97 .doc beside it by LibreOffice (the same bytes from the same .docx)."""
    import subprocess

    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(docx.parent), str(docx)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return docx.with_suffix(".doc")


def _docx_page_numbers(section) -> None:
    """A centred PAGE field in the header of every page but the first (NĐ 30: no number on page 1)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    run.font.size = Pt(13)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _write_zip_reproducibly(data: bytes, path: Path) -> None:
    """Rewrite a zip package with fixed entry times, so the same document gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))


# --- scans --------------------------------------------------------------------------------


def _name_centre(pdf_path: Path, name: str, scale: float) -> tuple[int, int] | None:
    """Where the signer's name sits on the last page, in pixels at the render scale (the seal goes there)."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[-1]
        words = page.extract_words()
        first = name.split()[0]
        hits = [w for w in words if w["text"] == first]
        if not hits:
            return None
        w = hits[-1]
        return round((w["x0"] + 40) * scale), round((w["top"] - 18) * scale)


def worn(plan: ScanPlan) -> ScanPlan:
    """The same document through a worn scanner at 150 dpi (the shared set's "bad scan" form): more blur,
    noise and specks, a steeper skew, harder JPEG."""
    return ScanPlan(dpi=BAD_SCAN_DPI, skew=plan.skew * 1.5, blur=plan.blur + 0.4, noise=plan.noise * 2,
                    speckle=plan.speckle * 3, seal=plan.seal)


def render_scan(src: Source, pdf_path: Path, path: Path, plan: ScanPlan, jpeg_quality: int = SCAN_JPEG_QUALITY) -> None:
    """Rasterise the born-digital PDF at 300 dpi and pass each page through the office scanner."""
    import pypdfium2

    scale = scanmaker.RENDER_DPI / 72
    style = scanmaker.ScanStyle(dpi=plan.dpi, skew=plan.skew, blur=plan.blur, noise=plan.noise,
                                speckle=plan.speckle, jpeg_quality=jpeg_quality, seed=len(src.name))
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    pages = []
    try:
        for index in range(len(pdf)):
            image = pdf[index].render(scale=scale).to_pil().convert("RGB")
            if plan.seal and index == len(pdf) - 1 and src["name"]:
                centre = _name_centre(pdf_path, src["name"][0], scale)
                if centre:
                    scanmaker._draw_seal(image, centre, src.organisations[-2:], random.Random(index))
            pages.append(scanmaker._degrade(image, style, random.Random(1000 + index)))
    finally:
        pdf.close()
    stamp = time.struct_time(FIXED_TIME + (2, 1, 0))
    pages[0].save(path, "PDF", resolution=plan.dpi, save_all=True, append_images=pages[1:],
                  quality=jpeg_quality, title=src.name, creationDate=stamp, modDate=stamp)


def main() -> None:
    FILES.mkdir(parents=True, exist_ok=True)
    for src in sources():
        pdf_path = FILES / f"{src.name}.pdf"
        render_pdf(src, pdf_path)
        made = [pdf_path]
        if src.name in WORD:
            made.append(FILES / f"{src.name}.docx")
            render_docx(src, made[-1])
            if shutil.which("soffice"):
                made.append(save_as_word97(made[-1]))
        if src.name in SCANS:
            made.append(FILES / f"{src.name}.scan.pdf")
            render_scan(src, pdf_path, made[-1], SCANS[src.name])
            made.append(FILES / f"{src.name}.badscan.pdf")
            render_scan(src, pdf_path, made[-1], worn(SCANS[src.name]), BAD_SCAN_JPEG_QUALITY)
        print("  ".join(f"{p.name} ({p.stat().st_size // 1024} KB)" for p in made))


if __name__ == "__main__":
    main()
