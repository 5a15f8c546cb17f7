from photodesk.core.fold import fold, words


def test_fold_drops_marks_and_strokes():
    assert fold("Võ Thị Ánh Xuân") == "vo thi anh xuan"
    assert fold("Đồng chí") == "dong chi"
    assert fold("Trường") == "truong"
    assert fold("ĐẠI HỘI") == "dai hoi"


def test_fold_is_stable_across_normalisation_forms():
    import unicodedata
    text = "Nguyễn Thị Hường"
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


def test_words_split_on_punctuation():
    assert words("Lào Cai, 28/2: Hội nghị") == ["lao", "cai", "28", "2", "hoi", "nghi"]


def test_names_sort_in_vietnamese_order():
    from photodesk.core.fold import sort_key
    names = ["Em", "Đào", "Dũng", "Bình", "Ánh", "An", "Ưu", "Uy", "Ơn", "Ôi", "Oa", "Âm", "Ăn",
             "Ba", "DSC_0001.JPG", "dsc_0001.jpg", "IMG_0002.jpg", "2024", "Hà", "Hạ", "Hả", "Há"]
    assert sorted(names, key=sort_key) == [
        "2024", "An", "Ánh", "Ăn", "Âm", "Ba", "Bình", "DSC_0001.JPG", "dsc_0001.jpg", "Dũng",
        "Đào", "Em", "Hà", "Hả", "Há", "Hạ", "IMG_0002.jpg", "Oa", "Ôi", "Ơn", "Uy", "Ưu"]
