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
