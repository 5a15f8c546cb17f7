<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="107"/>
        <source>Close the article</source>
        <translation>Đóng bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="122"/>
        <location filename="../../photodesk/gui/views/articleview.py" line="172"/>
        <source>Article</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="184"/>
        <source>Event: %1</source>
        <translation>Sự kiện: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="190"/>
        <source>People: %1</source>
        <translation>Nhân vật: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/articleview.py" line="194"/>
        <source>Confirm the article&apos;s %n suggestion(s)</source>
        <translation>
            <numerusform>Xác nhận %n gợi ý của bài viết</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="197"/>
        <source>The people and event the article suggests for its photos become Person Shown and Event (undo: Ctrl+Z)</source>
        <translation>Các nhân vật và sự kiện mà bài viết gợi ý cho các ảnh trong bài được ghi vào Nhân vật trong ảnh và Sự kiện (hoàn tác: Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="201"/>
        <source>Confirm the article&apos;s suggestions</source>
        <translation>Xác nhận các gợi ý của bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="236"/>
        <source>%1 — no photo of this name in the catalog</source>
        <translation>%1 — không có ảnh nào mang tên này trong kho ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="265"/>
        <source>“%1” could be any of these photos. Which one does the article show?</source>
        <translation>“%1” có thể là một trong các ảnh này. Bài viết dùng ảnh nào?</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="284"/>
        <source>This one</source>
        <translation>Đúng ảnh này</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="301"/>
        <source>The photo&apos;s own caption differs:</source>
        <translation>Chú thích riêng của ảnh khác với bài viết:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="303"/>
        <location filename="../../photodesk/gui/views/articleview.py" line="305"/>
        <source>Use article caption</source>
        <translation>Dùng chú thích của bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/articleview.py" line="303"/>
        <source>Keep the photo&apos;s caption</source>
        <translation>Giữ chú thích của ảnh</translation>
    </message>
</context>
<context>
    <name>CaptionField</name>
    <message>
        <location filename="../../photodesk/gui/views/editors.py" line="73"/>
        <source>Several captions: typing replaces them all</source>
        <translation>Nhiều chú thích khác nhau: nội dung nhập vào sẽ thay cho tất cả</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/editors.py" line="74"/>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
</context>
<context>
    <name>Chip</name>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="73"/>
        <source>Accept: this person or event is in the photo</source>
        <translation>Nhận: nhân vật hoặc sự kiện này có trong ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="75"/>
        <source>Reject this suggestion</source>
        <translation>Bỏ gợi ý này</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="81"/>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../photodesk/gui/views/compare.py" line="160"/>
        <source>Tab or ←/→ active photo · Z or double-click 100 % · +/− zoom · 0–5 rating · 6–9 label · P pick · X reject · Esc or C close</source>
        <translation>Tab hoặc ←/→ chuyển ảnh · Z hoặc bấm đúp: 100 % · +/− thu phóng · 0–5 chấm sao · 6–9 nhãn màu · P chọn đăng · X loại · Esc hoặc C đóng</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../photodesk/gui/workers/edits.py" line="248"/>
        <source>The archive cannot be reached: your edits are kept, and saved when it is back.</source>
        <translation>Không kết nối được kho ảnh chung: các thay đổi của bạn được giữ lại và sẽ được lưu khi kết nối lại.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="79"/>
        <location filename="../../photodesk/gui/dialogs/export.py" line="146"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="95"/>
        <source>CSV table</source>
        <translation>Bảng CSV</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="95"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="96"/>
        <source>Caption sheet (text)</source>
        <translation>Bảng chú thích (văn bản)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="96"/>
        <source>XMP sidecars</source>
        <translation>Tệp XMP đi kèm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="97"/>
        <source>JPEG copies with metadata</source>
        <translation>Bản sao JPEG kèm siêu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="97"/>
        <source>HTML gallery</source>
        <translation>Trang ảnh HTML</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="101"/>
        <source>Caption as it is, or e.g. {caption} Ảnh: {credit}</source>
        <translation>Giữ nguyên chú thích, hoặc ví dụ {caption} Ảnh: {credit}</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="104"/>
        <source>Variables</source>
        <translation>Biến</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="115"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="118"/>
        <source>e.g. {date:%Y%m%d}_{n:03} (the file&apos;s own name when empty)</source>
        <translation>ví dụ {date:%Y%m%d}_{n:03} (để trống: giữ tên tệp gốc)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="120"/>
        <source>How the XMP sidecars or JPEG copies are named; the template variables work here too.</source>
        <translation>Cách đặt tên tệp XMP đi kèm hoặc bản sao JPEG; các biến của mẫu cũng dùng được ở đây.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="122"/>
        <source>Start with a BOM (for Excel)</source>
        <translation>Thêm BOM ở đầu tệp (cho Excel)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="123"/>
        <source>Put everything in one ZIP file</source>
        <translation>Gói tất cả vào một tệp ZIP</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="125"/>
        <source>Full size</source>
        <translation>Cỡ gốc</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="135"/>
        <source>Photos:</source>
        <translation>Ảnh:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="136"/>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="137"/>
        <source>Template:</source>
        <translation>Mẫu:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="138"/>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="139"/>
        <source>File names:</source>
        <translation>Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="142"/>
        <source>Long edge:</source>
        <translation>Cạnh dài:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="143"/>
        <source>JPEG quality:</source>
        <translation>Chất lượng JPEG:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="144"/>
        <source>Preview:</source>
        <translation>Xem trước:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="158"/>
        <source>Select photos, search, or open an article first.</source>
        <translation>Hãy chọn ảnh, tìm kiếm hoặc mở một bài viết trước.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="185"/>
        <source>Export to folder</source>
        <translation>Xuất vào thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="225"/>
        <source>(no photos)</source>
        <translation>(không có ảnh)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="241"/>
        <source>Choose the folder to export into.</source>
        <translation>Hãy chọn thư mục để xuất vào.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="251"/>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="272"/>
        <source>Export failed: %1</source>
        <translation>Xuất không thành công: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="281"/>
        <source>Export cancelled; the files written so far are whole.</source>
        <translation>Đã hủy xuất; các tệp đã ghi đến lúc này vẫn nguyên vẹn.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/export.py" line="284"/>
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>Đã ghi %n tệp.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="286"/>
        <source>Skipped: %1</source>
        <translation>Bỏ qua: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="297"/>
        <source>Replace files?</source>
        <translation>Ghi đè các tệp?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/export.py" line="298"/>
        <source>%n file(s) exist already:</source>
        <translation>
            <numerusform>%n tệp đã có sẵn:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="300"/>
        <source>Overwrite</source>
        <translation>Ghi đè</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/export.py" line="305"/>
        <source>Nothing was written: files exist already.</source>
        <translation>Chưa ghi gì: các tệp đã có sẵn.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="18"/>
        <source>People</source>
        <translation>Nhân vật</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="19"/>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="20"/>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="21"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="22"/>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="23"/>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="24"/>
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="25"/>
        <source>Rating</source>
        <translation>Số sao</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="26"/>
        <source>Colour label</source>
        <translation>Nhãn màu</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="27"/>
        <source>Pick</source>
        <translation>Chọn đăng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="28"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="29"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="34"/>
        <source>picked</source>
        <translation>đã chọn đăng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="35"/>
        <source>not picked</source>
        <translation>chưa chọn đăng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="36"/>
        <source>rejected</source>
        <translation>đã loại</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="37"/>
        <source>no stars</source>
        <translation>chưa chấm sao</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="38"/>
        <source>present</source>
        <translation>có tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="39"/>
        <source>missing</source>
        <translation>mất tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="40"/>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="41"/>
        <source>offline</source>
        <translation>ngoại tuyến</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="59"/>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="157"/>
        <source>Facets</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/facetpanel.py" line="92"/>
        <source>Counting…</source>
        <translation>Đang đếm…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/facetpanel.py" line="112"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n ảnh</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/facetpanel.py" line="114"/>
        <source>about %n photo(s) (counted from a sample)</source>
        <translation>
            <numerusform>khoảng %n ảnh (ước tính từ một phần ảnh)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="20"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="21"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Phím tắt</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="25"/>
        <source>&amp;Search syntax</source>
        <translation>&amp;Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="29"/>
        <source>&amp;About PhotoDesk</source>
        <translation>&amp;Giới thiệu PhotoDesk</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="42"/>
        <source>About PhotoDesk</source>
        <translation>Giới thiệu PhotoDesk</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="46"/>
        <source>GNU GPL 3.0 or later</source>
        <translation>GNU GPL 3.0 trở lên</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="49"/>
        <source>A desk for press photos: culling, captions, people and the articles each photo belongs to.</source>
        <translation>Bàn làm việc cho ảnh báo chí: duyệt ảnh, chú thích, nhân vật và bài viết mà mỗi ảnh thuộc về.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="51"/>
        <source>Licence: %1</source>
        <translation>Giấy phép: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="53"/>
        <source>Catalog: %1</source>
        <translation>Kho ảnh: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="62"/>
        <source>Rate the selected photos (0 clears the stars)</source>
        <translation>Chấm sao cho các ảnh đang chọn (0 bỏ số sao)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="63"/>
        <source>Colour label red, yellow, green, blue (again: clear it)</source>
        <translation>Nhãn màu đỏ, vàng, xanh lá, xanh dương (nhấn lại: bỏ nhãn)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="65"/>
        <source>Pick (again: clear the flag)</source>
        <translation>Chọn đăng (nhấn lại: bỏ)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="66"/>
        <source>Reject (again: clear the flag)</source>
        <translation>Loại (nhấn lại: bỏ)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="67"/>
        <source>Open or close the loupe</source>
        <translation>Mở hoặc đóng chế độ xem lớn</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="68"/>
        <source>Previous or next photo (in the loupe too)</source>
        <translation>Ảnh trước hoặc sau (cả khi xem lớn)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="69"/>
        <source>100 % view in the loupe (a click too) and in compare (a double-click too)</source>
        <translation>Xem 100 % khi xem lớn (hoặc nhấp chuột) và khi so sánh (hoặc nhấp đúp)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="71"/>
        <source>Zoom in or out in the loupe and in compare</source>
        <translation>Phóng to hoặc thu nhỏ khi xem lớn và khi so sánh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="72"/>
        <source>Move around a zoomed photo (dragging too)</source>
        <translation>Di chuyển trong ảnh đang phóng to (hoặc kéo chuột)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="73"/>
        <source>Next or previous photo in the compare view</source>
        <translation>Ảnh sau hoặc trước khi so sánh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="74"/>
        <source>Close the loupe or the compare view</source>
        <translation>Đóng chế độ xem lớn hoặc so sánh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="101"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="104"/>
        <source>Keys</source>
        <translation>Phím</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="104"/>
        <source>Does</source>
        <translation>Tác dụng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="107"/>
        <source>Culling and viewing</source>
        <translation>Duyệt ảnh và xem ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/help.py" line="108"/>
        <source>Menus</source>
        <translation>Trình đơn</translation>
    </message>
</context>
<context>
    <name>IndexingStatus</name>
    <message>
        <location filename="../../photodesk/gui/views/progress.py" line="23"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/progress.py" line="36"/>
        <source>Looking for photos…</source>
        <translation>Đang tìm ảnh…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/progress.py" line="42"/>
        <source>Indexing: 0 of %1</source>
        <translation>Đang lập chỉ mục: 0 / %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/progress.py" line="47"/>
        <source>Indexing: %1 of %2</source>
        <translation>Đang lập chỉ mục: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/progress.py" line="49"/>
        <source>%1 photos/s</source>
        <translation>%1 ảnh/giây</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/progress.py" line="51"/>
        <source>%1 left</source>
        <translation>còn lại %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/progress.py" line="56"/>
        <source>Stopping after the current batch…</source>
        <translation>Đang dừng sau lô hiện tại…</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="100"/>
        <source>No photo selected</source>
        <translation>Chưa chọn ảnh nào</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="129"/>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="130"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="358"/>
        <source>Headline</source>
        <translation>Tít</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="131"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="358"/>
        <source>Caption</source>
        <translation>Chú thích</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="132"/>
        <source>People shown</source>
        <translation>Nhân vật trong ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="133"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="360"/>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="134"/>
        <source>Keywords</source>
        <translation>Từ khóa</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="189"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="189"/>
        <source>Date created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="137"/>
        <source>Rights</source>
        <translation>Tác giả và bản quyền</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="138"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="359"/>
        <source>Creator</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="138"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="359"/>
        <source>Credit</source>
        <translation>Ghi nguồn</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="190"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="139"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="360"/>
        <source>Copyright</source>
        <translation>Bản quyền</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="148"/>
        <source>Your role on the archive may not edit.</source>
        <translation>Vai trò của bạn trên kho ảnh chung không được sửa.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="160"/>
        <source>Clear event</source>
        <translation>Bỏ sự kiện</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="188"/>
        <source>Place and date</source>
        <translation>Địa điểm và ngày</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="192"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="193"/>
        <source>Camera</source>
        <translation>Máy ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="193"/>
        <source>Lens</source>
        <translation>Ống kính</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="194"/>
        <source>Shutter speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="194"/>
        <source>Aperture</source>
        <translation>Khẩu độ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="195"/>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="195"/>
        <source>Focal length</source>
        <translation>Tiêu cự</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="196"/>
        <source>Taken at</source>
        <translation>Ngày chụp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="196"/>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="197"/>
        <source>GPS</source>
        <translation>Tọa độ GPS</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="199"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="199"/>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/inspector.py" line="254"/>
        <source>%n photos selected: edits apply to all of them.</source>
        <translation>
            <numerusform>Đang chọn %n ảnh: chỉnh sửa áp dụng cho tất cả.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="277"/>
        <source>Missing file</source>
        <translation>Mất tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="279"/>
        <source>Unreadable for now (read again at the next indexing)</source>
        <translation>Tạm thời không đọc được (sẽ đọc lại ở lần lập chỉ mục sau)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="281"/>
        <source>Unreadable</source>
        <translation>Không đọc được</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="294"/>
        <source>In the article %1</source>
        <translation>Trong bài viết %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="319"/>
        <source>The article “%1” captions this photo differently:</source>
        <translation>Bài viết “%1” chú thích ảnh này khác:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="321"/>
        <location filename="../../photodesk/gui/views/inspector.py" line="323"/>
        <source>Use article caption</source>
        <translation>Dùng chú thích của bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="321"/>
        <source>Keep this caption</source>
        <translation>Giữ chú thích này</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="354"/>
        <source>Edit %1</source>
        <translation>Sửa %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="364"/>
        <source>Tag %1</source>
        <translation>Gắn tên %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="364"/>
        <source>Add keyword %1</source>
        <translation>Thêm từ khóa %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="369"/>
        <source>Untag %1</source>
        <translation>Gỡ tên %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="369"/>
        <source>Remove keyword %1</source>
        <translation>Gỡ từ khóa %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="375"/>
        <source>Set event %1</source>
        <translation>Đặt sự kiện %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="378"/>
        <source>Accept suggestion</source>
        <translation>Nhận gợi ý</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="378"/>
        <source>Reject suggestion</source>
        <translation>Bỏ gợi ý</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/inspector.py" line="392"/>
        <source>Copy of %1</source>
        <translation>Bản sao của %1</translation>
    </message>
</context>
<context>
    <name>LineField</name>
    <message>
        <location filename="../../photodesk/gui/views/editors.py" line="37"/>
        <source>Several values: typing replaces them all</source>
        <translation>Nhiều giá trị khác nhau: nội dung nhập vào sẽ thay cho tất cả</translation>
    </message>
</context>
<context>
    <name>LiveFolders</name>
    <message>
        <location filename="../../photodesk/gui/workers/watching.py" line="57"/>
        <source>folder offline: %1</source>
        <translation>thư mục ngoại tuyến: %1</translation>
    </message>
</context>
<context>
    <name>Loupe</name>
    <message>
        <location filename="../../photodesk/gui/views/loupe.py" line="87"/>
        <source>←/→ previous/next · Z or click 100 % · +/− zoom · 0–5 rating · 6–9 label · P pick · X reject · Esc close</source>
        <translation>←/→ ảnh trước/sau · Z hoặc bấm: 100 % · +/− thu phóng · 0–5 chấm sao · 6–9 nhãn màu · P chọn đăng · X loại · Esc đóng</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="80"/>
        <source>PhotoDesk — %1</source>
        <translation>PhotoDesk — %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="19"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="24"/>
        <source>Search captions, people, places… (accents optional)</source>
        <translation>Tìm chú thích, nhân vật, địa điểm… (không cần dấu)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="30"/>
        <source>Date taken</source>
        <translation>Ngày chụp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="31"/>
        <source>File name</source>
        <translation>Tên tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="32"/>
        <source>Rating</source>
        <translation>Số sao</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="33"/>
        <source>Recently added</source>
        <translation>Mới thêm gần đây</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="43"/>
        <source>Reverse the order</source>
        <translation>Đảo thứ tự</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="45"/>
        <source>Sort:</source>
        <translation>Sắp xếp:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="57"/>
        <source>Highest first</source>
        <translation>Nhiều sao trước</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="58"/>
        <source>Lowest first</source>
        <translation>Ít sao trước</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="59"/>
        <source>Newest first</source>
        <translation>Mới nhất trước</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="60"/>
        <source>Oldest first</source>
        <translation>Cũ nhất trước</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="65"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="66"/>
        <source>&amp;Add folder…</source>
        <translation>&amp;Thêm thư mục…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="69"/>
        <source>Re&amp;build thumbnails</source>
        <translation>Tạo &amp;lại ảnh thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="71"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="74"/>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="77"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="79"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="81"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="86"/>
        <source>Select &amp;all</source>
        <translation>Chọn &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="89"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="91"/>
        <source>Problems</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="93"/>
        <source>&amp;Find</source>
        <translation>Tì&amp;m</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="95"/>
        <source>Find s&amp;imilar photos</source>
        <translation>Tìm ảnh &amp;tương tự</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="98"/>
        <source>&amp;Loupe (Space)</source>
        <translation>&amp;Xem lớn (Space)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="101"/>
        <source>&amp;Compare</source>
        <translation>&amp;So sánh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="105"/>
        <source>&amp;Larger thumbnails</source>
        <translation>Ảnh thu nhỏ &amp;lớn hơn</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="107"/>
        <source>&amp;Smaller thumbnails</source>
        <translation>Ảnh thu nhỏ &amp;nhỏ hơn</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="153"/>
        <source>&amp;Write metadata to files…</source>
        <translation>&amp;Ghi siêu dữ liệu vào tệp…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="155"/>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="355"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n ảnh</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="131"/>
        <source>in folder %1</source>
        <translation>trong thư mục %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="132"/>
        <source>in the article</source>
        <translation>trong bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="133"/>
        <source>showing %1</source>
        <translation>có %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="134"/>
        <source>at %1</source>
        <translation>tại %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="135"/>
        <source>in saved search %1</source>
        <translation>trong tìm kiếm đã lưu %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="143"/>
        <source>No photo matches “%1”.</source>
        <translation>Không có ảnh nào khớp với “%1”.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="145"/>
        <source>Nothing here yet.</source>
        <translation>Chưa có ảnh nào ở đây.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="146"/>
        <source>No photos yet. Drop a folder here, or choose File → Add folder…</source>
        <translation>Chưa có ảnh nào. Thả một thư mục vào đây, hoặc chọn Tệp → Thêm thư mục…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/window_parts.py" line="122"/>
        <source>Add folder</source>
        <translation>Thêm thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="147"/>
        <source>Search all photos</source>
        <translation>Tìm trong tất cả ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="290"/>
        <source>Choose a photo to find the photos that look like it.</source>
        <translation>Chọn một ảnh để tìm các ảnh tương tự.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="336"/>
        <source>Article&apos;s order</source>
        <translation>Thứ tự bài viết</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="356"/>
        <source>More than %n photo(s)</source>
        <translation>
            <numerusform>Hơn %n ảnh</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="411"/>
        <source>That photo is not in the grid&apos;s current list; showing all photos.</source>
        <translation>Ảnh này không có trong danh sách đang xem; chuyển sang hiện tất cả ảnh.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="438"/>
        <source>%1 (%n photos)</source>
        <translation>
            <numerusform>%1 (%n ảnh)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="472"/>
        <source>Select two to four photos to compare them.</source>
        <translation>Chọn từ hai đến bốn ảnh để so sánh.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="563"/>
        <source>Copying the sample folder…</source>
        <translation>Đang chép thư mục mẫu…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="595"/>
        <source>Indexing cancelled after %n photo(s).</source>
        <translation>
            <numerusform>Đã hủy lập chỉ mục sau %n ảnh.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="597"/>
        <source>Indexing finished: %n photo(s) read.</source>
        <translation>
            <numerusform>Lập chỉ mục xong: đã đọc %n ảnh.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="610"/>
        <source>Read only: your role on the archive may search and export, not edit.</source>
        <translation>Chỉ đọc: vai trò của bạn trên kho ảnh chung được tìm kiếm và xuất ảnh, không được sửa.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="678"/>
        <source>Folders are removed once indexing is done.</source>
        <translation>Thư mục sẽ được gỡ khi lập chỉ mục xong.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="694"/>
        <source>Remove from catalog</source>
        <translation>Gỡ khỏi kho ảnh</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="698"/>
        <source>Removed from the catalog: %n photo(s); the files are still on disk.</source>
        <translation>
            <numerusform>Đã gỡ khỏi kho ảnh: %n ảnh; các tệp vẫn còn trên ổ đĩa.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="712"/>
        <source>Where is %1 now?</source>
        <translation>%1 giờ nằm ở đâu?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="722"/>
        <source>None of the %n photo(s) looked for is in %1: is it the right folder? Nothing was changed.</source>
        <translation>
            <numerusform>Không ảnh nào trong %n ảnh được tìm có trong %1: có đúng thư mục không? Chưa có gì thay đổi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/mainwindow.py" line="726"/>
        <source>%1 is at %2 on this computer: %3 of %n photo(s) looked for are there.</source>
        <translation>
            <numerusform>Trên máy này, %1 nằm ở %2: có %3 trong %n ảnh được tìm ở đó.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="728"/>
        <source>%1 is at %2 on this computer.</source>
        <translation>Trên máy này, %1 nằm ở %2.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="735"/>
        <source>The folder was not located.</source>
        <translation>Chưa tìm lại được thư mục.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/mainwindow.py" line="805"/>
        <source>Sample newsroom folder</source>
        <translation>Thư mục tòa soạn mẫu</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/panels.py" line="37"/>
        <source>Photo details</source>
        <translation>Chi tiết ảnh</translation>
    </message>
</context>
<context>
    <name>OtherDesks</name>
    <message>
        <location filename="../../photodesk/gui/workers/listening.py" line="50"/>
        <source>The archive cannot be reached; PhotoDesk keeps trying. Edits made meanwhile are not saved: %1</source>
        <translation>Không kết nối được kho ảnh chung; PhotoDesk đang thử lại. Các thay đổi trong lúc này không được lưu: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/listening.py" line="55"/>
        <source>The archive is reachable again.</source>
        <translation>Đã kết nối lại được kho ảnh chung.</translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="20"/>
        <source>Write metadata to files</source>
        <translation>Ghi siêu dữ liệu vào tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="28"/>
        <source>Write to XMP sidecars instead (leave the photos untouched)</source>
        <translation>Ghi vào tệp XMP đi kèm thay vì vào ảnh (ảnh giữ nguyên)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="31"/>
        <source>Write</source>
        <translation>Ghi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="45"/>
        <source>%n photo(s) to write.</source>
        <translation>
            <numerusform>%n ảnh sẽ được ghi.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="47"/>
        <source>Nothing to report.</source>
        <translation>Không có gì cần báo.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="50"/>
        <source>%1 error(s), %2 warning(s).</source>
        <translation>%1 lỗi, %2 cảnh báo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="56"/>
        <source>%n photo(s) cannot be written</source>
        <translation>
            <numerusform>%n ảnh không ghi được</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="57"/>
        <source>%n without credit</source>
        <translation>
            <numerusform>%n ảnh thiếu ghi nguồn</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="58"/>
        <source>%n without copyright</source>
        <translation>
            <numerusform>%n ảnh thiếu bản quyền</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="59"/>
        <source>%n cut to IPTC limits</source>
        <translation>
            <numerusform>%n ảnh bị cắt theo giới hạn IPTC</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="60"/>
        <source>%n with a partial date</source>
        <translation>
            <numerusform>%n ảnh có ngày chưa đủ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="61"/>
        <source>%n whose fields disagree inside the file</source>
        <translation>
            <numerusform>%n ảnh có trường không khớp trong tệp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="62"/>
        <source>%n will get a sidecar</source>
        <translation>
            <numerusform>%n ảnh sẽ có tệp XMP đi kèm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="63"/>
        <source>%n with nothing to write</source>
        <translation>
            <numerusform>%n ảnh không có gì để ghi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="71"/>
        <source>All photos</source>
        <translation>Tất cả ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="75"/>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/preflight.py" line="75"/>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
</context>
<context>
    <name>ProblemsDock</name>
    <message>
        <location filename="../../photodesk/gui/views/problems.py" line="22"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/problems.py" line="22"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/problems.py" line="22"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/problems.py" line="25"/>
        <source>Clear</source>
        <translation>Xóa danh sách</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/problems.py" line="60"/>
        <source>Problems (%n)</source>
        <translation>
            <numerusform>Sự cố (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/problems.py" line="60"/>
        <source>Problems</source>
        <translation>Sự cố</translation>
    </message>
</context>
<context>
    <name>SearchHelp</name>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="18"/>
        <source>photos with every word; accents and case do not matter and each word is a prefix (xu finds Xuân)</source>
        <translation>ảnh có đủ mọi từ; không phân biệt dấu và chữ hoa, mỗi từ là phần đầu của từ cần tìm (xu tìm ra Xuân)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="19"/>
        <source>the words together, in this order</source>
        <translation>các từ liền nhau, đúng thứ tự này</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="20"/>
        <source>photos without the word; works before a field or a group too: -person:Lan</source>
        <translation>ảnh không có từ đó; dùng được cả trước một trường hay một nhóm: -person:Lan</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="21"/>
        <source>either one</source>
        <translation>một trong hai</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="22"/>
        <source>parentheses group</source>
        <translation>dấu ngoặc để nhóm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="23"/>
        <source>A and B both in the photo</source>
        <translation>cả A và B cùng có trong ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="24"/>
        <source>a person shown in the photo (confirmed, not only suggested)</source>
        <translation>nhân vật trong ảnh (đã xác nhận, không chỉ được gợi ý)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="25"/>
        <source>the photo&apos;s event</source>
        <translation>sự kiện của ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="26"/>
        <source>the title of an article using the photo</source>
        <translation>tiêu đề của bài viết có dùng ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="27"/>
        <source>a keyword</source>
        <translation>một từ khóa</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="28"/>
        <source>the caption</source>
        <translation>chú thích</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="29"/>
        <source>the headline or title</source>
        <translation>tít của ảnh (viết headline: hoặc title:)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="30"/>
        <source>the photographer</source>
        <translation>tác giả (người chụp)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="31"/>
        <source>the credit line or source</source>
        <translation>ghi nguồn (credit) hoặc nguồn (source)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="32"/>
        <source>sublocation, city, province, country</source>
        <translation>địa điểm cụ thể, thành phố, tỉnh, quốc gia</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="33"/>
        <source>camera make and model</source>
        <translation>hãng và đời máy ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="34"/>
        <source>the lens</source>
        <translation>ống kính</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="35"/>
        <source>the folder: a path from / means that folder and those inside it</source>
        <translation>thư mục: đường dẫn bắt đầu bằng / là thư mục đó và các thư mục bên trong</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="36"/>
        <source>the file name</source>
        <translation>tên tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="37"/>
        <source>date taken: 2024-02-28, 28/2/2024, 2024-02, 2024, a range with .., today, yesterday, -7d (-2w, -3m, -1y: the time since)</source>
        <translation>ngày chụp: 2024-02-28, 28/2/2024, 2024-02, 2024, một khoảng dùng .., today (hôm nay), yesterday (hôm qua), -7d (-2w, -3m, -1y: từ chừng ấy ngày, tuần, tháng, năm trước đến nay)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="38"/>
        <source>date indexed, written like date:</source>
        <translation>ngày lập chỉ mục, viết như date:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="39"/>
        <source>stars: 3, &gt;=3, &lt;2, 2..4 (0: none)</source>
        <translation>số sao: 3, &gt;=3, &lt;2, 2..4 (0: chưa chấm sao)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="40"/>
        <source>colour label: red, yellow, green, blue, purple (or as written in the file)</source>
        <translation>nhãn màu: red (đỏ), yellow (vàng), green (xanh lá), blue (xanh dương), purple (tím) (hoặc như ghi trong tệp)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="41"/>
        <source>yes (picked), no, reject</source>
        <translation>yes (đã chọn đăng), no (chưa chọn đăng), reject (đã loại)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="42"/>
        <source>present, missing, unreadable, offline</source>
        <translation>present (có tệp), missing (mất tệp), unreadable (không đọc được), offline (ngoại tuyến)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="43"/>
        <source>the photo has a caption, headline, credit, creator, keyword, gps, people, event, article, label or rating</source>
        <translation>ảnh có caption (chú thích), headline (tít), credit (ghi nguồn), creator (tác giả), keyword (từ khóa), gps (tọa độ), people (nhân vật), event (sự kiện), article (bài viết), label (nhãn màu) hoặc rating (số sao)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="44"/>
        <source>the photo 1234 and those that look like it: copies resized, re-compressed or cropped a little (similar:&quot;/path/file.jpg&quot;: any image file&apos;s look-alikes; -has:original hides the photos marked as copies)</source>
        <translation>ảnh 1234 và các ảnh tương tự: bản sao đã thu nhỏ, nén lại hoặc cắt bớt một chút (similar:&quot;/path/file.jpg&quot;: các ảnh tương tự một tệp ảnh bất kỳ; -has:original ẩn các ảnh đã đánh dấu là bản sao)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="45"/>
        <source>Field values fold like free words: person:&quot;vo thi anh xuan&quot; finds Võ Thị Ánh Xuân. A quoted value matches those words in that order; an unquoted one is a prefix.</source>
        <translation>Giá trị của trường cũng không phân biệt dấu và chữ hoa, như từ tự do: person:&quot;vo thi anh xuan&quot; tìm ra Võ Thị Ánh Xuân. Giá trị trong ngoặc kép khớp đúng các từ đó theo thứ tự; giá trị không có ngoặc là phần đầu của từ.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="46"/>
        <source>A part that cannot be read is left out and pointed at; the rest still searches.</source>
        <translation>Phần nào không hiểu được sẽ bị bỏ qua và được chỉ ra; phần còn lại vẫn được tìm.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="62"/>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="125"/>
        <source>Search syntax</source>
        <translation>Cú pháp tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="74"/>
        <source>Put this example in the search field</source>
        <translation>Đưa ví dụ này vào ô tìm kiếm</translation>
    </message>
</context>
<context>
    <name>SearchHint</name>
    <message>
        <location filename="../../photodesk/gui/views/searchhelp.py" line="112"/>
        <source>Left out: “%1”</source>
        <translation>Bỏ qua: “%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/searchhelp.py" line="114"/>
        <source>(+%n more)</source>
        <translation>
            <numerusform>(và %n chỗ khác)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="44"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="50"/>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="51"/>
        <source>Folders</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="52"/>
        <source>Writing</source>
        <translation>Ghi</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="53"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="55"/>
        <source>A new language, catalog, thumbnail folder or observer is used from the next start of PhotoDesk.</source>
        <translation>Ngôn ngữ, kho ảnh, thư mục ảnh thu nhỏ hoặc cách theo dõi mới có hiệu lực từ lần mở PhotoDesk sau.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="77"/>
        <source>System language</source>
        <translation>Theo ngôn ngữ của hệ thống</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="84"/>
        <source>Beside the catalog</source>
        <translation>Cạnh tệp kho ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="90"/>
        <source>The least recently viewed thumbnails are removed when the cache grows past this size; they are made again from the photos when needed.</source>
        <translation>Khi bộ nhớ đệm vượt quá dung lượng này, các ảnh thu nhỏ lâu nhất chưa được xem sẽ bị xóa; khi cần, chúng được tạo lại từ ảnh gốc.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="97"/>
        <source>Catalog file:</source>
        <translation>Tệp kho ảnh:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="97"/>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="100"/>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="253"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="99"/>
        <source>Thumbnail folder:</source>
        <translation>Thư mục ảnh thu nhỏ:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="101"/>
        <source>Thumbnail folder</source>
        <translation>Thư mục ảnh thu nhỏ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="102"/>
        <source>Thumbnail cache limit:</source>
        <translation>Giới hạn bộ nhớ đệm ảnh thu nhỏ:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="108"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="108"/>
        <source>Watched by</source>
        <translation>Theo dõi bằng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="117"/>
        <source>Remove from catalog…</source>
        <translation>Gỡ khỏi kho ảnh…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="163"/>
        <source>Automatic</source>
        <translation>Tự động</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="163"/>
        <source>Notifications</source>
        <translation>Thông báo hệ thống</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="164"/>
        <source>Listing (network shares)</source>
        <translation>Liệt kê định kỳ (ổ mạng)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="197"/>
        <source>Remove from catalog</source>
        <translation>Gỡ khỏi kho ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="219"/>
        <source>Into the photos (XMP and IPTC, losslessly)</source>
        <translation>Vào chính tệp ảnh (XMP và IPTC, không làm giảm chất lượng)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="220"/>
        <source>Into XMP sidecar files beside the photos</source>
        <translation>Vào tệp XMP đi kèm, cạnh ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="222"/>
        <source>Used by File → Write metadata to files… and by photodesk write; each write can still choose otherwise.</source>
        <translation>Dùng cho Tệp → Ghi siêu dữ liệu vào tệp… và lệnh photodesk write; mỗi lần ghi vẫn có thể chọn khác.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="246"/>
        <source>None: chosen in the Export dialog</source>
        <translation>Không đặt sẵn: chọn trong hộp thoại Xuất</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="277"/>
        <source>Not saved: %1</source>
        <translation>Chưa lưu: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="227"/>
        <source>Write metadata:</source>
        <translation>Ghi siêu dữ liệu:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="115"/>
        <source>Add folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="125"/>
        <source>The folders of the catalog open now, %1: every PhotoDesk that opens it watches them, whatever its own settings.</source>
        <translation>Các thư mục của kho ảnh đang mở, %1: mọi PhotoDesk mở kho ảnh này đều theo dõi chúng, dù cài đặt riêng của nó thế nào.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="128"/>
        <source>Automatic uses the system&apos;s notifications, and listing every few seconds on network shares, where notifications do not arrive.</source>
        <translation>Tự động: dùng thông báo của hệ thống, và liệt kê lại vài giây một lần với ổ mạng, nơi thông báo không đến.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="146"/>
        <source>The catalog&apos;s folders could not be read: %1</source>
        <translation>Không đọc được các thư mục của kho ảnh: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="177"/>
        <source>Add folder</source>
        <translation>Thêm thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="198"/>
        <source>Remove %1 from the catalog when you press OK? Its photos and articles leave the catalog, with edits not yet written to the files. The files on disk are not touched; adding the folder again brings them back.</source>
        <translation>Gỡ %1 khỏi kho ảnh khi bạn bấm OK? Ảnh và bài viết trong đó sẽ rời kho ảnh, cùng những chỉnh sửa chưa ghi vào tệp. Các tệp trên ổ đĩa không bị động đến; thêm lại thư mục sẽ đưa chúng trở lại.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="234"/>
        <source>CSV table</source>
        <translation>Bảng CSV</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="234"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="235"/>
        <source>Caption sheet (text)</source>
        <translation>Bảng chú thích (văn bản)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="235"/>
        <source>XMP sidecars</source>
        <translation>Tệp XMP đi kèm</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="236"/>
        <source>JPEG copies with metadata</source>
        <translation>Bản sao JPEG kèm siêu dữ liệu</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="236"/>
        <source>HTML gallery</source>
        <translation>Trang ảnh HTML</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="243"/>
        <source>Caption as it is, or e.g. {caption} Ảnh: {credit}</source>
        <translation>Giữ nguyên chú thích, hoặc ví dụ {caption} Ảnh: {credit}</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="247"/>
        <source>Start CSV and text files with a BOM (for Excel)</source>
        <translation>Thêm BOM vào đầu tệp CSV và văn bản (cho Excel)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="250"/>
        <source>Format:</source>
        <translation>Định dạng:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="251"/>
        <source>Template:</source>
        <translation>Mẫu:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="252"/>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="254"/>
        <source>Export folder</source>
        <translation>Thư mục xuất</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="263"/>
        <source>Catalog file</source>
        <translation>Tệp kho ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="263"/>
        <source>PhotoDesk catalog (*.sqlite)</source>
        <translation>Kho ảnh PhotoDesk (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/settings.py" line="96"/>
        <source>Language:</source>
        <translation>Ngôn ngữ:</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="60"/>
        <source>All photos</source>
        <translation>Tất cả ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="63"/>
        <source>Folders</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="66"/>
        <source>Articles</source>
        <translation>Bài viết</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="66"/>
        <source>People</source>
        <translation>Nhân vật</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="67"/>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="72"/>
        <source>Saved searches</source>
        <translation>Tìm kiếm đã lưu</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/sidebar.py" line="111"/>
        <source>Show %n more…</source>
        <translation>
            <numerusform>Xem thêm %n…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="156"/>
        <source>%1
Not found on this computer: right-click → Locate folder… to say where it is now.</source>
        <translation>%1
Không tìm thấy trên máy này: bấm chuột phải → Tìm lại thư mục… để chỉ chỗ của nó bây giờ.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="181"/>
        <source>%1 of %2 images linked</source>
        <translation>Đã liên kết %1 / %2 ảnh</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/views/sidebar.py" line="185"/>
        <source>%n image(s) wait for a choice</source>
        <translation>
            <numerusform>%n ảnh chờ chọn đúng ảnh</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="198"/>
        <source>Locate folder…</source>
        <translation>Tìm lại thư mục…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/sidebar.py" line="238"/>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="112"/>
        <source>Suggested by the article:</source>
        <translation>Gợi ý từ bài viết cho ảnh này:</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="136"/>
        <source>Add a person: type part of the name</source>
        <translation>Thêm nhân vật: gõ một phần của tên</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="137"/>
        <source>Set the event: type part of its name</source>
        <translation>Đặt sự kiện: gõ một phần của tên</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="138"/>
        <source>Add a keyword</source>
        <translation>Thêm từ khóa</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="196"/>
        <source>Enter adds a new person: %1</source>
        <translation>Enter để thêm nhân vật mới: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="198"/>
        <source>Type “name, title” to give the title too.</source>
        <translation>Gõ “tên, chức vụ” để ghi cả chức vụ.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/tags.py" line="200"/>
        <source>Enter adds a new event: %1</source>
        <translation>Enter để thêm sự kiện mới: %1</translation>
    </message>
</context>
<context>
    <name>ThumbDelegate</name>
    <message>
        <location filename="../../photodesk/gui/views/delegate.py" line="184"/>
        <source>Missing</source>
        <translation>Mất tệp</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/delegate.py" line="184"/>
        <source>Unreadable</source>
        <translation>Không đọc được</translation>
    </message>
</context>
<context>
    <name>ThumbnailRebuild</name>
    <message>
        <location filename="../../photodesk/gui/workers/thumbrebuild.py" line="37"/>
        <source>Rebuilding thumbnails…</source>
        <translation>Đang tạo lại ảnh thu nhỏ…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/thumbrebuild.py" line="47"/>
        <source>Rebuilding thumbnails: %1 of %2</source>
        <translation>Đang tạo lại ảnh thu nhỏ: %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/thumbrebuild.py" line="58"/>
        <source>Thumbnails rebuilt: %n photo(s).</source>
        <translation>
            <numerusform>Đã tạo lại ảnh thu nhỏ: %n ảnh.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/thumbrebuild.py" line="60"/>
        <source>%n could not be (see Problems).</source>
        <translation>
            <numerusform>%n ảnh không tạo lại được (xem Sự cố).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../photodesk/gui/views/welcome.py" line="25"/>
        <source>Welcome to PhotoDesk</source>
        <translation>Chào mừng đến với PhotoDesk</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/welcome.py" line="29"/>
        <source>PhotoDesk keeps a catalog of your press photos: it reads their captions and metadata, finds the articles that name them, and follows the folders as new photos arrive. Your photos are never changed unless you ask to write metadata.</source>
        <translation>PhotoDesk lập kho ảnh báo chí của bạn: đọc chú thích và siêu dữ liệu, tìm các bài viết có dùng ảnh, và theo dõi thư mục khi có ảnh mới. Ảnh của bạn không bao giờ bị thay đổi trừ khi bạn yêu cầu ghi siêu dữ liệu.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/welcome.py" line="34"/>
        <source>Add a photo folder…</source>
        <translation>Thêm thư mục ảnh…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/welcome.py" line="38"/>
        <source>Open the sample newsroom folder</source>
        <translation>Mở thư mục tòa soạn mẫu</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/welcome.py" line="41"/>
        <source>The sample is a made-up story with seven generated photos, copied into your data folder so you can try everything on it. You can also drop a folder on this window.</source>
        <translation>Bản mẫu là một bài viết hư cấu với bảy ảnh được tạo tự động, được chép vào thư mục dữ liệu của bạn để bạn thử mọi chức năng. Bạn cũng có thể kéo thả một thư mục vào cửa sổ này.</translation>
    </message>
</context>
<context>
    <name>Writing</name>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="41"/>
        <source>Stop writing</source>
        <translation>Dừng ghi</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="57"/>
        <source>Stopping after the photo being written…</source>
        <translation>Sẽ dừng sau ảnh đang ghi…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="65"/>
        <source>Select the photos to write first.</source>
        <translation>Hãy chọn ảnh cần ghi trước.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="68"/>
        <source>A write is already running.</source>
        <translation>Một lượt ghi khác đang chạy.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="77"/>
        <source>Checking %n photo(s)…</source>
        <translation>
            <numerusform>Đang kiểm tra %n ảnh…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="92"/>
        <source>Pre-flight failed: %1</source>
        <translation>Kiểm tra trước khi ghi không thành công: %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="133"/>
        <source>Writing metadata: %1 of %2…</source>
        <translation>Đang ghi siêu dữ liệu: %1 / %2…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="141"/>
        <source>Metadata written to %n photo(s).</source>
        <translation>
            <numerusform>Đã ghi siêu dữ liệu vào %n ảnh.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="143"/>
        <source>Stopped; the others are as they were.</source>
        <translation>Đã dừng; các ảnh còn lại giữ nguyên.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="145"/>
        <source>%n could not be written (see Problems).</source>
        <translation>
            <numerusform>%n ảnh không ghi được (xem Sự cố).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../photodesk/gui/workers/writing.py" line="166"/>
        <source>Selected photos (%n)</source>
        <translation>
            <numerusform>Ảnh đang chọn (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="170"/>
        <source>Search “%1” (%2 photos)</source>
        <translation>Kết quả tìm “%1” (%2 ảnh)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="171"/>
        <source>Photos in the grid (%2)</source>
        <translation>Ảnh đang hiện trong lưới (%2)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="175"/>
        <source>The open article</source>
        <translation>Bài viết đang mở</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/workers/writing.py" line="179"/>
        <source>The event chosen in the sidebar</source>
        <translation>Sự kiện đang chọn ở thanh bên</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../photodesk/gui/app.py" line="67"/>
        <source>The folders listed in the settings moved into the catalog: every PhotoDesk that opens it watches them.</source>
        <translation>Các thư mục ghi trong cài đặt đã được chuyển vào kho ảnh: mọi PhotoDesk mở kho ảnh này đều theo dõi chúng.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/app.py" line="97"/>
        <source>PhotoDesk cannot open the catalog</source>
        <translation>PhotoDesk không mở được kho ảnh</translation>
    </message>
</context>
<context>
    <name>conflict</name>
    <message>
        <location filename="../../photodesk/gui/dialogs/conflict.py" line="9"/>
        <source>another desk</source>
        <translation>một bàn biên tập khác</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/conflict.py" line="10"/>
        <source>Photo %1 was changed by %2 since you opened it. Your change was not saved.</source>
        <translation>Ảnh %1 đã được %2 sửa sau khi bạn mở. Thay đổi của bạn chưa được lưu.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/conflict.py" line="15"/>
        <source>%1 — theirs: %2; yours: %3</source>
        <translation>%1 — của họ: %2; của bạn: %3</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/conflict.py" line="22"/>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/conflict.py" line="30"/>
        <source>Changed on another desk</source>
        <translation>Đã được sửa ở bàn biên tập khác</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/conflict.py" line="32"/>
        <source>Keep theirs</source>
        <translation>Giữ bản của họ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/conflict.py" line="33"/>
        <source>Use mine</source>
        <translation>Dùng bản của tôi</translation>
    </message>
</context>
<context>
    <name>culling</name>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="45"/>
        <source>Red</source>
        <translation>Đỏ</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="45"/>
        <source>Yellow</source>
        <translation>Vàng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="46"/>
        <source>Green</source>
        <translation>Xanh lá</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="46"/>
        <source>Blue</source>
        <translation>Xanh dương</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="47"/>
        <source>Purple</source>
        <translation>Tím</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="54"/>
        <source>Rate %1</source>
        <translation>Chấm sao %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="56"/>
        <source>Label %1</source>
        <translation>Gắn nhãn màu %1</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="57"/>
        <source>Clear label</source>
        <translation>Bỏ nhãn màu</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="59"/>
        <source>Pick</source>
        <translation>Chọn đăng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="59"/>
        <source>Reject</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/culling.py" line="60"/>
        <source>Clear pick</source>
        <translation>Bỏ chọn đăng/loại</translation>
    </message>
</context>
<context>
    <name>photoview</name>
    <message>
        <location filename="../../photodesk/gui/views/photoview.py" line="181"/>
        <source>Loading 100 %…</source>
        <translation>Đang tải 100 %…</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/photoview.py" line="183"/>
        <source>This photo cannot be read at 100 %: its file is missing or damaged.</source>
        <translation>Không đọc được ảnh này ở 100 %: tệp bị mất hoặc bị hỏng.</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/photoview.py" line="214"/>
        <source>Picked</source>
        <translation>Đã chọn đăng</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/views/photoview.py" line="216"/>
        <source>Rejected</source>
        <translation>Đã loại</translation>
    </message>
</context>
<context>
    <name>upgrade</name>
    <message>
        <location filename="../../photodesk/gui/dialogs/upgrade.py" line="20"/>
        <source>Upgrading the catalog</source>
        <translation>Đang nâng cấp kho ảnh</translation>
    </message>
    <message>
        <location filename="../../photodesk/gui/dialogs/upgrade.py" line="21"/>
        <source>Upgrading the catalog {name} for this version of PhotoDesk.
A backup copy is made first; a large catalog takes a minute or two.</source>
        <translation>Đang nâng cấp kho ảnh {name} cho phiên bản PhotoDesk này.
Trước hết một bản sao lưu được tạo; kho ảnh lớn mất một đến hai phút.</translation>
    </message>
</context>
</TS>
